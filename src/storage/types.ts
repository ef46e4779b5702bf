// The storage API's own types (the domain types it takes and returns live in src/domain).
import type { Deck } from '../domain/deck/types'
import type { DeckSubscription } from '../domain/import/subscription'
import type { Question, QuestionKind } from '../domain/questions/types'
import type { CompactQuestions, PartSource } from '../domain/questions/compact'
import type { QuestionStubs } from '../domain/questions/stubs'
import type { CardState, Grade, IntervalPreview, Scheduler } from '../domain/scheduling/types'
import type { DeckChangeSummary } from '../domain/study/deck-diff'
import type { SyncedQuestions } from '../domain/study/fingerprints'
import type { Settings } from '../domain/study/settings'
import type { CardProgress, QuizAttempt, ReviewRecord, ReviewSource, StudySession } from '../domain/study/types'
import type { BackupProgress, BackupV1, ImportMode, ImportResult } from './backup-schema'

export type { DeckOrigin } from './db'
import type { DeckOrigin } from './db'

export interface OpenStorageOptions {
  /** Database name (default 'stavraton'); tests use a unique one. */
  name?: string
  /** An IDBFactory (tests: `new IDBFactory()` from fake-indexeddb). Default: the global one. */
  indexedDB?: IDBFactory
  IDBKeyRange?: typeof IDBKeyRange
  /** Spread review intervals a little (default true; tests turn it off). */
  enableFuzz?: boolean
  /** Called when opening waits for another tab (an older version) to close the database. */
  onBlocked?: () => void
  /** Give up with StorageBlockedError after waiting this long (default 10 s). */
  blockedTimeoutMs?: number
}

export interface RecordReviewInput {
  cardId: string
  questionId: string
  deckId: string
  /** `Question.fingerprint`; stored when the card is created by this review. */
  fingerprint: string
  grade: Grade
  now: number
  /** Time taken to answer. */
  ms?: number
  /** Default 'study'. */
  source?: ReviewSource
  /** The session with this answer already appended: saved in the same transaction. */
  session?: StudySession
}

export interface UndoReviewInput {
  /** The review to take back: it must still be the card's latest (UndoUnavailableError otherwise). */
  reviewId: number
  cardId: string
  /** The card's state before that review; null when the review created the card (it is removed). */
  before: CardState | null
  /** The session with the answer taken back: saved in the same transaction. */
  session?: StudySession
}

export interface RecordQuizAnswerInput extends Omit<RecordReviewInput, 'grade' | 'source'> {
  kind: QuestionKind
  correct: boolean
  ms: number
}

export interface RecordedReview {
  card: CardProgress
  review: ReviewRecord
  /** The session as saved: its last answer now carries what undoing it needs. */
  session?: StudySession
}

/** A saved (user or imported) deck, without its content. */
export interface SavedDeckInfo {
  id: string
  origin: DeckOrigin
  title: string
  version: string
  savedAt: number
}

export interface StudyCards {
  /** The deck's active cards due by the end of today, plus stored new (restarted) ones. */
  cards: CardProgress[]
  /** Every stored card id of the deck: pass as `knownCardIds` to buildStudyQueue. */
  knownCardIds: Set<string>
}

export interface CardsRepository {
  get(cardId: string): Promise<CardProgress | undefined>
  /** The stored ones of these cards (a card never studied has none). */
  many(cardIds: readonly string[]): Promise<CardProgress[]>
  /** The deck's cards; retired ones only with `includeRetired`. */
  forDeck(deckId: string, options?: { includeRetired?: boolean }): Promise<CardProgress[]>
  /** The deck's active cards due before `until` (any phase but new is due by then). Reads an index: fast on big decks. */
  dueForDeck(deckId: string, until: number): Promise<CardProgress[]>
  /** Ids of every stored card of the deck, retired included (keys only). */
  idsForDeck(deckId: string): Promise<Set<string>>
  /** What buildStudyQueue needs, read through indexes (fast on a deck of 50k cards). */
  forStudy(deckId: string, now: number, day?: { endOfDay?: number; utcOffsetMinutes?: number }): Promise<StudyCards>
}

export interface ReviewsRepository {
  /** The deck's reviews in [since, until), oldest first. */
  forDeck(deckId: string, range?: { since?: number; until?: number }): Promise<ReviewRecord[]>
  /** Every deck's reviews at or after `since`, oldest first. */
  since(at: number): Promise<ReviewRecord[]>
  /** The time of every review at or after `since`, oldest first, read from the index alone (streaks). */
  times(since?: number): Promise<number[]>
  forCard(cardId: string): Promise<ReviewRecord[]>
  /** Distinct cards of the deck first reviewed at or after `since` (for the daily new-card limit). */
  newIntroducedSince(deckId: string, since: number): Promise<number>
  count(): Promise<number>
}

