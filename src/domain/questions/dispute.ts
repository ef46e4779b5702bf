// The text shown with the answer of a disputed fact: each value with the sources that give it.
import type { DeckIndex } from './deck-index'
import { sentence } from './prompts'

export interface Side {
  text: string
  sources: readonly string[]
  note?: string
}

const titles = (index: DeckIndex, ids: readonly string[]): string =>
  ids.map((id) => index.sources.get(id)?.title ?? id).join('; ')

/**
 * "Sources differ: 1370 (Infobox …); c. 1370 or c. 1366 (Other encyclopedias). Note…"
 * Sides with the same sources are grouped.
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
  const parts = groups.map((g) => `${g.texts.join(' or ')} (${titles(index, g.sources)})`)
  const notes = [main, ...alternatives].map((s) => s.note).filter((n): n is string => !!n)
  const unique = [...new Set(notes)].map(sentence)
  return [`Sources differ: ${parts.join('; ')}.`, ...unique].join(' ')
}
