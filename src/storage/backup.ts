// Export and import of the whole progress (Settings → Export / Import progress).
//
// Import validates the file first (BackupFormatError, nothing changed), then writes in ONE
// transaction, so a failure half-way leaves the database as it was.
// - replace: every table is emptied, then filled from the backup (the session in progress too);
//   review and quiz-attempt ids are kept, so export → replace → export gives the same file.
// - merge: the two histories are joined.
//   · cards: the one reviewed last wins (state.lastReview; a card never reviewed loses; a tie keeps the local one);
//   · reviews: deduplicated by (cardId, at); new ones get new ids;
//   · quiz attempts: deduplicated by (deckId, finishedAt);
//   · decks: the one saved last wins; a deck only one side has is added;
//   · settings: the local ones are kept, unless this device has no progress yet (then the backup's);
//   · subscriptions: a local one is kept (it knows the version this device holds); one only the
//     backup has is added;
//   · sessions in progress: a local one is kept; one only the backup has is added, without its
//     undo history (the reviews it would undo got new ids).
//   A card's state is not recomputed from the joined log: the newer state already reflects the
//   longer history in the usual case (one device used after the other).
import { DEFAULT_SETTINGS } from '../domain/study/settings'
import type { StudySession } from '../domain/study/types'
import type { StavratonDB } from './db'
import { checkBackupDecks, repairBackupTimes } from './backup-check'
import { deckRowTables, readDeckRecords, writeDeckRecords } from './deck-rows'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseBackup,
  type BackupV1,
  type ImportMode,
  type ImportResult,
  type ParseBackupHooks,
} from './backup-schema'
import { readSettings, SETTINGS_KEY } from './repositories'
import { fromCardRow, toCardRow } from './rows'

/** The tables a backup reads and writes (not the question cache: it is derived from the decks). */
const backupTables = (db: StavratonDB) => [
  ...deckRowTables(db),
  db.cards,
  db.reviews,
  db.quizAttempts,
  db.settings,
  db.sessions,
  db.subscriptions,
]

export async function exportBackup(db: StavratonDB, now: number): Promise<BackupV1> {
  return db.transaction('r', backupTables(db), async () => {
    const [decks, cards, reviews, quizAttempts, settings, sessions, subscriptions] = await Promise.all([
      readDeckRecords(db),
      db.cards.toArray(),
      db.reviews.toArray(),
      db.quizAttempts.toArray(),
      readSettings(db),
      db.sessions.toArray(),
      db.subscriptions.toArray(),
    ])
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      decks,
      cards: cards.map(fromCardRow),
      reviews,
      quizAttempts,
      settings,
      sessions,
      subscriptions,
    }
  })
}

const sep = '\u0000'

export interface ImportBackupOptions extends ParseBackupHooks {
  mode: ImportMode
  /** Times later than this are from a clock that was ahead (see backup-check.ts). */
  now: number
}

/** Rows written per request inside the one transaction, with progress reported between them. */
const WRITE_CHUNK = 10_000

export async function importBackup(
  db: StavratonDB,
  json: unknown,
  options: ImportBackupOptions,
): Promise<ImportResult> {
  const { mode, now, onProgress } = options
  const parsed = checkBackupDecks(await parseBackup(json, options))
  const { backup, repairs } = repairBackupTimes(parsed, now)
  const total = backup.cards.length + backup.reviews.length + backup.quizAttempts.length
  let done = 0
  /** bulkAdd/bulkPut in chunks: only IndexedDB requests are awaited, so the transaction stays open. */
  const write = async <T>(rows: readonly T[], put: (chunk: T[]) => Promise<unknown>) => {
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      const chunk = rows.slice(start, start + WRITE_CHUNK)
      await put(chunk)
      done += chunk.length
      onProgress?.({ step: 'writing', done, total })
    }
  }
  const result = await db.transaction('rw', backupTables(db), async () =>
    mode === 'replace' ? replace(db, backup, write) : merge(db, backup, write),
  )
  return { ...result, repairs }
}

type Write = <T>(rows: readonly T[], put: (chunk: T[]) => Promise<unknown>) => Promise<void>

