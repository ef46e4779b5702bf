// The state of a card never studied, without ts-fsrs: syncing a deck's cards (the deck diff, in
// the page and in the deck worker) needs only this, so the scheduler loads when a card is graded
// or its intervals are shown. It is what ts-fsrs' createEmptyCard gives (a test holds them equal).
import type { CardState } from './types'

/** State of a card never studied, due from `now`. */
export function newCardState(now: number): CardState {
  return { phase: 'new', due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0 }
}
