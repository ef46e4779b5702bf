// Retention over periods (Anki's true retention) and mastery split per person and per kind of fact.
import { describe, expect, it } from 'vitest'
import { masteryBy, retentionByPeriod, startOfDay } from '../../../src/domain/stats'
import { card, DAY, MINUTE, NOW } from '../study/helpers'

const utcDay = (at: number) => startOfDay(at)

describe('retentionByPeriod', () => {
  // NOW is 2025-03-10 09:00 UTC.
  const review = (at: number, grade: 1 | 2 | 3 | 4, phaseBefore: 'new' | 'learning' | 'review' = 'review') => ({
    at,
    grade,
    phaseBefore,
  })
  const log = [
    review(NOW - 30 * MINUTE, 3), // today
    review(NOW - 60 * MINUTE, 1), // today, forgotten
    review(NOW - 2 * 60 * MINUTE, 1, 'learning'), // a learning step: not a recall test
    review(NOW - 3 * DAY, 2), // Hard counts as remembered
    review(NOW - 20 * DAY, 1),
    review(NOW - 200 * DAY, 4),
    review(NOW - 400 * DAY, 1), // older than a year
    review(NOW + DAY, 1), // after now: the clock was ahead
  ]

  it('counts review-state reviews answered Hard or better, with the number it rests on', () => {
    const periods = retentionByPeriod(log, NOW, utcDay)
    expect(periods.map(({ days, reviews, passed }) => ({ days, reviews, passed }))).toEqual([
      { days: 1, reviews: 2, passed: 1 },
      { days: 7, reviews: 3, passed: 2 },
      { days: 30, reviews: 4, passed: 2 },
      { days: 365, reviews: 5, passed: 3 },
    ])
    expect(periods[0]?.rate).toBe(0.5)
    expect(periods[3]?.rate).toBeCloseTo(0.6)
    expect(periods[0]?.since).toBe(Date.UTC(2025, 2, 10))
    expect(periods[1]?.since).toBe(Date.UTC(2025, 2, 4))
  })

  it('has no rate without reviews', () => {
    expect(retentionByPeriod([], NOW, utcDay, [7])).toEqual([
      { days: 7, since: Date.UTC(2025, 2, 4), reviews: 0, passed: 0, rate: null },
    ])
  })
})

describe('masteryBy', () => {
  const cards = [
    { cardId: 'deck/a', group: 'John VII' },
    { cardId: 'deck/b', group: 'John VII' },
    { cardId: 'deck/c', group: 'Manuel II' },
    { cardId: 'deck/d', group: 'John VII' },
    { cardId: 'deck/e', group: undefined },
    { cardId: 'deck/gone', group: 'Manuel II' },
  ]
  const progress = [
    card('a', { phase: 'review', stability: 40 }),
    card('b', { phase: 'review', stability: 5 }),
    card('c', { phase: 'learning' }),
    card('e', { phase: 'review', stability: 90 }),
    card('gone', { phase: 'review', stability: 90 }, { retired: true }),
  ]

  it('gives each group its mature, young, learning and new counts, in deck order', () => {
    expect(masteryBy(cards, progress)).toEqual([
      { group: 'John VII', mastery: { total: 3, new: 1, learning: 0, young: 1, mature: 1, mastery: 1 / 3 } },
      { group: 'Manuel II', mastery: { total: 1, new: 0, learning: 1, young: 0, mature: 0, mastery: 0 } },
    ])
  })

  it('counts cards never studied as new', () => {
    expect(masteryBy(cards, [])[0]?.mastery).toMatchObject({ total: 3, new: 3, mastery: 0 })
  })
})
