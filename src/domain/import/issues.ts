// What every importer returns: a deck or nothing (all-or-nothing), every problem found with its
// location, and notices about what was left out on purpose (media, extra columns…).
import type { DeckIssue, DeckIssueCode } from '../deck/issues'
import type { Deck } from '../deck/types'
import { MAX_REPORTED_ISSUES, moreIssuesMessage } from './limits'

export type ImportIssueCode =
  | 'file-too-large'
  | 'too-many-items'
  | 'unsupported-file'
  | 'not-text'
  | 'csv-bad-separator'
  | 'csv-bad-header'
  | 'csv-unclosed-quote'
  | 'csv-text-after-quote'
  | 'csv-empty'
  | 'csv-empty-cloze'
  | 'csv-extra-columns'
  | 'csv-missing-definition'
  | 'csv-empty-term'
  | 'csv-empty-definition'
  | 'aiken-no-options'
  | 'aiken-no-answer'
  | 'aiken-no-question'
  | 'aiken-few-options'
  | 'aiken-bad-answer'
  | 'aiken-unknown-answer'
  | 'aiken-duplicate-option'
  | 'aiken-option-order'
  | 'aiken-empty'
  | 'gift-no-answers'
  | 'gift-unclosed'
  | 'gift-unsupported'
  | 'gift-no-question'
  | 'gift-duplicate-option'
  | 'gift-empty'
  | 'zip-invalid'
  | 'zip-too-large'
  | 'zip-bomb'
  | 'apkg-newer-format'
  | 'apkg-no-collection'
  | 'apkg-sql-unavailable'
  | 'apkg-damaged'
  | 'apkg-empty'
  | 'link-invalid'
  | 'link-too-large'
  | 'infobox-unreadable'
  | 'wikitext-no-infobox'
  | 'wikidata-unreadable'
  | 'wikidata-no-items'
  | 'wikidata-fetch-failed'

/** A deck issue (same fields, same printing), with the importers' codes added. */
export type ImportIssue = Omit<DeckIssue, 'code'> & { code: DeckIssueCode | ImportIssueCode }

export interface ImportNotice {
  /** Stable code for tests and for the UI: `media-skipped`, `header-row-skipped`, … */
  code: string
  message: string
}

export interface ImportResult {
  /** Present only when there is no error. */
  deck?: Deck
  issues: ImportIssue[]
  notices: ImportNotice[]
}

/** Options shared by the importers of text formats. */
export interface TextImportOptions {
  /** File name shown in messages; also gives the deck id and title unless they are set here. */
  file: string
  deckId?: string
  title?: string
}

export interface IssueAt {
  file?: string
  line: number
  column: number
  path?: string
}

export function importError(
  code: ImportIssueCode,
  message: string,
  at: IssueAt,
  more: { expected?: string; hint?: string } = {},
): ImportIssue {
  const issue: ImportIssue = {
    severity: 'error',
    code,
    line: at.line,
    column: at.column,
    path: at.path ?? '',
    message,
  }
  if (at.file !== undefined) issue.file = at.file
  if (more.expected !== undefined) issue.expected = more.expected
  if (more.hint !== undefined) issue.hint = more.hint
  return issue
}

/** A problem with the whole file (no better place than its first line). */
export function fileError(code: ImportIssueCode, message: string, file?: string, hint?: string): ImportIssue {
  return importError(code, message, { file, line: 1, column: 1 }, hint === undefined ? {} : { hint })
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error')
}

/**
 * Issues in file order, at most MAX_REPORTED_ISSUES of them, then one line that counts the rest
 * ("… and 199,950 more problems from line 101 on").
 */
export function reportedIssues(issues: readonly ImportIssue[], max = MAX_REPORTED_ISSUES): ImportIssue[] {
  const sorted = issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.index - b.index)
    .map(({ issue }) => issue)
  if (sorted.length <= max) return sorted
  const kept = sorted.slice(0, max)
  const next = sorted[max] as ImportIssue
  const omitted = sorted.length - max
  const more: ImportIssue = {
    severity: hasErrors(sorted.slice(max)) ? 'error' : 'warning',
    code: 'too-many-issues',
    line: next.line,
    column: next.column,
    path: '',
    message: moreIssuesMessage(omitted, next.line),
  }
  if (next.file !== undefined) more.file = next.file
  kept.push(more)
  return kept
}
