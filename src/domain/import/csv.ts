import { plural } from '../text/format'
// CSV/TSV of term–definition pairs, as Quizlet and Anki export them, into a deck of hand-written cards.
// Anki's header lines (`#separator:Tab`, `#html:true`, `#columns:…`, `#tags column:3`, …) are honoured.
import { deckFromCards, type DraftCard } from './cards-deck'
import { hasAnkiCloze, hasGap, normalizeCloze } from './cloze'
import { detectSeparator, isBlankRecord, modeFieldCount, parseDelimited } from './delimited'
import { htmlToText, looksLikeHtml } from './html'
import {
  type ImportIssue,
  type ImportNotice,
  type ImportResult,
  type TextImportOptions,
  hasErrors,
  importError,
  reportedIssues,
} from './issues'
import { MAX_DECK_ITEMS, maxOf } from './limits'
import { isVisibleText } from '../text/invisible'
import { baseName, slugify, titleFromFileName } from './text'

interface AnkiHeaders {
  separator?: string
  html?: boolean
  columns?: string[]
  /** 0-based indexes of columns that hold no card text. */
  special: Set<number>
  deck?: string
  /** Number of header lines (data starts on the next line). */
  lines: number
  /** Offset in the text where the data starts. */
  offset: number
}

// Maps, since the file's own text is the key (`#separator:constructor` must find nothing).
const SEPARATOR_NAMES = new Map([
  ['tab', '\t'],
  ['comma', ','],
  ['semicolon', ';'],
  ['space', ' '],
  ['pipe', '|'],
  ['colon', ':'],
])
const SEPARATOR_WORDS = new Map([...SEPARATOR_NAMES].map(([name, sep]) => [sep, name]))
const SPECIAL_COLUMNS = ['tags column', 'notetype column', 'deck column', 'guid column']
const KNOWN_HEADERS = new Set([
  'separator',
  'html',
  'columns',
  'notetype',
  'deck',
  'tags',
  'if matches',
  ...SPECIAL_COLUMNS,
])
const HEADER_ROW = {
  front: /^(term|terms|front|question|word|prompt|card)$/i,
  back: /^(definition|definitions|back|answer|meaning|description)$/i,
}

function readHeaders(text: string, file: string, issues: ImportIssue[], notices: ImportNotice[]): AnkiHeaders {
  const headers: AnkiHeaders = { special: new Set(), lines: 0, offset: 0 }
  let columnsRaw: { value: string; line: number } | undefined
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/y
  for (;;) {
    lineRe.lastIndex = headers.offset
    const match = lineRe.exec(text)
    if (!match || match[0] === '') break
    const line = match[0].replace(/[\r\n]+$/, '')
    const header = /^#([a-z ]+):(.*)$/i.exec(line)
    if (!header) break
    const key = (header[1] ?? '').trim().toLowerCase()
    const value = header[2] ?? ''
    const lineNo = headers.lines + 1
    headers.lines++
    headers.offset += match[0].length
    if (!KNOWN_HEADERS.has(key)) {
      notices.push({
        code: 'header-ignored',
        message: `Line ${lineNo}: the header "#${key}:" is not used by Stavraton and was ignored.`,
      })
      continue
    }
    if (key === 'separator') {
      const sep = SEPARATOR_NAMES.get(value.trim().toLowerCase()) ?? (value.length === 1 ? value : undefined)
      if (sep === undefined || sep === '"' || sep === '\n' || sep === '\r') {
        issues.push(
          importError(
            'csv-bad-separator',
            `Unknown separator "${value.length > 40 ? `${value.slice(0, 37)}…` : value}".`,
            { file, line: lineNo, column: line.indexOf(':') + 2 },
            {
              expected: 'Tab, Comma, Semicolon, Space, Pipe, Colon or a single character',
            },
          ),
        )
      } else headers.separator = sep
    } else if (key === 'html') {
      headers.html = /^(true|yes|1)$/i.test(value.trim())
    } else if (key === 'columns') {
      columnsRaw = { value, line: lineNo }
    } else if (key === 'deck') {
      headers.deck = value.trim()
    } else if (SPECIAL_COLUMNS.includes(key)) {
      const index = Number(value.trim())
      if (!Number.isInteger(index) || index < 1) {
        issues.push(
          importError('csv-bad-header', `"#${key}:" must be a column number (1, 2, …), not "${value}".`, {
            file,
            line: lineNo,
            column: key.length + 3,
          }),
        )
      } else headers.special.add(index - 1)
    }
  }
  if (columnsRaw) headers.columns = columnsRaw.value.split(headers.separator ?? '\t')
  return headers
}

