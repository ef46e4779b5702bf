// A first visit's storage before its database exists (see useStorageStore().deferOpening): what the
// study view reads to show its first card, answered with nothing stored, without loading Dexie.
// Every write waits for the real storage to open and goes there, in the order it was asked.
import { QUESTION_CACHE_PART } from './name'
import type { QuestionsStorage } from './questions-storage'
import type { Storage } from './types'

/** What a study session reads and writes until its first card shows (the deck's questions included). */
export type FirstCardStorage = QuestionsStorage & {
  cards: Pick<Storage['cards'], 'get' | 'many' | 'forDeck' | 'forStudy'>
  reviews: Pick<Storage['reviews'], 'newIntroducedSince'>
  sessions: Pick<Storage['sessions'], 'load' | 'save'>
}

/** Reads as a database that holds nothing; writes go to `real()` once it resolves. */
export function nothingStored(real: () => Promise<Storage>): FirstCardStorage {
  return {
    decks: { head: async () => undefined, get: async () => undefined },
    cards: {
      get: async () => undefined,
      many: async () => [],
      forDeck: async () => [],
      forStudy: async () => ({ cards: [], knownCardIds: new Set<string>() }),
    },
    reviews: { newIntroducedSince: async () => 0 },
    sessions: {
      load: async () => undefined,
      save: async (session) => (await real()).sessions.save(session),
    },
    questionCache: {
      partSize: QUESTION_CACHE_PART,
      get: async () => undefined,
      put: async (...args) => (await real()).questionCache.put(...args),
      delete: async (deckId) => (await real()).questionCache.delete(deckId),
    },
    syncDeckQuestions: async (...args) => (await real()).syncDeckQuestions(...args),
  }
}