async function replace(db: StavratonDB, backup: BackupV1, write: Write): Promise<Omit<ImportResult, 'repairs'>> {
  await Promise.all([
    ...deckRowTables(db).map((table) => table.clear()),
    db.cards.clear(),
    db.reviews.clear(),
    db.quizAttempts.clear(),
    db.settings.clear(),
    db.sessions.clear(),
    db.subscriptions.clear(),
  ])
  await writeDeckRecords(db, backup.decks, true)
  await write(backup.cards.map(toCardRow), (rows) => db.cards.bulkAdd(rows))
  await write(backup.reviews, (rows) => db.reviews.bulkAdd(rows))
  await write(backup.quizAttempts, (rows) => db.quizAttempts.bulkAdd(rows))
  await db.settings.put({ ...DEFAULT_SETTINGS, ...backup.settings, id: SETTINGS_KEY })
  if (backup.sessions?.length) await db.sessions.bulkAdd(backup.sessions)
  if (backup.subscriptions?.length) await db.subscriptions.bulkAdd(backup.subscriptions)
  const written = {
    decks: backup.decks.length,
    cards: backup.cards.length,
    reviews: backup.reviews.length,
    quizAttempts: backup.quizAttempts.length,
  }
  return { mode: 'replace', written, skipped: { decks: 0, cards: 0, reviews: 0, quizAttempts: 0 } }
}

async function merge(db: StavratonDB, backup: BackupV1, write: Write): Promise<Omit<ImportResult, 'repairs'>> {
  // A device with no progress yet takes the backup's settings as well.
  const fresh = (await db.cards.count()) === 0 && (await db.reviews.count()) === 0
  const localSessions = new Set((await db.sessions.toCollection().primaryKeys()) as string[])
  const sessions = (backup.sessions ?? []).filter((session) => !localSessions.has(session.id)).map(withoutUndo)
  const localDecks = await db.decks.bulkGet(backup.decks.map((d) => d.id))
  const decks = backup.decks.filter((d, i) => {
    const local = localDecks[i]
    return !local || d.savedAt > local.savedAt
  })

  const localCards = await db.cards.bulkGet(backup.cards.map((c) => c.cardId))
  const cards = backup.cards.filter((c, i) => {
    const local = localCards[i]
    return !local || (c.state.lastReview ?? -Infinity) > (local.state.lastReview ?? -Infinity)
  })

  const reviewKeys = new Set(
    (await db.reviews.orderBy('[cardId+at]').keys()).map((k) => (k as unknown as [string, number]).join(sep)),
  )
  const reviews = backup.reviews
    .filter((r) => firstTime(reviewKeys, `${r.cardId}${sep}${r.at}`))
    .map(({ id: _id, ...rest }) => rest)

  const attemptKeys = new Set(
    (await db.quizAttempts.orderBy('[deckId+finishedAt]').keys()).map((k) =>
      (k as unknown as [string, number]).join(sep),
    ),
  )
  const quizAttempts = backup.quizAttempts
    .filter((q) => firstTime(attemptKeys, `${q.deckId}${sep}${q.finishedAt}`))
    .map(({ id: _id, ...rest }) => rest)

  await writeDeckRecords(db, decks)
  await write(cards.map(toCardRow), (rows) => db.cards.bulkPut(rows))
  await write(reviews, (rows) => db.reviews.bulkAdd(rows))
  await write(quizAttempts, (rows) => db.quizAttempts.bulkAdd(rows))
  if (fresh) await db.settings.put({ ...DEFAULT_SETTINGS, ...backup.settings, id: SETTINGS_KEY })
  if (sessions.length) await db.sessions.bulkAdd(sessions)
  const localSubscriptions = new Set((await db.subscriptions.toCollection().primaryKeys()) as string[])
  const subscriptions = (backup.subscriptions ?? []).filter((s) => !localSubscriptions.has(s.deckId))
  if (subscriptions.length) await db.subscriptions.bulkAdd(subscriptions)
  const written = {
    decks: decks.length,
    cards: cards.length,
    reviews: reviews.length,
    quizAttempts: quizAttempts.length,
  }
  const skipped = {
    decks: backup.decks.length - decks.length,
    cards: backup.cards.length - cards.length,
    reviews: backup.reviews.length - reviews.length,
    quizAttempts: backup.quizAttempts.length - quizAttempts.length,
  }
  return { mode: 'merge', written, skipped }
}

/** The session without what undoing its answers needs: in a merge, the reviews it names got new ids. */
function withoutUndo(session: StudySession): StudySession {
  return { ...session, answers: session.answers.map(({ undo: _undo, ...answer }) => answer) }
}

/** True the first time a key is seen (then remembers it): dedupes against the database and within the file. */
function firstTime(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false
  seen.add(key)
  return true
}
