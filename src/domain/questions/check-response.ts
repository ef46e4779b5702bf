import type { DatePoint } from '../deck/types'
import { pointText } from './dates'
import { checkChoiceAnswer, checkDateAnswer, checkMatching, checkOrdering, checkTypedAnswer } from './check'
import type { AnswerCheck, Question } from './types'
import type { AnswerResponse } from './response-types'

/** Checks a response with the question module's matcher for its kind. */
export function checkResponse(question: Question, response: AnswerResponse): AnswerCheck {
  switch (response.kind) {
    case 'choice':
      return checkChoiceAnswer(question, response.choice)
    case 'text':
      return checkTypedAnswer(question, response.text)
    case 'date':
      return checkDateAnswer(question, response.date)
    case 'order':
      return checkOrdering(question, response.order)
    case 'pairs':
      return checkMatching(question, response.pairs)
  }
}

/** What the learner gave, as text: for the quiz log and "Review mistakes". */
export function describeResponse(response: AnswerResponse): string | string[] {
  switch (response.kind) {
    case 'choice':
      return response.choice
    case 'text':
      return response.text
    case 'date':
      return describeDate(response.date)
    case 'order':
      return response.order
    case 'pairs':
      return Object.entries(response.pairs).map(([left, right]) => `${left} → ${right}`)
  }
}

/** What the learner entered, as questions write dates: "22 September 1408", "44 BC", "AD 800". */
export function describeDate(date: DatePoint): string {
  return pointText(date, false)
}
