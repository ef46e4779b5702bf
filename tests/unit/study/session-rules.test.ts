// The session rules the study screen follows: what is left (New · Learning · Review, each going
// down), what answering and undoing do to a session, when a saved one resumes or is followed.
import { describe, expect, it } from 'vitest'
import {
  answerCurrent,
  isResumable,
  nextDueOf,
  repeatPlanned,
  sessionCounts,
  sessionMovedOn,
  undoLastAnswer,
  LEARN_AHEAD_MS,
} from '../../../src/domain/study'
import type { SessionAnswer, StudySession } from '../../../src/domain/study/types'
import { card, DAY, MINUTE, NOW } from './helpers'

const session = (): StudySession => ({
  id: 'study:deck',
  mode: 'study',
  deckId: 'deck',
  startedAt: NOW,
  updatedAt: NOW,
  items: [
    { cardId: 'deck/a', questionId: 'deck/a/typed', isNew: false, queue: 'review' },
    { cardId: 'deck/b', questionId: 'deck/b/typed', isNew: false, queue: 'learning' },
    { cardId: 'deck/c', questionId: 'deck/c/multiple-choice', isNew: true, queue: 'new' },
    { cardId: 'deck/d', questionId: 'deck/d/multiple-choice', isNew: true }, // saved before counts: new
    { cardId: 'deck/e', questionId: 'deck/e/typed', isNew: false }, // saved before counts: review
  ],
  answers: [],
})

const answer = (s: StudySession, grade: 1 | 2 | 3 | 4, at: number): Omit<SessionAnswer, 'itemsBefore'> => {
  const item = s.items[s.answers.length]!
  return { cardId: item.cardId, questionId: item.questionId, grade, at, undo: { reviewId: at, before: null } }
}

describe('session counts', () => {
  it('counts what is left, the card showing included, and every count only goes down or moves', () => {
    let s = session()
    expect(sessionCounts(s)).toEqual({ new: 2, learning: 1, review: 2 })
    s = answerCurrent(s, answer(s, 3, NOW + 1), false) // review card done
    expect(sessionCounts(s)).toEqual({ new: 2, learning: 1, review: 1 })
    s = answerCurrent(s, answer(s, 1, NOW + 2), true) // learning card again: still learning
    expect(sessionCounts(s)).toEqual({ new: 2, learning: 1, review: 1 })
    s = answerCurrent(s, answer(s, 1, NOW + 3), true) // a new card forgotten: moves to learning
    expect(sessionCounts(s)).toEqual({ new: 1, learning: 2, review: 1 })
    const total = (c: ReturnType<typeof sessionCounts>) => c.new + c.learning + c.review
    expect(total(sessionCounts(s))).toBeLessThanOrEqual(total(sessionCounts(session())))
  })
})

describe('undoLastAnswer', () => {
  it('walks back one answer at a time, taking the repeat each one queued with it', () => {
    let s = session()
    s = answerCurrent(s, answer(s, 1, NOW + 1), true)
    s = answerCurrent(s, answer(s, 3, NOW + 2), false)
    s = answerCurrent(s, answer(s, 1, NOW + 3), true)
    expect(s.items).toHaveLength(7)
    const first = undoLastAnswer(s, NOW + 10)!
    expect(first.answer.at).toBe(NOW + 3)
    expect(first.session.answers).toHaveLength(2)
    expect(first.session.items).toHaveLength(6)
    expect(first.session.updatedAt).toBe(NOW + 10)
    const second = undoLastAnswer(first.session, NOW + 11)!
    expect(second.session.items).toHaveLength(6)
    const third = undoLastAnswer(second.session, NOW + 12)!
    expect(third.session).toMatchObject({ items: session().items, answers: [] })
    expect(undoLastAnswer(third.session, NOW + 13)).toBeUndefined()
  })

  it('cannot undo an answer saved without undo data', () => {
    const s = session()
    const { undo: _undo, ...plainAnswer } = answer(s, 3, NOW + 1)
    expect(undoLastAnswer(answerCurrent(s, plainAnswer, false), NOW + 2)).toBeUndefined()
  })
})

describe('isResumable', () => {
  const today = { start: NOW - 9 * 60 * MINUTE, end: NOW + 15 * 60 * MINUTE }
  const has = () => true
  it('resumes an unfinished session from today whose questions all exist', () => {
    expect(isResumable(session(), today, has)).toBe(true)
    expect(isResumable(undefined, today, has)).toBe(false)
    expect(isResumable({ ...session(), updatedAt: today.start - 1 }, today, has)).toBe(false)
    expect(isResumable(session(), today, (id) => id !== 'deck/c/multiple-choice')).toBe(false)
  })
  it('treats a session saved "tomorrow" (the clock was moved back) as stale', () => {
    expect(isResumable({ ...session(), updatedAt: NOW + 2 * DAY }, today, has)).toBe(false)
  })
})

describe('sessionMovedOn', () => {
  it('follows another tab that answered, undid or started anew, never an older copy', () => {
    const local = session()
    expect(sessionMovedOn(local, local)).toBe(false)
    const answered = answerCurrent(local, answer(local, 3, NOW + 5), false)
    expect(sessionMovedOn(local, answered)).toBe(true)
    expect(sessionMovedOn(answered, { ...local, updatedAt: NOW + 6 })).toBe(true) // undone there
    expect(sessionMovedOn(answered, local)).toBe(false) // older
    expect(sessionMovedOn(local, undefined)).toBe(false)
  })
})

describe('repeatPlanned and nextDueOf', () => {
  it('plans a repeat when the grade brings the card back within the learn-ahead limit', () => {
    expect(repeatPlanned({ due: NOW + LEARN_AHEAD_MS, label: '20m' }, NOW)).toBe(true)
    expect(repeatPlanned({ due: NOW + LEARN_AHEAD_MS + 1, label: '20m' }, NOW)).toBe(false)
    expect(repeatPlanned(undefined, NOW)).toBe(false)
  })
  it('finds the earliest due card, leaving out new and retired ones', () => {
    const cards = [
      card('a', { phase: 'review', due: NOW + 3 * DAY }),
      card('b', { phase: 'learning', due: NOW + 10 * MINUTE }),
      card('c', { phase: 'new', due: NOW - DAY }),
      card('d', { phase: 'review', due: NOW - DAY }, { retired: true }),
    ]
    expect(nextDueOf(cards)).toBe(NOW + 10 * MINUTE)
    expect(nextDueOf([])).toBeUndefined()
  })
})
