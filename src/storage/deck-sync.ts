// A deck came back with new content (same id): apply the pure plan in one transaction.
import type { Question } from '../domain/questions/types'
import { planDeckSync, type DeckChangeSummary } from '../domain/study/deck-diff'
import type { DeckRow, StavratonDB } from './db'
import { writeDeckFingerprints } from './deck-rows'
import { deckCardRows } from './repositories'
import { fromCardRow, toCardRow } from './rows'

export function syncDeckQuestions(
  db: StavratonDB,
  deckId: string,
  questions: readonly Pick<Question, 'cardId' | 'fingerprint'>[],
  now: number,
  meta: { title?: string; version?: string } = {},
): Promise<DeckChangeSummary> {
  return db.transaction('rw', deckSyncTables(db), async () => {
    const [row, prints] = await Promise.all([db.decks.get(deckId), db.deckFingerprints.get(deckId)])
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
  questions: readonly Pick<Question, 'cardId' | 'fingerprint'>[],
  version: string | undefined,
): DeckChangeSummary | undefined {
  if (version !== undefined && version !== synced.version) return undefined
  // As comparing with deckFingerprints(questions) (each card's first fingerprint), without building it.
  const known = synced.fingerprints
  const seen = new Set<string>()
  for (const q of questions) {
    if (seen.has(q.cardId)) continue
    seen.add(q.cardId)
    if (!Object.hasOwn(known, q.cardId) || known[q.cardId] !== q.fingerprint) return undefined
  }
  const unchanged = Object.keys(known)
  if (unchanged.length !== seen.size) return undefined
  return { added: [], changed: [], removed: [], unchanged, firstSync: unchanged.length === 0 }
}
