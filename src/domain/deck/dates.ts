// Historical dates as people write them: "1370", "September 1408", "22 September 1408",
// "c. 1370", "1377?", "44 BC", "1408–1410", "between 1408 and 1410", "before August 1397".
// Kept as written and never converted through JS Date (dates before 1583 stay Julian).
import type { DatePoint, DatePrecision, HistoricalDate } from './types'
import { closestMatch } from './suggest'

export type DateParseResult = { ok: true; date: HistoricalDate } | { ok: false; message: string; hint?: string }

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

// A Map: deck text is the key, and `constructor` or `__proto__` must not find Object's own members.
const MONTH_ABBREVIATIONS = new Map<string, number>([['sept', 9]])
MONTH_NAMES.forEach((name, index) => {
  MONTH_ABBREVIATIONS.set(name.toLowerCase(), index + 1)
  MONTH_ABBREVIATIONS.set(name.slice(0, 3).toLowerCase(), index + 1)
})

const EXAMPLES =
  '1370, September 1408, 22 September 1408, c. 1370, 1377?, 44 BC, AD 14, 19 August AD 14, 1408–1410, before August 1397'

/** Julian rule (every 4th year) before 1583, Gregorian from 1583; BC years use astronomical numbering (1 BC = 0). */
export function isLeapYear(year: number): boolean {
  const astronomical = year < 0 ? year + 1 : year
  const divisible = (n: number) => ((astronomical % n) + n) % n === 0
  if (year < 1583) return divisible(4)
  return divisible(4) && (!divisible(100) || divisible(400))
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function precisionOf(point: DatePoint): DatePrecision {
  if (point.day !== undefined) return 'day'
  if (point.month !== undefined) return 'month'
  return 'year'
}

export function formatYear(year: number): string {
  // Years 1–99 say AD: "AD 14" is a year, "14" could be an age or a day.
  return year < 0 ? `${-year} BC` : year < 100 ? `AD ${year}` : String(year)
}

export function formatPoint(point: DatePoint, era = false): string {
  const parts: string[] = []
  if (point.day !== undefined) parts.push(String(point.day))
  if (point.month !== undefined) parts.push(MONTH_NAMES[point.month - 1] ?? '?')
  parts.push(era && point.year >= 100 ? `AD ${point.year}` : formatYear(point.year))
  return parts.join(' ')
}

/** Canonical text of a date, e.g. "c. 1370", "22 September 1408", "1408–1410", "before August 1397", "1377?". */
export function formatDate(date: Omit<HistoricalDate, 'text'>): string {
  let core: string
  if (date.kind === 'range' && date.end)
    // "63 BC–AD 14": a range that crosses into the common era says so on its end.
    core = `${formatPoint(date.start)}–${formatPoint(date.end, date.start.year < 0 && date.end.year > 0)}`
  else if (date.kind === 'before' || date.kind === 'after') core = `${date.kind} ${formatPoint(date.start)}`
  else core = formatPoint(date.start)
  return `${date.circa ? 'c. ' : ''}${core}${date.uncertain ? '?' : ''}`
}

function pointKey(point: DatePoint, side: 'start' | 'end'): number {
  if (side === 'start') return point.year * 10000 + (point.month ?? 0) * 100 + (point.day ?? 0)
  const month = point.month ?? 12
  return point.year * 10000 + month * 100 + (point.day ?? daysInMonth(point.year, month))
}

/**
 * A number that orders dates: year*10000 + month*100 + day. For `start` missing parts count as 0;
 * for `end` the range's end point is used and missing parts count as the end of the period.
 */
export function dateSortKey(date: HistoricalDate, side: 'start' | 'end' = 'start'): number {
  const point = side === 'end' && date.kind === 'range' && date.end ? date.end : date.start
  return pointKey(point, side)
}

export function compareDates(a: HistoricalDate, b: HistoricalDate): number {
  return dateSortKey(a, 'start') - dateSortKey(b, 'start') || dateSortKey(a, 'end') - dateSortKey(b, 'end')
}

/** Earliest and latest key the date allows (open sides of before/after are infinite). */
export function dateBounds(date: HistoricalDate): { earliest: number; latest: number } {
  return {
    earliest: date.kind === 'before' ? -Infinity : dateSortKey(date, 'start'),
    latest: date.kind === 'after' ? Infinity : dateSortKey(date, 'end'),
  }
}

type Failure = { ok: false; message: string; hint?: string }
type PointResult = { ok: true; point: DatePoint } | Failure

const fail = (message: string, hint?: string): Failure => (hint ? { ok: false, message, hint } : { ok: false, message })

function parseYear(token: string, bc: boolean): { ok: true; year: number } | Failure {
  if (!/^\d{1,4}$/.test(token)) {
    if (/^\d+$/.test(token)) return fail(`year ${token} is out of range`, 'years have at most four digits')
    return fail(`\`${token}\` is not a year`, `write a date like ${EXAMPLES}`)
  }
  const year = Number(token)
  if (year === 0) return fail('there is no year 0', 'the year before 1 AD is 1 BC')
  return { ok: true, year: bc ? -year : year }
}

function parseMonth(token: string): { ok: true; month: number } | Failure {
  const key = token.toLowerCase().replace(/\.$/, '')
  const month = MONTH_ABBREVIATIONS.get(key)
  if (month) return { ok: true, month }
  const guess = closestMatch(token.replace(/\.$/, ''), MONTH_NAMES, { ignoreCase: true })
  return fail(
    `unknown month \`${token}\``,
    guess ? `did you mean \`${guess}\`?` : 'write the month in English, e.g. September or Sep',
  )
}

const isNumber = (token: string) => /^\d+$/.test(token)
const isWord = (token: string) => /^[a-z]+\.?$/i.test(token)

/** One point: "1370", "September 1408", "22 September 1408", "44 BC", "AD 1370", "1370 CE". */
function parsePoint(text: string): PointResult {
  let tokens = text.split(' ').filter(Boolean)
  if (tokens.length === 0) return fail('a date is missing', `write a date like ${EXAMPLES}`)
  let bc = false
  let era = false
  const eraOf = (token: string | undefined) => token?.toUpperCase().replace(/\./g, '')
  if (eraOf(tokens[0]) === 'AD') {
    era = true
    tokens = tokens.slice(1)
  }
  const last = eraOf(tokens[tokens.length - 1])
  if (last === 'BC' || last === 'BCE' || last === 'AD' || last === 'CE') {
    era = true
    bc = last === 'BC' || last === 'BCE'
    tokens = tokens.slice(0, -1)
  } else if (tokens.length >= 2 && eraOf(tokens[tokens.length - 2]) === 'AD') {
    // "19 August AD 14": AD written before the year, after the day and month.
    era = true
    tokens = [...tokens.slice(0, -2), tokens[tokens.length - 1] as string]
  }
  if (!tokens.length) return fail(`\`${text}\` has no year`, `write a year with it, like AD 14 or 44 BC`)
  tokens = tokens.map((token) => token.replace(/(?<=\d)(st|nd|rd|th)$/i, ''))

  if (
    tokens.some((token) => token.endsWith(',')) ||
    (tokens.length === 3 && isWord(tokens[0] ?? '') && isNumber(tokens[1] ?? ''))
  ) {
    const [month, day, year] = tokens.map((token) => token.replace(/,$/, ''))
    return fail(`\`${text}\` is not in day-month-year order`, `write it as ${day} ${month} ${year}`)
  }
  if (
    !era &&
    tokens.length === 2 &&
    isWord(tokens[0] ?? '') &&
    isNumber(tokens[1] ?? '') &&
    (tokens[1]?.length ?? 0) <= 2
  )
    return fail(
      `\`${text}\` has no year`,
      `write it as ${tokens[1]} ${tokens[0]} <year> (or ${tokens[0]} AD ${tokens[1]} for the year AD ${tokens[1]})`,
    )
  if (tokens.length === 2 && isNumber(tokens[0] ?? '') && isWord(tokens[1] ?? '') && (tokens[0]?.length ?? 0) <= 2)
    return fail(`\`${text}\` has no year`, `write it as ${tokens[0]} ${tokens[1]} <year>`)
  if (tokens.length < 1 || tokens.length > 3) return fail(`\`${text}\` is not a date`, `write a date like ${EXAMPLES}`)

  const yearToken = tokens[tokens.length - 1] as string
  const year = parseYear(yearToken, bc)
  if (!year.ok) return year
  const point: DatePoint = { year: year.year }
  if (tokens.length >= 2) {
    const monthToken = tokens[tokens.length - 2] as string
    if (isNumber(monthToken))
      return fail(`\`${text}\` is not a date`, 'write the month as a word, e.g. 22 September 1408')
    const month = parseMonth(monthToken)
    if (!month.ok) return month
    point.month = month.month
  }
  if (tokens.length === 3) {
    const dayToken = tokens[0] as string
    if (!isNumber(dayToken))
      return fail(`\`${dayToken}\` is not a day of the month`, 'write a date like 22 September 1408')
    const day = Number(dayToken)
    const month = point.month as number
    const monthName = MONTH_NAMES[month - 1] as string
    if (day === 0) return fail('day 0 does not exist', 'days start at 1')
    const days = daysInMonth(point.year, month)
    if (day > days)
      return fail(`${day} ${monthName} does not exist`, `${monthName} has ${days} days in ${formatYear(point.year)}`)
    point.day = day
  }
  return { ok: true, point }
}

const build = (fields: Omit<HistoricalDate, 'text'>): HistoricalDate => ({ ...fields, text: formatDate(fields) })

function parseRange(startText: string, endText: string, circa: boolean, uncertain: boolean): DateParseResult {
  if (!startText.trim() || !endText.trim()) return fail('a range needs a date on both sides', 'write it like 1408–1410')
  const end = parsePoint(endText)
  const start = parsePoint(startText)
  if (!start.ok) {
    // "14 April – 17 September 1390": the left side borrows nothing from the right; say how to write it.
    const withYear =
      end.ok && !/\d{3}/.test(startText) ? parsePoint(`${startText} ${formatYear(end.point.year)}`) : undefined
    if (withYear?.ok && end.ok)
      return fail(
        'each side of a range needs a full date',
        `write it as ${formatPoint(withYear.point)}–${formatPoint(end.point)}`,
      )
    return start
  }
  if (!end.ok) return end
  if (pointKey(start.point, 'start') > pointKey(end.point, 'end')) {
    const eraHint =
      /\bBCE?\b/i.test(endText) && !/\bBCE?\b/i.test(startText) ? ' (write BC on both sides: 50 BC–44 BC)' : ''
    return fail(`the range starts after it ends`, `put the earlier date first${eraHint}`)
  }
  return { ok: true, date: build({ kind: 'range', start: start.point, end: end.point, circa, uncertain }) }
}

/** Parse a date written the way people write them. A number is read as a year. */
export function parseDate(input: string | number): DateParseResult {
  if (typeof input === 'number') {
    if (!Number.isInteger(input))
      return fail(`${input} is not a year`, 'write a whole year like 1370, or a full date like 22 September 1408')
    if (input < 0) return fail(`${input} is not a year`, `write ${-input} BC`)
    return parseDate(String(input))
  }
  let text = input.replace(/\s+/g, ' ').trim()
  if (!text) return fail('the date is empty', `write a date like ${EXAMPLES}`)
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,2})?$/.test(text) && !/^\d{3,4}-\d{3,4}$/.test(text)) {
    const [y, m, d] = text.split(/[-/.]/).map(Number)
    const monthName = MONTH_NAMES[(m ?? 0) - 1]
    const suggestion = monthName ? `${d ? `${d} ` : ''}${monthName} ${y}` : '22 September 1408'
    return fail(`\`${text}\` is a numeric date`, `write it as ${suggestion}`)
  }

  if (/^-\d+$/.test(text)) return fail(`\`${text}\` is not a year`, `write ${text.slice(1)} BC`)

  let uncertain = false
  if (text.endsWith('?')) {
    uncertain = true
    text = text.slice(0, -1).trim()
  }
  let circa = false
  const circaMatch = /^(circa|ca\.?|c\.?)(?=\s|\d)\s*/i.exec(text)
  if (circaMatch) {
    circa = true
    text = text.slice(circaMatch[0].length)
  }
  const bound = /^(before|after)\s+(.*)$/i.exec(text)
  if (bound) {
    if (circa)
      return fail('a date cannot be both circa and before/after', `write \`${bound[1]?.toLowerCase()} ${bound[2]}\``)
    const point = parsePoint(bound[2] as string)
    if (!point.ok) return point
    return {
      ok: true,
      date: build({
        kind: (bound[1] as string).toLowerCase() as 'before' | 'after',
        start: point.point,
        circa,
        uncertain,
      }),
    }
  }
  const between = /^between\s+(.*?)\s+and\s+(.*)$/i.exec(text)
  if (between) return parseRange(between[1] as string, between[2] as string, circa, uncertain)
  if (/^between\b/i.test(text))
    return fail(`\`${input.trim()}\` is missing \`and\``, 'write it like between 1408 and 1410')

  const sides = text.split(/\s*[–—-]\s*/)
  if (sides.length === 2) return parseRange(sides[0] as string, sides[1] as string, circa, uncertain)
  if (sides.length > 2) return fail(`\`${input.trim()}\` has more than one dash`, 'a range has two dates: 1408–1410')
  const point = parsePoint(text)
  if (!point.ok) return point
  return { ok: true, date: build({ kind: 'on', start: point.point, circa, uncertain }) }
}
