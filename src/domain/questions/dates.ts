// Date logic the generator needs on top of deck/dates.ts: how a date reads in a sentence, which
// points a date question accepts, shifted dates for distractors, and durations (age at death,
// length of a reign) that respect the precision the source gives.
import { daysInMonth, formatDate, formatPoint, formatYear, MONTH_NAMES, precisionOf } from '../deck/dates'
import type { DatePoint, DatePrecision, Deck, Fact, HistoricalDate } from '../deck/types'

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 }

export const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision =>
  PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b

/**
 * A date a choice or true/false question may state as a fact, with wrong dates beside it that are
 * provably wrong: one point given without doubt ("1403", "22 September 1408"). Not "c. 1400", a
 * range or "1377?", which leave the years around them possibly right.
 */
export const isExactDate = (date: HistoricalDate): boolean => date.kind === 'on' && !date.circa && !date.uncertain

/**
 * How the date reads after a verb: "in 1370", "on 22 September 1408", "c. 1370", "between 1408 and 1410",
 * "possibly in 1377".
 */
export function datePhrase(date: HistoricalDate): string {
  // A date the source gives with doubt ("1377?") reads "possibly in 1377", never "in 1377?".
  if (date.uncertain) return `possibly ${datePhrase({ ...date, uncertain: false, text: date.text.replace(/\?$/, '') })}`
  const body = date.circa ? date.text : undefined
  if (body) return body
  if (date.kind === 'range' && date.end) {
    // The text's own two sides keep its years as written ("AD 800–AD 810").
    const sides = date.text.split('–')
    const [from, to] = sides.length === 2 ? sides : [formatPoint(date.start), formatPoint(date.end)]
    return `between ${from} and ${to}`
  }
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

const dayOrder = (p: Required<DatePoint>): number => astronomical(p.year) * 10000 + p.month * 100 + p.day

/**
 * The earliest (or latest) day any of the dates allows: the edge of what the sources together say
 * ("died 22 September 1408, or between 1408 and 1410" ends on 31 December 1410). Undefined when
 * one of them is circa or open, which give no edge.
 */
export function edgeDay(
  dates: readonly HistoricalDate[],
  edge: 'earliest' | 'latest',
): Required<DatePoint> | undefined {
  let out: Required<DatePoint> | undefined
  for (const date of dates) {
    const bounds = dayBounds(date)
    if (!bounds) return undefined
    const p = bounds[edge]
    if (!out || (edge === 'earliest' ? dayOrder(p) < dayOrder(out) : dayOrder(p) > dayOrder(out))) out = p
  }
  return out
}

/** Is `a` a later day than `b`? */
export const laterDay = (a: Required<DatePoint>, b: Required<DatePoint>): boolean => dayOrder(a) > dayOrder(b)

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
  /**
   * Set when exact dates give a length that is not a whole number of units (10 years 9½ months):
   * the nearest whole number, said "about 11 years"; `min` is then the whole units completed.
   */
  about?: number
  /** The exact length in words, for the explanation ("10 years and 9 months"). */
  exact?: string
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
    const from = s.earliest
    const to = e.earliest
    const months = fullMonths(from, to)
    // Days left after the whole months: from the same day of the last month reached.
    const reached = movePoint(from, 0, months) as Required<DatePoint>
    const days = dayNumber(to) - dayNumber(reached)
    if (maxYears >= 2) {
      const restMonths = months - maxYears * 12
      if (!restMonths && !days) return { unit: 'years', min: maxYears, max: maxYears }
      const about = restMonths + days / 30.44 >= 6 ? maxYears + 1 : maxYears
      const parts = [durationText(maxYears, 'years'), ...(restMonths ? [durationText(restMonths, 'months')] : [])]
      return { unit: 'years', min: maxYears, max: about, about, exact: parts.join(' and ') }
    }
    if (months >= 1) {
      if (!days) return { unit: 'months', min: months, max: months }
      const about = days >= 15 ? months + 1 : months
      const exactText = `${durationText(months, 'months')} and ${durationText(days, 'days')}`
      return { unit: 'months', min: months, max: about, about, exact: exactText }
    }
    const total = dayNumber(to) - dayNumber(from)
    return total >= 1 ? { unit: 'days', min: total, max: total } : undefined
  }
  if (maxYears < 1 || minYears < 0) return undefined
  return { unit: 'years', min: Math.max(minYears, 0), max: maxYears }
}

