import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { OpenStorageOptions, Storage } from '../storage'
// Deep imports of the light parts: '../storage' itself (with Dexie) loads in open(), after the first view.
import { QuotaExceededError, StorageBlockedError, StorageClosedError, StorageError } from '../storage/errors'
import { databaseMissing, DEFAULT_DB_NAME } from '../storage/name'
import { nothingStored, type FirstCardStorage } from '../storage/nothing-stored'
import { requestPersistence as askPersistence, storageEstimate, type PersistenceResult } from '../storage/persist'

export interface StorageProblem {
  kind: 'unavailable' | 'quota' | 'blocked' | 'closed'
  /** The storage layer's message, written for the learner. */
  detail?: string
}

/** The open database, whether it could be opened, and whether the browser keeps it (persistent storage). */
export const useStorageStore = defineStore('storage', () => {
  const status = ref<'idle' | 'opening' | 'ready' | 'error'>('idle')
  const problem = shallowRef<StorageProblem>()
  const persistence = ref<PersistenceResult>()
  const usage = shallowRef<{ usage: number; quota: number } | null>(null)
  const handle = shallowRef<Storage>()
  /** The database's name (known before it is open: the deck-questions worker opens it too). */
  const name = ref(DEFAULT_DB_NAME)
  /**
   * The page started on a first visit (no database yet) with its opening deferred (see
   * deferOpening); it stays true once storage is open.
   */
  const fresh = ref(false)
  let opening: Promise<void> | undefined
  /** Whether no database existed when the opening was deferred. */
  let missing = Promise.resolve(false)
  /** What opening waits for: on a first visit, the first card (see deferOpening). */
  let deferral = Promise.resolve()
  let release = () => {}
  let released = true
  let empty: FirstCardStorage | undefined

  /**
   * On a first visit (no database yet), opening waits until firstCardShown: meanwhile the first
   * card reads from nothing stored (see reading), and Dexie does not load. Where the database
   * exists, or the browser cannot tell, opening does not wait.
   */
  function deferOpening(): void {
    released = false
    const shown = new Promise<void>((resolve) => (release = resolve))
    missing = databaseMissing(name.value)
    deferral = missing.then((none) => (none ? shown : undefined))
    void missing.then((none) => (fresh.value = none))
  }

  /** The first card is painted, or what shows instead: a deferred opening starts now. */
  function firstCardShown(): Promise<void> {
    released = true
    release()
    return open()
  }

  /** Opens the database once; later calls wait for the same opening (and for a deferral: see deferOpening). */
  function open(options?: OpenStorageOptions): Promise<void> {
    opening ??= (async () => {
      name.value = options?.name ?? DEFAULT_DB_NAME
      await deferral
      status.value = 'opening'
      try {
        const { openStorage } = await import('../storage')
        handle.value = markRaw(await openStorage(options))
        status.value = 'ready'
        void requestPersistence()
      } catch (error) {
        report(error)
        if (!problem.value)
          problem.value = { kind: 'unavailable', detail: error instanceof Error ? error.message : String(error) }
        status.value = 'error'
      }
    })()
    return opening
  }

  /** The open storage; views render only once it is ready, so a call before that is a bug. */
  function db(): Storage {
    if (!handle.value) throw new Error('Storage is not open yet')
    return handle.value
  }

  /**
   * What a study session and its deck's questions read until the first card shows: the open
   * storage or, on a first visit until its opening is released, a database that holds nothing
   * (its writes wait for the real one).
   */
  async function reading(): Promise<FirstCardStorage> {
    if ((await missing) && !released)
      return (empty ??= nothingStored(async () => {
        await open()
        return db()
      }))
    await open()
    return db()
  }

  /**
   * Turns a storage failure the learner must act on (full disk, blocked or closed database) into
   * the error screen. Returns true when it did; other errors are for the caller to show.
   */
  function report(error: unknown): boolean {
    const kind =
      error instanceof QuotaExceededError
        ? 'quota'
        : error instanceof StorageBlockedError
          ? 'blocked'
          : error instanceof StorageClosedError
            ? 'closed'
            : error instanceof StorageError && status.value === 'opening'
              ? 'unavailable'
              : undefined
    if (!kind) return false
    problem.value = { kind, detail: (error as Error).message }
    status.value = 'error'
    return true
  }

  /** Asks the browser to keep our data under storage pressure (it may answer without asking the learner). */
  async function requestPersistence(): Promise<void> {
    persistence.value = await askPersistence()
    usage.value = await storageEstimate()
  }

  return {
    name,
    status,
    problem,
    persistence,
    usage,
    fresh,
    deferOpening,
    firstCardShown,
    open,
    db,
    reading,
    report,
    requestPersistence,
  }
})
