// Date logic the generator needs on top of deck/dates.ts: how a date reads in a sentence, which
// points a date question accepts, shifted dates for distractors, and durations (age at death,
// length of a reign) that respect the precision the source gives.
import { daysInMonth, formatDate, formatPoint, MONTH_NAMES, precisionOf } from '../deck/dates'
import type { DatePoint, DatePrecision, HistoricalDate } from '../deck/types'

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 }

export const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision =>
  PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b

/** A date that can be stated as a plain fact in a choice or true/false question. */
export const isPlainDate = (date: HistoricalDate): boolean =>
  !date.uncertain && date.kind !== 'before' && date.kind !== 'after'

/** How the date reads after a verb: "in 1370", "on 22 September 1408", "c. 1370", "between 1408 and 1410". */
export function datePhrase(date: HistoricalDate): string {
  const body = date.circa ? date.text : undefined
  if (body) return body
  if (date.kind === 'range' && date.end) return `between ${formatPoint(date.start)} and ${formatPoint(date.end)}`
  if (date.kind === 'before' || date.kind === 'after') return date.text
  return `${precisionOf(date.start) === 'day' ? 'on' : 'in'} ${date.text}`
}

/** "from 14 April to 17 September 1390", "from 1403 to 22 September 1408". */
export function spanPhrase(start: HistoricalDate | undefined, end: HistoricalDate | undefined): string {
  if (start && end) {
    const s = start.start
    const e = end.start
    if (
      start.kind === 'on' &&
      end.kind === 'on' &&
      !start.circa &&
      !end.circa &&
      s.year === e.year &&
      s.month !== undefined &&
      e.month !== undefined
    ) {
      const month = MONTH_NAMES[s.month - 1] ?? ''
      return `from ${s.day !== undefined ? `${s.day} ${month}` : month} to ${end.text}`
    }
    return `from ${start.text} to ${end.text}`
  }
  if (start) return `from ${start.text}`
  if (end) return `until ${end.text}`
  return ''
}

/** The year of a date as people count it (start side; 44 BC is -44). */
export const yearOf = (date: HistoricalDate): number => date.start.year

const astronomical = (year: number): number => (year < 0 ? year + 1 : year)
const historical = (astro: number): number => (astro <= 0 ? astro - 1 : astro)

/** Add years, skipping the year 0 that does not exist. */
export const addYears = (year: number, delta: number): number => historical(astronomical(year) + delta)

/** Days from a fixed origin, counting every month's real length: for differences only. */
export function dayNumber(point: Required<DatePoint>): number {
  const y = astronomical(point.year)
  let days = Math.floor(y * 365.25)
  for (let m = 1; m < point.month; m++) days += daysInMonth(point.year, m)
  return days + point.day
}

/** Earliest and latest full day a date allows, or undefined for open or circa dates. */
export function dayBounds(
  date: HistoricalDate,
): { earliest: Required<DatePoint>; latest: Required<DatePoint> } | undefined {
  if (date.circa || date.uncertain || date.kind === 'before' || date.kind === 'after') return undefined
  const first = date.start
  const last = date.kind === 'range' && date.end ? date.end : date.start
  const lastMonth = last.month ?? 12
  return {
    earliest: { year: first.year, month: first.month ?? 1, day: first.day ?? 1 },
    latest: { year: last.year, month: lastMonth, day: last.day ?? daysInMonth(last.year, lastMonth) },
  }
}

/** Whole years from `a` to `b` (a birthday on 29 February counts on 1 March). */
export function fullYears(a: Required<DatePoint>, b: Required<DatePoint>): number {
  const years = astronomical(b.year) - astronomical(a.year)
  return b.month < a.month || (b.month === a.month && b.day < a.day) ? years - 1 : years
}

export function fullMonths(a: Required<DatePoint>, b: Required<DatePoint>): number {
  const months = (astronomical(b.year) - astronomical(a.year)) * 12 + (b.month - a.month)
  return b.day < a.day ? months - 1 : months
}

export type DurationUnit = 'years' | 'months' | 'days'

/** A duration as the sources allow it: every whole number of `unit` from `min` to `max`. */
export interface Duration {
  unit: DurationUnit
  min: number
  max: number
}

/** Age at death from birth and death dates: "37 or 38" when the birthday is not known. */
export function ageBetween(born: HistoricalDate, died: HistoricalDate): Duration | undefined {
  const b = dayBounds(born)
  const d = dayBounds(died)
  if (!b || !d) return undefined
  const min = fullYears(b.latest, d.earliest)
  const max = fullYears(b.earliest, d.latest)
  if (max < 0 || min > max) return undefined
  return { unit: 'years', min: Math.max(0, min), max }
}

