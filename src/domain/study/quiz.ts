// Assembling a quiz: one question per card, kinds mixed.
import type { Question, QuestionKind } from '../questions/types'
import { randomInt, shuffled, type Random } from '../random'
import { groupByCard } from './queue'
import type { QuizAnswer } from './types'

export const DEFAULT_QUIZ_LENGTH = 10

/** Every kind a learner can answer and have checked, on screen or on paper: all but plain flashcards. */
export const QUIZ_KINDS: readonly QuestionKind[] = [
  'multiple-choice',
  'true-false',
  'typed',
  'date',
  'ordering',
  'matching',
  'choice',
  'cloze',
]

export interface QuizOptions {
  /** Default 10; fewer when the deck has fewer cards. */
  count?: number
  random: Random
  /** Only these kinds (default: every kind). */
  kinds?: readonly QuestionKind[]
}

/**
 * Picks `count` random cards and, for each, the variant whose kind has been used least so far in
 * the quiz (ties broken at random), so kinds come mixed.
 */
export function buildQuiz(questions: readonly Question[], options: QuizOptions): Question[] {
  const { random } = options
  const count = options.count ?? DEFAULT_QUIZ_LENGTH
  const allowed = options.kinds
  const byCard = groupByCard(allowed ? questions.filter((q) => allowed.includes(q.kind)) : questions)
  const cardIds = shuffled(random, [...byCard.keys()]).slice(0, Math.max(0, count))
  const used = new Map<QuestionKind, number>()
  return cardIds.map((cardId) => {
    const variants = byCard.get(cardId) as Question[]
    const fewest = Math.min(...variants.map((q) => used.get(q.kind) ?? 0))
    const candidates = variants.filter((q) => (used.get(q.kind) ?? 0) === fewest)
    const question = candidates[randomInt(random, candidates.length)] as Question
    used.set(question.kind, (used.get(question.kind) ?? 0) + 1)
    return question
  })
}

export interface QuizScore {
  total: number
  correct: number
  /** 0–1; 0 for an empty quiz. */
  score: number
  mistakes: QuizAnswer[]
}

export function scoreQuiz(answers: readonly QuizAnswer[]): QuizScore {
  const mistakes = answers.filter((a) => !a.correct)
  const correct = answers.length - mistakes.length
  return { total: answers.length, correct, score: answers.length ? correct / answers.length : 0, mistakes }
}
