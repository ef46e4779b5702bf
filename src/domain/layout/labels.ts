// Short texts drawn inside layouts: years of life, names broken to fit a box.
import { formatYear } from '../deck/dates'
import type { Deck, HistoricalDate } from '../deck/types'
import { ITEMS_PER_STEP, type Steps } from '../steps'

/** A date reduced to its year for a small label: "1370", "c. 1400", "1377?", "1408/1410", "bef. 1397". */
export function shortYear(date: HistoricalDate): string {
  const year = formatYear(date.start.year)
  const core =
    date.kind === 'range' && date.end && date.end.year !== date.start.year
      ? `${year}/${formatYear(date.end.year)}`
      : date.kind === 'before'
        ? `bef. ${year}`
        : date.kind === 'after'
          ? `aft. ${year}`
          : year
  return `${date.circa ? 'c. ' : ''}${core}${date.uncertain ? '?' : ''}`
}

/** Person id → "1370–1408", "b. 1348", "d. 1440" from the deck's born/died facts (in steps). */
export function* lifespanLabels(deck: Deck): Steps<Map<string, string>> {
  const born = new Map<string, HistoricalDate>()
  const died = new Map<string, HistoricalDate>()
  let done = 0
  for (const fact of deck.facts) {
    if (++done % (4 * ITEMS_PER_STEP) === 0) yield
    if (fact.type !== 'date') continue
    if (fact.key === 'born') born.set(fact.subject, fact.value)
    else if (fact.key === 'died') died.set(fact.subject, fact.value)
  }
  const out = new Map<string, string>()
  for (const id of new Set([...born.keys(), ...died.keys()])) {
    if (++done % ITEMS_PER_STEP === 0) yield
    const b = born.get(id)
    const d = died.get(id)
    out.set(id, b && d ? `${shortYear(b)}–${shortYear(d)}` : b ? `b. ${shortYear(b)}` : `d. ${shortYear(d!)}`)
  }
  return out
}

/** Breaks a name at the space that makes its longest line shortest (two lines at most). */
export function balancedLines(text: string): string[] {
  let best = [text]
  let longest = text.length
  for (let k = text.indexOf(' '); k >= 0; k = text.indexOf(' ', k + 1)) {
    const lines = [text.slice(0, k), text.slice(k + 1)]
    const len = Math.max(lines[0]!.length, lines[1]!.length)
    if (len < longest) [best, longest] = [lines, len]
  }
  return best
}

/** Lines of at most `maxChars`, cut with "…" when they are still too long. */
export function fitLines(lines: string[], maxChars: number): string[] {
  const limit = Math.max(4, maxChars)
  return lines.map((line) => (line.length <= limit ? line : `${line.slice(0, limit - 1)}…`))
}