/** Length of a tenure: years, or months/days for short ones whose dates are given to the day. */
export function lengthBetween(start: HistoricalDate, end: HistoricalDate): Duration | undefined {
  const s = dayBounds(start)
  const e = dayBounds(end)
  if (!s || !e) return undefined
  const exact =
    s.earliest.day === s.latest.day && s.earliest.month === s.latest.month && s.earliest.year === s.latest.year
  const exactEnd =
    e.earliest.day === e.latest.day && e.earliest.month === e.latest.month && e.earliest.year === e.latest.year
  const maxYears = fullYears(s.earliest, e.latest)
  const minYears = fullYears(s.latest, e.earliest)
  if (exact && exactEnd) {
    if (maxYears >= 2) return { unit: 'years', min: maxYears, max: maxYears }
    const months = fullMonths(s.earliest, e.earliest)
    if (months >= 1) return { unit: 'months', min: months, max: months }
    const days = dayNumber(e.earliest) - dayNumber(s.earliest)
    return days >= 1 ? { unit: 'days', min: days, max: days } : undefined
  }
  if (maxYears < 1 || minYears < 0) return undefined
  return { unit: 'years', min: Math.max(minYears, 0), max: maxYears }
}

/** "38 years", "5 months", "1 day". */
export function durationText(value: number, unit: DurationUnit): string {
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`
}

/** "37 or 38 years", "5 months". */
export function durationRangeText(duration: Duration): string {
  if (duration.min === duration.max) return durationText(duration.min, duration.unit)
  const values = []
  for (let v = duration.min; v <= duration.max; v++) values.push(String(v))
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]} ${duration.unit}`
}

/** A point moved by whole years, months or days (days roll over months), keeping its precision. */
export function movePoint(p: DatePoint, years: number, months = 0, days = 0): DatePoint {
  let year = addYears(p.year, years)
  let month = p.month
  let day = p.day
  if (month !== undefined && months) {
    const total = month - 1 + months
    year = addYears(year, Math.floor(total / 12))
    month = (((total % 12) + 12) % 12) + 1
  }
  if (day !== undefined && month !== undefined) {
    day = Math.min(day, daysInMonth(year, month)) + days
    while (day > daysInMonth(year, month)) {
      day -= daysInMonth(year, month)
      if (++month > 12) [month, year] = [1, addYears(year, 1)]
    }
    while (day < 1) {
      if (--month < 1) [month, year] = [12, addYears(year, -1)]
      day += daysInMonth(year, month)
    }
  }
  return month === undefined ? { year } : day === undefined ? { year, month } : { year, month, day }
}

/** Move a date by whole years, months or days, keeping its kind, precision and circa mark. */
export function shiftDate(date: HistoricalDate, years: number, months = 0, days = 0): HistoricalDate {
  const shifted: Omit<HistoricalDate, 'text'> = {
    kind: date.kind,
    start: movePoint(date.start, years, months, days),
    circa: date.circa,
    uncertain: date.uncertain,
  }
  if (date.end) shifted.end = movePoint(date.end, years, months, days)
  return { ...shifted, text: formatDate(shifted) }
}

/** The same point at a coarser precision. */
export function truncatePoint(point: DatePoint, precision: DatePrecision): DatePoint {
  if (precision === 'year') return { year: point.year }
  if (precision === 'month' && point.month !== undefined) return { year: point.year, month: point.month }
  return { ...point }
}

const MAX_RANGE_YEARS = 30

/**
 * What a date question accepts for a date and its disputed alternatives: the coarsest precision
 * among them and every point they allow (each year of a range). Undefined when one side is open
 * ("before 1397") and cannot be typed as a point.
 */
export function acceptedPoints(
  dates: readonly HistoricalDate[],
): { precision: DatePrecision; accept: DatePoint[] } | undefined {
  let precision: DatePrecision = 'day'
  for (const date of dates) {
    if (date.kind === 'before' || date.kind === 'after') return undefined
    precision = coarser(precision, precisionOf(date.start))
    if (date.kind === 'range') precision = 'year'
  }
  const accept: DatePoint[] = []
  const seen = new Set<string>()
  const add = (p: DatePoint) => {
    const key = `${p.year}/${p.month ?? ''}/${p.day ?? ''}`
    if (!seen.has(key)) {
      seen.add(key)
      accept.push(p)
    }
  }
  for (const date of dates) {
    if (date.kind === 'range' && date.end) {
      const from = astronomical(date.start.year)
      const to = Math.min(astronomical(date.end.year), from + MAX_RANGE_YEARS)
      for (let y = from; y <= to; y++) add({ year: historical(y) })
    } else add(truncatePoint(date.start, precision))
  }
  return { precision, accept }
}

/** Same date at the given precision (text compare is not enough: "1408" vs "22 September 1408"). */
export function samePoint(a: DatePoint, b: DatePoint, precision: DatePrecision): boolean {
  if (a.year !== b.year) return false
  if (precision === 'year') return true
  if (a.month !== b.month) return false
  return precision === 'month' || a.day === b.day
}
