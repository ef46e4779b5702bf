// The previous release's figures (previous-release.json), to print beside today's.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const figures = JSON.parse(readFileSync(join(import.meta.dirname, 'previous-release.json'), 'utf8')) as Record<
  string,
  unknown
>

/** The previous release's figure for `key`, or null when it was not measured then. */
export function previous(key: string): number | null {
  const value = Object.hasOwn(figures, key) ? figures[key] : undefined
  return typeof value === 'number' ? value : null
}
