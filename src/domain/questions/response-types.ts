import type { DatePoint } from '../deck/types'
import type { AnswerCheck } from './types'

/** What the learner gave, per input: a picked option, typed text, a date, an order, or matches. */
export type AnswerResponse =
  | { kind: 'choice'; choice: string }
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: DatePoint }
  | { kind: 'order'; order: string[] }
  | { kind: 'pairs'; pairs: Record<string, string> }

/** An answer as the input gives it, before it is checked. */
export interface AnswerGiven {
  response: AnswerResponse
  /** How long the learner took (ms), for the suggested grade. */
  elapsedMs: number
}

/** An answer and its check, as study and quiz sessions keep them. */
export interface AnswerResult extends AnswerGiven {
  check: AnswerCheck
}
