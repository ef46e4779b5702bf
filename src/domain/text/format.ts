// Display formatting shared by the app, the importers and the deck tool. Time is always passed
// in, never read here.

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

/** The same interval in words, for screen readers: "10 minutes", "4 days". */
export function describeInterval(ms: number): string {
  if (ms < minute) return 'less than a minute'
  if (ms < hour) return plural(Math.round(ms / minute), 'minute')
  if (ms < day) return plural(Math.round(ms / hour), 'hour')
  const days = ms / day
  if (days < 30) return plural(Math.round(days), 'day')
  if (days < 365) return `${trim(days / 30)} months`
  return `${trim(days / 365)} years`
}

/** "just now", "5 minutes ago", "in 3 days". */
export function formatRelative(time: number, now: number): string {
  const diff = time - now
  const ms = Math.abs(diff)
  if (ms < minute) return diff > 0 ? 'in less than a minute' : 'just now'
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

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`
}

function trim(n: number): string {
  return (Math.round(n * 10) / 10).toString()
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

/** Caption text without its cloze markers: "{{Christ Pantocrator}}" → "Christ Pantocrator". */
export function stripCloze(text: string): string {
  return text.replace(/\{\{(?:c\d+::)?(.*?)\}\}/g, '$1')
}
