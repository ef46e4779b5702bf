// What a learner does to a deck or to chosen cards from the deck page and the card browser:
// rename, delete (with everything it holds) and restore, reset progress, suspend and bury, edit a
// hand-written card in place. Each
// is one transaction. Loaded on first use.
import Dexie from 'dexie'
import type { Deck } from '../domain/deck/types'
import { newCardState } from '../domain/scheduling/new-card'
import type { StavratonDB } from './db'
import type { CardRow, QuizAttemptRow, ReviewRow, SessionRow, SubscriptionRow } from './db'
import {
  deckRowTables,
  deleteDeckRows,
  readDeckRecord,
  writeDeckContent,
  writeDeckRecord,
  type DeckRecord,
} from './deck-rows'
import { cacheRows, deckCardRows } from './repositories'
import { plain } from './rows'
import type { CardRef, DeletedDeck } from './types'

interface DeletedRows {
  deck: DeckRecord | undefined
  cards: CardRow[]
  reviews: ReviewRow[]
  quizAttempts: QuizAttemptRow[]
  sessions: SessionRow[]
  subscription: SubscriptionRow | undefined
}

/** The rows of each deletion, for restoreDeck; never leave this module. */
const deletions = new WeakMap<DeletedDeck, DeletedRows>()

const deckTables = (db: StavratonDB) => [
  ...deckRowTables(db),
  db.cards,
  db.reviews,
  db.quizAttempts,
  db.sessions,
  db.questionCache,
  db.subscriptions,
]

