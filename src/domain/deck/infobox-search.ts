// The Facts tab's search box: which infoboxes, and which of their rows, match what was typed.
// Every word typed must start a word (case, accents and punctuation ignored, as in the card browser) of
// the entry's name, aliases or description together with one row: its label ("Born", "Mother"),
// its values, the other values a dispute gives, their notes and the titles of their sources.
// Words that all appear in the entry's own name keep the whole entry.
import { normalizeAnswer } from '../questions/answers'
import type { Source } from './types'
import type { Infobox, InfoboxRow, InfoboxValue } from './infobox'

/** An infobox with the normalized text of its parts, built once per deck. */
export interface SearchableInfobox {
  infobox: Infobox
  head: string
  rows: string[]
  tenures: string[]
}

export function searchableInfoboxes(infoboxes: readonly Infobox[], sources: readonly Source[]): SearchableInfobox[] {
  const titles = new Map(sources.map((s) => [s.id, s.title]))
  const valueText = (v: InfoboxValue): string[] => [
    v.text,
    v.note ?? '',
    ...v.sources.map((id) => titles.get(id) ?? id),
    ...v.alternatives.flatMap((a) => [a.text, a.note ?? '', ...a.sources.map((id) => titles.get(id) ?? id)]),
  ]
  const rowText = (row: InfoboxRow) => [row.label, ...row.values.flatMap(valueText)]
  return infoboxes.map((infobox) => {
    const { entity } = infobox
    return {
      infobox,
      head: normalizeAnswer([entity.name, ...entity.aliases, entity.description ?? '', entity.kind].join(' ')),
      rows: infobox.rows.map((row) => normalizeAnswer(rowText(row).join(' '))),
      tenures: infobox.tenures.map((t) =>
        normalizeAnswer(['office', ...valueText(t.office), ...t.rows.flatMap(rowText)].join(' ')),
      ),
    }
  })
}

/** True when `word` starts one of the words of `text` (both normalized). */
function startsWord(text: string, word: string): boolean {
  return text.startsWith(word) || text.includes(` ${word}`)
}

/** The words of a query, normalized; none for an empty or blank query. */
export function queryWords(query: string): string[] {
  return normalizeAnswer(query).split(' ').filter(Boolean)
}

/**
 * The infoboxes that match, in order, each cut down to its matching rows and offices (a whole
 * office with its predecessor and successor, as one fact). All of them, whole, for no words.
 */
export function searchInfoboxes(boxes: readonly SearchableInfobox[], words: readonly string[]): Infobox[] {
  if (words.length === 0) return boxes.map((b) => b.infobox)
  const out: Infobox[] = []
  for (const box of boxes) {
    const rest = words.filter((w) => !startsWord(box.head, w))
    if (rest.length === 0) {
      out.push(box.infobox)
      continue
    }
    const matches = (text: string) => rest.every((w) => startsWord(text, w))
    const rows = box.infobox.rows.filter((_, i) => matches(box.rows[i]!))
    const tenures = box.infobox.tenures.filter((_, i) => matches(box.tenures[i]!))
    if (rows.length || tenures.length) out.push({ ...box.infobox, rows, tenures })
  }
  return out
}
