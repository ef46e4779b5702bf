// A continuous time axis in years for drawing historical dates, never through JS Date.
// Axis value 1370.0 is the start of AD 1370, 1370.5 its middle. There is no year 0 in history,
// so 1 BC is axis 0 and 44 BC is axis -43; spans across the era stay continuous.
// Months count as twelfths of a year and days as fractions of their month: close enough to draw.
import { daysInMonth, formatYear, MONTH_NAMES } from '../deck/dates'
import type { DatePoint, HistoricalDate } from '../deck/types'

export function axisYear(year: number): number {
  return year < 0 ? year + 1 : year
}

/** The historical year written for an axis value's year: axis 0 is 1 BC. */
export function historicalYear(axis: number): number {
  const y = Math.floor(axis)
  return y <= 0 ? y - 1 : y
}

/** Where a date point's period starts (`start`) or ends (`end`) on the axis: "1408" spans 1408.0–1409.0. */
export function yearPosition(point: DatePoint, edge: 'start' | 'end'): number {
  const base = axisYear(point.year)
  if (!point.month) return edge === 'start' ? base : base + 1
  const m = point.month - 1
  if (!point.day) return base + (edge === 'start' ? m : m + 1) / 12
  const dim = daysInMonth(point.year, point.month)
  return base + (m + (edge === 'start' ? point.day - 1 : point.day) / dim) / 12
}

/** The period a date may fall in: "1408–1410" → [1408, 1411); "before 1397" → up to 1397, `spread` years long. */
export function datePeriod(date: HistoricalDate, spread: number): { lo: number; hi: number } {
  switch (date.kind) {
    case 'range':
      return { lo: yearPosition(date.start, 'start'), hi: yearPosition(date.end ?? date.start, 'end') }
    case 'before': {
      const hi = yearPosition(date.start, 'start')
      return { lo: hi - spread, hi }
    }
    case 'after': {
      const lo = yearPosition(date.start, 'end')
      return { lo, hi: lo + spread }
    }
    default:
      return { lo: yearPosition(date.start, 'start'), hi: yearPosition(date.start, 'end') }
  }
}

export interface AxisTick {
  value: number
  label: string
}

const STEPS = [1 / 12, 1 / 4, 1 / 2, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000]

/** About `count` ticks at round years (or months when zoomed in) between start and end. */
export function axisTicks(start: number, end: number, count = 8): AxisTick[] {
  const span = end - start
  if (!(span > 0)) return []
  const step = STEPS.find((s) => s >= span / Math.max(1, count)) ?? STEPS[STEPS.length - 1]!
  const ticks: AxisTick[] = []
  for (let k = Math.ceil(start / step - 1e-9); k * step <= end + 1e-9; k++) {
    const value = k * step
    ticks.push({ value, label: axisLabel(value, step) })
  }
  return ticks
}

function axisLabel(value: number, step: number): string {
  const year = formatYear(historicalYear(value))
  if (step >= 1) return year
  const month = Math.round((value - Math.floor(value)) * 12) % 12
  return month === 0 ? year : `${MONTH_NAMES[month]!.slice(0, 3)} ${year}`
}

export interface TimeWindow {
  start: number
  end: number
}

/**
 * Zooms a visible window by `factor` (> 1 zooms in) keeping the axis value at `anchor`
 * (0 = left edge, 1 = right edge) in place; stays inside `bounds` and no narrower than `minSpan`.
 */
export function zoomWindow(
  view: TimeWindow,
  factor: number,
  anchor: number,
  bounds: TimeWindow,
  minSpan = 1 / 12,
): TimeWindow {
  const full = bounds.end - bounds.start
  const span = Math.min(full, Math.max(minSpan, (view.end - view.start) / factor))
  const pivot = view.start + (view.end - view.start) * anchor
  return clampWindow({ start: pivot - span * anchor, end: pivot - span * anchor + span }, bounds)
}

/** Moves a visible window by `years`, staying inside `bounds`. */
export function panWindow(view: TimeWindow, years: number, bounds: TimeWindow): TimeWindow {
  return clampWindow({ start: view.start + years, end: view.end + years }, bounds)
}

function clampWindow(view: TimeWindow, bounds: TimeWindow): TimeWindow {
  const span = Math.min(view.end - view.start, bounds.end - bounds.start)
  const start = Math.min(Math.max(view.start, bounds.start), bounds.end - span)
  return { start, end: start + span }
}
