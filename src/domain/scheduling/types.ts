// The scheduling vocabulary every other layer uses: plain data, dates as epoch ms.
// ts-fsrs shapes (Card, ReviewLog, Date objects) stay inside ./fsrs-adapter.ts.

/** 1 Again · 2 Hard · 3 Good · 4 Easy (the keys 1–4, as in Anki). */
export type Grade = 1 | 2 | 3 | 4
export const GRADES: readonly Grade[] = [1, 2, 3, 4]
export const GRADE_NAMES: Readonly<Record<Grade, 'Again' | 'Hard' | 'Good' | 'Easy'>> = {
  1: 'Again',
  2: 'Hard',
  3: 'Good',
  4: 'Easy',
}

/** Where a card is in its life: never seen, in (re)learning steps, or in long-term review. */
export type CardPhase = 'new' | 'learning' | 'review' | 'relearning'

/** FSRS memory state of one card. */
export interface CardState {
  phase: CardPhase
  /** When the card is next due (epoch ms). A new card is due from its creation. */
  due: number
  /** Days for retrievability to fall to 90%; 0 while new. */
  stability: number
  /** 1 (easy) – 10 (hard); 0 while new. */
  difficulty: number
  /** Interval given by the last review, in whole days (0 during learning steps). */
  scheduledDays: number
  /** Index of the current (re)learning step. */
  learningSteps: number
  reps: number
  lapses: number
  /** Time of the last review (epoch ms); absent while new. */
  lastReview?: number
}

/** What one review did to a card: the essentials of the state before and after. */
export interface ReviewEntry {
  grade: Grade
  /** When the review happened (epoch ms). */
  at: number
  /** Whole days since the previous review (0 for the first). */
  elapsedDays: number
  phaseBefore: CardPhase
  stabilityBefore: number
  difficultyBefore: number
  /** When the card was due before this review. */
  dueBefore: number
  phaseAfter: CardPhase
  stabilityAfter: number
  difficultyAfter: number
  dueAfter: number
  scheduledDays: number
}

export interface SchedulerOptions {
  /** Target probability of recalling a card when it is due: 0.70–0.99, default 0.9. */
  desiredRetention?: number
  /** Spread intervals a little so cards learned together do not stay together. Turn off in tests. */
  enableFuzz?: boolean
  /** Longest interval in days (default 36500); Good and Easy may pass it by a day or two, as ts-fsrs keeps Hard < Good < Easy. */
  maximumInterval?: number
}

export interface IntervalPreview {
  /** When the card would be due after this grade (epoch ms). */
  due: number
  /** Short label for the grade button: "1m", "10m", "3d", "1.5mo", "2.1y". */
  label: string
}

export interface Scheduler {
  readonly desiredRetention: number
  newCardState(now: number): CardState
  review(state: CardState, grade: Grade, now: number): { state: CardState; log: ReviewEntry }
  previewIntervals(state: CardState, now: number): Record<Grade, IntervalPreview>
  /** Probability (0–1) of recalling the card at `now`; 0 for a new card. */
  retrievability(state: CardState, now: number): number
}
