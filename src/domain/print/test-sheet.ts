// A printable test for teachers: N questions of the chosen kinds, numbered, with lettered options,
// and a separate answer key that gives each answer with its sources. Pure: the seed picks them.
import type { Question, QuestionKind, QuestionSource } from '../questions/types'
import { createRandom } from '../random'
import { buildQuiz, QUIZ_KINDS } from '../study/quiz'

export interface SheetOption {
  letter: string
  text: string
}

export interface SheetQuestion {
  number: number
  kind: QuestionKind
  prompt: string
  /** Lettered options (multiple choice, true/false, choice). */
  options?: SheetOption[]
  /** Ordering: the items to number; matching: the left column (numbered) … */
  items?: string[]
  /** … and the right column (lettered). */
  matches?: SheetOption[]
}

export interface SheetAnswer {
  number: number
  /** "B. 1370", "True", "1 → C, 2 → A", "John V, Andronikos IV, John VII". */
  answer: string
  explanation: string
  sources: QuestionSource[]
}

export interface TestSheet {
  questions: SheetQuestion[]
  key: SheetAnswer[]
}

export interface TestSheetOptions {
  count: number
  kinds: readonly QuestionKind[]
  seed: number
}

const letter = (i: number) => String.fromCharCode(65 + i)
const lettered = (texts: readonly string[]): SheetOption[] => texts.map((text, i) => ({ letter: letter(i), text }))

export function buildTestSheet(questions: readonly Question[], options: TestSheetOptions): TestSheet {
  const kinds = options.kinds.filter((k) => QUIZ_KINDS.includes(k))
  const picked = buildQuiz(questions, { count: options.count, kinds, random: createRandom(options.seed) })
  const sheet: TestSheet = { questions: [], key: [] }
  picked.forEach((q, i) => {
    const number = i + 1
    const item: SheetQuestion = { number, kind: q.kind, prompt: q.prompt }
    let answer = Array.isArray(q.answer) ? q.answer.join(', ') : q.answer
    if (q.choices && (q.kind === 'multiple-choice' || q.kind === 'true-false' || q.kind === 'choice')) {
      item.options = lettered(q.choices)
      const at = q.choices.indexOf(answer)
      if (at >= 0) answer = `${letter(at)}. ${answer}`
    } else if (q.kind === 'ordering' && q.items) {
      item.items = q.items.slice()
    } else if (q.kind === 'matching' && q.pairs && Array.isArray(q.answer)) {
      item.items = q.pairs.left.slice()
      item.matches = lettered(q.pairs.right)
      const right = new Map(q.pairs.right.map((r, k) => [r, letter(k)]))
      const pairs = new Map(q.answer.map((p) => p.split(' → ') as [string, string]))
      answer = q.pairs.left.map((l, k) => `${k + 1} → ${right.get(pairs.get(l) ?? '') ?? '?'}`).join(', ')
    }
    sheet.questions.push(item)
    sheet.key.push({ number, answer, explanation: q.explanation, sources: q.sources })
  })
  return sheet
}
