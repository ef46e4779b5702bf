import type { Question } from './types'

export type InputKind = 'choices' | 'typed' | 'date' | 'ordering' | 'matching' | 'none'

/**
 * Which input a question is answered with; `none` is a plain flashcard (show answer, then grade).
 * Apart from the checking (check-response.ts), so that showing a card does not load it.
 */
export function inputFor(question: Question): InputKind {
  switch (question.kind) {
    case 'multiple-choice':
    case 'true-false':
    case 'choice':
      return 'choices'
    case 'typed':
    case 'cloze':
      return 'typed'
    case 'date':
      return 'date'
    case 'ordering':
      return 'ordering'
    case 'matching':
      return 'matching'
    case 'basic':
      return 'none'
  }
}
