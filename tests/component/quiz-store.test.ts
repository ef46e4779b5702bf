// A quiz against real storage (fake-indexeddb): each answer is written to the card's schedule
// before its feedback shows (wrong → Again), and the finished quiz is scored and kept.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { AnswerResult } from '../../src/domain/questions/response-types'
import { useQuizStore } from '../../src/stores/quiz'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'
import { question } from './fixtures'

const questions = [question('multiple-choice'), question('typed'), question('basic'), question('true-false')]
const result = (correct: boolean): AnswerResult => ({
  response: { kind: 'text', text: 'x' },
  check: { correct },
  elapsedMs: 5000,
})

async function startQuiz() {
  setActivePinia(createPinia())
  const storage = useStorageStore()
  await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'quiz', enableFuzz: false })
  await useSettingsStore().load()
  const quiz = useQuizStore()
  quiz.start('test-deck', questions)
  return { quiz, db: storage.db() }
}

describe('quiz store', () => {
  it('asks every checkable card once, leaving plain flashcards to study', async () => {
    const { quiz, db } = await startQuiz()
    expect(quiz.questions.map((q) => q.kind).sort()).toEqual(['multiple-choice', 'true-false', 'typed'])
    db.close()
  })

  it('writes each answer to the card before the feedback, wrong as Again and right as Good', async () => {
    const { quiz, db } = await startQuiz()
    const [first, second] = quiz.questions
    await quiz.answer(result(false))
    expect(quiz.phase).toBe('feedback')
    expect((await db.reviews.forCard(first!.cardId)).map((r) => [r.grade, r.source])).toEqual([[1, 'quiz']])
    await quiz.next()
    expect(quiz.question?.id).toBe(second!.id)
    await quiz.answer(result(true))
    expect((await db.reviews.forCard(second!.cardId)).map((r) => r.grade)).toEqual([3])
    db.close()
  })

  it('scores the quiz at the end, keeps the attempt and lists the mistakes', async () => {
    const { quiz, db } = await startQuiz()
    for (const correct of [true, false, true]) {
      await quiz.answer(result(correct))
      await quiz.next()
    }
    expect(quiz.phase).toBe('done')
    expect(quiz.score).toMatchObject({ total: 3, correct: 2 })
    expect(quiz.mistakes.map((m) => m.question.id)).toEqual([quiz.questions[1]!.id])
    const [attempt] = await db.quizAttempts.forDeck('test-deck')
    expect(attempt?.answers.map((a) => a.correct)).toEqual([true, false, true])
    db.close()
  })
})
