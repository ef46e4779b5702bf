// Display formatting shared by the app, the importers and the deck tool. Time is always passed
// in, never read here.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year'

/** An interval in its largest sensible unit; months and years to one decimal. Both formats use it. */
function intervalParts(ms: number): { value: number; unit: IntervalUnit } {
  const span = Math.max(0, ms)
  if (span < HOUR) return { value: Math.round(span / MINUTE), unit: 'minute' }
  if (span < DAY) return { value: Math.round(span / HOUR), unit: 'hour' }
  const days = span / DAY
  if (days < 30) return { value: Math.round(days), unit: 'day' }
  if (days < 365) return { value: tenths(days / 30), unit: 'month' }
  return { value: tenths(days / 365), unit: 'year' }
}

const SHORT_UNITS: Record<IntervalUnit, string> = { minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' }

/** "1m", "10m", "3h", "3d", "1.5mo", "2.1y": the label under a grade button. */
export function formatInterval(ms: number): string {
  const { value, unit } = intervalParts(ms)
  return `${unit === 'minute' ? Math.max(1, value) : value}${SHORT_UNITS[unit]}`
}

/** The same interval in words, for screen readers: "10 minutes", "4 days", "1.5 months". */
export function describeInterval(ms: number): string {
  if (ms < MINUTE) return 'less than a minute'
  const { value, unit } = intervalParts(ms)
  return unit === 'month' || unit === 'year' ? `${value} ${unit}s` : plural(value, unit)
}

/** "just now", "5 minutes ago", "in 3 days". */
export function formatRelative(time: number, now: number): string {
  const diff = time - now
  const ms = Math.abs(diff)
  if (ms < MINUTE) return diff > 0 ? 'in less than a minute' : 'just now'
  const words = describeInterval(ms)
  return diff > 0 ? `in ${words}` : `${words} ago`
}

/** Elapsed time of a session: "45 s", "3 min 20 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`
}

/** "1 card", "12 cards", "3 children" (give `many` where adding -s is wrong). */
export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

const KB = 1024
const MB = 1024 * KB
const GB = 1024 * MB

/** Sizes in binary units, as every limit in the app is stated: "20.0 MB", "2 KB", "1.3 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(1)} GB`
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`
  return `${bytes} bytes`
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`
}

function tenths(n: number): number {
  return Math.round(n * 10) / 10
}

/** An href for an untrusted URL: only http(s) links are rendered; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

/**
 * The path of a deck picture the build made (`deck-images/coin-1a2b3c4d.webp`, relative to the
 * app's base URL), or undefined for anything else: a stored deck cannot point a picture elsewhere.
 */
export function safeImagePath(src: string | undefined): string | undefined {
  return src !== undefined && /^deck-images\/[a-z0-9][a-z0-9-]*\.webp$/.test(src) ? src : undefined
}

/** Caption text without its cloze markers: "{{Christ Pantocrator}}" → "Christ Pantocrator". */
export function stripCloze(text: string): string {
  return text.replace(/\{\{(?:c\d+::)?(.*?)\}\}/gs, '$1')
}
