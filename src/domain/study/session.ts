// Session rules: where a saved session stands, what an answer or an undo does to it, what is left
// (New · Learning · Review), and the end-of-session summary.
import { GRADES, type Grade, type IntervalPreview } from '../scheduling/types'
import { LEARN_AHEAD_MS } from './queue'
import type { CardProgress, ReviewRecord, SessionAnswer, SessionItem, SessionQueue, StudySession } from './types'

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

/** Which count an item belongs to (sessions saved before counts were kept have no `queue`). */
export const itemQueue = (item: SessionItem): SessionQueue => item.queue ?? (item.isNew ? 'new' : 'review')

/** Cards left in a session, as Anki counts them: New · Learning · Review, the card showing included. */
export type SessionCounts = Record<SessionQueue, number>

export function sessionCounts(session: StudySession): SessionCounts {
  const counts: SessionCounts = { new: 0, learning: 0, review: 0 }
  for (const item of session.items.slice(session.answers.length)) counts[itemQueue(item)]++
  return counts
}

/** The local day a session belongs to: [start, end). */
export interface LocalDay {
  start: number
  end: number
}

/**
 * A saved session resumes when it was last answered today, is unfinished, and every question it
 * asks still exists. One saved "later than today" (the clock moved back) is stale too.
 */
export function isResumable(
  saved: StudySession | undefined,
  today: LocalDay,
  hasQuestion: (questionId: string) => boolean,
): saved is StudySession {
  return (
    saved !== undefined &&
    saved.updatedAt >= today.start &&
    saved.updatedAt < today.end &&
    saved.answers.length < saved.items.length &&
    saved.items.every((i) => hasQuestion(i.questionId))
  )
}

/**
 * The session after answering its current item. `repeat`: the card comes back later in this session
 * (a short learning step), as a learning card. The answer remembers the item count before it, so
 * undoing it removes that repeat too.
 */
export function answerCurrent(
  session: StudySession,
  answer: Omit<SessionAnswer, 'itemsBefore'>,
  repeat: boolean,
): StudySession {
  const items = repeat
    ? [
        ...session.items,
        { cardId: answer.cardId, questionId: answer.questionId, isNew: false, queue: 'learning' as const },
      ]
    : session.items
  return {
    ...session,
    updatedAt: answer.at,
    items,
    answers: [...session.answers, { ...answer, itemsBefore: session.items.length }],
  }
}

/** Adds the repeat of the last answered card when its state, known only after the review, asks for one. */
export function queueRepeatOfLast(session: StudySession): StudySession {
  const last = session.answers.at(-1)
  if (!last) return session
  const again = { cardId: last.cardId, questionId: last.questionId, isNew: false, queue: 'learning' as const }
  return { ...session, items: [...session.items, again] }
}

/**
 * The session with its last answer taken back: that card is current again and a repeat the answer
 * queued is gone. Undefined when there is nothing to undo (no answer, or one saved without undo
 * data; a practice answer wrote no review, so the session alone is stepped back).
 */
export function undoLastAnswer(
  session: StudySession,
  now: number,
): { session: StudySession; answer: SessionAnswer } | undefined {
  const answer = session.answers.at(-1)
  if (!answer || (!answer.undo && !session.practice)) return undefined
  const itemsBefore = answer.itemsBefore ?? session.items.length
  return {
    answer,
    session: {
      ...session,
      updatedAt: now,
      items: session.items.slice(0, Math.max(itemsBefore, session.answers.length)),
      answers: session.answers.slice(0, -1),
    },
  }
}

/**
 * Has another tab moved this session on (answered, undone, or started a new one) since `local`?
 * A saved session older than ours (a stale one written back) is not followed.
 */
export function sessionMovedOn(local: StudySession, saved: StudySession | undefined): saved is StudySession {
  return (
    saved !== undefined &&
    saved.id === local.id &&
    saved.updatedAt >= local.updatedAt &&
    (saved.startedAt !== local.startedAt ||
      saved.answers.length !== local.answers.length ||
      saved.items.length !== local.items.length)
  )
}

/**
 * The grade's preview already says the card comes back in this session (due within the learn-ahead
 * limit), so the repeat is saved in the review's own transaction.
 */
export function repeatPlanned(preview: IntervalPreview | undefined, previewAt: number): boolean {
  return preview !== undefined && preview.due - previewAt <= LEARN_AHEAD_MS
}

/** Earliest due time among the studied cards, for "Nothing due" and the summary. */
export function nextDueOf(cards: readonly CardProgress[]): number | undefined {
  let min: number | undefined
  for (const c of cards)
    if (!c.retired && c.state.phase !== 'new' && (min === undefined || c.state.due < min)) min = c.state.due
  return min
}

/**
 * The session without the items still to come of cards set aside since it was built (suspended or
 * buried in the card browser, here or in another tab): neither a card queued for today nor one
 * coming back in its learning steps is shown once set aside. Answers keep pointing at the right
 * items for undo. The same session when nothing changes.
 */
export function withoutSetAside(session: StudySession, setAside: ReadonlySet<string>): StudySession {
  const answered = session.answers.length
  const removed: number[] = []
  session.items.forEach((item, i) => {
    if (i >= answered && setAside.has(item.cardId)) removed.push(i)
  })
  if (!removed.length) return session
  const gone = new Set(removed)
  const shift = (index: number) => removed.filter((i) => i < index).length
  return {
    ...session,
    items: session.items.filter((_, i) => !gone.has(i)),
    answers: session.answers.map((a) =>
      a.itemsBefore === undefined ? a : { ...a, itemsBefore: a.itemsBefore - shift(a.itemsBefore) },
    ),
  }
}

/** Card ids of a session still to be shown (the current one included), each once. */
export function pendingCardIds(session: StudySession): string[] {
  return [...new Set(session.items.slice(session.answers.length).map((i) => i.cardId))]
}
