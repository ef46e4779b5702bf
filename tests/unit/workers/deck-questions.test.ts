// The deck-questions service (what the worker runs): the questions it returns equal the generator's
// own (generated into cache parts of any size), it generates once and reads the cache after, an
// edited deck is generated again and its changes reported, and a study queue holds only the queued
// cards' questions.
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import { deckSeed } from '../../../src/domain/questions/cache-key'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { createRandom } from '../../../src/domain/random'
import { cardRows, type CardRow } from '../../../src/domain/study/card-list'
import { buildStudyQueue } from '../../../src/domain/study/queue'
import { createDeckQuestions, whenDoubled } from '../../../src/workers/client'
import { DeckNotFoundError, DeckQuestionService } from '../../../src/workers/deck-questions'
import { deckFromPieces } from '../../../src/workers/protocol'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'
import type { Storage } from '../../../src/storage/types'
import { databaseOf } from '../../../src/storage/open'
import { cacheable, NOW, testDatabase } from '../storage/helpers'

const deck = { ...syntheticDynasty(300, 5), id: 'synthetic' } as Deck
const expected = generateQuestions(deck, { seed: deckSeed(deck.id) })

async function setup() {
  const database = testDatabase()
  const storage = await database.open()
  await storage.decks.save(deck, { origin: 'imported', now: NOW })
  return { storage, service: () => new DeckQuestionService(async () => storage) }
}

