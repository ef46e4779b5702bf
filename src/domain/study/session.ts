// Session helpers: where a saved session stands, and its end-of-session summary.
import { GRADES, type Grade } from '../scheduling/types'
import type { CardProgress, ReviewRecord, SessionAnswer, SessionItem, StudySession } from './types'

export interface SessionSummary {
  reviewed: number
  /** Answers marked correct, or graded Hard/Good/Easy when graded by the learner. */
  correct: number
  byGrade: Record<Grade, number>
  /** Sum of the measured answer times. */
  timeMs: number
  /** Earliest due time among the session's cards afterwards; null when none is known. */
  nextDue: number | null
  remaining: number
}

export const isCorrectAnswer = (a: Pick<SessionAnswer, 'grade' | 'correct'>): boolean => a.correct ?? a.grade > 1

export function summarizeSession(session: StudySession, cards: readonly CardProgress[]): SessionSummary {
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>
  for (const a of session.answers) byGrade[a.grade]++
  const inSession = new Set(session.items.map((i) => i.cardId))
  let nextDue: number | null = null
  for (const c of cards) {
    if (!inSession.has(c.cardId) || c.retired || c.state.phase === 'new') continue
    if (nextDue === null || c.state.due < nextDue) nextDue = c.state.due
  }
  return {
    reviewed: session.answers.length,
    correct: session.answers.filter(isCorrectAnswer).length,
    byGrade,
    timeMs: session.answers.reduce((sum, a) => sum + (a.ms ?? 0), 0),
    nextDue,
    remaining: Math.max(0, session.items.length - session.answers.length),
  }
}

/** The item to show next, or undefined when the session is over. */
export function nextSessionItem(session: StudySession): SessionItem | undefined {
  return session.items[session.answers.length]
}

/** Distinct cards first reviewed (reviewed while new) at or after `since`. */
export function countNewIntroduced(
  log: readonly Pick<ReviewRecord, 'cardId' | 'at' | 'phaseBefore'>[],
  since: number,
): number {
  const ids = new Set<string>()
  for (const r of log) if (r.at >= since && r.phaseBefore === 'new') ids.add(r.cardId)
  return ids.size
}
