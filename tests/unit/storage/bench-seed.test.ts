// seedBenchData writes readable, consistent data (small numbers here; the benchmark uses 50k/500k).
import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../src/domain/random'
import { buildStudyQueue, countNewIntroduced } from '../../../src/domain/study'
import { seedBenchData } from '../../../src/storage/bench-seed'
import { DAY, NOW, testDatabase } from './helpers'

describe('seedBenchData', () => {
  it('fills cards and reviews that the repositories and the study queue read', async () => {
    const storage = await testDatabase().open()
    const seeded = await seedBenchData(storage, {
      cards: 1200,
      reviews: 5000,
      deckId: 'bench',
      now: NOW,
      chunk: 500,
      cardIds: ['bench/real-1'],
    })
    expect(seeded).toEqual({ cards: 1200, reviews: 5000 })
    expect(await storage.reviews.count()).toBe(5000)
    expect(await storage.cards.get('bench/real-1')).toMatchObject({
      deckId: 'bench',
      retired: false,
      state: { phase: expect.any(String) },
    })

    const { cards, knownCardIds } = await storage.cards.forStudy('bench', NOW)
    expect(knownCardIds.size).toBe(1200)
    expect(cards.length).toBeGreaterThan(0)
    expect(cards.length).toBeLessThan(1200)
    const since = (await storage.reviews.forDeck('bench', { since: NOW - 30 * DAY })).length
    expect(since).toBeGreaterThan(0)
    expect(countNewIntroduced(await storage.reviews.since(NOW - DAY), NOW - DAY)).toBe(0)

    const questions = [...knownCardIds].map((cardId) => ({
      id: `${cardId}/typed`,
      cardId,
      deckId: 'bench',
      kind: 'typed' as const,
      prompt: '',
      answer: '',
      sources: [],
      explanation: '',
      factIds: [],
      fingerprint: 'bench',
    }))
    const queue = buildStudyQueue({ cards, knownCardIds, questions, now: NOW, random: createRandom(1) })
    expect(queue.dueCount).toBeGreaterThan(0)
    expect(queue.dueCount).toBeLessThanOrEqual(cards.length)
    expect(queue.newCount).toBe(0)
  })
})