/** The field's text; empty when nothing would show (only spaces, zero-width or direction characters). */
function fieldText(raw: string, html: boolean): { text: string; media: number } {
  const read = html ? htmlToText(raw) : { text: raw.trim(), media: 0 }
  return isVisibleText(read.text) ? read : { text: '', media: read.media }
}

function tooManyCards(file: string, line: number): ImportIssue {
  const limit = MAX_DECK_ITEMS.toLocaleString('en')
  return importError(
    'too-many-items',
    `This file has more than ${limit} cards: this line is past the limit of ${limit}.`,
    { file, line, column: 1 },
    { hint: 'Split it into several files.' },
  )
}

export function importCsv(text: string, options: TextImportOptions): ImportResult {
  const { file } = options
  const issues: ImportIssue[] = []
  const notices: ImportNotice[] = []
  const headers = readHeaders(text, file, issues, notices)
  if (hasErrors(issues)) return { issues, notices }
  const data = text.slice(headers.offset)
  const separator = headers.separator ?? detectSeparator(data) ?? '\t'
  // Reading stops one record past the limit (a header row may come first): the file is refused
  // at the line where it went over, before any line is checked.
  const parsed = parseDelimited(data, {
    separator,
    firstLine: headers.lines + 1,
    file,
    maxRecords: MAX_DECK_ITEMS + 1,
  })
  if (parsed.overLimitAt !== undefined) return { issues: [tooManyCards(file, parsed.overLimitAt)], notices }
  if (parsed.tooWideAt !== undefined) return { issues: parsed.issues.slice(-1), notices }
  for (const issue of parsed.issues) issues.push(issue)
  // An unclosed quote swallows the rest of the file into one field: check the lines before it only.
  const unclosed = parsed.issues.some((issue) => issue.code === 'csv-unclosed-quote')
  let records = (unclosed ? parsed.records.slice(0, -1) : parsed.records).filter((r) => !isBlankRecord(r))
  if (records.length === 0) {
    if (unclosed) return { issues, notices }
    issues.push(
      importError('csv-empty', 'This file has no cards: no line with a term and a definition.', {
        file,
        line: headers.lines + 1,
        column: 1,
      }),
    )
    return { issues, notices }
  }

  const width = maxOf(
    records.map((r) => r.fields.length),
    headers.columns?.length ?? 0,
  )
  const content = Array.from({ length: width }, (_, k) => k).filter((k) => !headers.special.has(k))
  const frontIndex = content[0] ?? 0
  const backIndex = content[1]
  const first = records[0]
  if (
    !headers.columns &&
    first &&
    backIndex !== undefined &&
    HEADER_ROW.front.test((first.fields[frontIndex] ?? '').trim()) &&
    HEADER_ROW.back.test((first.fields[backIndex] ?? '').trim())
  ) {
    records = records.slice(1)
    if (records.length === 0) {
      issues.push(
        importError(
          'csv-empty',
          `This file has only a header row ("${first.fields[frontIndex]}", "${first.fields[backIndex]}") and no cards.`,
          { file, line: first.line, column: 1 },
          { hint: 'Add a line with a term and its definition under it.' },
        ),
      )
      return { issues, notices }
    }
    notices.push({
      code: 'header-row-skipped',
      message: `Line ${first.line} ("${first.fields[frontIndex]}", "${first.fields[backIndex]}") looks like column names and was not made into a card.`,
    })
  }
  const past = records[MAX_DECK_ITEMS]
  if (past) return { issues: [tooManyCards(file, past.line)], notices }
  const html = headers.html ?? looksLikeHtml(data)
  // Without Anki headers, a line with more fields than most is a separator inside unquoted text.
  const plain = !headers.columns && headers.special.size === 0
  const usual = modeFieldCount(records)
  const sepName = SEPARATOR_WORDS.get(separator) ?? `"${separator}"`

  const drafts: DraftCard[] = []
  let media = 0
  let extraColumns = 0
  let backExtra = 0
  for (const record of records) {
    const at = (index: number): { file: string; line: number; column: number; path: string } => ({
      file,
      line: record.line,
      column: record.columns[index] ?? record.columns[record.columns.length - 1] ?? 1,
      path: `cards.${drafts.length}`,
    })
    const front = fieldText(record.fields[frontIndex] ?? '', html)
    const back = fieldText(backIndex === undefined ? '' : (record.fields[backIndex] ?? ''), html)
    media += front.media + back.media
    if (hasAnkiCloze(front.text)) {
      const cloze = normalizeCloze(front.text)
      if (!hasGap(cloze))
        issues.push(importError('csv-empty-cloze', 'This cloze has no text inside its {{c1::…}} gap.', at(frontIndex)))
      else drafts.push({ type: 'cloze', text: cloze })
      if (back.text !== '') backExtra++
      continue
    }
    if (plain && record.fields.length > usual && usual >= 2) {
      issues.push(
        importError(
          'csv-extra-columns',
          `This line has ${record.fields.length} fields but most lines have ${usual}: is there a ${sepName} inside a term or definition?`,
          at(usual),
          {
            hint: `Put that field in double quotes, or export again with another separator (Tab is safest).`,
          },
        ),
      )
      continue
    }
    if (backIndex === undefined || record.fields.length <= backIndex) {
      issues.push(
        importError(
          'csv-missing-definition',
          `This line has only one field; expected a term and a definition separated by a ${sepName}.`,
          at(frontIndex),
          {
            expected: `term${separator === '\t' ? '<Tab>' : separator}definition`,
          },
        ),
      )
      continue
    }
    if (record.fields.length > 2 + headers.special.size) extraColumns++
    const media1 =
      front.media > 0 || back.media > 0 ? ' (it holds only a picture or sound, which Stavraton cannot import)' : ''
    if (front.text === '')
      issues.push(
        importError('csv-empty-term', `The term is empty${media1}.`, at(frontIndex), {
          hint: 'Fill it in or delete the line.',
        }),
      )
    else if (back.text === '')
      issues.push(
        importError('csv-empty-definition', `The definition of "${front.text}" is empty${media1}.`, at(backIndex), {
          hint: 'Fill it in or delete the line.',
        }),
      )
    else drafts.push({ type: 'basic', front: front.text, back: back.text })
  }
  if (hasErrors(issues)) return { issues: reportedIssues(issues), notices }

  if (!headers.separator) notices.push({ code: 'separator-detected', message: `Read as ${sepName}-separated text.` })
  if (html)
    notices.push({
      code: 'html-removed',
      message: 'HTML formatting (bold, line breaks, colours) was removed; only the text was kept.',
    })
  if (media > 0)
    notices.push({
      code: 'media-skipped',
      message: `${plural(media, 'picture or sound reference')} ${media === 1 ? 'was' : 'were'} skipped: Stavraton imports text only.`,
    })
  if (extraColumns > 0)
    notices.push({
      code: 'columns-ignored',
      message: `Only the first two columns (term and definition) were used; ${plural(extraColumns, 'line')} had more.`,
    })
  if (backExtra > 0)
    notices.push({
      code: 'back-extra-ignored',
      message: `The extra text after ${plural(backExtra, 'cloze card')} was not imported.`,
    })
  const name = baseName(file)
  const title = options.title ?? headers.deck ?? titleFromFileName(file)
  const built = deckFromCards({ id: options.deckId ?? slugify(headers.deck ?? name), title }, drafts)
  return { deck: built.deck, issues, notices: [...notices, ...built.notices] }
}
