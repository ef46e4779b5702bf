// The part of storage the deck-questions worker uses (decks, the question cache, syncing questions
// with progress), opened without the review recorder, scheduler and backup code it never needs.
import { DEFAULT_DB_NAME, StavratonDB } from './db'
import { syncDeckQuestions } from './deck-sync'
import { toStorageError } from './errors'
import { cardsRepository, decksRepository, questionCacheRepository } from './repositories'
import type { Storage } from './types'

/**
 * The worker's own storage bundles the sync code: nothing to preload there. A first visit's storage
 * (nothing-stored.ts) caches no card rows.
 */
export type QuestionsStorage = Pick<Storage, 'syncDeckQuestions'> &
  Partial<Pick<Storage, 'preloadDeckSync' | 'rowsCache'>> & {
    decks: Pick<Storage['decks'], 'get' | 'head'>
    cards: Pick<Storage['cards'], 'forDeck'>
    questionCache: Storage['questionCache']
  }

export async function openQuestionsStorage(name = DEFAULT_DB_NAME): Promise<QuestionsStorage> {
  const db = new StavratonDB(name)
  // Another tab upgrades the database: let it (this connection must not block it). The page shows
  // "reload"; a reload starts a new worker on the new version.
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true })
    return false
  })
  const explain =
    <A extends unknown[], T>(f: (...args: A) => Promise<T>) =>
    (...args: A) =>
      f(...args).catch((error: unknown) => Promise.reject(toStorageError(error)))
  await db.open().catch((error: unknown) => Promise.reject(toStorageError(error, { opening: true })))
  const decks = decksRepository(db)
  const cache = questionCacheRepository(db)
  const cards = cardsRepository(db)
  return {
    decks: { get: explain(decks.get), head: explain(decks.head) },
    cards: { forDeck: explain(cards.forDeck) },
    questionCache: {
      partSize: cache.partSize,
      get: explain(cache.get),
      put: explain(cache.put),
      delete: explain(cache.delete),
    },
    rowsCache: async () => {
      const rows = (await import('./rows-cache')).rowsCacheRepository(db)
      return { parts: explain(rows.parts), part: explain(rows.part), put: explain(rows.put) }
    },
    syncDeckQuestions: explain((...args: Parameters<Storage['syncDeckQuestions']>) => syncDeckQuestions(db, ...args)),
  }
}
