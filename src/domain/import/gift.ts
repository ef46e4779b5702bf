import { plural } from '../text/format'
// Moodle GIFT: the questions that map cleanly onto hand-written cards are imported —
//   multiple choice  `Who founded the city? {=Constantine ~Justinian ~Basil}`  → choice
//   true/false       `Manuel II was John VII's uncle. {T}`                     → choice (True/False)
//   short answer     `Capital of the empire? {=Constantinople =Byzantium}`     → basic
//   missing word     `John VII ruled {~Rome =Thessalonica} later.`             → choice with a blank
// Matching, numeric, essay and partial-credit questions have no equivalent: they are errors
// naming their line, so that nothing is half-imported.
import { type DraftCard, deckFromCards } from './cards-deck'
import { htmlToText } from './html'
import {
  type ImportIssue,
  type ImportNotice,
  type ImportResult,
  type TextImportOptions,
  hasErrors,
  importError,
} from './issues'
import { baseName, titleFromFileName, slugify } from './text'

// Escapes (`\~`, `\=`, `\#`, `\{`, `\}`, `\:`, `\\`, `\n`) are hidden as two private-use characters while
// parsing, so that columns in messages stay exact.
const SPECIALS = '~=#{}:\\n'
const FILLER = '\ue00f'
const hide = (text: string): string =>
  text.replace(/\\([~=#{}:\\n])/g, (_m, ch: string) => String.fromCharCode(0xe000 + SPECIALS.indexOf(ch)) + FILLER)
const reveal = (text: string): string =>
  text
    .replaceAll(FILLER, '')
    .replace(/[\ue000-\ue007]/g, (ch) => (ch === '\ue007' ? '\n' : (SPECIALS[ch.charCodeAt(0) - 0xe000] ?? '')))

/** True when the text has GIFT answer blocks (`{=…}`, `{~…}`, `{T}`) or titles (`::Title::`). */
export function looksLikeGift(text: string): boolean {
  return /\{\s*[=~]|\{\s*(T|F|TRUE|FALSE)\s*\}|^\s*::[^:]+::/im.test(text)
}

interface Block {
  line: number
  text: string
}

/** Question blocks separated by blank lines; `//` comment lines dropped (line numbers kept). */
function blocks(text: string): Block[] {
  const out: Block[] = []
  let current: Block | undefined
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (/^\s*\/\//.test(raw)) return
    if (raw.trim() === '') {
      current = undefined
      return
    }
    if (!current) {
      current = { line: index + 1, text: raw }
      out.push(current)
    } else current.text += `\n${raw}`
  })
  return out
}

function plain(text: string, format: string): string {
  const clean = reveal(text).replace(/\s+/g, ' ').trim()
  return format === 'html' ? htmlToText(clean).text : clean
}

interface Answers {
  right: string[]
  wrong: string[]
  feedback: number
  problem?: string
}

function readAnswers(body: string, format: string): Answers {
  const answers: Answers = { right: [], wrong: [], feedback: 0 }
  const trimmed = body.trim()
  if (trimmed === '') return { ...answers, problem: 'Essay questions (an empty answer block {}) cannot be imported.' }
  if (trimmed.startsWith('#')) return { ...answers, problem: 'Numerical questions ({#…}) cannot be imported.' }
  const truth = /^(T|TRUE|F|FALSE)\s*(#[\s\S]*)?$/i.exec(trimmed)
  if (truth) {
    const isTrue = (truth[1] ?? '').toUpperCase().startsWith('T')
    return { right: [isTrue ? 'True' : 'False'], wrong: [isTrue ? 'False' : 'True'], feedback: truth[2] ? 1 : 0 }
  }
  if (!/^[=~]/.test(trimmed))
    return { ...answers, problem: 'An answer block must start with "=" (a right answer) or "~" (a wrong one).' }
  for (const item of trimmed.matchAll(/([=~])([^=~]*)/g)) {
    let value = item[2] ?? ''
    if (value.includes('->')) return { ...answers, problem: 'Matching questions (=a -> b) cannot be imported.' }
    const hash = value.indexOf('#')
    if (hash !== -1) {
      answers.feedback++
      value = value.slice(0, hash)
    }
    const weight = /^\s*%(-?[\d.]+)%/.exec(value)
    if (weight) {
      const w = Number(weight[1])
      if (!(w === 100 || (item[1] === '~' && w <= 0)))
        return { ...answers, problem: `Answers with partial credit (%${weight[1]}%) cannot be imported.` }
      value = value.slice(weight[0].length)
    }
    const text = plain(value, format)
    if (text === '') return { ...answers, problem: 'An answer is empty.' }
    ;(item[1] === '=' ? answers.right : answers.wrong).push(text)
  }
  return answers
}

export function importGift(text: string, options: TextImportOptions): ImportResult {
  const { file } = options
  const issues: ImportIssue[] = []
  const drafts: DraftCard[] = []
  let categories = 0
  let feedback = 0
  let shortAnswers = 0
  for (const block of blocks(hide(text))) {
    const at = (offset: number): { file: string; line: number; column: number; path: string } => {
      const before = block.text.slice(0, offset)
      const lines = before.split('\n')
      return {
        file,
        line: block.line + lines.length - 1,
        column: (lines[lines.length - 1] ?? '').length + 1,
        path: `cards.${drafts.length}`,
      }
    }
    if (/^\s*\$CATEGORY:/i.test(block.text)) {
      categories++
      continue
    }
    const open = block.text.indexOf('{')
    if (open === -1) {
      issues.push(
        importError('gift-no-answers', 'This question has no answer block {…}.', at(0), {
          hint: 'Description items cannot be imported; delete it or add answers like {=right ~wrong}.',
        }),
      )
      continue
    }
    const close = block.text.indexOf('}', open)
    if (close === -1) {
      issues.push(
        importError('gift-unclosed', 'This answer block is never closed with "}".', at(open), {
          hint: 'Write a literal brace as \\{ or \\}.',
        }),
      )
      continue
    }
    let head = block.text.slice(0, open)
    head = head.replace(/^\s*::[^]*?::/, '')
    const format = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(head)?.[1]?.toLowerCase() ?? 'moodle'
    head = head.replace(/^\s*\[(html|moodle|plain|markdown)\]/i, '')
    const tail = block.text.slice(close + 1)
    const answers = readAnswers(block.text.slice(open + 1, close), format)
    if (answers.problem) {
      issues.push(
        importError('gift-unsupported', answers.problem, at(open), {
          hint: 'Only multiple-choice, true/false and short-answer questions can be imported; remove this one.',
        }),
      )
      continue
    }
    if (tail.includes('{')) {
      issues.push(
        importError(
          'gift-unsupported',
          'Questions with more than one answer block cannot be imported.',
          at(close + 1 + tail.indexOf('{')),
        ),
      )
      continue
    }
    const before = plain(head, format)
    const after = plain(tail, format)
    const prompt = after === '' ? before : `${before} _____ ${after}`.trim()
    if (before === '' && after === '') {
      issues.push(importError('gift-no-question', 'The question text is empty.', at(0)))
      continue
    }
    feedback += answers.feedback
    if (answers.wrong.length === 0) {
      shortAnswers += answers.right.length > 1 ? 1 : 0
      drafts.push({ type: 'basic', front: prompt, back: answers.right.join(' / ') })
    } else if (answers.right.length !== 1) {
      issues.push(
        importError(
          'gift-unsupported',
          answers.right.length === 0
            ? 'This question has no right answer (=).'
            : 'Questions with several right answers cannot be imported.',
          at(open),
        ),
      )
    } else {
      const choices = [answers.right[0] as string, ...answers.wrong]
      const dup = choices.find((c, k) => choices.indexOf(c) !== k)
      if (dup !== undefined)
        issues.push(importError('gift-duplicate-option', `The answer "${dup}" appears twice.`, at(open)))
      else drafts.push({ type: 'choice', prompt, options: choices, answer: answers.right[0] as string })
    }
  }
  if (!hasErrors(issues) && drafts.length === 0)
    issues.push(importError('gift-empty', 'This file has no questions.', { file, line: 1, column: 1 }))
  if (hasErrors(issues)) return { issues, notices: [] }
  const notices: ImportNotice[] = []
  if (categories > 0)
    notices.push({
      code: 'categories-ignored',
      message: `${plural(categories, '$CATEGORY line')} ${categories === 1 ? 'was' : 'were'} ignored; all questions go into one deck.`,
    })
  if (feedback > 0)
    notices.push({
      code: 'feedback-dropped',
      message: `${plural(feedback, 'feedback text')} (after #) ${feedback === 1 ? 'was' : 'were'} not imported.`,
    })
  if (shortAnswers > 0)
    notices.push({
      code: 'answers-joined',
      message: `${plural(shortAnswers, 'short-answer question')} with several right answers show them joined by " / ".`,
    })
  const name = baseName(file)
  const built = deckFromCards(
    { id: options.deckId ?? slugify(name), title: options.title ?? titleFromFileName(file) },
    drafts,
  )
  return { deck: built.deck, issues, notices: [...notices, ...built.notices] }
}
