// The first card before the whole deck: a deck generated for the first time answers its study queue
// from the cards made so far (the same queue the whole deck gives), and a card studied before the
// deck is synced keeps its progress through the sync, which tells of no change; a deck synced
// before (its cache gone after a new release) answers early too, when its stored cards allow.
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import { deckSeed } from '../../../src/domain/questions/cache-key'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { createRandom } from '../../../src/domain/random'
import { buildStudyQueue } from '../../../src/domain/study/queue'
import { DeckQuestionService } from '../../../src/workers/deck-questions'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'
import { MINUTE, NOW, testDatabase } from '../storage/helpers'

const deck = { ...syntheticDynasty(3_000, 8), id: 'big' } as Deck
const expected = generateQuestions(deck, { seed: deckSeed(deck.id) })
const request = { cards: [], knownCardIds: new Set<string>(), now: NOW, newPerDay: 10, seed: 3 }

async function setup() {
  const storage = await testDatabase().open()
  await storage.decks.save(deck, { origin: 'imported', now: NOW })
  return { storage, service: () => new DeckQuestionService(async () => storage) }
}

/**
 * A deck studied before (opened, its first card graded on `fingerprint`, by default its question's),
 * whose question cache is then gone, as after a new release.
 */
async function studiedThenUncached(fingerprint?: string) {
  const { storage, service } = await setup()
  const first = service()
  const studied = (await first.queue(deck.id, { ...request, whole: true })).items[0]!
  await storage.recordReview({
    cardId: studied.cardId,
    questionId: studied.question.id,
    deckId: deck.id,
    fingerprint: fingerprint ?? studied.question.fingerprint,
    grade: 3,
    now: NOW,
  })
  await first.settled()
  await storage.questionCache.delete(deck.id)
  return { storage, service, studied }
}

/** Opens the deck, noting when the opening (generation and sync) is done. */
function opening(service: DeckQuestionService) {
  const state = { done: false }
  const opened = service.open(deck.id, NOW).finally(() => (state.done = true))
  return { state, opened }
}

/**
 * Half an hour later, the study queue of the deck opened anew: it comes before the opening is done,
 * and is the one the whole deck gives.
 */
async function earlyQueueLater(storage: Awaited<ReturnType<typeof setup>>['storage'], s: DeckQuestionService) {
  const later = NOW + 30 * MINUTE
  const { cards, knownCardIds } = await storage.cards.forStudy(deck.id, later)
  const { state, opened } = opening(s)
  const queue = await s.queue(deck.id, { ...request, cards, knownCardIds, now: later })
  expect(state.done).toBe(false)
  expect(queue.newAvailableSoFar).toBe(true)
  const whole = buildStudyQueue({
    ...request,
    cards,
    knownCardIds,
    now: later,
    questions: expected,
    random: createRandom(3),
  })
  expect(queue.items).toEqual(whole.items)
  return { s, queue, opened }
}

