// Messages between the page (client.ts) and the deck-questions worker.
import type { Deck } from '../domain/deck/types'

export type DeckQuestionsCall =
  'open' | 'queue' | 'custom' | 'choices' | 'questions' | 'all' | 'cards' | 'deck' | 'forget'

/** The calls whose answer (a list) comes in chunks. */
export const CHUNKED: ReadonlySet<DeckQuestionsCall> = new Set(['all', 'cards', 'deck'])

export interface DeckQuestionsRequest {
  id: number
  /** The database the worker opens (the page's own, so both see the same decks and progress). */
  dbName: string
  call: DeckQuestionsCall
  args: unknown[]
}

export type DeckQuestionsResponse =
  | { id: number; result: unknown }
  | { id: number; error: { name: string; message: string } }
  /** Part of the answer to `all`, `cards` or `deck`, sent in pieces so that no message takes long to read on the page. */
  | { id: number; chunk: unknown[] }
  /** The chunks of `cards` sent so far are void: the rows come again from the first. */
  | { id: number; restart: true }

/** Questions (or card rows) per chunk: a few milliseconds for the page to receive on a slow phone. */
export const CHUNK = 2_000

/**
 * A deck sent in pieces: first the deck without its entities and facts (and how many entities
 * follow), then each entity, then each fact. See deckFromPieces.
 */
export type DeckPiece =
  (Omit<Deck, 'entities' | 'facts'> & { entityCount: number }) | Deck['entities'][number] | Deck['facts'][number]

export function deckPieces(deck: Deck): DeckPiece[] {
  const { entities, facts, ...rest } = deck
  return [{ ...rest, entityCount: entities.length }, ...entities, ...facts]
}

/** The deck deckPieces cut up. */
export function deckFromPieces(pieces: readonly DeckPiece[]): Deck {
  const { entityCount, ...rest } = pieces[0] as Omit<Deck, 'entities' | 'facts'> & { entityCount: number }
  return {
    ...rest,
    entities: pieces.slice(1, 1 + entityCount) as Deck['entities'],
    facts: pieces.slice(1 + entityCount) as Deck['facts'],
  }
}
