// Importers that yield plain cards (CSV, Anki, GIFT, Aiken) build their deck here, so that card ids
// follow the deck format's rule (`card-` + digest of the front, question or cloze text).
import { digest } from '../random'
import type { Deck, HandCard } from '../deck/types'
import { plural } from '../text/format'
import { type ImportNotice } from './issues'

export type DraftCard =
  | { type: 'basic'; front: string; back: string }
  | { type: 'choice'; prompt: string; options: string[]; answer: string }
  | { type: 'cloze'; text: string }

export interface DeckMetaDraft {
  id: string
  title: string
  description?: string
}

function keyText(card: DraftCard): string {
  if (card.type === 'basic') return card.front
  if (card.type === 'choice') return card.prompt
  return card.text
}

function fullText(card: DraftCard): string {
  if (card.type === 'basic') return `${card.front}\u0000${card.back}`
  if (card.type === 'choice') return [card.prompt, ...card.options, card.answer].join('\u0000')
  return card.text
}

/**
 * Cards with the same front (a term asked twice with two meanings) get an id from front and back;
 * exact duplicates are dropped with a notice.
 */
export function deckFromCards(
  meta: DeckMetaDraft,
  drafts: readonly DraftCard[],
): { deck: Deck; notices: ImportNotice[] } {
  const cards: HandCard[] = []
  const ids = new Set<string>()
  const contents = new Set<string>()
  let duplicates = 0
  for (const draft of drafts) {
    const content = fullText(draft)
    if (contents.has(content)) {
      duplicates++
      continue
    }
    contents.add(content)
    let id = `card-${digest(keyText(draft))}`
    if (ids.has(id)) id = `card-${digest(content)}`
    ids.add(id)
    cards.push({ ...draft, id, sources: [] } as HandCard)
  }
  const deck: Deck = {
    id: meta.id,
    title: meta.title,
    language: 'en',
    version: '1',
    sources: [],
    entities: [],
    facts: [],
    cards,
  }
  if (meta.description !== undefined) deck.description = meta.description
  const notices: ImportNotice[] =
    duplicates > 0
      ? [
          {
            code: 'duplicates-skipped',
            message: `${plural(duplicates, 'duplicate card')} (same question and answer) ${duplicates === 1 ? 'was' : 'were'} skipped.`,
          },
        ]
      : []
  return { deck, notices }
}
