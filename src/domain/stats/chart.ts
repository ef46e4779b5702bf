// Axis numbers for the progress charts: a round top value and evenly spaced ticks under it.

/** The smallest 1, 2 or 5 × 10ⁿ step such that `ticks` steps reach `max` (at least 1). */
export function axisTicks(max: number, ticks = 4): number[] {
  const top = Math.max(1, max)
  const raw = top / ticks
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude)
  const count = Math.ceil(top / step)
  return Array.from({ length: count + 1 }, (_, i) => i * step)
}

/** `YYYY-MM-DD` as a short date for axis labels: "10 Mar", or "10 Mar 2025" with the year. */
export function shortDay(day: string, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number)
  const month = MONTHS[(m ?? 1) - 1] ?? ''
  return withYear ? `${d} ${month} ${y}` : `${d} ${month}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