/** "38 years", "5 months", "1 day". */
export function durationText(value: number, unit: DurationUnit): string {
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`
}

/** "37 or 38 years", "5 months", "about 11 years". */
export function durationRangeText(duration: Duration): string {
  if (duration.about !== undefined) return `about ${durationText(duration.about, duration.unit)}`
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

// ── Years as questions write them ───────────────────────────────────────────

/**
 * A year as questions write it: "AD 14" when the deck also has BC dates (`era`) or the year is
 * below 1000, "44 BC", "1408" otherwise. Every date text of a question goes through here.
 */
export function yearText(year: number, era: boolean): string {
  return year > 0 && (era || year < 1000) ? `AD ${year}` : formatYear(year)
}

/** "19 August AD 14", "AD 800", "44 BC", "22 September 1408". */
export function pointText(point: DatePoint, era: boolean): string {
  const parts: string[] = []
  if (point.day !== undefined) parts.push(String(point.day))
  if (point.month !== undefined) parts.push(MONTH_NAMES[point.month - 1] ?? '?')
  parts.push(yearText(point.year, era))
  return parts.join(' ')
}

/** `formatDate` with the years as questions write them: "c. AD 800", "44 BC–AD 14", "before AD 900". */
export function displayDate(date: Omit<HistoricalDate, 'text'>, era: boolean): string {
  const needs = (p: DatePoint | undefined) => !!p && p.year > 0 && (era || p.year < 1000)
  if (!needs(date.start) && !needs(date.end)) return formatDate(date)
  let core: string
  if (date.kind === 'range' && date.end) core = `${pointText(date.start, era)}–${pointText(date.end, era)}`
  else if (date.kind === 'before' || date.kind === 'after') core = `${date.kind} ${pointText(date.start, era)}`
  else core = pointText(date.start, era)
  return `${date.circa ? 'c. ' : ''}${core}${date.uncertain ? '?' : ''}`
}

const isDate = (v: unknown): v is HistoricalDate =>
  typeof v === 'object' && v !== null && 'kind' in v && 'start' in v && 'text' in v && typeof v.text === 'string'

function noteYear(year: number, found: { era: boolean; small: boolean }): void {
  if (year < 0) found.era = true
  else if (year < 1000) found.small = true
}

/**
 * Which eras the years of every date inside a value need (values, alternatives, tenure ends,
 * co-rulers, marriages…): `era` for a BC year, `small` for an AD year below 1000.
 */
function scanYears(value: unknown, found: { era: boolean; small: boolean }, depth = 0): void {
  if (depth > 6 || typeof value !== 'object' || value === null) return
  if (isDate(value)) {
    noteYear(value.start.year, found)
    if (value.end) noteYear(value.end.year, found)
    return
  }
  if (Array.isArray(value)) for (const v of value) scanYears(v, found, depth + 1)
  else
    for (const k in value)
      if (Object.hasOwn(value, k)) scanYears((value as Record<string, unknown>)[k], found, depth + 1)
}

function redate<T>(value: T, era: boolean, depth = 0): T {
  if (depth > 6 || typeof value !== 'object' || value === null) return value
  if (isDate(value)) {
    const text = displayDate(value, era)
    return (text === value.text ? value : { ...value, text }) as T
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      const r = redate(v, era, depth + 1)
      if (r !== v) (out ??= value.slice())[i] = r
    }
    return (out ?? value) as T
  }
  const record = value as Record<string, unknown>
  let out: Record<string, unknown> | undefined
  for (const k in record) {
    if (!Object.hasOwn(record, k)) continue
    const v = record[k]
    const r = redate(v, era, depth + 1)
    if (r !== v) (out ??= { ...record })[k] = r
  }
  return (out ?? value) as T
}

/**
 * The deck with every date text written as questions write years ("AD 14" beside "44 BC"), and
 * whether every AD year carries its era (the deck has BC dates). The same deck object when no
 * year needs its era (most decks), so nothing is copied.
 */
export function withDisplayYears(deck: Deck): { deck: Deck; era: boolean } {
  const found = { era: false, small: false }
  // A BC year settles it: every AD year then carries its era.
  for (const fact of deck.facts) {
    scanYears(fact, found)
    if (found.era) break
  }
  const { era, small } = found
  if (!era && !small) return { deck, era }
  return { deck: { ...deck, facts: deck.facts.map((f) => redate<Fact>(f, era)) }, era }
}
