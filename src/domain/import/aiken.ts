// Moodle's Aiken format: a question, lettered options, then `ANSWER: B`. Each becomes a choice card.
//   What was the capital of the Byzantine Empire?
//   A. Rome
//   B) Constantinople
//   ANSWER: B
import { type DraftCard, deckFromCards } from './cards-deck'
import {
  type ImportIssue,
  type ImportIssueCode,
  type ImportResult,
  type TextImportOptions,
  hasErrors,
  importError,
} from './issues'
import { baseName, titleFromFileName, numberedLines, slugify } from './text'

const OPTION = /^([A-Z])[.)]\s+(.*)$/
const ANSWER = /^ANSWER:\s*(.*)$/i

/** True when the text looks like Aiken: an `ANSWER: X` line right after lettered options. */
export function looksLikeAiken(text: string): boolean {
  return /^[A-Z][.)]\s+.*\r?\n\s*ANSWER:\s*[A-Z]\s*$/im.test(text)
}

interface Pending {
  line: number
  question: string[]
  options: Array<{ letter: string; text: string; line: number }>
}

export function importAiken(text: string, options: TextImportOptions): ImportResult {
  const { file } = options
  const issues: ImportIssue[] = []
  const drafts: DraftCard[] = []
  let pending: Pending | undefined
  let skipping = false
  const fail = (line: number, column: number, code: ImportIssueCode, message: string, hint?: string): void => {
    issues.push(
      importError(
        code,
        message,
        { file, line, column, path: `cards.${drafts.length}` },
        hint === undefined ? {} : { hint },
      ),
    )
    pending = undefined
    skipping = true
  }

  for (const { line, text: raw } of numberedLines(text)) {
    const lineText = raw.trim()
    if (lineText === '') {
      if (pending && !skipping) {
        if (pending.options.length === 0)
          fail(
            line,
            1,
            'aiken-no-options',
            `The question on line ${pending.line} has no options.`,
            'Add options as "A. text", "B. text"…, then "ANSWER: A".',
          )
        else
          fail(
            line,
            1,
            'aiken-no-answer',
            `The question on line ${pending.line} has no ANSWER line.`,
            'End every question with a line such as "ANSWER: B".',
          )
      }
      pending = undefined
      skipping = false
      continue
    }
    if (skipping) continue
    const answer = ANSWER.exec(lineText)
    const option = OPTION.exec(lineText)
    if (!pending) {
      if (answer || option) {
        fail(
          line,
          1,
          'aiken-no-question',
          answer ? 'An ANSWER line without a question before it.' : 'An option without a question before it.',
        )
        continue
      }
      pending = { line, question: [lineText], options: [] }
      continue
    }
    if (answer) {
      const letter = (answer[1] ?? '').trim().toUpperCase()
      const chosen = pending.options.find((o) => o.letter === letter)
      const colon = raw.indexOf(':')
      const column = colon + 2 + (/^\s*/.exec(raw.slice(colon + 1))?.[0].length ?? 0)
      if (pending.options.length < 2)
        fail(line, 1, 'aiken-few-options', 'A multiple-choice question needs at least two options.')
      else if (!/^[A-Z]$/.test(letter))
        fail(
          line,
          column,
          'aiken-bad-answer',
          `"ANSWER:" must be followed by one option letter, not "${answer[1] ?? ''}".`,
        )
      else if (!chosen)
        fail(
          line,
          column,
          'aiken-unknown-answer',
          `The answer "${letter}" is not one of the options (${pending.options.map((o) => o.letter).join(', ')}).`,
        )
      else {
        const texts = pending.options.map((o) => o.text)
        const dup = texts.find((t, k) => texts.indexOf(t) !== k)
        const dupLine = pending.options.find((o, k) => o.text === dup && texts.indexOf(o.text) !== k)?.line ?? line
        if (dup !== undefined) fail(dupLine, 1, 'aiken-duplicate-option', `The option "${dup}" appears twice.`)
        else {
          drafts.push({ type: 'choice', prompt: pending.question.join(' '), options: texts, answer: chosen.text })
          pending = undefined
        }
      }
      continue
    }
    if (option) {
      const letter = option[1] ?? ''
      const expected = String.fromCharCode(65 + pending.options.length)
      if (letter !== expected) fail(line, 1, 'aiken-option-order', `Expected option ${expected} here, found ${letter}.`)
      else pending.options.push({ letter, text: (option[2] ?? '').trim(), line })
      continue
    }
    if (pending.options.length > 0) {
      fail(
        line,
        1,
        'aiken-no-answer',
        `The question on line ${pending.line} has no ANSWER line before this text.`,
        'End every question with a line such as "ANSWER: B", then a blank line.',
      )
      continue
    }
    pending.question.push(lineText)
  }
  if (pending && !skipping) {
    const last = numberedLines(text).length
    fail(
      last,
      1,
      pending.options.length === 0 ? 'aiken-no-options' : 'aiken-no-answer',
      `The question on line ${pending.line} has no ${pending.options.length === 0 ? 'options' : 'ANSWER line'}.`,
    )
  }
  if (!hasErrors(issues) && drafts.length === 0)
    issues.push(importError('aiken-empty', 'This file has no questions.', { file, line: 1, column: 1 }))
  if (hasErrors(issues)) return { issues, notices: [] }
  const name = baseName(file)
  const built = deckFromCards(
    { id: options.deckId ?? slugify(name), title: options.title ?? titleFromFileName(file) },
    drafts,
  )
  return { deck: built.deck, issues, notices: built.notices }
}
