import type { QuestionKind } from './types'

/** How each question kind is named on screen. */
export const KIND_LABELS: Readonly<Record<QuestionKind, string>> = {
  'multiple-choice': 'Multiple choice',
  'true-false': 'True or false',
  typed: 'Type the answer',
  date: 'Date',
  ordering: 'Put in order',
  matching: 'Match',
  basic: 'Flashcard',
  choice: 'Multiple choice',
  cloze: 'Fill the gap',
}
