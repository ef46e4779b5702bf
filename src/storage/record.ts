// Recording a grade: the card's new state and its log entry in ONE transaction, so a review is
// either fully saved or not at all (and the session that shows the next card moves with it).
// Undoing one is a single transaction too: the card's earlier state back, the entry gone, the session back.
import Dexie from 'dexie'
import type * as SchedulerModule from '../domain/scheduling/scheduler'
import type { Scheduler } from '../domain/scheduling/types'
import { quizGrade } from '../domain/study/grade'
import type { CardProgress, ReviewRecord } from '../domain/study/types'
import type { StavratonDB } from './db'
import { UndoUnavailableError } from './errors'
import { readSettings } from './repositories'
import { fromCardRow, plain, toCardRow } from './rows'
import type { RecordedReview, RecordQuizAnswerInput, RecordReviewInput, UndoReviewInput } from './types'

export interface ReviewRecorder {
  scheduler(): Promise<Scheduler>
  recordReview(input: RecordReviewInput): Promise<RecordedReview>
  recordQuizAnswer(input: RecordQuizAnswerInput): Promise<RecordedReview>
  undoReview(input: UndoReviewInput): Promise<void>
}

export function reviewRecorder(db: StavratonDB, enableFuzz: boolean): ReviewRecorder {
  // ts-fsrs loads on first use (not with the first view). It must be loaded before a transaction
  // starts: awaiting a module import inside one would let IndexedDB commit it early.
  let engine: Promise<typeof SchedulerModule> | undefined
  const loadEngine = () => (engine ??= import('../domain/scheduling/scheduler'))
  let cached: Scheduler | undefined
  const schedulerFor = (
    createScheduler: typeof SchedulerModule.createScheduler,
    desiredRetention: number,
  ): Scheduler => {
    if (cached?.desiredRetention !== desiredRetention) cached = createScheduler({ desiredRetention, enableFuzz })
    return cached
  }

  const recordReview = async (input: RecordReviewInput): Promise<RecordedReview> => {
    const { cardId, questionId, deckId, grade, now } = input
    const session = input.session && plain(input.session)
    const { createScheduler } = await loadEngine()
    return db.transaction('rw', [db.cards, db.reviews, db.sessions, db.settings], async () => {
      const scheduler = schedulerFor(createScheduler, (await readSettings(db)).desiredRetention)
      const row = await db.cards.get(cardId)
      const before: CardProgress = row
        ? fromCardRow(row)
        : { cardId, deckId, fingerprint: input.fingerprint, retired: false, state: scheduler.newCardState(now) }
      const { state, log } = scheduler.review(before.state, grade, now)
      const card: CardProgress = { ...before, state }
      const review: ReviewRecord = {
        ...log,
        cardId,
        questionId,
        deckId: before.deckId,
        source: input.source ?? 'study',
        ...(input.ms === undefined ? {} : { ms: Math.max(0, Math.round(input.ms)) }),
      }
      await db.cards.put({ ...row, ...toCardRow(card) })
      const id = (await db.reviews.add(review)) as number
      if (session) {
        // The answer carries what undoing it needs: the review it wrote and the card's state before.
        const answer = session.answers.at(-1)
        if (answer?.cardId === cardId) answer.undo = { reviewId: id, before: row ? before.state : null }
        await db.sessions.put(session)
      }
      return { card, review: { ...review, id }, ...(session ? { session } : {}) }
    })
  }

  const undoReview = ({ reviewId, cardId, before, session }: UndoReviewInput): Promise<void> =>
    db.transaction('rw', [db.cards, db.reviews, db.sessions], async () => {
      const review = await db.reviews.get(reviewId)
      const later = await db.reviews
        .where('[cardId+at]')
        .between([cardId, Dexie.minKey], [cardId, Dexie.maxKey])
        .filter((r) => (r.id ?? 0) > reviewId)
        .count()
      if (review?.cardId !== cardId || later > 0) throw new UndoUnavailableError()
      const row = await db.cards.get(cardId)
      if (before === null) await db.cards.delete(cardId)
      else if (row) await db.cards.put({ ...row, due: before.due, state: before })
      await db.reviews.delete(reviewId)
      if (session) await db.sessions.put(plain(session))
    })

  return {
    undoReview,
    scheduler: async () => {
      const { createScheduler } = await loadEngine()
      return schedulerFor(createScheduler, (await readSettings(db)).desiredRetention)
    },
    recordReview,
    recordQuizAnswer: ({ kind, correct, ms, ...rest }) =>
      recordReview({ ...rest, ms, grade: quizGrade({ correct, ms, kind }), source: 'quiz' }),
  }
}
