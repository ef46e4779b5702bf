// Wikidata's times as deck dates. A deck keeps dates as written, Julian before 1583 and Gregorian
// from then on (src/domain/deck/dates.ts); Wikidata stores each time in the calendar its
// `calendarmodel` names, with a precision (9 year, 10 month, 11 day…), and the query service gives
// every time converted to the proleptic Gregorian calendar with astronomical years (1 BC = 0).
// A day is moved to the deck's calendar through its Julian Day Number; a year or a month is kept
// in the calendar it was entered in (converting it would invent a day), with a note when that
// calendar is not the deck's.
import { formatDate } from '../deck/dates'
import type { DatePoint } from '../deck/types'

export const JULIAN = 'Q1985786'
export const GREGORIAN = 'Q1985727'

export type Calendar = 'julian' | 'gregorian'

export type DateReading = { ok: true; text: string; note?: string; coarser?: boolean } | { ok: false; reason: string }

/** A time as the entity JSON gives it (`datavalue.value` of a time snak). */
export interface WikidataTime {
  time: string
  precision: number
  calendarmodel?: string
}

const DAY = 11
const MONTH = 10
const YEAR = 9
const DECADE = 8
const CENTURY = 7

const div = (a: number, b: number) => Math.floor(a / b)

/** Julian Day Number of a day; `year` is astronomical (1 BC = 0). */
function toJdn(calendar: Calendar, year: number, month: number, day: number): number {
  const a = div(14 - month, 12)
  const y = year + 4800 - a
  const m = month + 12 * a - 3
  const base = day + div(153 * m + 2, 5) + 365 * y + div(y, 4)
  return calendar === 'gregorian' ? base - div(y, 100) + div(y, 400) - 32045 : base - 32083
}

function fromJdn(calendar: Calendar, jdn: number): { year: number; month: number; day: number } {
  let b = 0
  let c: number
  if (calendar === 'gregorian') {
    const a = jdn + 32044
    b = div(4 * a + 3, 146097)
    c = a - div(146097 * b, 4)
  } else c = jdn + 32082
  const d = div(4 * c + 3, 1461)
  const e = c - div(1461 * d, 4)
  const m = div(5 * e + 2, 153)
  return {
    day: e - div(153 * m + 2, 5) + 1,
    month: m + 3 - 12 * div(m, 10),
    year: 100 * b + d - 4800 + div(m, 10),
  }
}

const historical = (astronomical: number) => (astronomical <= 0 ? astronomical - 1 : astronomical)
const astronomical = (year: number) => (year < 0 ? year + 1 : year)

/** The calendar a deck writes a year in. */
const deckCalendar = (year: number): Calendar => (year < 1583 ? 'julian' : 'gregorian')

const calendarName = (calendar: Calendar) => (calendar === 'julian' ? 'Julian' : 'Gregorian')

function text(point: DatePoint): string {
  return formatDate({ kind: 'on', start: point, circa: false, uncertain: false })
}

/** A day given in `calendar` (historical year), written in the deck's calendar. */
function deckDay(calendar: Calendar, year: number, month: number, day: number): DateReading {
  const jdn = toJdn(calendar, astronomical(year), month, day)
  const julian = fromJdn('julian', jdn)
  const target = deckCalendar(historical(julian.year))
  const moved = target === 'julian' ? julian : fromJdn('gregorian', jdn)
  const point = { year: historical(moved.year), month: moved.month, day: moved.day }
  if (point.year === 0 || Math.abs(point.year) > 9999) return { ok: false, reason: 'the year is out of range' }
  const written = text(point)
  if (target === calendar) return { ok: true, text: written }
  return {
    ok: true,
    text: written,
    note: `Wikidata gives ${text({ year, month, day })} in the ${calendarName(calendar)} calendar; the deck writes it in the ${calendarName(target)} calendar, as ${written}.`,
  }
}

