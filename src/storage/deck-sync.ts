// A deck came back with new content (same id): apply the pure plan in one transaction.
import { planDeckSync, type DeckChangeSummary } from '../domain/study/deck-diff'
import { fingerprintsByCard, type SyncedQuestions } from '../domain/study/fingerprints'
import type { DeckRow, StavratonDB } from './db'
import { writeDeckFingerprints } from './deck-rows'
import { DeckDeletedError } from './errors'
import { deckCardRows } from './repositories'
import { fromCardRow, toCardRow } from './rows'

export function syncDeckQuestions(
  db: StavratonDB,
  deckId: string,
  questions: SyncedQuestions,
  now: number,
  meta: { title?: string; version?: string; stored?: boolean } = {},
): Promise<DeckChangeSummary> {
  return db.transaction('rw', deckSyncTables(db), async () => {
    const [row, prints] = await Promise.all([db.decks.get(deckId), db.deckFingerprints.get(deckId)])
    // A deck read from storage and gone now was deleted meanwhile: its cards must not come back.
    if (!row && meta.stored) throw new DeckDeletedError(deckId)
    const known = prints?.fingerprints ?? {}
    // The usual case at every start: nothing changed, so the deck's cards need not be read.
    const unchanged = row && unchangedSync({ version: row.version, fingerprints: known }, questions, meta.version)
    if (unchanged && row.printsDigest !== undefined) return unchanged
    const stored = (await deckCardRows(db, deckId).toArray()).map(fromCardRow)
    const plan = planDeckSync({ known, stored, questions, now })
    if (plan.updates.length) await db.cards.bulkPut(plan.updates.map(toCardRow))
    const head: DeckRow = {
      ...(row ?? {
        id: deckId,
        origin: 'builtin',
        title: meta.title ?? deckId,
        version: meta.version ?? '',
        savedAt: now,
      }),
      ...(meta.title === undefined ? {} : { title: meta.title }),
      ...(meta.version === undefined ? {} : { version: meta.version }),
      syncedAt: now,
    }
    await writeDeckFingerprints(db, head, plan.fingerprints)
    return plan.summary
  })
}

/** The tables syncDeckQuestions writes: a transaction around it must hold them. */
export const deckSyncTables = (db: StavratonDB) => [db.decks, db.deckFingerprints, db.cards]

/**
 * The summary of a sync that would change nothing (the deck's version and every card's fingerprint
 * are as last synced), or undefined.
 */
export function unchangedSync(
  synced: { version: string; fingerprints: Readonly<Record<string, string>> },
  questions: SyncedQuestions,
  version: string | undefined,
): DeckChangeSummary | undefined {
  if (version !== undefined && version !== synced.version) return undefined
  // As comparing with deckFingerprints(questions) (each card's first fingerprint), without building it.
  const known = synced.fingerprints
  const cards = fingerprintsByCard(questions)
  for (let c = 0; c < cards.cardCount; c++) {
    const cardId = cards.cardId(c)
    if (!Object.hasOwn(known, cardId) || known[cardId] !== cards.cardFingerprint(c)) return undefined
  }
  const unchanged = Object.keys(known)
  if (unchanged.length !== cards.cardCount) return undefined
  return { added: [], changed: [], removed: [], unchanged, firstSync: unchanged.length === 0 }
}
