// RFC 4180 records: fields separated by one character, quoted fields may hold the separator,
// quotes (doubled) and line breaks. Positions are 1-based lines and columns of the original file.
import { type ImportIssue, importError } from './issues'
import { MAX_CSV_FIELDS } from './limits'

export interface DelimitedRecord {
  fields: string[]
  /** Column where each field starts. */
  columns: number[]
  line: number
}

export interface DelimitedOptions {
  separator: string
  /** Line number of the first character of `text` (header lines come before it). */
  firstLine?: number
  file?: string
  /** Stop reading after this many non-blank records and report the line where that happened. */
  maxRecords?: number
}

function isNewline(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r'
}

export function parseDelimited(
  text: string,
  options: DelimitedOptions,
): { records: DelimitedRecord[]; issues: ImportIssue[]; overLimitAt?: number; tooWideAt?: number } {
  const { separator: sep, file } = options
  const maxRecords = options.maxRecords ?? Infinity
  const records: DelimitedRecord[] = []
  const issues: ImportIssue[] = []
  let nonBlank = 0
  const n = text.length
  let i = 0
  let line = options.firstLine ?? 1
  let col = 1

  const newline = (): void => {
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1
    line++
    col = 1
  }

  while (i < n) {
    const record: DelimitedRecord = { fields: [], columns: [], line }
    let textAfterQuote = false
    for (;;) {
      const fieldLine = line
      const fieldCol = col
      let value = ''
      if (text[i] === '"') {
        i++
        col++
        let closed = false
        while (i < n) {
          const ch = text[i]
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"'
              i += 2
              col += 2
              continue
            }
            i++
            col++
            closed = true
            break
          }
          if (isNewline(ch)) {
            value += '\n'
            newline()
            continue
          }
          value += ch
          i++
          col++
        }
        if (!closed) {
          issues.push(
            importError(
              'csv-unclosed-quote',
              `The quoted field that starts here is never closed.`,
              { file, line: fieldLine, column: fieldCol },
              {
                hint: 'Add the closing quote ("), or write a quote inside a quoted field as two quotes ("").',
              },
            ),
          )
          record.fields.push(value)
          record.columns.push(fieldCol)
          records.push(record)
          return { records, issues }
        }
        // One such issue per line: a line can hold a million bad fields.
        if (i < n && text[i] !== sep && !isNewline(text[i])) {
          if (!textAfterQuote)
            issues.push(
              importError(
                'csv-text-after-quote',
                `Unexpected text after the closing quote of a field.`,
                { file, line, column: col },
                {
                  expected: 'a separator or the end of the line',
                  hint: 'Inside a quoted field write a quote as two quotes ("").',
                },
              ),
            )
          textAfterQuote = true
          while (i < n && text[i] !== sep && !isNewline(text[i])) {
            value += text[i]
            i++
            col++
          }
        }
      } else {
        const start = i
        while (i < n && text[i] !== sep && !isNewline(text[i])) {
          i++
          col++
        }
        value = text.slice(start, i)
      }
      record.fields.push(value)
      record.columns.push(fieldCol)
      if (record.fields.length > MAX_CSV_FIELDS) {
        issues.push(
          importError(
            'csv-extra-columns',
            `This line has more than ${MAX_CSV_FIELDS.toLocaleString('en')} fields: is this a CSV of terms and definitions?`,
            { file, line: record.line, column: fieldCol },
            { hint: 'Check the separator, or export the file again with one card per line.' },
          ),
        )
        records.push(record)
        return { records, issues, tooWideAt: record.line }
      }
      if (i < n && text[i] === sep) {
        i++
        col++
        continue
      }
      if (i < n) newline()
      break
    }
    records.push(record)
    if (!isBlankRecord(record) && ++nonBlank > maxRecords) return { records, issues, overLimitAt: record.line }
  }
  return { records, issues }
}

export function isBlankRecord(record: DelimitedRecord): boolean {
  return record.fields.every((field) => field.trim() === '')
}

/** The most common number of fields among non-blank records (ties: the smaller). */
export function modeFieldCount(records: readonly DelimitedRecord[]): number {
  const counts = new Map<number, number>()
  for (const record of records) counts.set(record.fields.length, (counts.get(record.fields.length) ?? 0) + 1)
  let best = 0
  let bestCount = 0
  for (const [fields, count] of counts) {
    if (count > bestCount || (count === bestCount && fields < best)) {
      best = fields
      bestCount = count
    }
  }
  return best
}

const CANDIDATES = ['\t', ';', ','] as const

/**
 * Which of tab, semicolon and comma splits the file into term–definition records: the one that
 * gives every record at least two fields, then the most records with the same field count, then
 * a field count of exactly two; ties go to tab, then semicolon (commas are common inside text).
 */
export function detectSeparator(text: string): string | undefined {
  // The first 64 KB (a few hundred lines) decide; a cut line at the end weighs one record at most.
  const sample = text.length > 65536 ? text.slice(0, text.lastIndexOf('\n', 65536) + 1 || 65536) : text
  let best: { sep: string; score: number[] } | undefined
  for (const sep of CANDIDATES) {
    const records = parseDelimited(sample, { separator: sep }).records.filter((r) => !isBlankRecord(r))
    if (records.length === 0) continue
    const withTwo = records.filter((r) => r.fields.length >= 2).length
    if (withTwo === 0) continue
    const mode = modeFieldCount(records)
    const consistent = records.filter((r) => r.fields.length === mode).length
    const score = [withTwo === records.length ? 1 : 0, withTwo, consistent, mode === 2 ? 1 : 0]
    if (!best || compareScores(score, best.score) > 0) best = { sep, score }
  }
  return best?.sep
}

function compareScores(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