describe('deck-questions service', () => {
  it('generates the same questions as the generator, then reads them from the cache', async () => {
    const { service } = await setup()
    const first = service()
    const opened = await first.open(deck.id, NOW)
    expect(opened).toMatchObject({ id: deck.id, title: deck.title, cached: false, questionCount: expected.length })
    expect(opened.cardCount).toBe(new Set(expected.map((q) => q.cardId)).size)
    expect(opened.changes.firstSync).toBe(true)
    expect(await first.all(deck.id, NOW)).toEqual(expected)
    await first.settled()

    // The next opening (a reload: a new worker) generates nothing.
    const second = service()
    const again = await second.open(deck.id, NOW + 1000)
    expect(again.cached).toBe(true)
    expect(again.changes.firstSync).toBe(false)
    expect(await second.all(deck.id, NOW)).toEqual(expected)
  })

  it('serves a deck just generated, in cache parts of any size, as the generator made it', async () => {
    // As the cache gives them back too: the generator's questions but for their fields left undefined.
    const asStored = JSON.parse(JSON.stringify(expected)) as typeof expected
    for (const partSize of [1, 97, 5_000]) {
      const { storage } = await setup()
      const s = new DeckQuestionService(async () => ({
        ...storage,
        questionCache: { ...storage.questionCache, partSize },
      }))
      expect(await s.open(deck.id, NOW)).toMatchObject({ cached: false, questionCount: expected.length })
      expect(await s.all(deck.id, NOW)).toStrictEqual(asStored)
      // By id, in deck order whatever the order asked; every other question, and one the deck lacks.
      const some = asStored.filter((_, i) => i % 2 === 1)
      const ids = [...some.map((q) => q.id).reverse(), 'synthetic/no-such-question']
      expect(await s.questions(deck.id, ids, NOW)).toStrictEqual(some)
      // The card browser's rows, read part by part, are the rows of all the questions at once.
      expect(await s.cards(deck.id, NOW)).toStrictEqual(cardRows(asStored))
      // The cache holds the same parts: read back by a new service, the same questions.
      await s.settled()
      const cached = new DeckQuestionService(async () => storage)
      expect((await cached.open(deck.id, NOW)).cached).toBe(true)
      expect(await cached.all(deck.id, NOW)).toStrictEqual(asStored)
      expect(await cached.cards(deck.id, NOW)).toStrictEqual(cardRows(asStored))
    }
  })

  it('an edited deck is generated again and its changes reported', async () => {
    const { storage, service } = await setup()
    const first = service()
    await first.open(deck.id, NOW)
    await first.settled()
    const edited: Deck = { ...deck, facts: deck.facts.slice(1) }
    await storage.decks.save(edited, { origin: 'imported', now: NOW + 1 })
    const opened = await service().open(deck.id, NOW + 2)
    expect(opened.cached).toBe(false)
    expect(opened.changes.removed + opened.changes.changed).toBeGreaterThan(0)
    expect(opened.changeMessage).toMatch(/removed|updated/)
    expect(await service().all(deck.id, NOW + 3)).toEqual(generateQuestions(edited, { seed: deckSeed(deck.id) }))
  })

  it('builds the same study queue as in the page, and hands over questions by id', async () => {
    const { service } = await setup()
    const s = service()
    // Opened: the whole deck answers (first-card.test.ts: a deck still being generated).
    await s.open(deck.id, NOW)
    const request = { cards: [], now: NOW, newPerDay: 7, recognitionFirst: true, seed: 42 }
    const queue = await s.queue(deck.id, request)
    const inPage = buildStudyQueue({ ...request, questions: expected, random: createRandom(42) })
    expect(queue).toEqual(inPage)
    expect(queue.items).toHaveLength(7)
    const ids = [queue.items[0]!.question.id, 'synthetic/no-such-question']
    expect(await s.questions(deck.id, ids, NOW)).toEqual([queue.items[0]!.question])

    // From the cache (a reload): the same queue, its questions read only now.
    await s.settled()
    const cached = service()
    expect((await cached.open(deck.id, NOW)).cached).toBe(true)
    expect(await cached.queue(deck.id, request)).toEqual(inPage)
    const later = [queue.items[3]!.question.id, queue.items[1]!.question.id]
    expect(await cached.questions(deck.id, later, NOW)).toEqual([queue.items[1]!.question, queue.items[3]!.question])
  })

  it('a cache rewritten while the deck is open is read again, not half read', async () => {
    const { storage, service } = await setup()
    const first = service()
    await first.open(deck.id, NOW)
    await first.settled()
    const s = service()
    expect((await s.open(deck.id, NOW)).cached).toBe(true)
    // Another tab replaced the cache (a deck of other questions under another key).
    await storage.questionCache.put(deck.id, 'another-key', cacheable(expected.slice(0, 3)))
    const request = { cards: [], now: NOW, newPerDay: 5, recognitionFirst: true, seed: 9 }
    expect(await s.queue(deck.id, request)).toEqual(
      buildStudyQueue({ ...request, questions: expected, random: createRandom(9) }),
    )
    expect(await s.all(deck.id, NOW)).toEqual(expected)
  })

  // Each way a saved deck's content changes: the next opening must not read the old content's cache
  // (the deck's stored content hash moves with its content).
  const writes: Array<[string, (storage: Storage, changed: Deck) => Promise<unknown>]> = [
    [
      'saved again (import, editor)',
      (storage, changed) => storage.decks.save(changed, { origin: 'imported', now: NOW + 1 }),
    ],
    [
      'a card edited in place',
      (storage, changed) =>
        storage.saveEditedCard(changed, { cardId: 'none', fingerprint: 'none', keepProgress: false }, NOW + 1),
    ],
    ['renamed', (storage) => storage.renameDeck(deck.id, 'Another dynasty')],
    [
      'updated from its subscription',
      (storage, changed) =>
        storage.saveSubscribedDeck({
          deck: changed,
          questions: generateQuestions(changed, { seed: deckSeed(changed.id) }),
          subscription: {
            deckId: deck.id,
            url: 'https://school.example/d.yaml',
            versionHash: 'v2',
            subscribedAt: NOW,
            autoUpdate: true,
          },
          now: NOW + 1,
        }),
    ],
  ]
  it.each(writes)('a deck %s opens with its new questions, never the cached old ones', async (_, write) => {
    const { storage, service } = await setup()
    const first = service()
    await first.open(deck.id, NOW)
    await first.settled()
    expect((await service().open(deck.id, NOW)).cached).toBe(true)
    const changed: Deck = { ...deck, title: 'Another dynasty', facts: deck.facts.slice(2) }
    await write(storage, changed)
    const saved = (await storage.decks.get(deck.id)) as Deck
    expect(saved.title).toBe('Another dynasty')
    const opened = await service().open(deck.id, NOW + 2)
    expect(opened.cached).toBe(false)
    expect(opened.title).toBe('Another dynasty')
    expect(await service().all(deck.id, NOW + 3)).toEqual(generateQuestions(saved, { seed: deckSeed(deck.id) }))
  })

  it.each(writes)('a deck %s lists the cards of its new questions, never the old rows', async (_, write) => {
    const { storage, service } = await setup()
    const first = service()
    const old = await first.cards(deck.id, NOW)
    await first.settled()
    const changed: Deck = { ...deck, title: 'Another dynasty', facts: deck.facts.slice(2) }
    await write(storage, changed)
    const saved = (await storage.decks.get(deck.id)) as Deck
    const now = cardRows(JSON.parse(JSON.stringify(generateQuestions(saved, { seed: deckSeed(deck.id) }))))
    const rows = await service().cards(deck.id, NOW + 2)
    expect(rows).toStrictEqual(now)
    if (saved.facts.length < deck.facts.length) expect(rows).not.toStrictEqual(old)
  })

  it("a deck restored from a backup opens with the backup's questions", async () => {
    const { storage, service } = await setup()
    const backup = await storage.exportBackup(NOW)
    const changed: Deck = { ...deck, facts: deck.facts.slice(2) }
    await storage.decks.save(changed, { origin: 'imported', now: NOW + 1 })
    const first = service()
    await first.open(deck.id, NOW + 1)
    await first.settled()
    await storage.importBackup(backup, { mode: 'replace', now: NOW + 2 })
    const restored = (await storage.decks.get(deck.id)) as Deck
    expect(restored.facts).toHaveLength(deck.facts.length)
    const opened = await service().open(deck.id, NOW + 3)
    expect(opened.cached).toBe(false)
    expect(await service().all(deck.id, NOW + 3)).toEqual(generateQuestions(restored, { seed: deckSeed(deck.id) }))
  })

  it('a cached deck whose progress was synced to other questions is synced again on opening', async () => {
    const { storage, service } = await setup()
    const first = service()
    await first.open(deck.id, NOW)
    await first.settled()
    // Another tab synced the deck's progress to fewer cards (say, an older copy of the deck).
    const fewer = expected.filter((q) => q.cardId !== expected[0]!.cardId)
    await storage.syncDeckQuestions(deck.id, fewer, NOW + 1)
    const opened = await service().open(deck.id, NOW + 2)
    expect(opened.cached).toBe(true)
    expect(opened.changes).toMatchObject({ added: 1, changed: 0, removed: 0 })
    // …and once synced, the next opening finds nothing to do.
    expect((await service().open(deck.id, NOW + 3)).changes).toMatchObject({ added: 0, changed: 0, removed: 0 })
  })

  it('a deck deleted while it opens is not found, and nothing of it is written back', async () => {
    const { storage } = await setup()
    // The learner deletes the deck just before its questions are synced (the slow part is done).
    const s = new DeckQuestionService(async () => ({
      ...storage,
      syncDeckQuestions: async (...args) => {
        await storage.deleteDeck(deck.id)
        return storage.syncDeckQuestions(...args)
      },
    }))
    await expect(s.open(deck.id, NOW)).rejects.toBeInstanceOf(DeckNotFoundError)
    await s.settled()
    expect(await storage.decks.head(deck.id)).toBeUndefined()
    expect(await storage.cards.forDeck(deck.id, { includeRetired: true })).toEqual([])
    expect(await databaseOf(storage).questionCache.count()).toBe(0)
  })

  it('a deck deleted once opened, before its questions were cached, keeps no cache', async () => {
    const { storage } = await setup()
    const s = new DeckQuestionService(async () => ({
      ...storage,
      questionCache: {
        ...storage.questionCache,
        put: async (...args) => {
          await storage.deleteDeck(deck.id)
          return storage.questionCache.put(...args)
        },
      },
    }))
    expect(await s.open(deck.id, NOW)).toMatchObject({ cached: false, questionCount: expected.length })
    await s.settled()
    expect(await storage.decks.head(deck.id)).toBeUndefined()
    expect(await storage.cards.forDeck(deck.id, { includeRetired: true })).toEqual([])
    expect(await databaseOf(storage).questionCache.count()).toBe(0)
  })

  it('a deck that is not there is a DeckNotFoundError', async () => {
    const { service } = await setup()
    await expect(service().open('missing', NOW)).rejects.toBeInstanceOf(DeckNotFoundError)
    await expect(service().deck('missing')).rejects.toBeInstanceOf(DeckNotFoundError)
  })

  it('caches the card rows it made with the questions, and a new service reads them', async () => {
    const { storage, service } = await setup()
    const small = { ...storage, questionCache: { ...storage.questionCache, partSize: 97 } }
    const first = new DeckQuestionService(async () => small)
    const rows = await first.cards(deck.id, NOW)
    await first.settled()
    const { key } = (await databaseOf(storage).questionCache.get([deck.id, 0]))!
    const parts = await (await storage.rowsCache()).parts(deck.id, key)
    expect(parts).toBeGreaterThan(1)
    // What a new service (a reload) gives is what is cached: rows cached otherwise come back so.
    const { packRows } = await import('../../../src/domain/study/packed-rows')
    const renamed = rows.map((row) => ({ ...row, prompt: `cached: ${row.prompt}` }))
    await (await storage.rowsCache()).put(deck.id, key, [packRows(renamed.slice(0, 5)), packRows(renamed.slice(5))])
    const batches: CardRow[][] = []
    expect(await service().cards(deck.id, NOW, { rows: (r) => batches.push(r), restart: () => {} })).toEqual([])
    expect(batches.map((b) => b.length)).toEqual([5, rows.length - 5])
    expect(batches.flat()).toStrictEqual(renamed)
    // A part gone or damaged: the rows heard so far are dropped, and all are made again.
    for (const damage of [
      () => databaseOf(storage).questionCache.delete([deck.id, 2 ** 30 + 1]),
      () => databaseOf(storage).questionCache.update([deck.id, 2 ** 30 + 1], { rows: Uint8Array.of(1, 2) }),
    ]) {
      await (await storage.rowsCache()).put(deck.id, key, [packRows(renamed.slice(0, 5)), packRows(renamed.slice(5))])
      await damage()
      let heard: CardRow[] = []
      const s = service()
      await s.cards(deck.id, NOW, { rows: (r) => heard.push(...r), restart: () => (heard = []) })
      expect(heard).toStrictEqual(rows)
      // …and cached again.
      await s.settled()
      expect(await service().cards(deck.id, NOW)).toStrictEqual(rows)
    }
  })

  it('sends the card rows batch by batch as they are made, and the page hears them grow', async () => {
    const { storage } = await setup()
    // Small parts: rows are made a part's worth of questions at a time.
    const small = { ...storage, questionCache: { ...storage.questionCache, partSize: 97 } }
    const s = new DeckQuestionService(async () => small)
    const whole = await s.cards(deck.id, NOW)
    const batches: CardRow[][] = []
    expect(await s.cards(deck.id, NOW, { rows: (rows) => batches.push(rows), restart: () => {} })).toEqual([])
    expect(batches.length).toBeGreaterThan(1)
    expect(batches.flat()).toStrictEqual(whole)
    // The page hears the rows so far from the worker's chunks, each time at least twice as many.
    const heard: CardRow[][] = []
    const hear = whenDoubled<CardRow>((rows) => heard.push([...rows]))
    const chunks: CardRow[][] = []
    for (const batch of batches) {
      chunks.push(batch)
      hear(chunks)
    }
    expect(heard.length).toBeGreaterThan(1)
    expect(heard.at(-1)!.length).toBeGreaterThan(whole.length / 2)
    for (const [i, rows] of heard.entries()) {
      expect(rows).toStrictEqual(whole.slice(0, rows.length))
      if (i) expect(rows.length).toBeGreaterThanOrEqual(2 * heard[i - 1]!.length)
    }
  })

  it('sends the rows of a deck being generated as its cards are made, then the rest, and caches them all', async () => {
    // A deck big enough to be generated in several slices (the generation pauses every 25 ms).
    const big = { ...syntheticDynasty(2_000, 3), id: 'big' } as Deck
    const database = testDatabase()
    const storage = await database.open()
    await storage.decks.save(big, { origin: 'imported', now: NOW })
    const whole = cardRows(generateQuestions(big, { seed: deckSeed(big.id) }))
    const small = { ...storage, questionCache: { ...storage.questionCache, partSize: 500 } }
    const s = new DeckQuestionService(async () => small)
    let opened = false
    void s.open(big.id, NOW).then(() => (opened = true))
    let heard: CardRow[] = []
    let beforeOpened = 0
    let restarts = 0
    const rows = (batch: CardRow[]) => {
      if (!opened) beforeOpened += batch.length
      heard.push(...batch)
    }
    const restart = () => {
      restarts++
      heard = []
    }
    expect(await s.cards(big.id, NOW, { rows, restart })).toEqual([])
    expect(opened).toBe(true)
    // Some rows came while the deck was still generated (before it opened), and the rest after.
    expect(beforeOpened).toBeGreaterThan(0)
    expect(beforeOpened).toBeLessThan(whole.length)
    expect(restarts).toBe(0)
    expect(heard).toStrictEqual(whole)
    // All of them are cached, read back by a new service (a reload).
    await s.settled()
    const again: CardRow[] = []
    await new DeckQuestionService(async () => small).cards(big.id, NOW, { rows: (r) => again.push(...r), restart })
    expect(again).toStrictEqual(whole)
    const { key } = (await databaseOf(storage).questionCache.get([big.id, 0]))!
    expect(await (await storage.rowsCache()).parts(big.id, key)).toBeGreaterThan(1)
  })

  it('hands a stored deck to the page in pieces, one per entity and fact, that make the stored deck again', async () => {
    const { storage } = await setup()
    const stored = await storage.decks.get(deck.id)
    const pieces = await new DeckQuestionService(async () => storage).deck(deck.id)
    // One piece per entity and fact: the worker sends them CHUNK pieces a message.
    expect(pieces).toHaveLength(1 + deck.entities.length + deck.facts.length)
    expect(deckFromPieces(pieces)).toStrictEqual(stored)
    // The page's client reassembles them.
    const client = createDeckQuestions({ dbName: 'unused', storage: async () => storage, worker: false })
    expect(await client.deck(deck.id)).toStrictEqual(stored)
  })
})
