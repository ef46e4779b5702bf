// Managing a deck and its cards: delete takes the deck's cards, reviews, quiz attempts and sessions
// in one transaction and Undo puts back exactly what was there; other decks are untouched; rename,
// reset, suspend and bury change only what they say, and the study queue skips what is set aside.
import { describe, expect, it } from 'vitest'
import type { Question } from '../../../src/domain/questions/types'
import { createRandom } from '../../../src/domain/random'
import { buildStudyQueue, cardStatus } from '../../../src/domain/study'
import { databaseOf } from '../../../src/storage/open'
import { DAY, NOW, populate, testDatabase, userDeck } from './helpers'

const BUILTIN = 'john-vii-palaiologos'

async function dump(storage: Awaited<ReturnType<ReturnType<typeof testDatabase>['open']>>) {
  const db = databaseOf(storage)
  const out: Record<string, unknown[]> = {}
  // The question cache is derived from the decks: a restored deck generates its questions again.
  for (const table of db.tables) if (table.name !== 'questionCache') out[table.name] = await table.toArray()
  return out
}

describe('deleting a deck', () => {
  it('removes its cards, reviews, quiz attempts and sessions at once, and Undo restores them all', async () => {
    const storage = await testDatabase().open()
    await populate(storage)
    const before = await dump(storage)
    const deleted = await storage.deleteDeck(userDeck.id)
    expect(deleted).toMatchObject({ deckId: userDeck.id, title: 'Coins of John VII', cards: 1, reviews: 1 })

    const after = await dump(storage)
    for (const rows of Object.values(after)) {
      expect(rows.filter((r) => (r as { deckId?: string; id?: string }).deckId === userDeck.id)).toEqual([])
    }
    expect(after.decks?.map((d) => (d as { id: string }).id)).toEqual([BUILTIN])
    expect(await storage.decks.get(userDeck.id)).toBeUndefined()
    expect(await storage.questionCache.get(userDeck.id, 'any')).toBeUndefined()
    expect(await databaseOf(storage).questionCache.where('deckId').equals(userDeck.id).count()).toBe(0)
    // The other deck keeps everything.
    const builtIn = (rows: unknown[] | undefined) => rows?.filter((r) => (r as { deckId?: string }).deckId === BUILTIN)
    expect(builtIn(after.reviews)).toEqual(builtIn(before.reviews))
    expect(builtIn(after.cards)).toEqual(builtIn(before.cards))

    await storage.restoreDeck(deleted)
    expect(await dump(storage)).toEqual(before)
    // An Undo can only be used once.
    await expect(storage.restoreDeck(deleted)).rejects.toThrow(/no longer be restored/)
  })

  it('deletes nothing when the transaction fails', async () => {
    const storage = await testDatabase().open()
    await populate(storage)
    const before = await dump(storage)
    const db = databaseOf(storage)
    // A failing hook inside the transaction: the whole deletion must roll back.
    db.sessions.hook('deleting', () => {
      throw new Error('disk full')
    })
    await expect(storage.deleteDeck(BUILTIN)).rejects.toThrow()
    expect(await dump(storage)).toEqual(before)
  })
})

describe('renaming and resetting', () => {
  it('renames a saved deck, in its row and its content; refuses an empty title', async () => {
    const storage = await testDatabase().open()
    await populate(storage)
    await storage.renameDeck(userDeck.id, '  Silver coins ')
    expect((await storage.decks.get(userDeck.id))?.title).toBe('Silver coins')
    expect((await storage.decks.list()).find((d) => d.id === userDeck.id)?.title).toBe('Silver coins')
    await expect(storage.renameDeck(userDeck.id, '  ')).rejects.toThrow('A deck needs a title.')
    await expect(storage.renameDeck(BUILTIN, 'Mine')).rejects.toThrow(/Only decks in your library/)
  })

  it('resets the chosen cards (or the whole deck) to new and keeps the review log', async () => {
    const storage = await testDatabase().open()
    await populate(storage)
    const reviews = await storage.reviews.count()
    const one = `${BUILTIN}/born/john-vii`
    expect(await storage.resetProgress(BUILTIN, NOW, [one])).toBe(1)
    expect((await storage.cards.get(one))?.state).toMatchObject({ phase: 'new', reps: 0, due: NOW })
    expect((await storage.cards.get(`${BUILTIN}/died/john-vii`))?.state.phase).not.toBe('new')
    await storage.resetProgress(BUILTIN, NOW)
    const cards = await storage.cards.forDeck(BUILTIN)
    expect(cards.every((c) => c.state.phase === 'new')).toBe(true)
    // Suspension survives a reset; the study session of the deck is gone.
    expect(cards.find((c) => c.cardId === `${BUILTIN}/spouse/john-vii`)?.suspended).toBe(true)
    expect(await storage.sessions.load(`study:${BUILTIN}`)).toBeUndefined()
    expect(await storage.reviews.count()).toBe(reviews)
  })
})

describe('suspending and burying', () => {
  const question = (key: string): Question =>
    ({ id: `d/${key}/typed`, cardId: `d/${key}`, deckId: 'd', kind: 'typed', fingerprint: `fp:${key}` }) as Question

  it('keeps suspended and buried cards out of the study queue until unsuspended or the next day', async () => {
    const storage = await testDatabase().open()
    const questions = ['a', 'b', 'c'].map(question)
    const ref = (q: Question) => ({ cardId: q.cardId, fingerprint: q.fingerprint })
    // Never studied cards can be set aside too: a row is created for them, as new.
    await storage.suspendCards('d', [ref(questions[0] as Question)], true, NOW)
    await storage.buryCards('d', [ref(questions[1] as Question)], NOW + DAY, NOW)
    const queue = async (now: number) => {
      const { cards, knownCardIds } = await storage.cards.forStudy('d', now)
      return buildStudyQueue({ cards, knownCardIds, questions, now, random: createRandom(1) }).items.map(
        (i) => i.cardId,
      )
    }
    expect(await queue(NOW)).toEqual(['d/c'])
    expect(cardStatus(await storage.cards.get('d/a'), NOW)).toBe('suspended')
    expect(cardStatus(await storage.cards.get('d/b'), NOW)).toBe('buried')
    // Tomorrow the buried card is back; the suspended one stays out until unsuspended.
    expect(await queue(NOW + DAY)).toEqual(['d/b', 'd/c'])
    await storage.suspendCards('d', [ref(questions[0] as Question)], false, NOW)
    expect(await queue(NOW + DAY)).toEqual(['d/a', 'd/b', 'd/c'])
  })

  it('keeps the progress of a suspended card, and survives a backup round trip', async () => {
    const storage = await testDatabase().open()
    await populate(storage)
    const id = `${BUILTIN}/born/john-vii`
    const before = await storage.cards.get(id)
    await storage.suspendCards(BUILTIN, [{ cardId: id, fingerprint: 'x' }], true, NOW)
    expect(await storage.cards.get(id)).toEqual({ ...before, suspended: true })
    const backup = await storage.exportBackup(NOW)
    const other = await testDatabase().open()
    await other.importBackup(JSON.parse(JSON.stringify(backup)), { mode: 'replace' })
    expect((await other.cards.get(id))?.suspended).toBe(true)
    expect((await other.cards.get(`${BUILTIN}/diedAt/john-vii`))?.buriedUntil).toBe(NOW + DAY)
  })
})
