// Problems found in a deck file, each with where (file, line, column, path inside the deck)
// and what (message, what was expected, a hint). Printed GNU-style so editors can jump to them.
import { IssueCap, moreIssuesMessage } from '../import/limits'

export type DeckIssueSeverity = 'error' | 'warning'

/** Every issue code; docs/deck-format.md explains each one (a test keeps them in step). */
export const DECK_ISSUE_CODES = [
  'yaml-syntax',
  'empty-file',
  'unreadable-file',
  'not-a-deck',
  'unknown-field',
  'missing-field',
  'wrong-type',
  'invalid-value',
  'invalid-date',
  'death-before-birth',
  'end-before-start',
  'unknown-entity',
  'wrong-kind',
  'field-not-for-kind',
  'gender-mismatch',
  'duplicate-id',
  'ancestor-cycle',
  'too-many-parents',
  'conflicting-sides',
  'duplicate-order',
  'empty-disputed',
  'alternative-without-value',
  'alternative-without-source',
  'unknown-source',
  'invalid-card',
  'too-many-issues',
  'too-deep',
  // warnings
  'missing-source',
  'tenure-outside-lifetime',
  'unusual-kind',
  'invisible-characters',
  'same-name',
  'alias-is-title',
  'split-alias',
  'image-url-linked',
] as const

export type DeckIssueCode = (typeof DECK_ISSUE_CODES)[number]

export interface DeckIssue {
  severity: DeckIssueSeverity
  code: DeckIssueCode
  file?: string
  /** 1-based; 1 when the input had no positions (an object, not a text). */
  line: number
  /** 1-based. */
  column: number
  /** Dotted path inside the deck: `entities.john-vii.born.date`, `cards.2.answer`; '' for the whole file. */
  path: string
  message: string
  expected?: string
  /** e.g. "did you mean `father`?" */
  hint?: string
}

export type PathSegment = string | number
export type Path = readonly PathSegment[]

/** Where a node of the deck is in the file: at its key (`father:`) or at its value. */
export type Locate = (path: Path, target: 'key' | 'value') => { line: number; column: number }

export const pathToString = (path: Path): string => path.join('.')

export function formatIssue(issue: DeckIssue): string {
  const where = issue.path === '' ? '' : ` [at ${issue.path}]`
  const extra = [issue.expected ? `expected ${issue.expected}` : '', issue.hint ?? ''].filter(Boolean)
  const tail = extra.length ? ` (${extra.join('; ')})` : ''
  return `${issue.file ?? '<deck>'}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}${where}${tail}`
}

export const hasErrors = (issues: readonly DeckIssue[]): boolean => issues.some((issue) => issue.severity === 'error')

export function countIssues(issues: readonly DeckIssue[]): { errors: number; warnings: number } {
  const errors = issues.filter((issue) => issue.severity === 'error').length
  return { errors, warnings: issues.length - errors }
}

/** Thrown by the `…OrThrow` helpers: carries every issue, its message lists them one per line. */
export class DeckError extends Error {
  readonly issues: DeckIssue[]
  constructor(issues: DeckIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.name = 'DeckError'
    this.issues = issues
  }
}

export interface IssueDetails {
  expected?: string
  hint?: string
  /** Point at the key (`license:`) rather than its value. */
  target?: 'key' | 'value'
}

/**
 * Collects issues, placing each one in the file with `locate` (line 1, column 1 without it).
 * Keeps the first MAX_REPORTED_ISSUES and only counts the rest: a file with 200,000 bad lines
 * gets a hundred messages and "… and 199,900 more", not an unbounded list.
 */
export class IssueList {
  private readonly cap = new IssueCap<DeckIssue>()
  private errors = 0
  constructor(
    private readonly file?: string,
    private readonly locate?: Locate,
  ) {}

  /** The issues kept (in the order found). */
  get issues(): readonly DeckIssue[] {
    return this.cap.kept
  }

  add(severity: DeckIssueSeverity, code: DeckIssueCode, path: Path, message: string, details: IssueDetails = {}): void {
    if (severity === 'error') this.errors++
    if (this.cap.kept.length >= this.cap.max) {
      // Only counted: locating costs a walk of the document, for a message nobody will read.
      this.cap.omitted++
      return
    }
    const { line, column } = this.locate?.(path, details.target ?? 'value') ?? { line: 1, column: 1 }
    const issue: DeckIssue = { severity, code, line, column, path: pathToString(path), message }
    if (this.file !== undefined) issue.file = this.file
    if (details.expected) issue.expected = details.expected
    if (details.hint) issue.hint = details.hint
    this.cap.add(issue)
  }

  error(code: DeckIssueCode, path: Path, message: string, details?: IssueDetails): void {
    this.add('error', code, path, message, details)
  }

  warning(code: DeckIssueCode, path: Path, message: string, details?: IssueDetails): void {
    this.add('warning', code, path, message, details)
  }

  /** Whether an issue was already reported at `path` or inside it (among those kept). */
  hasAt(path: Path): boolean {
    const at = pathToString(path)
    return this.cap.kept.some((issue) => issue.path === at || issue.path.startsWith(`${at}.`))
  }

  /** The line a path is on, when the input had positions. */
  lineOf(path: Path): number | undefined {
    return this.locate?.(path, 'value').line
  }

  get hasErrors(): boolean {
    return this.errors > 0
  }

  /** Issues in file order (stable for equal positions), then a line counting those left out. */
  sorted(): DeckIssue[] {
    const sorted = this.cap.kept
      .map((issue, index) => ({ issue, index }))
      .sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.index - b.index)
      .map(({ issue }) => issue)
    if (this.cap.omitted === 0) return sorted
    const last = sorted[sorted.length - 1]
    const more: DeckIssue = {
      severity: this.errors > 0 ? 'error' : 'warning',
      code: 'too-many-issues',
      line: last?.line ?? 1,
      column: last?.column ?? 1,
      path: '',
      message: moreIssuesMessage(this.cap.omitted),
    }
    if (this.file !== undefined) more.file = this.file
    return [...sorted, more]
  }
}
