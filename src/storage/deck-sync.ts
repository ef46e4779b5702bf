// A deck came back with new content (same id): apply the pure plan in one transaction.
import type { Question } from '../domain/questions/types'
import { deckFingerprints, planDeckSync, type DeckChangeSummary } from '../domain/study/deck-diff'
import type { StavratonDB } from './db'
import { deckCardRows } from './repositories'
import { fromCardRow, toCardRow } from './rows'

export function syncDeckQuestions(
  db: StavratonDB,
  deckId: string,
  questions: readonly Pick<Question, 'cardId' | 'fingerprint'>[],
  now: number,
  meta: { title?: string; version?: string } = {},
): Promise<DeckChangeSummary> {
  return db.transaction('rw', db.decks, db.cards, async () => {
    const row = await db.decks.get(deckId)
    if (
      row &&
      (meta.version === undefined || meta.version === row.version) &&
      sameRecord(row.fingerprints, deckFingerprints(questions))
    ) {
      // The usual case at every start: nothing changed, so the deck's cards need not be read.
      const unchanged = Object.keys(row.fingerprints)
      return { added: [], changed: [], removed: [], unchanged, firstSync: unchanged.length === 0 }
    }
    const stored = (await deckCardRows(db, deckId).toArray()).map(fromCardRow)
    const plan = planDeckSync({ known: row?.fingerprints ?? {}, stored, questions, now })
    if (plan.updates.length) await db.cards.bulkPut(plan.updates.map(toCardRow))
    await db.decks.put({
      ...(row ?? {
        id: deckId,
        origin: 'builtin',
        title: meta.title ?? deckId,
        version: meta.version ?? '',
        savedAt: now,
      }),
      ...(meta.title === undefined ? {} : { title: meta.title }),
      ...(meta.version === undefined ? {} : { version: meta.version }),
      fingerprints: plan.fingerprints,
      syncedAt: now,
    })
    return plan.summary
  })
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}
