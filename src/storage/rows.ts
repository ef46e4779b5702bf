// Row ⇄ domain conversions: rows never leave src/storage.
import type { CardProgress } from '../domain/study/types'
import type { CardRow, DeckRow } from './db'
import type { DeckHead, SavedDeckInfo } from './types'

export function toCardRow(card: CardProgress): CardRow {
  return {
    cardId: card.cardId,
    deckId: card.deckId,
    fingerprint: card.fingerprint,
    retired: card.retired ? 1 : 0,
    due: card.state.due,
    state: card.state,
    suspended: card.suspended ? 1 : 0,
    buriedUntil: card.buriedUntil ?? 0,
  }
}

export function fromCardRow(row: CardRow): CardProgress {
  return {
    cardId: row.cardId,
    deckId: row.deckId,
    fingerprint: row.fingerprint,
    retired: row.retired === 1,
    state: row.state,
    ...(row.suspended === 1 ? { suspended: true } : {}),
    ...(row.buriedUntil > 0 ? { buriedUntil: row.buriedUntil } : {}),
  }
}

export function toDeckInfo(row: DeckRow): SavedDeckInfo {
  return { id: row.id, origin: row.origin, title: row.title, version: row.version, savedAt: row.savedAt }
}

export function toDeckHead(row: DeckRow): DeckHead {
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    ...(row.contentHash === undefined ? {} : { contentHash: row.contentHash }),
    ...(row.printsDigest === undefined ? {} : { fingerprintsDigest: row.printsDigest }),
  }
}

/**
 * A plain, cloneable copy of JSON data: the app may hand us reactive proxies (Vue, Pinia), which
 * IndexedDB cannot clone.
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
