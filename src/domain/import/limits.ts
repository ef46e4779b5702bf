// Limits for anything a user hands us. Beyond them an import is refused with a clear message.

/** Largest file accepted (bytes): about 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** Largest deck accepted: facts + hand-written cards. */
export const MAX_DECK_ITEMS = 50_000

/** Largest uncompressed file read from inside an .apkg (the SQLite collection). */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024

/**
 * A zip entry larger than this must not be more than MAX_COMPRESSION_RATIO times its compressed size.
 * Real Anki collections compress about 3–20×; a zip bomb compresses hundreds or thousands of times.
 */
export const RATIO_CHECK_FROM_BYTES = 1024 * 1024
export const MAX_COMPRESSION_RATIO = 200

/** Largest deck a share link may carry once inflated (JSON bytes). */
export const MAX_LINK_DECK_BYTES = 2 * 1024 * 1024

/**
 * Most problems listed for one file. Past it the rest are only counted ("… and 199,950 more"):
 * nobody reads more, and a file with a million bad lines must not build a million messages.
 */
export const MAX_REPORTED_ISSUES = 100

/** Most fields on one line of a CSV: a term, a definition, a few of Anki's columns, and room to spare. */
export const MAX_CSV_FIELDS = 1000

/** Deepest nesting of mappings and lists in a deck file; a real deck nests about 6 levels. */
export const MAX_NESTING_DEPTH = 64

/**
 * Keeps the first `max` issues and counts the others. Every importer and the deck checker
 * collect through one, so no input can make them build an unbounded list.
 */
export class IssueCap<T> {
  readonly kept: T[] = []
  omitted = 0
  constructor(readonly max: number = MAX_REPORTED_ISSUES) {}

  add(issue: T): void {
    if (this.kept.length < this.max) this.kept.push(issue)
    else this.omitted++
  }
}

/** "… and 199,950 more problems (from line 101 on)". */
export function moreIssuesMessage(omitted: number, fromLine?: number): string {
  const from = fromLine === undefined ? '' : ` from line ${fromLine.toLocaleString('en')} on`
  return `… and ${omitted.toLocaleString('en')} more ${omitted === 1 ? 'problem' : 'problems'}${from}, not listed; fix the ones above first.`
}

/** Largest of `values` without spreading them into arguments (which overflows the stack past ~100,000). */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let max = start
  for (const value of values) if (value > max) max = value
  return max
}