const reviewsOf = (db: StavratonDB, deckId: string) =>
  db.reviews.where('[deckId+at]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true)
const quizAttemptsOf = (db: StavratonDB, deckId: string) =>
  db.quizAttempts.where('[deckId+finishedAt]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true)

/** Removes the deck, its cards, reviews, quiz attempts, sessions and cached questions: all or nothing. */
export function deleteDeck(db: StavratonDB, deckId: string): Promise<DeletedDeck> {
  return db.transaction('rw', deckTables(db), async () => {
    const rows: DeletedRows = {
      deck: await readDeckRecord(db, deckId),
      cards: await deckCardRows(db, deckId).toArray(),
      reviews: await reviewsOf(db, deckId).toArray(),
      quizAttempts: await quizAttemptsOf(db, deckId).toArray(),
      sessions: await db.sessions.where('deckId').equals(deckId).toArray(),
      subscription: await db.subscriptions.get(deckId),
    }
    await deleteDeckRows(db, deckId)
    await db.cards.bulkDelete(rows.cards.map((c) => c.cardId))
    await db.reviews.bulkDelete(rows.reviews.map((r) => r.id as number))
    await db.quizAttempts.bulkDelete(rows.quizAttempts.map((a) => a.id as number))
    await db.sessions.bulkDelete(rows.sessions.map((s) => s.id))
    await db.subscriptions.delete(deckId)
    // Derived from the deck: not kept for Undo (a restored deck generates its questions again).
    await cacheRows(db, deckId).delete()
    const deleted: DeletedDeck = {
      deckId,
      title: rows.deck?.title ?? deckId,
      cards: rows.cards.length,
      reviews: rows.reviews.length,
    }
    deletions.set(deleted, rows)
    return deleted
  })
}

/** Puts back everything deleteDeck removed (the same rows, review ids included). */
export function restoreDeck(db: StavratonDB, deleted: DeletedDeck): Promise<void> {
  const rows = deletions.get(deleted)
  if (!rows) return Promise.reject(new Error('This deck can no longer be restored.'))
  return db.transaction('rw', deckTables(db), async () => {
    if (rows.deck) await writeDeckRecord(db, rows.deck)
    await db.cards.bulkPut(rows.cards)
    await db.reviews.bulkPut(rows.reviews)
    await db.quizAttempts.bulkPut(rows.quizAttempts)
    await db.sessions.bulkPut(rows.sessions)
    if (rows.subscription) await db.subscriptions.put(rows.subscription)
    deletions.delete(deleted)
  })
}

/** A saved deck's new title, in its row and in the deck it holds. Built-in decks keep theirs. */
export function renameDeck(db: StavratonDB, deckId: string, title: string): Promise<void> {
  const trimmed = title.trim()
  if (!trimmed) return Promise.reject(new Error('A deck needs a title.'))
  return db.transaction('rw', db.decks, db.deckContents, async () => {
    const [row, content] = await Promise.all([db.decks.get(deckId), db.deckContents.get(deckId)])
    if (!row || !content || row.origin === 'builtin') throw new Error('Only decks in your library can be renamed.')
    await writeDeckContent(db, { ...content.deck, title: trimmed }, row)
  })
}

/**
 * Progress back to new: every card of the deck (no `cardIds`) or the chosen ones, and the deck's
 * study session. The review log stays (it is what happened); suspension stays too.
 */
export function resetProgress(
  db: StavratonDB,
  deckId: string,
  now: number,
  cardIds?: readonly string[],
): Promise<number> {
  return db.transaction('rw', [db.cards, db.sessions], async () => {
    const rows = cardIds
      ? (await db.cards.bulkGet([...cardIds])).filter((r): r is CardRow => r?.deckId === deckId)
      : await deckCardRows(db, deckId).toArray()
    const state = newCardState(now)
    await db.cards.bulkPut(rows.map((r) => ({ ...r, state, due: state.due, buriedUntil: 0 })))
    await db.sessions.where('deckId').equals(deckId).delete()
    return rows.length
  })
}

/**
 * Sets `suspended` or `buriedUntil` on the chosen cards, creating rows (as new) for cards never
 * studied, so a card can be set aside before its first review.
 */
export function setAside(
  db: StavratonDB,
  deckId: string,
  cards: readonly CardRef[],
  change: { suspended?: boolean; buriedUntil?: number },
  now: number,
): Promise<void> {
  return db.transaction('rw', db.cards, async () => {
    const existing = await db.cards.bulkGet(cards.map((c) => c.cardId))
    const rows: CardRow[] = cards.map((card, i) => {
      const row = existing[i]
      const base: CardRow = row ?? {
        cardId: card.cardId,
        deckId,
        fingerprint: card.fingerprint,
        retired: 0,
        due: now,
        state: newCardState(now),
        suspended: 0,
        buriedUntil: 0,
      }
      return {
        ...base,
        ...(change.suspended === undefined ? {} : { suspended: change.suspended ? 1 : 0 }),
        ...(change.buriedUntil === undefined ? {} : { buriedUntil: change.buriedUntil }),
      }
    })
    await db.cards.bulkPut(rows)
  })
}

/**
 * A saved deck with one hand-written card edited in place, in ONE transaction. With `keepProgress`
 * (only the wording changed) the card's progress moves onto its new fingerprint, so the next sync
 * of the deck's questions finds it unchanged; without it the sync restarts the card as new. The
 * deck's cached questions are dropped: they are generated again from the edited deck.
 */
export function saveEditedCard(
  db: StavratonDB,
  deck: Deck,
  edit: { cardId: string; fingerprint: string; keepProgress: boolean },
  now: number,
): Promise<void> {
  return db.transaction('rw', [...deckRowTables(db), db.cards, db.questionCache], async () => {
    const row = await readDeckRecord(db, deck.id)
    if (!row?.deck || row.origin === 'builtin') throw new Error('Only decks in your library can be edited.')
    // Card ids come from deck text: a Map, then own properties only.
    const fingerprints = new Map(Object.entries(row.fingerprints))
    if (edit.keepProgress) {
      const card = await db.cards.get(edit.cardId)
      if (card?.deckId === deck.id) await db.cards.put({ ...card, fingerprint: edit.fingerprint })
      if (fingerprints.has(edit.cardId)) fingerprints.set(edit.cardId, edit.fingerprint)
    }
    await writeDeckRecord(db, {
      ...row,
      title: deck.title,
      version: deck.version,
      deck: plain(deck),
      savedAt: now,
      fingerprints: Object.fromEntries(fingerprints),
    })
    await cacheRows(db, deck.id).delete()
  })
}
