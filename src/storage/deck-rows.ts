// A deck is stored in three rows (see db.ts): a small head (title, version, digests), its content
// and the fingerprints of its last sync. Every write goes through here, so each head's digests
// always describe the rows beside it: a deck saved, edited, renamed, imported or restored never
// keeps the hash of its old content (which would open its old cached questions).
import type { Deck } from '../domain/deck/types'
import { deckContentHash } from '../domain/questions/cache-key'
import { fingerprintsDigest } from '../domain/study/fingerprints'
import type { BackupDeck } from './backup-schema'
import type { DeckRow, StavratonDB } from './db'
import { plain } from './rows'

/**
 * A deck with everything stored about it, in one object: the shape a backup holds it in (and Undo
 * keeps it in), whatever rows the schema splits it into.
 */
export type DeckRecord = BackupDeck

/** The tables a deck's rows are in: a transaction that reads or writes a whole deck needs all three. */
export const deckRowTables = (db: StavratonDB) => [db.decks, db.deckContents, db.deckFingerprints]

function recordOf(head: DeckRow, deck: Deck | undefined, fingerprints: Record<string, string> | undefined): DeckRecord {
  return {
    id: head.id,
    origin: head.origin,
    title: head.title,
    version: head.version,
    ...(deck ? { deck } : {}),
    savedAt: head.savedAt,
    fingerprints: fingerprints ?? {},
    ...(head.syncedAt === undefined ? {} : { syncedAt: head.syncedAt }),
  }
}

export async function readDeckRecord(db: StavratonDB, id: string): Promise<DeckRecord | undefined> {
  const head = await db.decks.get(id)
  if (!head) return undefined
  const [content, prints] = await Promise.all([db.deckContents.get(id), db.deckFingerprints.get(id)])
  return recordOf(head, content?.deck, prints?.fingerprints)
}

export async function readDeckRecords(db: StavratonDB): Promise<DeckRecord[]> {
  const [heads, contents, prints] = await Promise.all([
    db.decks.toArray(),
    db.deckContents.toArray(),
    db.deckFingerprints.toArray(),
  ])
  const deckOf = new Map(contents.map((c) => [c.id, c.deck]))
  const printsOf = new Map(prints.map((p) => [p.id, p.fingerprints]))
  return heads.map((head) => recordOf(head, deckOf.get(head.id), printsOf.get(head.id)))
}

/**
 * Writes whole decks (replacing what each had: content, fingerprints), each head with its digests.
 * `add`: fail (ConstraintError) if a deck is there already, or twice in `records`.
 */
export async function writeDeckRecords(db: StavratonDB, records: readonly DeckRecord[], add = false): Promise<void> {
  const heads: DeckRow[] = []
  const contents = []
  const prints = []
  const withoutContent: string[] = []
  for (const { deck, fingerprints, ...rest } of records) {
    const head: DeckRow = { ...rest, printsDigest: fingerprintsDigest(fingerprints) }
    if (deck) {
      contents.push({ id: rest.id, deck })
      head.contentHash = deckContentHash(deck)
    } else withoutContent.push(rest.id)
    prints.push({ id: rest.id, fingerprints })
    heads.push(head)
  }
  await db.deckContents.bulkDelete(withoutContent)
  await db.deckContents.bulkPut(contents)
  await db.deckFingerprints.bulkPut(prints)
  await (add ? db.decks.bulkAdd(heads) : db.decks.bulkPut(heads))
}

export const writeDeckRecord = (db: StavratonDB, record: DeckRecord) => writeDeckRecords(db, [record])

/**
 * A deck's new content under its head (title, version and hash follow the deck); the fingerprints
 * of its last sync stay as they are.
 */
export async function writeDeckContent(
  db: StavratonDB,
  deck: Deck,
  head: Omit<DeckRow, 'title' | 'version' | 'contentHash'>,
): Promise<void> {
  const stored = plain(deck)
  await db.deckContents.put({ id: deck.id, deck: stored })
  await db.decks.put({
    ...head,
    id: deck.id,
    title: deck.title,
    version: deck.version,
    contentHash: deckContentHash(stored),
  })
}

/** The fingerprints a sync remembers, and their digest in the deck's head. */
export async function writeDeckFingerprints(
  db: StavratonDB,
  head: DeckRow,
  fingerprints: Record<string, string>,
): Promise<void> {
  await db.deckFingerprints.put({ id: head.id, fingerprints })
  await db.decks.put({ ...head, printsDigest: fingerprintsDigest(fingerprints) })
}

export async function deleteDeckRows(db: StavratonDB, id: string): Promise<void> {
  await Promise.all([db.decks.delete(id), db.deckContents.delete(id), db.deckFingerprints.delete(id)])
}
