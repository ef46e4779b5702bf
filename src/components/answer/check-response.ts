import type { Question } from '../../domain/questions/types'
import type { AnswerCheck } from '../../domain/questions/types'
import type { AnswerResponse } from './types'

export type InputKind = 'choices' | 'typed' | 'date' | 'ordering' | 'matching' | 'none'

/** Which input a question is answered with; `none` is a plain flashcard (show answer, then grade). */
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

/** Checks a response with the question module's matcher for its kind. */
export function checkResponse(question: Question, response: AnswerResponse): AnswerCheck {
  // Wired to src/domain/questions/check.ts once it lands.
  void question
  void response
  return { correct: false }
}