describe('the first card of a deck still being generated', () => {
  it('comes before the deck is opened, and is the whole deck’s queue', async () => {
    const { service } = await setup()
    const s = service()
    const { state, opened } = opening(s)
    const queue = await s.queue(deck.id, request)
    expect(state.done).toBe(false)
    expect(queue.newAvailableSoFar).toBe(true)
    const whole = buildStudyQueue({ ...request, questions: expected, random: createRandom(3) })
    expect(queue.items).toEqual(whole.items)
    expect(queue.newCount).toBe(whole.newCount)
    await opened
    // Asked for the whole deck, or once it is open: the exact count of new cards.
    const exact = await s.queue(deck.id, { ...request, whole: true })
    expect(exact).toEqual(whole)
    expect(await s.queue(deck.id, request)).toEqual(whole)
  })

  it('is the whole deck’s queue whatever the size of the cache parts the questions are generated into', async () => {
    const whole = buildStudyQueue({ ...request, questions: expected, random: createRandom(3) })
    for (const partSize of [1, 13, 500]) {
      const { storage } = await setup()
      const s = new DeckQuestionService(async () => ({
        ...storage,
        questionCache: { ...storage.questionCache, partSize },
      }))
      const { state, opened } = opening(s)
      const queue = await s.queue(deck.id, request)
      expect(state.done).toBe(false)
      expect(queue.newAvailableSoFar).toBe(true)
      expect(queue.items).toEqual(whole.items)
      await opened
      await s.settled()
    }
  })

  it('keeps the progress of a card graded before the sync, and tells of no change', async () => {
    const { storage, service } = await setup()
    // The sync waits until the card is graded: on a busy machine the opening could otherwise end
    // first, and the card would be graded after the sync, not before.
    let graded = () => {}
    const gradedYet = new Promise<void>((resolve) => (graded = resolve))
    const s = new DeckQuestionService(async () => ({
      ...storage,
      syncDeckQuestions: async (...args: Parameters<typeof storage.syncDeckQuestions>) => {
        await gradedYet
        return storage.syncDeckQuestions(...args)
      },
    }))
    const { state, opened } = opening(s)
    const first = (await s.queue(deck.id, request)).items[0]!
    const { card } = await storage.recordReview({
      cardId: first.cardId,
      questionId: first.question.id,
      deckId: deck.id,
      fingerprint: first.question.fingerprint,
      grade: 3,
      now: NOW,
    })
    expect(state.done).toBe(false)
    graded()
    const done = await opened
    expect(done.changes.firstSync).toBe(true)
    expect(done.changeMessage).toBe('')
    expect(await storage.cards.get(first.cardId)).toEqual(card)
    expect(card.state.phase).not.toBe('new')
    await s.settled()

    // The next opening (from the cache): the card comes back in its learning step, not as new.
    const later = NOW + 30 * MINUTE
    const { cards, knownCardIds } = await storage.cards.forStudy(deck.id, later)
    const next = await service().queue(deck.id, { ...request, cards, knownCardIds, now: later })
    expect(next.items[0]).toMatchObject({ cardId: first.cardId, isNew: false })
    expect(next.items.filter((i) => i.cardId === first.cardId)).toHaveLength(1)
  })

  it('comes early for a deck synced before whose cache is gone, and keeps its stored progress', async () => {
    const { storage, service, studied } = await studiedThenUncached()
    const before = await storage.cards.get(studied.cardId)

    const { queue, opened } = await earlyQueueLater(storage, service())
    expect(queue.items[0]).toMatchObject({ cardId: studied.cardId, isNew: false })
    const done = await opened
    expect(done.cached).toBe(false)
    expect(done.changeMessage).toBe('')
    expect(await storage.cards.get(studied.cardId)).toEqual(before)
  })

  it('comes early when the stored cards are far into the deck: they are made ahead with their entities', async () => {
    const { storage, service } = await setup()
    await service().open(deck.id, NOW)
    // Studied in the card browser, say: a card of the deck's last entities, one midway, a deck-wide one.
    const cardIds = [...new Set(expected.map((q) => q.cardId))]
    const far = [
      cardIds.at(-1)!,
      cardIds[Math.floor(cardIds.length / 2)]!,
      cardIds.find((id) => id.includes('/order'))!,
    ]
    const farQuestions = cardIds.filter((id) => far.includes(id)).map((id) => expected.find((q) => q.cardId === id)!)
    expect(farQuestions).toHaveLength(3)
    for (const q of farQuestions)
      await storage.recordReview({
        cardId: q.cardId,
        questionId: q.id,
        deckId: deck.id,
        fingerprint: q.fingerprint,
        grade: 3,
        now: NOW,
      })
    await storage.questionCache.delete(deck.id)

    const { s, queue, opened } = await earlyQueueLater(storage, service())
    expect(
      queue.items
        .filter((i) => !i.isNew)
        .map((i) => i.cardId)
        .sort(),
    ).toEqual([...far].sort())
    const done = await opened
    expect(done.changeMessage).toBe('')
    await s.settled()
  })

  it('waits for the whole deck when a stored card’s progress was earned on another version of its fact', async () => {
    // Progress earned on an older version of the card's fact.
    const { storage, service } = await studiedThenUncached('an-older-fact')
    const { cards, knownCardIds } = await storage.cards.forStudy(deck.id, NOW)
    const s = service()
    const { state, opened } = opening(s)
    const queue = await s.queue(deck.id, { ...request, cards, knownCardIds })
    expect(state.done).toBe(true)
    expect(queue.newAvailableSoFar).toBeUndefined()
    await opened
  })
})
