// Opening the database and assembling the Storage object the app uses.
import type { Scheduler } from '../domain/scheduling/types'
import { DEFAULT_DB_NAME, StavratonDB } from './db'
import { StorageBlockedError, StorageUnavailableError, toStorageError } from './errors'
import { reviewRecorder } from './record'
import {
  cardsRepository,
  decksRepository,
  questionCacheRepository,
  quizAttemptsRepository,
  reviewsRepository,
  sessionsRepository,
  settingsRepository,
  subscriptionsRepository,
} from './repositories'
import type { CardRef, DeletedDeck, OpenStorageOptions, Storage, VersionChangeListener } from './types'

const DEFAULT_BLOCKED_TIMEOUT_MS = 10_000
/** Dexie stores version n as native IndexedDB version n × 10. */
const DEXIE_VERSION_FACTOR = 10

const databases = new WeakMap<object, StavratonDB>()

/** The Dexie instance behind a Storage, for code inside src/storage only (bench seeding, tests). */
export function databaseOf(storage: Storage): StavratonDB {
  const db = databases.get(storage)
  if (!db) throw new Error('databaseOf: not a storage opened by openStorage')
  return db
}

export async function openStorage(options: OpenStorageOptions = {}): Promise<Storage> {
  const indexedDB = options.indexedDB ?? globalThis.indexedDB
  const IDBKeyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange
  if (!indexedDB || !IDBKeyRange) throw new StorageUnavailableError()

  const db = new StavratonDB(options.name ?? DEFAULT_DB_NAME, { indexedDB, IDBKeyRange })
  await openOrExplain(db, options)

  let closedByUpgrade = false
  const listeners = new Set<VersionChangeListener>()
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    // Let the other tab upgrade (or delete) the database; this tab must reload to use it again.
    // Returning false stops Dexie's default handler, which would close with auto-reopen (the old
    // code would then reopen the new schema).
    closedByUpgrade = true
    db.close({ disableAutoOpen: true })
    const newVersion = event.newVersion ? event.newVersion / DEXIE_VERSION_FACTOR : null
    for (const listener of listeners) listener({ newVersion })
    return false
  })

  // Every call maps IndexedDB failures to typed errors. The call itself stays synchronous so that
  // Dexie's liveQuery still sees which tables it reads.
  const guard = <T extends object>(api: T): T => {
    const explain = (error: unknown) => Promise.reject(toStorageError(error, { closedByUpgrade }))
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(api)) {
      out[key] =
        typeof value === 'function'
          ? (...args: unknown[]) => {
              try {
                return Promise.resolve((value as (...a: unknown[]) => unknown)(...args)).catch(explain)
              } catch (error) {
                return explain(error)
              }
            }
          : value
    }
    return out as T
  }

  const recorder = reviewRecorder(db, options.enableFuzz ?? true)
  const deckSync = () => import('./deck-sync')
  const cards = guard(cardsRepository(db))
  const storage: Storage = {
    name: db.name,
    ...guard({
      recordReview: recorder.recordReview,
      recordQuizAnswer: recorder.recordQuizAnswer,
      undoReview: recorder.undoReview,
      scheduler: recorder.scheduler,
      previewIntervals: async (cardId: string, now: number) => {
        const scheduler: Scheduler = await recorder.scheduler()
        const card = await db.cards.get(cardId)
        return scheduler.previewIntervals(card?.state ?? scheduler.newCardState(now), now)
      },
      // Loaded on first use, to keep the deck diff, valibot and the backup code out of the first view.
      syncDeckQuestions: async (...args: Parameters<Storage['syncDeckQuestions']>) =>
        (await deckSync()).syncDeckQuestions(db, ...args),
      deleteDeck: async (deckId: string) => (await import('./manage')).deleteDeck(db, deckId),
      restoreDeck: async (deleted: DeletedDeck) => (await import('./manage')).restoreDeck(db, deleted),
      renameDeck: async (deckId: string, title: string) => (await import('./manage')).renameDeck(db, deckId, title),
      saveEditedCard: async (...args: Parameters<Storage['saveEditedCard']>) =>
        (await import('./manage')).saveEditedCard(db, ...args),
      resetProgress: async (deckId: string, now: number, cardIds?: readonly string[]) =>
        (await import('./manage')).resetProgress(db, deckId, now, cardIds),
      suspendCards: async (deckId: string, cards: readonly CardRef[], suspended: boolean, now: number) =>
        (await import('./manage')).setAside(db, deckId, cards, { suspended }, now),
      buryCards: async (deckId: string, cards: readonly CardRef[], until: number, now: number) =>
        (await import('./manage')).setAside(db, deckId, cards, { buriedUntil: until }, now),
      saveSubscribedDeck: async (input: Parameters<Storage['saveSubscribedDeck']>[0]) =>
        (await import('./subscriptions')).saveSubscribedDeck(db, input),
      recordSubscriptionCheck: async (...args: Parameters<Storage['recordSubscriptionCheck']>) =>
        (await import('./subscriptions')).recordSubscriptionCheck(db, ...args),
      setSubscriptionAutoUpdate: async (deckId: string, autoUpdate: boolean) =>
        (await import('./subscriptions')).setSubscriptionAutoUpdate(db, deckId, autoUpdate),
      unsubscribe: async (deckId: string) => (await import('./subscriptions')).unsubscribe(db, deckId),
      exportBackup: async (now?: number) => (await import('./backup')).exportBackup(db, now ?? Date.now()),
      importBackup: async (json: unknown, options: Parameters<Storage['importBackup']>[1]) =>
        (await import('./backup')).importBackup(db, json, { ...options, now: options.now ?? Date.now() }),
    }),
    preloadDeckSync: () => void deckSync().catch(() => undefined),
    onVersionChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => db.close({ disableAutoOpen: true }),
    cards,
    reviews: guard(reviewsRepository(db)),
    settings: guard(settingsRepository(db)),
    sessions: guard(sessionsRepository(db)),
    quizAttempts: guard(quizAttemptsRepository(db)),
    decks: guard(decksRepository(db)),
    questionCache: guard(questionCacheRepository(db)),
    rowsCache: async () => guard((await import('./rows-cache')).rowsCacheRepository(db)),
    subscriptions: guard(subscriptionsRepository(db)),
  }
  databases.set(storage, db)
  return storage
}

/** Opens the database, turning refusals into typed errors and a long wait on another tab into StorageBlockedError. */
function openOrExplain(db: StavratonDB, options: OpenStorageOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    db.on('blocked', () => {
      options.onBlocked?.()
      timer ??= setTimeout(() => {
        reject(new StorageBlockedError())
        db.close({ disableAutoOpen: true })
      }, options.blockedTimeoutMs ?? DEFAULT_BLOCKED_TIMEOUT_MS)
    })
    db.open().then(
      () => {
        clearTimeout(timer)
        resolve()
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(toStorageError(error, { opening: true }))
      },
    )
  })
}