/** A date read at a precision from a point in the calendar it was entered in (historical year). */
function atPrecision(calendar: Calendar, point: Required<DatePoint>, precision: number): DateReading {
  const { year, month, day } = point
  if (year === 0) return { ok: false, reason: 'Wikidata gives the year 0, which does not exist' }
  if (Math.abs(year) > 9999) return { ok: false, reason: 'the year is out of range' }
  if (precision >= DAY) return deckDay(calendar, year, month, day)
  const other =
    calendar !== deckCalendar(year)
      ? ` (in the ${calendarName(calendar)} calendar: Wikidata gives it so, and the deck keeps it)`
      : ''
  if (precision === MONTH) {
    const written = text({ year, month })
    return other ? { ok: true, text: written, note: `Wikidata gives ${written}${other}.` } : { ok: true, text: written }
  }
  if (precision === YEAR) return { ok: true, text: text({ year }) }
  if (precision === DECADE && year > 0) {
    const start = year - (year % 10)
    return { ok: true, text: `${start}–${start + 9}`, note: `Wikidata gives the decade, the ${start}s.` }
  }
  if (precision === CENTURY && year > 0) {
    const century = Math.ceil(year / 100)
    return {
      ok: true,
      text: `${(century - 1) * 100 + 1}–${century * 100}`,
      note: `Wikidata gives the century, the ${ordinal(century)} century.`,
    }
  }
  return { ok: false, reason: `the date is given only to the ${precisionName(precision)}` }
}

function ordinal(n: number): string {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

function precisionName(precision: number): string {
  if (precision === DECADE) return 'decade'
  if (precision === CENTURY) return 'century'
  if (precision === 6) return 'millennium'
  return 'nearest thousands of years or more'
}

const TIME = /^([+-])(\d{1,16})-(\d{2})-(\d{2})T/

function calendarOf(model: string | undefined): Calendar | undefined {
  if (model === undefined) return undefined
  if (model.endsWith(`/${JULIAN}`) || model === JULIAN) return 'julian'
  if (model.endsWith(`/${GREGORIAN}`) || model === GREGORIAN) return 'gregorian'
  return undefined
}

/**
 * A time from the entity JSON: `+1370-00-00T00:00:00Z` at precision 9, in the calendar its model
 * names. Years are historical (-0044 is 44 BC). Months and days below the precision may be 00 or 01.
 */
export function readWikidataTime(value: WikidataTime): DateReading {
  const match = TIME.exec(value.time)
  if (!match) return { ok: false, reason: `\`${value.time}\` is not a Wikidata time` }
  const calendar = calendarOf(value.calendarmodel) ?? 'gregorian'
  if (value.calendarmodel !== undefined && calendarOf(value.calendarmodel) === undefined)
    return { ok: false, reason: `the calendar model ${value.calendarmodel} is neither Julian nor Gregorian` }
  const year = Number(match[2]) * (match[1] === '-' ? -1 : 1)
  const month = Number(match[3])
  const day = Number(match[4])
  if (value.precision >= MONTH && month === 0) return { ok: false, reason: 'the month is missing' }
  if (value.precision >= DAY && day === 0) return { ok: false, reason: 'the day is missing' }
  return atPrecision(calendar, { year, month: month || 1, day: day || 1 }, value.precision)
}

const XSD_TIME = /^(-?)(\d{4,16})-(\d{2})-(\d{2})T/

/**
 * A time from a query service result (`xsd:dateTime`, proleptic Gregorian, astronomical years).
 * `precision` and `calendar` come from `wikibase:timePrecision` / `wikibase:timeCalendarModel`
 * when the query asks for them. Without a precision the reading never claims more than the value
 * shows: a 1st of the month is read as the month, a 1 January as the year (`coarser`).
 */
export function readQueryTime(literal: string, precision?: number, calendarModel?: string): DateReading {
  const match = XSD_TIME.exec(literal)
  if (!match) return { ok: false, reason: `\`${literal}\` is not a date` }
  const yearAstro = Number(match[2]) * (match[1] === '-' ? -1 : 1)
  const jdn = toJdn('gregorian', yearAstro, Number(match[3]), Number(match[4]))
  const asJulian = fromJdn('julian', jdn)
  const asGregorian = fromJdn('gregorian', jdn)
  // The calendar it was entered in: the model when given; else Julian before 1583 if that makes
  // the value a whole month or year (the query service converted it), Gregorian otherwise.
  let calendar = calendarOf(calendarModel)
  if (calendar === undefined) {
    const julianRound = asJulian.day === 1 && (precision === undefined || precision >= MONTH || asJulian.month === 1)
    calendar =
      historical(asJulian.year) < 1583 && (precision === undefined || precision < DAY ? julianRound : true)
        ? 'julian'
        : 'gregorian'
  }
  const entered = calendar === 'julian' ? asJulian : asGregorian
  const point = { year: historical(entered.year), month: entered.month, day: entered.day }
  if (precision !== undefined) return atPrecision(calendar, point, precision)
  const guessed = point.day !== 1 ? DAY : point.month !== 1 ? MONTH : YEAR
  const reading = atPrecision(calendar, point, guessed)
  return reading.ok && guessed !== DAY ? { ...reading, coarser: true } : reading
}
