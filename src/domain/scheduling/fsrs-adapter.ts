// The one place where ts-fsrs shapes meet ours: Card ⇄ CardState, ReviewLog → ReviewEntry.
import { State, type Card, type ReviewLog } from 'ts-fsrs'
import type { CardPhase, CardState, Grade, ReviewEntry } from './types'

const PHASE_OF: Record<State, CardPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
}
const STATE_OF: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
}

/**
 * A last review later than `now` (the clock moved back, time-zone travel, a backup from a device
 * whose clock was ahead) counts as a review at `now`: no time has elapsed. ts-fsrs would refuse a
 * negative elapsed time ("Invalid delta_t").
 */
export function toFsrsCard(state: CardState, now: number): Card {
  const lastReview = state.lastReview === undefined ? undefined : Math.min(state.lastReview, now)
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    // ts-fsrs recomputes elapsed days from last_review; keep the field consistent anyway.
    elapsed_days: lastReview === undefined ? 0 : Math.floor((now - lastReview) / 86_400_000),
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: STATE_OF[state.phase],
    ...(lastReview === undefined ? {} : { last_review: new Date(lastReview) }),
  }
}

export function fromFsrsCard(card: Card): CardState {
  const state: CardState = {
    phase: PHASE_OF[card.state],
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
  }
  if (card.last_review) state.lastReview = card.last_review.getTime()
  return state
}

/** ts-fsrs logs the state before the review; the state after comes from the new card. */
export function toReviewEntry(log: ReviewLog, before: CardState, after: CardState): ReviewEntry {
  return {
    grade: log.rating as number as Grade,
    at: log.review.getTime(),
    elapsedDays: log.elapsed_days,
    phaseBefore: PHASE_OF[log.state],
    stabilityBefore: log.stability,
    difficultyBefore: log.difficulty,
    dueBefore: before.due,
    phaseAfter: after.phase,
    stabilityAfter: after.stability,
    difficultyAfter: after.difficulty,
    dueAfter: after.due,
    scheduledDays: after.scheduledDays,
  }
}
