// The text shown with the answer of a disputed fact: each value with the sources that give it.
import type { DeckIndex } from './deck-index'
import { sentence } from './prompts'
import { disputeParts } from './dispute-parts'

export interface Side {
  text: string
  sources: readonly string[]
  note?: string
}

const SHORT_NAMES = new WeakMap<DeckIndex, Map<string, string>>()

function shortNames(index: DeckIndex): Map<string, string> {
  let names = SHORT_NAMES.get(index)
  if (!names) {
    names = new Map(index.deck.sources.flatMap((s) => (s.short ? [[s.id, s.short] as const] : [])))
    SHORT_NAMES.set(index, names)
  }
  return names
}

/** The sources' short names (their titles where they have none), or their full titles. */
const names = (index: DeckIndex, ids: readonly string[], short: boolean): string =>
  ids.map((id) => (short ? shortNames(index).get(id) : undefined) ?? index.sources.get(id)?.title ?? id).join('; ')

/**
 * Two lines. The first, short enough to sit above the grades on a phone, names each value with
 * the short names of its sources: "Sources differ: 1370 (infobox) · c. 1370 or c. 1366 (other
 * encyclopedias)". The second gives the sources' full titles and the notes. Sides other than the
 * main one with the same sources are grouped.
 */
export function describeDispute(index: DeckIndex, main: Side, alternatives: readonly Side[]): string {
  const groups: Array<{ texts: string[]; sources: readonly string[] }> = []
  for (const side of [main, ...alternatives]) {
    const key = side.sources.join(',')
    const group = groups.find((g) => g.sources.join(',') === key && g !== groups[0])
    if (group && side !== main) {
      if (!group.texts.includes(side.text)) group.texts.push(side.text)
    } else groups.push({ texts: [side.text], sources: side.sources })
  }
  const short = groups.map((g) => `${g.texts.join(' or ')} (${names(index, g.sources, true)})`)
  const full = groups.map((g) => `${g.texts.join(' or ')}: ${names(index, g.sources, false)}.`)
  const notes = [main, ...alternatives].map((s) => s.note).filter((n): n is string => !!n)
  const unique = [...new Set(notes)].map(sentence)
  return `${PREFIX}${short.join(' · ')}\n${[...full, ...unique].join(' ')}`
}

const PREFIX = 'Sources differ: '

/** Several disputes behind one question (an age from a disputed birth and death): one short line. */
export function joinDisputes(disputes: ReadonlyArray<string | undefined>): string {
  const parts = disputes.filter((d): d is string => !!d).map(disputeParts)
  if (parts.length === 1) return disputes.find(Boolean) as string
  const summaries = parts.map((p, i) =>
    i && p.summary.startsWith(PREFIX) ? p.summary.slice(PREFIX.length) : p.summary,
  )
  const details = parts.map((p) => p.detail).filter(Boolean)
  return `${summaries.join('; ')}${details.length ? `\n${details.join(' ')}` : ''}`
}
