// Messages between the page (client.ts) and the deck-questions worker.

export type DeckQuestionsCall = 'open' | 'queue' | 'custom' | 'choices' | 'questions' | 'all' | 'cards' | 'forget'

/** The calls whose answer (a list) comes in chunks. */
export const CHUNKED: ReadonlySet<DeckQuestionsCall> = new Set(['all', 'cards'])

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
  /** Part of the answer to `all` or `cards`, sent in pieces so that no message takes long to read on the page. */
  | { id: number; chunk: unknown[] }

/** Questions (or card rows) per chunk: a few milliseconds for the page to receive on a slow phone. */
export const CHUNK = 2_000
