// Checking a learner's answer, for the study and quiz screens. Pure: the question carries all
// that is needed (answer, accepted forms, accepted dates).
import { parseDate } from '../deck/dates'
import { editDistance } from '../deck/suggest'
import type { DatePoint } from '../deck/types'
import type { AnswerCheck, Question } from './types'
import { matchForm, normalizeAnswer, numberIn, unitIn } from './answers'
import { samePoint } from './dates'

const isNumeric = (forms: readonly string[]): boolean => forms.length > 0 && forms.every((f) => /^\d+$/.test(f.trim()))

/**
 * A typed answer (typed and cloze kinds): case, accents and punctuation are ignored; aliases
 * and other spellings are accepted and named; a small typo in a long name is tolerated and said:
 * "Accepted: Andronicus IV — spelled Andronikos IV here". Numbers accept "38", "38 years", "thirty-eight", but not "38 months".
 */
export function checkTypedAnswer(question: Question, input: string): AnswerCheck {
  const answer = typeof question.answer === 'string' ? question.answer : question.answer.join(', ')
  const forms = question.accept?.length ? question.accept : [answer]
  if (!input.trim()) return { correct: false }
  if (isNumeric(forms)) {
    const n = numberIn(input)
    // "5 years" is not "5 months": a unit typed must be the answer's.
    const unit = unitIn(input)
    const expected = unitIn(answer)
    if (unit && expected && unit !== expected) return { correct: false, message: `The answer is in ${expected}.` }
    return { correct: n !== undefined && forms.some((f) => Number(f) === n) }
  }
  const match = matchForm(input, forms)
  if (!match) return { correct: false }
  const form = forms[match.index] as string
  const canonical =
    question.acceptAs?.[match.index] ?? (question.accept?.length === 1 || !question.accept ? answer : form)
  const typed = input.trim()
  if (match.typos > 0) return { correct: true, message: `Accepted: ${typed} — spelled ${canonical} here` }
  const a = normalizeAnswer(form)
  const b = normalizeAnswer(canonical)
  if (a === b) return { correct: true }
  // Another spelling of the same name, or another name altogether ("Maria" for Keratsa).
  const spelling = editDistance(a, b) <= Math.ceil(b.length * 0.4)
  return { correct: true, message: `Accepted: ${typed} — ${spelling ? 'spelled' : 'called'} ${canonical} here` }
}

/** A date answer, as parts or as text ("22 September 1408", "1408", "Sept 1408"). */
export function checkDateAnswer(question: Question, input: DatePoint | string): AnswerCheck {
  const spec = question.date
  if (!spec) return { correct: false }
  const point = typeof input === 'string' ? parsePoint(input) : input
  if (!point) return { correct: false, message: 'Write a date such as 22 September 1408, September 1408 or 1408.' }
  if (spec.accept.some((a) => samePoint(a, point, spec.precision))) return { correct: true }
  // Right year, missing or wrong day: say what was right.
  if (spec.precision !== 'year' && spec.accept.some((a) => a.year === point.year))
    return { correct: false, message: `The year is right; the full date is ${answerText(question)}.` }
  return { correct: false }
}

function parsePoint(text: string): DatePoint | undefined {
  const trimmed = text.trim().replace(/,/g, ' ')
  // "September 22 1408" reads as "22 September 1408".
  const reordered = trimmed.replace(/^([A-Za-z.]+)\s+(\d{1,2})\s+(\d{1,4}.*)$/, '$2 $1 $3')
  const parsed = parseDate(reordered)
  if (!parsed.ok || parsed.date.kind !== 'on') return undefined
  return parsed.date.start
}

const answerText = (q: Question): string => (typeof q.answer === 'string' ? q.answer : q.answer.join(', '))

/** A picked option (multiple-choice, true-false, choice): by text or by index into `choices`. */
export function checkChoiceAnswer(question: Question, choice: string | number): AnswerCheck {
  const picked = typeof choice === 'number' ? question.choices?.[choice] : choice
  return { correct: picked !== undefined && picked === question.answer }
}

/** An ordering: correct only in exactly the right order; otherwise how many are in place. */
export function checkOrdering(question: Question, order: readonly string[]): AnswerCheck {
  const answer = Array.isArray(question.answer) ? question.answer : [question.answer]
  const inPlace = answer.filter((item, i) => order[i] === item).length
  if (inPlace === answer.length && order.length === answer.length) return { correct: true }
  return { correct: false, message: `${inPlace} of ${answer.length} in the right place.` }
}

/** A matching: left item → chosen right item (a record, or "left → right" strings). */
export function checkMatching(
  question: Question,
  pairs: Readonly<Record<string, string>> | readonly string[],
): AnswerCheck {
  const given = new Map<string, string>(
    Array.isArray(pairs) ? pairs.map(splitPair) : Object.entries(pairs as Record<string, string>),
  )
  const answer = Array.isArray(question.answer) ? question.answer : [question.answer]
  const right = answer.map(splitPair).filter(([left, value]) => given.get(left) === value).length
  if (right === answer.length && given.size === answer.length) return { correct: true }
  return { correct: false, message: `${right} of ${answer.length} pairs right.` }
}

function splitPair(pair: string): [string, string] {
  const at = pair.indexOf(' → ')
  return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 3)]
}

/** Any question kind from a plain response; for callers that do not branch on the kind. */
export function checkAnswer(
  question: Question,
  response: string | number | DatePoint | readonly string[] | Readonly<Record<string, string>>,
): AnswerCheck {
  switch (question.kind) {
    case 'multiple-choice':
    case 'true-false':
    case 'choice':
      return typeof response === 'string' || typeof response === 'number'
        ? checkChoiceAnswer(question, response)
        : { correct: false }
    case 'typed':
    case 'cloze':
      return typeof response === 'string' ? checkTypedAnswer(question, response) : { correct: false }
    case 'date':
      return typeof response === 'string' || (typeof response === 'object' && 'year' in response)
        ? checkDateAnswer(question, response as DatePoint | string)
        : { correct: false }
    case 'ordering':
      return Array.isArray(response) ? checkOrdering(question, response as readonly string[]) : { correct: false }
    case 'matching':
      return typeof response === 'object'
        ? checkMatching(question, response as Record<string, string>)
        : { correct: false }
    case 'basic':
      return { correct: false }
  }
}
