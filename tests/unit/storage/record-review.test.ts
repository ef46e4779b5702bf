// A grade is stored as ONE transaction (card state + log entry [+ session]), survives a reload,
// and a failure inside the transaction leaves neither behind.
import { describe, expect, it } from 'vitest'
import type { StudySession } from '../../../src/domain/study/types'
import { DAY, MINUTE, NOW, testDatabase } from './helpers'

const card = {
  cardId: 'deck-a/born/john-vii',
  questionId: 'deck-a/born/john-vii/multiple-choice',
  deckId: 'deck-a',
  fingerprint: 'f1',
}

const session = (answers: StudySession['answers']): StudySession => ({
  id: 'study:deck-a',
  mode: 'study',
  deckId: 'deck-a',
  startedAt: NOW,
  updatedAt: NOW,
  items: [
    { cardId: card.cardId, questionId: card.questionId, isNew: true },
    { cardId: 'deck-a/died/john-vii', questionId: 'deck-a/died/john-vii/typed', isNew: true },
  ],
  answers,
})

describe('recordReview', () => {
  it('creates the card on its first grade and writes its log entry', async () => {
    const storage = await testDatabase().open()
    const { card: saved, review } = await storage.recordReview({ ...card, grade: 3, now: NOW, ms: 4200 })

    expect(saved.state.phase).toBe('learning')
    expect(saved.state.reps).toBe(1)
    expect(saved.state.due).toBeGreaterThan(NOW)
    expect(await storage.cards.get(card.cardId)).toEqual(saved)
    const log = await storage.reviews.forCard(card.cardId)
    expect(log).toHaveLength(1)
    expect(log[0]).toEqual(review)
    expect(log[0]).toMatchObject({
      grade: 3,
      at: NOW,
      ms: 4200,
      phaseBefore: 'new',
      phaseAfter: 'learning',
      source: 'study',
    })
  })

  it('schedules from the stored state on the next grade', async () => {
    const storage = await testDatabase().open()
    const first = await storage.recordReview({ ...card, grade: 3, now: NOW })
    const second = await storage.recordReview({ ...card, grade: 3, now: first.card.state.due })
    expect(second.review.phaseBefore).toBe('learning')
    expect(second.card.state.phase).toBe('review')
    expect(second.card.state.reps).toBe(2)
    expect(await storage.reviews.count()).toBe(2)
  })

  it('is still there after closing and reopening the database (a reload)', async () => {
    const db = testDatabase()
    const before = await db.open()
    const s = session([{ cardId: card.cardId, questionId: card.questionId, grade: 4, at: NOW, ms: 2000 }])
    const { card: saved } = await before.recordReview({ ...card, grade: 4, now: NOW, ms: 2000, session: s })
    before.close()

    const after = await db.open()
    expect(await after.cards.get(card.cardId)).toEqual(saved)
    expect(await after.reviews.forDeck('deck-a')).toHaveLength(1)
    const resumed = await after.sessions.load('study:deck-a')
    expect(resumed?.answers).toHaveLength(1)
    expect(resumed?.items[resumed.answers.length]?.cardId).toBe('deck-a/died/john-vii')
  })

  it('writes neither the card nor the log entry when the transaction fails', async () => {
    const storage = await testDatabase().open()
    // A session without its key makes the last write of the transaction fail.
    const broken = { ...session([]), id: undefined as unknown as string }
    await expect(storage.recordReview({ ...card, grade: 3, now: NOW, session: broken })).rejects.toThrow(
      /Data provided/,
    )
    expect(await storage.cards.get(card.cardId)).toBeUndefined()
    expect(await storage.reviews.count()).toBe(0)
  })

  it('uses the stored desired retention', async () => {
    const a = await testDatabase().open()
    const b = await testDatabase().open()
    await b.settings.update({ desiredRetention: 0.7 })
    const day0 = async (s: typeof a) => {
      const r1 = await s.recordReview({ ...card, grade: 3, now: NOW })
      const r2 = await s.recordReview({ ...card, grade: 3, now: r1.card.state.due })
      return (await s.recordReview({ ...card, grade: 3, now: r2.card.state.due })).card.state.due - r2.card.state.due
    }
    expect(await day0(b)).toBeGreaterThan(await day0(a))
  })

  it('counts a wrong quiz answer as Again and marks the source', async () => {
    const storage = await testDatabase().open()
    const learned = await storage.recordReview({ ...card, grade: 4, now: NOW })
    const at = learned.card.state.due + DAY
    const { review, card: after } = await storage.recordQuizAnswer({
      ...card,
      kind: 'multiple-choice',
      correct: false,
      ms: 3000,
      now: at,
    })
    expect(review).toMatchObject({ grade: 1, source: 'quiz', phaseBefore: 'review', phaseAfter: 'relearning' })
    expect(after.state.lapses).toBe(1)
    expect(after.state.due - at).toBeLessThanOrEqual(10 * MINUTE)
  })
})

describe('undoReview', () => {
  const answer = (grade: 1 | 2 | 3 | 4, at: number) => ({ cardId: card.cardId, questionId: card.questionId, grade, at })

  it('puts back the state before, deletes the log entry and saves the session, in one transaction', async () => {
    const storage = await testDatabase().open()
    await storage.recordReview({ ...card, grade: 3, now: NOW, session: session([answer(3, NOW)]) })
    const before = await storage.cards.get(card.cardId)
    const second = await storage.recordReview({
      ...card,
      grade: 1,
      now: NOW + 10 * MINUTE,
      session: session([answer(3, NOW), answer(1, NOW + 10 * MINUTE)]),
    })
    const undo = second.session?.answers.at(-1)?.undo
    expect(undo).toEqual({ reviewId: second.review.id, before: before?.state })
    expect((await storage.sessions.load('study:deck-a'))?.answers.at(-1)?.undo).toEqual(undo)

    await storage.undoReview({ ...undo!, cardId: card.cardId, session: session([answer(3, NOW)]) })
    expect(await storage.cards.get(card.cardId)).toEqual(before)
    expect((await storage.reviews.forCard(card.cardId)).map((r) => r.grade)).toEqual([3])
    expect((await storage.sessions.load('study:deck-a'))?.answers).toHaveLength(1)
  })

  it('removes a card its first review created', async () => {
    const storage = await testDatabase().open()
    const first = await storage.recordReview({ ...card, grade: 3, now: NOW, session: session([answer(3, NOW)]) })
    expect(first.session?.answers[0]?.undo?.before).toBeNull()
    await storage.undoReview({ reviewId: first.review.id!, cardId: card.cardId, before: null })
    expect(await storage.cards.get(card.cardId)).toBeUndefined()
    expect(await storage.reviews.count()).toBe(0)
  })

  it('changes nothing when the card was reviewed again since (another tab, a quiz)', async () => {
    const storage = await testDatabase().open()
    const first = await storage.recordReview({ ...card, grade: 3, now: NOW, session: session([answer(3, NOW)]) })
    await storage.recordQuizAnswer({ ...card, kind: 'multiple-choice', correct: true, ms: 2000, now: NOW + DAY })
    const after = await storage.cards.get(card.cardId)
    await expect(
      storage.undoReview({ reviewId: first.review.id!, cardId: card.cardId, before: null, session: session([]) }),
    ).rejects.toThrow(/can no longer be undone/)
    expect(await storage.cards.get(card.cardId)).toEqual(after)
    expect(await storage.reviews.count()).toBe(2)
    expect((await storage.sessions.load('study:deck-a'))?.answers).toHaveLength(1)
  })
})
