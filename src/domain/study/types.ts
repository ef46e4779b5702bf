// What the study and quiz screens, the statistics and storage exchange. Plain data, dates as epoch ms.
import type { QuestionKind } from '../questions/types'
import type { CardState, Grade, ReviewEntry } from '../scheduling/types'

/** Progress on one card (`Question.cardId`): the variants of one fact share it. */
export interface CardProgress {
  cardId: string
  deckId: string
  /** `Question.fingerprint` the state was earned on; when the deck's fact changes, progress restarts. */
  fingerprint: string
  /** The card left the deck: its reviews stay in the log, it is no longer shown or counted. */
  retired: boolean
  state: CardState
  /** Set aside by the learner (the card browser): not studied, not counted, until unsuspended. */
  suspended?: boolean
  /** Buried: not studied before this time (epoch ms, the start of the next day). */
  buriedUntil?: number
}

export type ReviewSource = 'study' | 'quiz'

/** One line of the review log. */
export interface ReviewRecord extends ReviewEntry {
  /** Assigned by storage. */
  id?: number
  cardId: string
  questionId: string
  deckId: string
  source: ReviewSource
  /** Time the learner took to answer, when measured. */
  ms?: number
}

export interface QuizAnswer {
  questionId: string
  cardId: string
  kind: QuestionKind
  correct: boolean
  ms?: number
  /** What the learner answered, for "Review mistakes". */
  given?: string | string[]
}

/** One finished quiz. */
export interface QuizAttempt {
  id?: number
  deckId: string
  startedAt: number
  finishedAt: number
  /** Seed the quiz was built with, so it can be rebuilt. */
  seed?: number
  answers: QuizAnswer[]
}

/** Which count a session item belongs to, as in Anki: New · Learning · Review. */
export type SessionQueue = 'new' | 'learning' | 'review'

export interface SessionItem {
  cardId: string
  questionId: string
  /** The card had never been studied when the session was built. */
  isNew: boolean
  /** Absent in sessions saved before counts were kept: new when `isNew`, else review. */
  queue?: SessionQueue
}

export interface SessionAnswer {
  cardId: string
  questionId: string
  grade: Grade
  /** For choice kinds answered directly. */
  correct?: boolean
  ms?: number
  at: number
  /** `items.length` before this answer (a repeat it queued is removed with it on undo). */
  itemsBefore?: number
  /** What undoing this answer needs, filled in by storage in the review's own transaction. */
  undo?: AnswerUndo
}

export interface AnswerUndo {
  /** The review log entry this answer wrote. */
  reviewId: number
  /** The card's state before the review; null when the review created the card. */
  before: CardState | null
}

/**
 * A study or quiz session in progress, saved so a reload resumes it. The next item is
 * `items[answers.length]`; storage saves it in the same transaction as the review it records.
 */
export interface StudySession {
  /** Chosen by the app, e.g. `study:${deckId}`. */
  id: string
  mode: 'study' | 'quiz'
  deckId: string
  startedAt: number
  updatedAt: number
  /** Seed the session's questions were generated with. */
  seed?: number
  /**
   * Practice (a custom session by topic, kind, person or failed cards): its answers are kept here
   * only, never as reviews, so the schedule stays as it was.
   */
  practice?: boolean
  /** What a custom session is, as shown above its cards ("Practice: Family"). */
  title?: string
  items: SessionItem[]
  answers: SessionAnswer[]
}