export interface SettingsRepository {
  /** Stored settings over DEFAULT_SETTINGS. */
  get(): Promise<Settings>
  /** Checks bounds (InvalidSettingError), saves, returns the new settings. */
  update(patch: Partial<Settings>): Promise<Settings>
}

export interface SessionsRepository {
  save(session: StudySession): Promise<void>
  load(id: string): Promise<StudySession | undefined>
  clear(id: string): Promise<void>
  list(): Promise<StudySession[]>
}

export interface QuizAttemptsRepository {
  add(attempt: QuizAttempt): Promise<number>
  /** Newest first. */
  forDeck(deckId: string): Promise<QuizAttempt[]>
}

export interface DecksRepository {
  /** Saves a user or imported deck (normalized Deck JSON). Then call syncDeckQuestions with its questions. */
  save(deck: Deck, options: { origin: Exclude<DeckOrigin, 'builtin'>; now: number }): Promise<void>
  /** Saved user and imported decks (built-in decks ship with the app). */
  list(): Promise<SavedDeckInfo[]>
  get(id: string): Promise<Deck | undefined>
  /**
   * A small read whatever the deck's size: its title, version and the digests of its content and of
   * its last sync; undefined when the deck was never saved nor synced.
   */
  head(id: string): Promise<DeckHead | undefined>
  /** Removes a saved deck; its cards are retired (progress and log kept, so re-importing restores them). */
  delete(id: string): Promise<void>
}

/** Decks followed at a teacher's URL (reads; writes go through saveSubscribedDeck and friends). */
export interface SubscriptionsRepository {
  get(deckId: string): Promise<DeckSubscription | undefined>
  list(): Promise<DeckSubscription[]>
}

export interface DeckHead {
  id: string
  title: string
  version: string
  /** deckContentHash of the saved deck; absent for a built-in deck (the app has its content). */
  contentHash?: string
  /**
   * fingerprintsDigest of what the deck's questions were last synced to (see syncDeckQuestions);
   * absent before the first sync.
   */
  fingerprintsDigest?: string
}

/** A deck's cached questions, with what opening the deck reads of them. */
export interface CachedQuestions {
  bank: CompactQuestions
  /** fingerprintsDigest of the questions' deckFingerprints: compare with DeckHead.fingerprintsDigest. */
  fingerprintsDigest: string
  questionCount: number
  cardCount: number
}

/** A deck's generated questions, kept so that opening the deck again need not generate them. */
export interface QuestionCacheRepository {
  /** Questions per stored part (QUESTION_CACHE_PART): what `put`'s parts are compacted at. */
  readonly partSize: number
  /** The questions stored for the deck under `key` (see deckQuestionsKey), or undefined. */
  get(deckId: string, key: string): Promise<CachedQuestions | undefined>
  /**
   * Replaces whatever the deck had cached, in one transaction, with these parts (compacted at
   * `partSize` questions each, as the deck-questions service generates them), read one at a time;
   * `stubs` are theirs (the digest and counts stored with them). A deck not stored (deleted since) gets none.
   */
  put(deckId: string, key: string, questions: { parts: PartSource; stubs: QuestionStubs }): Promise<void>
  delete(deckId: string): Promise<void>
}

/**
 * The card browser's rows kept beside a deck's cached questions (made from them, they are read
 * instead of the questions): packed parts, under the questions' key. Writing or deleting the
 * deck's questions drops them.
 */
export interface RowsCacheRepository {
  /** How many parts of rows are stored for the questions cached under `key`, or undefined when none are. */
  parts(deckId: string, key: string): Promise<number | undefined>
  /** One part, packed as `put` got it, or undefined when it is gone or another key's. */
  part(deckId: string, key: string, part: number): Promise<Uint8Array | undefined>
  /**
   * Stores the rows of the questions cached under `key`, a packed part each, in one transaction,
   * replacing those stored before; nothing when the questions cached are not (or no longer) that key's.
   */
  put(deckId: string, key: string, parts: readonly Uint8Array[]): Promise<void>
}

/** A card to act on: its id, and its fingerprint (stored if the card was never studied). */
export interface CardRef {
  cardId: string
  fingerprint: string
}

/** A deleted deck, for "Undo" (restoreDeck) while this tab is open. */
export interface DeletedDeck {
  readonly deckId: string
  readonly title: string
  readonly cards: number
  readonly reviews: number
}

export type VersionChangeListener = (event: { newVersion: number | null }) => void

