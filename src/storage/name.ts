// What the page knows of the database before it opens it: these load without Dexie.

/** The database's name. */
export const DEFAULT_DB_NAME = 'stavraton'

/** Questions per stored part of a deck's question cache. */
export const QUESTION_CACHE_PART = 5_000

/**
 * Whether no database of this name exists yet, asked without creating one (indexedDB.databases():
 * Chromium, Safari 14+, Firefox 126+). False where the browser cannot tell: then it is opened as usual.
 */
export async function databaseMissing(name: string): Promise<boolean> {
  try {
    const databases = await globalThis.indexedDB?.databases?.()
    return databases !== undefined && !databases.some((db) => db.name === name)
  } catch {
    return false
  }
}
