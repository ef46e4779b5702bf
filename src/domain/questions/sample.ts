import type { Question } from './types'

/** A few questions to show what a deck asks: one of each kind first, then more in deck order. */
export function sampleQuestions(questions: readonly Question[], count: number): Question[] {
  const picked: Question[] = []
  const kinds = new Set<string>()
  for (const q of questions) {
    if (picked.length >= count) break
    if (!kinds.has(q.kind)) {
      kinds.add(q.kind)
      picked.push(q)
    }
  }
  for (const q of questions) {
    if (picked.length >= count) break
    if (!picked.includes(q)) picked.push(q)
  }
  return picked
}

export function answerText(question: Question): string {
  return Array.isArray(question.answer) ? question.answer.join(', ') : question.answer
}
