// Opening the database, and what happens around it: another tab upgrading (versionchange), an older
// tab blocking our upgrade, IndexedDB missing, and reactive reads through liveQuery.
import { describe, expect, it } from 'vitest'
import {
  liveQuery,
  openStorage,
  QuotaExceededError,
  StorageBlockedError,
  StorageClosedError,
  StorageUnavailableError,
} from '../../../src/storage'
import { CURRENT_SCHEMA_VERSION } from '../../../src/storage/db'
import { toStorageError } from '../../../src/storage/errors'
import { IDBKeyRange, NOW, testDatabase } from './helpers'

const review = {
  cardId: 'deck/a',
  questionId: 'deck/a/typed',
  deckId: 'deck',
  fingerprint: 'f',
  grade: 3 as const,
  now: NOW,
}

/** Opens the same database with a raw connection at a newer native version, as a newer app would. */
function upgradeFromAnotherTab(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, (CURRENT_SCHEMA_VERSION + 1) * 10)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

describe('openStorage', () => {
  it('closes when another tab upgrades the database, tells the app, and then explains itself', async () => {
    const db = testDatabase()
    const storage = await db.open()
    const events: Array<{ newVersion: number | null }> = []
    storage.onVersionChange((e) => events.push(e))
    const unsubscribed: unknown[] = []
    storage.onVersionChange((e) => unsubscribed.push(e))()

    const other = await upgradeFromAnotherTab(db.factory, db.name)
    expect(other.version).toBe((CURRENT_SCHEMA_VERSION + 1) * 10)
    expect(events).toEqual([{ newVersion: CURRENT_SCHEMA_VERSION + 1 }])
    expect(unsubscribed).toEqual([])
    const error = await storage.recordReview(review).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageClosedError)
    expect((error as Error).message).toMatch(/updated in another tab. Reload/)
    other.close()
  })

  it('gives up with StorageBlockedError when an older tab never lets go', async () => {
    const db = testDatabase()
    // An "old tab" holding version 1 of the database and ignoring versionchange.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = db.factory.open(db.name, 1)
      request.onsuccess = () => resolve(request.result)
    })
    let blocked = 0
    const error = await db.open({ blockedTimeoutMs: 20, onBlocked: () => blocked++ }).catch((e: unknown) => e)
    expect(blocked).toBeGreaterThan(0)
    expect(error).toBeInstanceOf(StorageBlockedError)
    expect((error as Error).message).toMatch(/Close the other tabs/)
    old.close()
  })

  it('reports IndexedDB missing as StorageUnavailableError with a message for the learner', async () => {
    const error = await openStorage({ name: 'x', indexedDB: undefined, IDBKeyRange: undefined }).catch(
      (e: unknown) => e,
    )
    // In Node there is no global indexedDB.
    expect(error).toBeInstanceOf(StorageUnavailableError)
    expect((error as Error).message).toMatch(/cannot save progress/)
  })

  it('reports a refused database as StorageUnavailableError', async () => {
    const refusing = {
      open() {
        throw Object.assign(new Error('The user denied permission to access the database.'), { name: 'SecurityError' })
      },
      deleteDatabase() {},
      cmp: () => 0,
      databases: async () => [],
    } as unknown as IDBFactory
    const error = await openStorage({ name: 'x', indexedDB: refusing, IDBKeyRange }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageUnavailableError)
  })

  it('maps a quota failure, however deeply Dexie wrapped it', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' })
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota })
    expect(toStorageError(wrapped)).toBeInstanceOf(QuotaExceededError)
    const bug = new TypeError('x is undefined')
    expect(toStorageError(bug)).toBe(bug)
  })
})

describe('liveQuery', () => {
  it('re-runs a repository read when a review changes what it read', async () => {
    const storage = await testDatabase().open()
    const seen: number[] = []
    let notify: () => void = () => {}
    const subscription = liveQuery(() => storage.cards.forDeck('deck')).subscribe((cards) => {
      seen.push(cards.length)
      notify()
    })
    const next = () => new Promise<void>((resolve) => (notify = resolve))
    await next()
    const changed = next()
    await storage.recordReview(review)
    await changed
    subscription.unsubscribe()
    expect(seen).toEqual([0, 1])
  })
})
