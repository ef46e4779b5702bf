const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "1m", "10m", "3h", "3d", "1.5mo", "2.1y": the label under a grade button. */
export function formatInterval(ms: number): string {
  const span = Math.max(0, ms)
  if (span < HOUR) return `${Math.max(1, Math.round(span / MINUTE))}m`
  if (span < DAY) return `${Math.round(span / HOUR)}h`
  const days = span / DAY
  if (days < 30) return `${Math.round(days)}d`
  if (days < 365) return `${trim(days / 30)}mo`
  return `${trim(days / 365)}y`
}

const trim = (n: number): string => String(Math.round(n * 10) / 10)
