// Deck updates keep progress, through storage: unchanged cards keep their state, changed ones
// restart as new (their reviews stay in the log), removed ones are retired and no longer shown.
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import type { Question } from '../../../src/domain/questions/types'
import { createRandom } from '../../../src/domain/random'
import { buildStudyQueue, describeDeckChanges } from '../../../src/domain/study'
import { DAY, NOW, testDatabase } from './helpers'

const q = (key: string, fingerprint = `fp-${key}`): Pick<Question, 'cardId' | 'fingerprint'> => ({
  cardId: `deck/${key}`,
  fingerprint,
})
const review = (key: string, fingerprint = `fp-${key}`) => ({
  cardId: `deck/${key}`,
  questionId: `deck/${key}/typed`,
  deckId: 'deck',
  fingerprint,
  grade: 4 as const,
  now: NOW,
})

describe('storage.syncDeckQuestions', () => {
  it('keeps, restarts and retires cards and reports what changed', async () => {
    const storage = await testDatabase().open()
    expect(await storage.syncDeckQuestions('deck', [q('a'), q('b'), q('c'), q('d')], NOW)).toMatchObject({
      firstSync: true,
    })
    for (const key of ['a', 'b', 'c']) await storage.recordReview(review(key))
    const learnedA = await storage.cards.get('deck/a')

    const summary = await storage.syncDeckQuestions('deck', [q('a'), q('b', 'fp-b2'), q('d'), q('e')], NOW + DAY)
    expect(summary).toEqual({
      added: ['deck/e'],
      changed: ['deck/b'],
      removed: ['deck/c'],
      unchanged: ['deck/a', 'deck/d'],
      firstSync: false,
    })
    expect(describeDeckChanges(summary)).toBe('1 fact updated, 1 added, 1 removed')

    expect(await storage.cards.get('deck/a')).toEqual(learnedA)
    expect(await storage.cards.get('deck/b')).toMatchObject({
      fingerprint: 'fp-b2',
      retired: false,
      state: { phase: 'new', reps: 0 },
    })
    expect(await storage.cards.get('deck/c')).toMatchObject({ retired: true, state: { phase: 'review' } })
    // The log keeps every review, including those of the restarted and retired cards.
    expect((await storage.reviews.forDeck('deck')).map((r) => r.cardId).sort()).toEqual(['deck/a', 'deck/b', 'deck/c'])
    // Retired cards are not listed for study.
    expect((await storage.cards.forDeck('deck')).map((c) => c.cardId).sort()).toEqual(['deck/a', 'deck/b'])
    expect((await storage.cards.forDeck('deck', { includeRetired: true })).map((c) => c.cardId).sort()).toEqual([
      'deck/a',
      'deck/b',
      'deck/c',
    ])
  })

  it('shows a restarted card as new in the next study queue', async () => {
    const storage = await testDatabase().open()
    await storage.syncDeckQuestions('deck', [q('a')], NOW)
    await storage.recordReview(review('a'))
    await storage.syncDeckQuestions('deck', [q('a', 'changed')], NOW + 2 * DAY)
    const { cards, knownCardIds } = await storage.cards.forStudy('deck', NOW + 2 * DAY)
    const questions = [
      {
        ...q('a', 'changed'),
        id: 'deck/a/typed',
        deckId: 'deck',
        kind: 'typed',
        prompt: '',
        answer: '',
        sources: [],
        explanation: '',
        factIds: [],
      } as Question,
    ]
    const queue = buildStudyQueue({ cards, knownCardIds, questions, now: NOW + 2 * DAY, random: createRandom(1) })
    expect(queue.items).toMatchObject([{ cardId: 'deck/a', isNew: true }])
  })

  it('says nothing changed without rewriting cards when the deck is the same', async () => {
    const storage = await testDatabase().open()
    await storage.syncDeckQuestions('deck', [q('a'), q('b')], NOW, { title: 'Deck', version: '1' })
    await storage.recordReview(review('a'))
    const again = await storage.syncDeckQuestions('deck', [q('a'), q('b')], NOW + DAY, { title: 'Deck', version: '1' })
    expect(again).toEqual({ added: [], changed: [], removed: [], unchanged: ['deck/a', 'deck/b'], firstSync: false })
    expect(describeDeckChanges(again)).toBe('')
  })

  it('restores progress when a deleted user deck is saved again', async () => {
    const storage = await testDatabase().open()
    const deck: Deck = {
      id: 'deck',
      title: 'My deck',
      language: 'en',
      version: '1',
      sources: [],
      entities: [],
      facts: [],
      cards: [],
    }
    await storage.decks.save(deck, { origin: 'user', now: NOW })
    await storage.syncDeckQuestions('deck', [q('a')], NOW)
    const { card } = await storage.recordReview(review('a'))

    await storage.decks.delete('deck')
    expect(await storage.decks.list()).toEqual([])
    expect(await storage.cards.get('deck/a')).toMatchObject({ retired: true })

    await storage.decks.save(deck, { origin: 'imported', now: NOW + DAY })
    const summary = await storage.syncDeckQuestions('deck', [q('a')], NOW + DAY)
    expect(summary.added).toEqual(['deck/a'])
    expect(await storage.cards.get('deck/a')).toEqual(card)
  })
})

describe('storage.decks', () => {
  it('saves, lists, gets and deletes user decks as plain JSON', async () => {
    const storage = await testDatabase().open()
    const deck: Deck = {
      id: 'my-deck',
      title: 'Palaiologan coins',
      language: 'en',
      version: '2',
      sources: [{ id: 's', title: 'A source' }],
      entities: [{ id: 'john-vii', kind: 'person', name: 'John VII', aliases: [] }],
      facts: [],
      cards: [{ type: 'basic', id: 'c1', front: 'Front', back: 'Back', sources: ['s'] }],
    }
    // A reactive proxy, as a Pinia store would hand it over, is stored as plain data.
    await storage.decks.save(new Proxy(deck, {}), { origin: 'user', now: NOW })
    expect(await storage.decks.list()).toEqual([
      { id: 'my-deck', origin: 'user', title: 'Palaiologan coins', version: '2', savedAt: NOW },
    ])
    expect(await storage.decks.get('my-deck')).toEqual(deck)
    // Built-in decks are remembered for sync but are not "saved decks".
    await storage.syncDeckQuestions('builtin-deck', [q('x')], NOW)
    expect((await storage.decks.list()).map((d) => d.id)).toEqual(['my-deck'])
    await storage.decks.delete('my-deck')
    expect(await storage.decks.get('my-deck')).toBeUndefined()
  })
})
