// The database: one typed Dexie subclass and the history of its schema.
// Every released version stays declared here; data moves between shapes only inside `.upgrade()`.
// Row types are storage-only: repositories convert them to domain types (./rows.ts).
import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie'
import type { Deck } from '../domain/deck/types'
import { deckContentHash } from '../domain/questions/cache-key'
import type { CompactPart } from '../domain/questions/compact'
import { fingerprintsDigest } from '../domain/study/fingerprints'
import type { CardState } from '../domain/scheduling/types'
import type { QuizAttempt, ReviewRecord, StudySession } from '../domain/study/types'
import type { Settings } from '../domain/study/settings'
import type { DeckSubscription } from '../domain/import/subscription'
import { DEFAULT_DB_NAME } from './name'

export { DEFAULT_DB_NAME }

export type DeckOrigin = 'builtin' | 'user' | 'imported'

/**
 * What the library and opening a deck read of it, small whatever the deck's size (since version 5;
 * before, the row held the deck's content and fingerprints too). Its content is in deckContents,
 * the fingerprints its questions were last synced to in deckFingerprints; both are written only
 * with this row (see deck-rows.ts), which carries a digest of each.
 */
export interface DeckRow {
  id: string
  origin: DeckOrigin
  title: string
  version: string
  savedAt: number
  syncedAt?: number
  /** deckContentHash of the deck in deckContents; set exactly when that row exists. */
  contentHash?: string
  /** fingerprintsDigest of the deck's row in deckFingerprints; absent when it was never synced. */
  printsDigest?: string
}

/** The normalized deck, for user-saved and imported decks (built-in decks ship with the app). */
export interface DeckContentRow {
  id: string
  deck: Deck
}

/** card id → fingerprint at the last sync of the deck's questions (see syncDeckQuestions). */
export interface DeckFingerprintsRow {
  id: string
  fingerprints: Record<string, string>
}

/** A deck's row as versions 1–4 stored it (and as backups still hold it). */
interface DeckRowV4 extends Omit<DeckRow, 'contentHash' | 'printsDigest'> {
  deck?: Deck
  fingerprints?: Record<string, string>
}

export interface CardRow {
  cardId: string
  deckId: string
  fingerprint: string
  /** 0 | 1: IndexedDB cannot index booleans. */
  retired: 0 | 1
  /** Copy of state.due for the [deckId+due] index. */
  due: number
  state: CardState
  /** 0 | 1 (since version 3): set aside by the learner, never shown until unsuspended. */
  suspended: 0 | 1
  /** Epoch ms (since version 3): buried until then (the start of the next day); 0 when not buried. */
  buriedUntil: number
}

export type ReviewRow = ReviewRecord
export type QuizAttemptRow = QuizAttempt
export type SettingsRow = Settings & { id: 'settings' }
export type SessionRow = StudySession
/** A deck followed at a teacher's URL (since version 4), keyed by the deck's id. */
export type SubscriptionRow = DeckSubscription

/**
 * Generated questions of a deck, in parts of QUESTION_CACHE_PART questions (one huge record would be
 * slow to write and read back). `key` names what they were generated from (deck content, seed and
 * generator); every part of a deck carries the same key, and a deck has one key at a time. Each
 * part is compact (domain/questions/compact.ts): the columns opening a deck reads, and each
 * question as a line of JSON read when it shows. Rows written before that held `questions`
 * instead, and are read as no cache.
 */
export interface QuestionCacheRow extends Partial<CompactPart> {
  deckId: string
  part: number
  parts: number
  key: string
  /**
   * Part 0 only (rows written before lack them, and are read as no cache): the fingerprintsDigest
   * of the questions' deckFingerprints, and how many questions and cards there are.
   */
  printsDigest?: string
  questionCount?: number
  cardCount?: number
  /** Card rows (see ROWS_PART in repositories.ts): a batch of them, packed (packRows). */
  rows?: Uint8Array
}

export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void> | void
}

/** The schema history. Add a version at the end; never edit a released one (see tests/fixtures/db/README.md). */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      decks: 'id',
      cards: 'cardId, [deckId+due]',
      reviews: '++id, [cardId+at], [deckId+at], at',
      quizAttempts: '++id, [deckId+finishedAt]',
      settings: 'id',
      sessions: 'id, deckId',
    },
  },
  {
    // Generated questions cached per deck: opening a big deck reads them instead of generating again.
    // A new table only: nothing to move, the cache fills on each deck's next opening.
    version: 2,
    stores: { questionCache: '[deckId+part]' },
  },
  {
    // Cards can be suspended and buried: every stored card starts neither.
    version: 3,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('cards')
        .toCollection()
        .modify((row: Partial<CardRow>) => {
          row.suspended ??= 0
          row.buriedUntil ??= 0
        })
    },
  },
  {
    // Decks followed at a URL (a teacher's published file): where to fetch them and which version
    // the library holds. A new table only: no deck was subscribed before, nothing to move.
    version: 4,
    stores: { subscriptions: 'deckId' },
  },
  {
    // A deck's content and its sync fingerprints move out of its row, which keeps a digest of each:
    // opening a 100,000-fact deck then reads a few fields, not its facts, to find its cached questions.
    version: 5,
    stores: { deckContents: 'id', deckFingerprints: 'id' },
    upgrade: async (tx) => {
      const rows = (await tx.table('decks').toArray()) as DeckRowV4[]
      const contents: DeckContentRow[] = []
      const prints: DeckFingerprintsRow[] = []
      const heads: DeckRow[] = rows.map(({ deck, fingerprints, ...row }) => {
        const head: DeckRow = { ...row }
        if (deck) {
          contents.push({ id: row.id, deck })
          head.contentHash = deckContentHash(deck)
        }
        if (fingerprints) {
          prints.push({ id: row.id, fingerprints })
          head.printsDigest = fingerprintsDigest(fingerprints)
        }
        return head
      })
      await tx.table('deckContents').bulkPut(contents)
      await tx.table('deckFingerprints').bulkPut(prints)
      await tx.table('decks').bulkPut(heads)
    },
  },
]

export const CURRENT_SCHEMA_VERSION = (SCHEMA_VERSIONS.at(-1) as SchemaVersion).version

/** Declares the versions up to `upTo` on `db` (tests use it to build an older database). */
export function declareSchema(db: Dexie, upTo = CURRENT_SCHEMA_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break
    const declared = db.version(v.version).stores(v.stores)
    if (v.upgrade) declared.upgrade(v.upgrade)
  }
}

export class StavratonDB extends Dexie {
  declare decks: EntityTable<DeckRow, 'id'>
  declare deckContents: EntityTable<DeckContentRow, 'id'>
  declare deckFingerprints: EntityTable<DeckFingerprintsRow, 'id'>
  declare cards: EntityTable<CardRow, 'cardId'>
  declare reviews: EntityTable<ReviewRow, 'id'>
  declare quizAttempts: EntityTable<QuizAttemptRow, 'id'>
  declare settings: EntityTable<SettingsRow, 'id'>
  declare sessions: EntityTable<SessionRow, 'id'>
  declare questionCache: Table<QuestionCacheRow, [string, number]>
  declare subscriptions: EntityTable<SubscriptionRow, 'deckId'>

  constructor(name = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options)
    declareSchema(this)
  }
}
