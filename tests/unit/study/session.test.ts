import { describe, expect, it } from 'vitest'
import { countNewIntroduced, nextSessionItem, summarizeSession, type StudySession } from '../../../src/domain/study'
import { card, DAY, MINUTE, NOW } from './helpers'

const session: StudySession = {
  id: 'study:deck',
  mode: 'study',
  deckId: 'deck',
  startedAt: NOW,
  updatedAt: NOW + 3 * MINUTE,
  items: ['a', 'b', 'c', 'd'].map((k) => ({ cardId: `deck/${k}`, questionId: `deck/${k}/typed`, isNew: false })),
  answers: [
    { cardId: 'deck/a', questionId: 'deck/a/typed', grade: 3, ms: 4000, at: NOW },
    { cardId: 'deck/b', questionId: 'deck/b/typed', grade: 1, ms: 9000, at: NOW + MINUTE },
    {
      cardId: 'deck/c',
      questionId: 'deck/c/multiple-choice',
      grade: 2,
      correct: false,
      ms: 5000,
      at: NOW + 2 * MINUTE,
    },
  ],
}

describe('summarizeSession', () => {
  it('counts reviews, correct answers, grades, time and the next due card', () => {
    const cards = [
      card('a', { phase: 'review', due: NOW + 3 * DAY }),
      card('b', { phase: 'relearning', due: NOW + 10 * MINUTE }),
      card('z', { phase: 'review', due: NOW + MINUTE }), // not in the session
    ]
    expect(summarizeSession(session, cards)).toEqual({
      reviewed: 3,
      correct: 1, // a (Good); b was Again; c was answered wrong, then graded Hard
      byGrade: { 1: 1, 2: 1, 3: 1, 4: 0 },
      timeMs: 18_000,
      nextDue: NOW + 10 * MINUTE,
      remaining: 1,
    })
  })

  it('finds the next item from the answers saved so far', () => {
    expect(nextSessionItem(session)?.cardId).toBe('deck/d')
    expect(nextSessionItem({ ...session, items: session.items.slice(0, 3) })).toBeUndefined()
  })
})

describe('countNewIntroduced', () => {
  it('counts distinct cards first reviewed since a time', () => {
    const log = [
      { cardId: 'a', at: NOW - DAY, phaseBefore: 'new' as const },
      { cardId: 'b', at: NOW, phaseBefore: 'new' as const },
      { cardId: 'b', at: NOW + MINUTE, phaseBefore: 'learning' as const },
      { cardId: 'c', at: NOW + 2 * MINUTE, phaseBefore: 'new' as const },
      { cardId: 'd', at: NOW + 3 * MINUTE, phaseBefore: 'review' as const },
    ]
    expect(countNewIntroduced(log, NOW)).toBe(2)
  })
})
