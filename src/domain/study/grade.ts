// Suggesting a grade when the learner answered a choice directly (the learner may still change it).
import type { QuestionKind } from '../questions/types'
import type { Grade } from '../scheduling/types'

export interface GradeThresholds {
  /** Right within this many ms → Easy (absent: never Easy). */
  easyMs?: number
  /** Right within this many ms → Good; slower → Hard. */
  goodMs: number
}

/**
 * Answer times, per kind, that separate Easy / Good / Hard for a right answer. Reading a prompt
 * and four options takes a few seconds; true/false never suggests Easy since half of the guesses
 * are right; ordering and matching ask for several moves.
 */
export const GRADE_THRESHOLDS: Readonly<Record<QuestionKind, GradeThresholds>> = {
  'multiple-choice': { easyMs: 4_000, goodMs: 12_000 },
  choice: { easyMs: 4_000, goodMs: 12_000 },
  'true-false': { goodMs: 8_000 },
  typed: { easyMs: 6_000, goodMs: 20_000 },
  date: { easyMs: 6_000, goodMs: 20_000 },
  cloze: { easyMs: 6_000, goodMs: 20_000 },
  basic: { easyMs: 6_000, goodMs: 20_000 },
  ordering: { easyMs: 10_000, goodMs: 30_000 },
  matching: { easyMs: 10_000, goodMs: 30_000 },
}

export interface AnswerOutcome {
  correct: boolean
  /** Time from showing the question to the answer. */
  ms: number
  kind: QuestionKind
}

/** Wrong → Again; right → Easy, Good or Hard by speed (GRADE_THRESHOLDS). */
export function suggestGrade({ correct, ms, kind }: AnswerOutcome): Grade {
  if (!correct) return 1
  const t = GRADE_THRESHOLDS[kind] ?? GRADE_THRESHOLDS.typed
  if (t.easyMs !== undefined && ms <= t.easyMs) return 4
  return ms <= t.goodMs ? 3 : 2
}

/**
 * The grade a quiz answer gives the card: wrong → Again; right → Good, or Hard when slow. A quiz is
 * not a deliberate review, so it never gives Easy.
 */
export function quizGrade(outcome: AnswerOutcome): Grade {
  return Math.min(suggestGrade(outcome), 3) as Grade
}
