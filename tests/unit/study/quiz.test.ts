// Quiz assembly: N questions, one per card, kinds mixed, reproducible from the seed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Question, QuestionKind } from '../../../src/domain/questions/types'
import { createRandom } from '../../../src/domain/random'
import { buildQuiz, scoreQuiz } from '../../../src/domain/study'
import { question, variants } from './helpers'

const deck = Array.from({ length: 30 }, (_, i) => variants(`f${i}`)).flat()

describe('buildQuiz', () => {
  it('asks 10 questions by default, from 10 different cards', () => {
    const quiz = buildQuiz(deck, { random: createRandom(3) })
    expect(quiz).toHaveLength(10)
    expect(new Set(quiz.map((q) => q.cardId)).size).toBe(10)
  })

  it('mixes kinds evenly when every card offers them all', () => {
    const quiz = buildQuiz(deck, { count: 9, random: createRandom(5) })
    const perKind = new Map<QuestionKind, number>()
    for (const q of quiz) perKind.set(q.kind, (perKind.get(q.kind) ?? 0) + 1)
    expect([...perKind.values()]).toEqual([3, 3, 3])
  })

  it('asks every card once when the deck is smaller than the quiz', () => {
    const small = [...variants('a'), ...variants('b')]
    expect(
      buildQuiz(small, { count: 10, random: createRandom(1) })
        .map((q) => q.cardId)
        .sort(),
    ).toEqual(['deck/a', 'deck/b'])
  })

  it('keeps to the kinds asked for', () => {
    const quiz = buildQuiz(deck, { count: 5, random: createRandom(2), kinds: ['typed'] })
    expect(quiz.map((q) => q.kind)).toEqual(Array(5).fill('typed'))
  })

  it('gives the same quiz for the same seed and another for another seed', () => {
    const ids = (seed: number) => buildQuiz(deck, { random: createRandom(seed) }).map((q) => q.id)
    expect(ids(11)).toEqual(ids(11))
    expect(ids(11)).not.toEqual(ids(12))
  })

  it('for any deck and count: one question per card, min(count, cards) questions, all from the deck', () => {
    const kinds: QuestionKind[] = ['multiple-choice', 'typed', 'true-false', 'date', 'ordering']
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.constantFrom(...kinds)), { maxLength: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer(),
        (pairs, count, seed) => {
          const byId = new Map<string, Question>()
          for (const [k, kind] of pairs) byId.set(`${k}/${kind}`, question(`c${k}`, kind))
          const questions = [...byId.values()]
          const cards = new Set(questions.map((q) => q.cardId)).size
          const quiz = buildQuiz(questions, { count, random: createRandom(seed) })
          expect(quiz).toHaveLength(Math.min(count, cards))
          expect(new Set(quiz.map((q) => q.cardId)).size).toBe(quiz.length)
          for (const q of quiz) expect(questions).toContain(q)
        },
      ),
    )
  })
})

describe('scoreQuiz', () => {
  it('scores and lists the mistakes', () => {
    const answers = [
      { questionId: 'q1', cardId: 'c1', kind: 'typed' as const, correct: true },
      { questionId: 'q2', cardId: 'c2', kind: 'typed' as const, correct: false, given: 'Manuel' },
      { questionId: 'q3', cardId: 'c3', kind: 'typed' as const, correct: true },
      { questionId: 'q4', cardId: 'c4', kind: 'typed' as const, correct: true },
    ]
    expect(scoreQuiz(answers)).toEqual({ total: 4, correct: 3, score: 0.75, mistakes: [answers[1]] })
    expect(scoreQuiz([]).score).toBe(0)
  })
})
