// A session never shows a card set aside after it was built: its items still to come (due today or
// coming back in its learning steps) are dropped, answers keep pointing at the right items for undo,
// and a practice answer is undone from the session alone (it wrote no review).
import { describe, expect, it } from 'vitest'
import {
  answerCurrent,
  pendingCardIds,
  undoLastAnswer,
  withoutSetAside,
  type StudySession,
} from '../../../src/domain/study'
import { NOW } from './helpers'

const item = (cardId: string, queue: 'new' | 'learning' | 'review' = 'review') => ({
  cardId,
  questionId: `${cardId}/typed`,
  isNew: queue === 'new',
  queue,
})

const session = (cards: string[]): StudySession => ({
  id: 'study:deck',
  mode: 'study',
  deckId: 'deck',
  startedAt: NOW,
  updatedAt: NOW,
  items: cards.map((c) => item(c)),
  answers: [],
})

const answer = (s: StudySession, grade: 1 | 3, repeat: boolean) => {
  const current = s.items[s.answers.length]!
  return answerCurrent(s, { cardId: current.cardId, questionId: current.questionId, grade, at: NOW }, repeat)
}

describe('withoutSetAside', () => {
  it('drops the items to come of a set-aside card, its learning-step repeat included', () => {
    // a is answered Again (comes back at the end), then b; then a is suspended in the card browser.
    let s = answer(session(['a', 'b', 'c']), 1, true)
    s = answer(s, 3, false)
    expect(pendingCardIds(s)).toEqual(['c', 'a'])
    const next = withoutSetAside(s, new Set(['a']))
    expect(next.items.map((i) => i.cardId)).toEqual(['a', 'b', 'c'])
    expect(pendingCardIds(next)).toEqual(['c'])
    // What was studied stays studied; b's answer now counts the items without a's repeat, so
    // undoing it goes back to [a, b, c].
    expect(next.answers.map((a) => [a.cardId, a.grade, a.itemsBefore])).toEqual([
      ['a', 1, 3],
      ['b', 3, 3],
    ])
  })

  it('keeps undo right: an answer that queued a repeat still removes it when undone', () => {
    // a, b, c; b is graded Again (repeat queued at the end), then c is buried.
    let s = answer(session(['a', 'b', 'c']), 3, false)
    s = answer(s, 1, true)
    const next = withoutSetAside(s, new Set(['c']))
    expect(next.items.map((i) => i.cardId)).toEqual(['a', 'b', 'b'])
    const undone = undoLastAnswer(
      { ...next, answers: next.answers.map((a) => ({ ...a, undo: { reviewId: 1, before: null } })) },
      NOW,
    )
    expect(undone?.session.items.map((i) => i.cardId)).toEqual(['a', 'b'])
  })

  it('returns the same session when nothing is set aside', () => {
    const s = session(['a', 'b'])
    expect(withoutSetAside(s, new Set(['z']))).toBe(s)
    // An answered card is never removed, only the ones to come.
    const answered = answer(s, 3, false)
    expect(withoutSetAside(answered, new Set(['a']))).toBe(answered)
  })
})

describe('undoLastAnswer in practice', () => {
  it('steps a practice session back though its answers carry no review to take back', () => {
    const s = { ...answer(session(['a', 'b']), 1, true), practice: true }
    const undone = undoLastAnswer(s, NOW + 1)
    expect(undone?.session.answers).toEqual([])
    expect(undone?.session.items.map((i) => i.cardId)).toEqual(['a', 'b'])
    // A study session answer saved without undo data cannot be undone.
    expect(undoLastAnswer({ ...s, practice: false }, NOW + 1)).toBeUndefined()
  })
})
