// The ts-fsrs wrapper: pinned `now`, fuzz off, so every interval is exact.
import { describe, expect, it } from 'vitest'
import {
  createScheduler,
  formatInterval,
  newCardState,
  SchedulerOptionsError,
  type CardState,
} from '../../../src/domain/scheduling'
import { createEmptyCard } from 'ts-fsrs'
import { fromFsrsCard, toFsrsCard } from '../../../src/domain/scheduling/fsrs-adapter'

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0)
const MINUTE = 60_000
const DAY = 86_400_000

describe('createScheduler', () => {
  const scheduler = createScheduler({ enableFuzz: false })

  it('starts a card as new, due now', () => {
    expect(newCardState(NOW)).toEqual({
      phase: 'new',
      due: NOW,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
    })
    expect(scheduler.newCardState(NOW)).toEqual(newCardState(NOW))
  })

  // newCardState is written out (deck syncs need it without loading ts-fsrs): it must stay ts-fsrs' empty card.
  it('gives the state of ts-fsrs’ empty card', () => {
    for (const now of [NOW, 0, NOW + 123_456_789])
      expect(newCardState(now)).toStrictEqual(fromFsrsCard(createEmptyCard(new Date(now))))
  })

  it('moves a new card graded Good into a 10-minute learning step, and logs the state before and after', () => {
    const { state, log } = scheduler.review(newCardState(NOW), 3, NOW)
    expect(state.phase).toBe('learning')
    expect(state.due).toBe(NOW + 10 * MINUTE)
    expect(state.lastReview).toBe(NOW)
    expect(state.reps).toBe(1)
    expect(log).toMatchObject({
      grade: 3,
      at: NOW,
      phaseBefore: 'new',
      stabilityBefore: 0,
      dueBefore: NOW,
      phaseAfter: 'learning',
      dueAfter: NOW + 10 * MINUTE,
      stabilityAfter: state.stability,
    })
  })

  it('treats a last review in the future (the clock moved back) as no time elapsed, in every call', () => {
    // Reviewed twice on a device whose clock was two days ahead; studied now on the right time.
    const ahead = NOW + 2 * DAY
    const learning = scheduler.review(newCardState(ahead), 3, ahead).state
    const review = scheduler.review(learning, 3, learning.due).state
    expect(review.phase).toBe('review')
    expect(review.lastReview).toBeGreaterThan(NOW)
    const elapsedZero = { ...review, lastReview: NOW }
    for (const grade of [1, 2, 3, 4] as const) {
      const { state, log } = scheduler.review(review, grade, NOW)
      expect(state).toEqual(scheduler.review(elapsedZero, grade, NOW).state)
      expect(state.lastReview).toBe(NOW)
      expect(log.elapsedDays).toBe(0)
    }
    expect(scheduler.previewIntervals(review, NOW)).toEqual(scheduler.previewIntervals(elapsedZero, NOW))
    expect(scheduler.retrievability(review, NOW)).toBeCloseTo(1, 5)
  })

  it('graduates a learning card to review with an interval in days', () => {
    const first = scheduler.review(newCardState(NOW), 3, NOW).state
    const { state, log } = scheduler.review(first, 3, first.due)
    expect(log.phaseBefore).toBe('learning')
    expect(state.phase).toBe('review')
    expect(state.scheduledDays).toBeGreaterThanOrEqual(1)
    expect(state.due - first.due).toBe(state.scheduledDays * DAY)
  })

  it('sends a lapsed review card to relearning and counts the lapse', () => {
    let state = scheduler.review(newCardState(NOW), 4, NOW).state
    expect(state.phase).toBe('review')
    state = scheduler.review(state, 1, state.due).state
    expect(state.phase).toBe('relearning')
    expect(state.lapses).toBe(1)
  })

  it('previews the four grade buttons with their labels', () => {
    const preview = scheduler.previewIntervals(newCardState(NOW), NOW)
    expect(Object.fromEntries(Object.entries(preview).map(([g, p]) => [g, p.label]))).toEqual({
      1: '1m',
      2: '6m',
      3: '10m',
      4: '8d',
    })
    expect(preview[4].due).toBe(NOW + 8 * DAY)
    // The preview is what a review would give.
    expect(scheduler.review(newCardState(NOW), 2, NOW).state.due).toBe(preview[2].due)
  })

  it('gives longer intervals for a lower desired retention', () => {
    const low = createScheduler({ desiredRetention: 0.7, enableFuzz: false })
    const high = createScheduler({ desiredRetention: 0.99, enableFuzz: false })
    const learned = (s: typeof low) => s.review(newCardState(NOW), 4, NOW).state
    expect(learned(low).scheduledDays).toBeGreaterThan(learned(high).scheduledDays)
  })

  it('caps intervals near maximumInterval', () => {
    const longest = (s: ReturnType<typeof createScheduler>) => {
      let state = newCardState(NOW)
      for (let i = 0; i < 8; i++) state = s.review(state, 3, state.due).state
      return state.scheduledDays
    }
    expect(longest(scheduler)).toBeGreaterThan(100)
    // ts-fsrs keeps Hard < Good < Easy, so Good may pass the cap (Hard's interval) by a day.
    expect(longest(createScheduler({ enableFuzz: false, maximumInterval: 30 }))).toBeLessThanOrEqual(31)
  })

  it('is deterministic with fuzz on, given the same now', () => {
    const fuzzy = createScheduler({ enableFuzz: true })
    let a = newCardState(NOW)
    let b = newCardState(NOW)
    for (let i = 0; i < 4; i++) {
      a = fuzzy.review(a, 3, a.due).state
      b = fuzzy.review(b, 3, b.due).state
    }
    expect(a).toEqual(b)
  })

  it('refuses a desired retention outside 0.70–0.99', () => {
    expect(() => createScheduler({ desiredRetention: 0.5 })).toThrow(SchedulerOptionsError)
    expect(() => createScheduler({ desiredRetention: 1 })).toThrow(/between 0.7 and 0.99/)
    expect(createScheduler({ desiredRetention: 0.7 }).desiredRetention).toBe(0.7)
  })

  it('reports retrievability: 0 for new, about the desired retention when due', () => {
    expect(scheduler.retrievability(newCardState(NOW), NOW)).toBe(0)
    const state = scheduler.review(newCardState(NOW), 4, NOW).state
    expect(scheduler.retrievability(state, NOW)).toBeCloseTo(1, 5)
    expect(scheduler.retrievability(state, state.due)).toBeGreaterThan(0.85)
    expect(scheduler.retrievability(state, state.due)).toBeLessThan(0.95)
  })
})

describe('fsrs adapter', () => {
  it('round-trips a card state through the ts-fsrs Card shape', () => {
    const state: CardState = {
      phase: 'relearning',
      due: NOW + 5 * MINUTE,
      stability: 3.2,
      difficulty: 6.4,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 9,
      lapses: 2,
      lastReview: NOW - MINUTE,
    }
    expect(fromFsrsCard(toFsrsCard(state, NOW))).toEqual(state)
    expect(fromFsrsCard(toFsrsCard(newCardState(NOW), NOW))).toEqual(newCardState(NOW))
  })
})

describe('formatInterval', () => {
  it.each([
    [30_000, '1m'],
    [10 * MINUTE, '10m'],
    [3 * 60 * MINUTE, '3h'],
    [DAY, '1d'],
    [3 * DAY, '3d'],
    [45 * DAY, '1.5mo'],
    [400 * DAY, '1.1y'],
  ])('%i ms → %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label)
  })
})
