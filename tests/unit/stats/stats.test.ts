// The numbers behind the progress view and the library.
import { describe, expect, it } from 'vitest'
import {
  dayKey,
  deckMastery,
  dueForecast,
  libraryCounts,
  retention,
  reviewsPerDay,
  startOfDay,
} from '../../../src/domain/stats'
import { card, DAY, MINUTE, NOW } from '../study/helpers'

// NOW is 2025-03-10 09:00 UTC.
describe('days', () => {
  it('finds the local midnight and date', () => {
    expect(startOfDay(NOW)).toBe(Date.UTC(2025, 2, 10))
    expect(dayKey(NOW)).toBe('2025-03-10')
    // At UTC−10h it is still 9 March, 23:00.
    expect(dayKey(NOW, -600)).toBe('2025-03-09')
    expect(startOfDay(NOW, -600)).toBe(Date.UTC(2025, 2, 9, 10))
  })
})

describe('reviewsPerDay', () => {
  it('buckets reviews per local day over the last N days, ending today', () => {
    const log = [
      { at: NOW, grade: 3 as const },
      { at: NOW - 8 * 60 * MINUTE, grade: 1 as const }, // 01:00 today
      { at: NOW - 10 * 60 * MINUTE, grade: 3 as const }, // 23:00 yesterday
      { at: NOW - 2 * DAY, grade: 4 as const },
      { at: NOW - 90 * DAY, grade: 3 as const }, // before the window
      { at: NOW + DAY, grade: 3 as const }, // after now: ignored
    ]
    const days = reviewsPerDay(log, NOW, 3)
    expect(days).toEqual([
      { day: '2025-03-08', start: Date.UTC(2025, 2, 8), count: 1, again: 0 },
      { day: '2025-03-09', start: Date.UTC(2025, 2, 9), count: 1, again: 0 },
      { day: '2025-03-10', start: Date.UTC(2025, 2, 10), count: 2, again: 1 },
    ])
    expect(reviewsPerDay(log, NOW)).toHaveLength(90)
    expect(reviewsPerDay(log, NOW).reduce((s, d) => s + d.count, 0)).toBe(4)
  })

  it('moves a review across midnight with the time zone', () => {
    const log = [{ at: NOW - 10 * 60 * MINUTE, grade: 3 as const }] // 23:00 UTC on the 9th
    expect(reviewsPerDay(log, NOW, 2, 120).map((d) => d.count)).toEqual([0, 1]) // 01:00 on the 10th at UTC+2
  })
})

describe('dueForecast', () => {
  it('counts cards per day from today, overdue ones today, leaving out new and retired cards', () => {
    const cards = [
      card('overdue', { phase: 'review', due: NOW - 3 * DAY }),
      card('today', { phase: 'learning', due: NOW + 10 * MINUTE }),
      card('tomorrow', { phase: 'review', due: NOW + DAY }),
      card('in-3', { phase: 'review', due: NOW + 3 * DAY }),
      card('far', { phase: 'review', due: NOW + 100 * DAY }),
      card('new', { phase: 'new', due: NOW - DAY }),
      card('retired', { phase: 'review', due: NOW }, { retired: true }),
    ]
    expect(dueForecast(cards, NOW, 5).map((d) => d.count)).toEqual([2, 1, 0, 1, 0])
    expect(dueForecast(cards, NOW)).toHaveLength(30)
    expect(dueForecast(cards, NOW)[0]).toMatchObject({ day: '2025-03-10', start: Date.UTC(2025, 2, 10) })
  })
})

describe('retention', () => {
  it('is the share of reviews of review-state cards graded Hard, Good or Easy', () => {
    const log = [
      { grade: 3 as const, phaseBefore: 'review' as const },
      { grade: 2 as const, phaseBefore: 'review' as const },
      { grade: 4 as const, phaseBefore: 'review' as const },
      { grade: 1 as const, phaseBefore: 'review' as const },
      { grade: 1 as const, phaseBefore: 'learning' as const },
      { grade: 3 as const, phaseBefore: 'new' as const },
    ]
    expect(retention(log)).toEqual({ reviews: 4, passed: 3, rate: 0.75 })
    expect(retention([]).rate).toBeNull()
  })
})

describe('deckMastery', () => {
  const cards = [
    card('mature', { phase: 'review', stability: 21 }),
    card('young', { phase: 'review', stability: 20.9 }),
    card('learning', { phase: 'learning', stability: 2 }),
    card('relearning', { phase: 'relearning', stability: 30 }),
    card('restarted', { phase: 'new' }),
    card('retired', { phase: 'review', stability: 50 }, { retired: true }),
  ]
  it('counts new, learning, young and mature cards; unstudied cards of the deck count as new', () => {
    expect(deckMastery(cards, 10)).toEqual({ total: 10, new: 6, learning: 2, young: 1, mature: 1, mastery: 0.1 })
    expect(deckMastery(cards)).toMatchObject({ total: 5, new: 1 })
    expect(deckMastery([], 0).mastery).toBe(0)
  })
})

describe('libraryCounts', () => {
  it('gives new, due and learned counts and when the deck was last studied', () => {
    const cards = [
      card('due', { phase: 'review', due: NOW - DAY, lastReview: NOW - 3 * DAY }),
      card('due-later-today', { phase: 'review', due: NOW + 60 * MINUTE, lastReview: NOW - 2 * DAY }),
      card('not-due', { phase: 'review', due: NOW + 2 * DAY, lastReview: NOW - 5 * MINUTE }),
      card('retired', { phase: 'review', due: NOW - DAY, lastReview: NOW - 10 * DAY }, { retired: true }),
    ]
    expect(libraryCounts(cards, { now: NOW, cardCount: 40, newPerDay: 20, newIntroducedToday: 15 })).toEqual({
      new: 37,
      newToday: 5,
      due: 2,
      learned: 3,
      lastStudied: NOW - 5 * MINUTE,
    })
    expect(libraryCounts([], { now: NOW, cardCount: 3 })).toEqual({
      new: 3,
      newToday: 3,
      due: 0,
      learned: 0,
      lastStudied: null,
    })
  })
})
