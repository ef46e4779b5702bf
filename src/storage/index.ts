/**
 * src/storage — the only folder that imports Dexie. Everything here takes and returns domain types
 * (src/domain/study/types.ts, src/domain/scheduling/types.ts); database rows never leave it.
 *
 * OPEN
 *   openStorage(options?: { name?, indexedDB?, IDBKeyRange?, enableFuzz? = true, onBlocked?, blockedTimeoutMs? = 10_000 })
 *     → Promise<Storage>. Throws StorageUnavailableError (no/refused IndexedDB) or StorageBlockedError
 *     (an older tab holds the database). Every later call may throw QuotaExceededError, or
 *     StorageClosedError once another tab upgraded the database. Each error's `message` is for the learner.
 *   storage.onVersionChange(({ newVersion }) => …) → unsubscribe. The database is already closed when it
 *     fires: show "reload" next to the service-worker update prompt.
 *   storage.close()
 *
 * STUDY (the algorithms are pure, in src/domain/study)
 *   storage.cards.forStudy(deckId, now, { endOfDay }) → { cards, knownCardIds }
 *     then buildStudyQueue({ cards, knownCardIds, questions, now, endOfDay, newPerDay,
 *     newIntroducedToday, recognitionFirst, random }) → { items: { cardId, question, isNew, state? }[], … }
 *   storage.reviews.newIntroducedSince(deckId, startOfToday) → number
 *   storage.recordReview({ cardId, questionId, deckId, fingerprint, grade: 1|2|3|4, now, ms?, source?: 'study'|'quiz',
 *     session? }) → { card: CardProgress, review: ReviewRecord }
 *     ONE rw transaction: reads the card (creates it if new), schedules it with the stored desired
 *     retention, writes the new state, the log entry and (if given) the session with this answer
 *     appended — so a reload resumes exactly after the last saved review. Await it before showing the next card.
 *   storage.recordQuizAnswer({ cardId, questionId, deckId, fingerprint, kind, correct, ms, now, session? })
 *     → same; grade = quizGrade (wrong → Again, right → Good, slow → Hard).
 *   storage.previewIntervals(cardId, now) → Record<Grade, { due, label }> (labels for the grade buttons);
 *     or storage.scheduler() → Scheduler, then scheduler.previewIntervals(item.state ?? newCardState(now), now).
 *   storage.sessions.save(session) / load(id) / clear(id) / list()    (StudySession; id e.g. `study:${deckId}`)
 *   storage.quizAttempts.add(attempt) → id ; forDeck(deckId) → QuizAttempt[] newest first
 *
 * READS (plain async functions: wrap them in `liveQuery` from here, never import dexie elsewhere)
 *   storage.cards.get(cardId) · forDeck(deckId, { includeRetired? }) · dueForDeck(deckId, until) · idsForDeck(deckId)
 *   storage.reviews.forDeck(deckId, { since?, until? }) · since(at) · times(since?) → review times only · forCard(cardId) · count()
 *   storage.settings.get() → Settings (defaults: desiredRetention 0.9 [0.70–0.99], newPerDay 20,
 *     recognitionFirst true, theme 'system', quizLength 10; bounds in SETTINGS_BOUNDS)
 *   storage.settings.update(partial) → Settings; throws InvalidSettingError (with `field`) out of bounds.
 *   Progress numbers: src/domain/stats (reviewsPerDay, dueForecast, retention, deckMastery, libraryCounts).
 *
 * DECKS
 *   storage.decks.save(deck, { origin: 'user'|'imported', now }) · list() → SavedDeckInfo[] · get(id) → Deck | undefined
 *   storage.decks.head(id) → DeckHead { title, version, contentHash?, fingerprintsDigest? }: a small read
 *     whatever the deck's size (the deck's content and sync fingerprints are rows of their own since v5).
 *   storage.decks.delete(id): removes the deck; its cards are retired (log kept; re-importing restores progress).
 *   storage.deleteDeck(id) → DeletedDeck { deckId, title, cards, reviews }: ONE transaction removes the deck
 *     row, its cards, reviews, quiz attempts and sessions; storage.restoreDeck(deleted) puts them all back
 *     (while the tab is open: "Undo"). storage.renameDeck(id, title) (saved decks only).
 *   storage.saveEditedCard(deck, { cardId, fingerprint, keepProgress }, now): a hand-written card edited in
 *     place (domain/deck/edit-card.ts validates; questions/cards.ts handCardFingerprint); progress kept or restarted.
 *   storage.resetProgress(deckId, now, cardIds?) → how many cards went back to new (log and suspension kept).
 *   storage.suspendCards(deckId, [{ cardId, fingerprint }], suspended, now) · buryCards(deckId, cards, until, now)
 *     (until 0 unburies): the study queue and due counts skip them (isSetAside in src/domain/study).
 *   storage.syncDeckQuestions(deckId, questions, now, { title?, version? }?) → DeckChangeSummary
 *     { added, changed, removed, unchanged: cardId[], firstSync }. Call it at start for each built-in
 *     deck and after saving a deck; describeDeckChanges(summary) → "3 facts updated, 1 added" ('' when nothing to say).
 *     Unchanged fingerprint → progress kept; changed → the card restarts as new; removed → retired.
 *
 * SUBSCRIPTIONS (decks followed at a teacher's URL; fetching is src/browser/published-deck.ts)
 *   storage.subscriptions.get(deckId) · list() → DeckSubscription { deckId, url, etag?, lastModified?,
 *     versionHash, subscribedAt, checkedAt?, autoUpdate }
 *   storage.saveSubscribedDeck({ deck, questions, subscription, now }) → DeckChangeSummary: ONE transaction
 *     stores the deck (origin 'imported'), syncs its questions and the subscription (first time or update).
 *   storage.recordSubscriptionCheck(deckId, { checkedAt, etag?, lastModified?, versionHash? }): a check
 *     that found nothing new. storage.setSubscriptionAutoUpdate(deckId, on). storage.unsubscribe(deckId): the deck stays as a local copy.
 *   deleteDeck removes the subscription with the deck (restoreDeck puts it back).
 *
 * DURABILITY
 *   requestPersistence() / persistenceStatus() → 'granted' | 'denied' | 'unsupported'; storageEstimate()
 *   storage.exportBackup(now?) → BackupV1 { format: 'stavraton-backup', version: 1, exportedAt, decks, cards,
 *     reviews, quizAttempts, settings, sessions, subscriptions } (JSON.stringify it for the download)
 *   storage.importBackup(jsonTextOrObject, { mode: 'merge' | 'replace' }) → ImportResult
 *     throws BackupFormatError { message, issues: { path: 'cards[3].state.due', message }[] }, changing nothing.
 *     Merge rules: see ./backup.ts.
 *
 * BENCHMARKS
 *   seedBenchData(storage, { cards = 50_000, reviews = 500_000, deckId, now, cardIds? }) from './bench-seed'
 *   (import it directly; it is not re-exported here so the app bundle does not carry it).
 *
 * FIRST VIEW: Dexie is the only heavy library loaded with this module; ts-fsrs (scheduler), the
 * deck-sync code and the backup code (valibot) are imported on first use.
 */
export { liveQuery } from 'dexie'
export type { Observable, Subscription } from 'dexie'
export { openStorage } from './open'
export { DEFAULT_DB_NAME, CURRENT_SCHEMA_VERSION, type DeckOrigin } from './db'
export {
  StorageError,
  StorageUnavailableError,
  QuotaExceededError,
  StorageBlockedError,
  StorageClosedError,
  UndoUnavailableError,
  DeckDeletedError,
  BackupFormatError,
  type BackupIssue,
} from './errors'
// Types only: the backup code (and valibot) loads when a backup is exported or imported.
// BACKUP_FORMAT, BACKUP_VERSION and parseBackup: import them from './backup-schema' directly.
export type { BackupV1, BackupDeck, BackupProgress, ImportMode, ImportResult } from './backup-schema'
export { requestPersistence, persistenceStatus, storageEstimate, type PersistenceResult } from './persist'
export type * from './types'
