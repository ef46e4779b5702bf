// The card rows kept beside a deck's cached questions (see RowsCacheRepository): loaded with the
// card browser, which alone reads and writes them.
import Dexie from 'dexie'
import type { StavratonDB } from './db'
import type { RowsCacheRepository } from './types'

/** Stored at parts ROWS_PART, ROWS_PART + 1, … of the question cache: above any part of questions. */
const ROWS_PART = 2 ** 30

export function rowsCacheRepository(db: StavratonDB): RowsCacheRepository {
  return {
    parts: async (deckId, key) => {
      const first = await db.questionCache.get([deckId, ROWS_PART])
      return first?.key === key && first.rows ? first.parts : undefined
    },
    part: async (deckId, key, part) => {
      const row = await db.questionCache.get([deckId, ROWS_PART + part])
      return row?.key === key ? row.rows : undefined
    },
    put: (deckId, key, parts) =>
      db.transaction('rw', db.questionCache, async () => {
        if ((await db.questionCache.get([deckId, 0]))?.key !== key) return
        await db.questionCache.where('[deckId+part]').between([deckId, ROWS_PART], [deckId, Dexie.maxKey]).delete()
        await db.questionCache.bulkPut(
          parts.map((rows, i) => ({ deckId, part: ROWS_PART + i, parts: parts.length, key, rows })),
        )
      }),
  }
}