export interface Storage {
  readonly name: string
  /** ONE transaction: reads the card, schedules it, writes its new state, the log entry and the session. */
  recordReview(input: RecordReviewInput): Promise<RecordedReview>
  /** A quiz answer updates the card too: wrong → Again, right → Good (Hard when slow); see quizGrade. */
  recordQuizAnswer(input: RecordQuizAnswerInput): Promise<RecordedReview>
  /** ONE transaction: puts back the card's state from before a review, deletes its log entry, saves the session. */
  undoReview(input: UndoReviewInput): Promise<void>
  /** The scheduler with the stored desired retention (for the intervals on the grade buttons). */
  scheduler(): Promise<Scheduler>
  /** Grade-button intervals for a card (a card never studied is previewed as new). */
  previewIntervals(cardId: string, now: number): Promise<Record<Grade, IntervalPreview>>
  /**
   * Keep progress of unchanged cards, restart changed ones, retire removed ones. A deck not stored is
   * stored by its sync (a built-in deck's first), or with `stored` (the caller read it from storage,
   * so it was deleted since) a DeckDeletedError, nothing written.
   */
  syncDeckQuestions(
    deckId: string,
    questions: SyncedQuestions,
    now: number,
    deckMeta?: { title?: string; version?: string; stored?: boolean },
  ): Promise<DeckChangeSummary>
  /**
   * Starts loading what syncDeckQuestions runs (it loads on first use), for a caller that will sync
   * once other work is done: the code then arrives meanwhile.
   */
  preloadDeckSync(): void
  /** ONE transaction: the deck, its cards, reviews, quiz attempts and sessions are gone. */
  deleteDeck(deckId: string): Promise<DeletedDeck>
  /** Puts a deleted deck back exactly as it was (ONE transaction). */
  restoreDeck(deleted: DeletedDeck): Promise<void>
  /** A saved deck's new title (built-in decks keep theirs). */
  renameDeck(deckId: string, title: string): Promise<void>
  /**
   * ONE transaction: a saved deck with one hand-written card edited (`deck` as editHandCard made it).
   * `fingerprint`: the card's new one (handCardFingerprint); with `keepProgress` the card's progress
   * moves onto it, so the next syncDeckQuestions keeps it; without, that sync restarts the card.
   */
  saveEditedCard(
    deck: Deck,
    edit: { cardId: string; fingerprint: string; keepProgress: boolean },
    now: number,
  ): Promise<void>
  /** The deck's cards (or the chosen ones) back to new; the log is kept. Returns how many were stored. */
  resetProgress(deckId: string, now: number, cardIds?: readonly string[]): Promise<number>
  /** Suspends or unsuspends the cards: the study queue and due counts skip suspended cards. */
  suspendCards(deckId: string, cards: readonly CardRef[], suspended: boolean, now: number): Promise<void>
  /** Buries the cards until `until` (0 unburies): the study queue skips them until then. */
  buryCards(deckId: string, cards: readonly CardRef[], until: number, now: number): Promise<void>
  /**
   * ONE transaction: stores the deck (origin 'imported'), syncs its questions (unchanged ones keep
   * their progress) and the subscription record with the version now held.
   */
  saveSubscribedDeck(input: {
    deck: Deck
    questions: readonly Pick<Question, 'cardId' | 'fingerprint'>[]
    subscription: DeckSubscription
    now: number
  }): Promise<DeckChangeSummary>
  /** A check found nothing new: remember when, and the validators the site sent. */
  recordSubscriptionCheck(
    deckId: string,
    patch: Pick<DeckSubscription, 'checkedAt'> &
      Partial<Pick<DeckSubscription, 'etag' | 'lastModified' | 'versionHash'>>,
  ): Promise<void>
  /** Whether the deck's updates are applied without asking. */
  setSubscriptionAutoUpdate(deckId: string, autoUpdate: boolean): Promise<void>
  /** Stops following the deck's URL; the deck stays as a local copy. */
  unsubscribe(deckId: string): Promise<void>
  exportBackup(now?: number): Promise<BackupV1>
  /**
   * Validates first (BackupFormatError, nothing changed), repairs times from a clock that was
   * ahead (`now`: the current time), then writes all or nothing, reporting progress.
   */
  importBackup(
    json: unknown,
    options: {
      mode: ImportMode
      now?: number
      onProgress?: (progress: BackupProgress) => void
      pause?: () => Promise<void>
    },
  ): Promise<ImportResult>
  /** Another tab wants to upgrade or delete the database: this one is closed; show "reload". Returns an unsubscribe. */
  onVersionChange(listener: VersionChangeListener): () => void
  close(): void
  cards: CardsRepository
  reviews: ReviewsRepository
  settings: SettingsRepository
  sessions: SessionsRepository
  quizAttempts: QuizAttemptsRepository
  decks: DecksRepository
  questionCache: QuestionCacheRepository
  /** The card rows cached with the questions (its code loads on the first call). */
  rowsCache(): Promise<RowsCacheRepository>
  subscriptions: SubscriptionsRepository
}
