// Export and import of the whole progress (Settings → Export / Import progress).
//
// Import validates the file first (BackupFormatError, nothing changed), then writes in ONE
// transaction, so a failure half-way leaves the database as it was.
// - replace: every table is emptied (sessions in progress too), then filled from the backup; review
//   and quiz-attempt ids are kept, so export → replace → export gives the same file.
// - merge: the two histories are joined.
//   · cards: the one reviewed last wins (state.lastReview; a card never reviewed loses; a tie keeps the local one);
//   · reviews: deduplicated by (cardId, at); new ones get new ids;
//   · quiz attempts: deduplicated by (deckId, finishedAt);
//   · decks: the one saved last wins; a deck only one side has is added;
//   · settings and sessions in progress: the local ones are kept.
//   A card's state is not recomputed from the joined log: the newer state already reflects the
//   longer history in the usual case (one device used after the other).
import { DEFAULT_SETTINGS } from '../domain/study/settings'
import type { StavratonDB } from './db'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseBackup,
  type BackupV1,
  type ImportMode,
  type ImportResult,
} from './backup-schema'
import { readSettings, SETTINGS_KEY } from './repositories'
import { fromCardRow, toCardRow } from './rows'

export async function exportBackup(db: StavratonDB, now: number): Promise<BackupV1> {
  return db.transaction('r', [db.decks, db.cards, db.reviews, db.quizAttempts, db.settings], async () => {
    const [decks, cards, reviews, quizAttempts, settings] = await Promise.all([
      db.decks.toArray(),
      db.cards.toArray(),
      db.reviews.toArray(),
      db.quizAttempts.toArray(),
      readSettings(db),
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
    }
  })
}

const sep = '\u0000'

export async function importBackup(db: StavratonDB, json: unknown, mode: ImportMode): Promise<ImportResult> {
  const backup = parseBackup(json)
  const tables = [db.decks, db.cards, db.reviews, db.quizAttempts, db.settings, db.sessions]
  return db.transaction('rw', tables, async () => (mode === 'replace' ? replace(db, backup) : merge(db, backup)))
}

async function replace(db: StavratonDB, backup: BackupV1): Promise<ImportResult> {
  await Promise.all([
    db.decks.clear(),
    db.cards.clear(),
    db.reviews.clear(),
    db.quizAttempts.clear(),
    db.settings.clear(),
    db.sessions.clear(),
  ])
  await db.decks.bulkAdd(backup.decks)
  await db.cards.bulkAdd(backup.cards.map(toCardRow))
  await db.reviews.bulkAdd(backup.reviews)
  await db.quizAttempts.bulkAdd(backup.quizAttempts)
  await db.settings.put({ ...DEFAULT_SETTINGS, ...backup.settings, id: SETTINGS_KEY })
  const written = {
    decks: backup.decks.length,
    cards: backup.cards.length,
    reviews: backup.reviews.length,
    quizAttempts: backup.quizAttempts.length,
  }
  return { mode: 'replace', written, skipped: { decks: 0, cards: 0, reviews: 0, quizAttempts: 0 } }
}

async function merge(db: StavratonDB, backup: BackupV1): Promise<ImportResult> {
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

  await db.decks.bulkPut(decks)
  await db.cards.bulkPut(cards.map(toCardRow))
  await db.reviews.bulkAdd(reviews)
  await db.quizAttempts.bulkAdd(quizAttempts)
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

/** True the first time a key is seen (then remembers it): dedupes against the database and within the file. */
function firstTime(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false
  seen.add(key)
  return true
}
