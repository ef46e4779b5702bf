// Decks followed at a teacher's URL. Subscribing and updating write the deck, sync its questions
// (unchanged questions keep their progress) and remember the version, in ONE transaction, so a
// failure half-way leaves the library as it was. Loaded on first use.
import type { Deck } from '../domain/deck/types'
import type { DeckSubscription } from '../domain/import/subscription'
import type { Question } from '../domain/questions/types'
import type { DeckChangeSummary } from '../domain/study/deck-diff'
import type { StavratonDB } from './db'
import { writeDeckContent } from './deck-rows'
import { deckSyncTables, syncDeckQuestions } from './deck-sync'
import { savedDeckHead } from './repositories'
import { plain } from './rows'

export interface SubscribedDeckInput {
  deck: Deck
  questions: readonly Pick<Question, 'cardId' | 'fingerprint'>[]
  subscription: DeckSubscription
  now: number
}

/** Stores a subscribed deck's version (first time or update) with its subscription record. */
export function saveSubscribedDeck(
  db: StavratonDB,
  { deck, questions, subscription, now }: SubscribedDeckInput,
): Promise<DeckChangeSummary> {
  if (subscription.deckId !== deck.id)
    return Promise.reject(new Error(`The subscription is for "${subscription.deckId}", not "${deck.id}".`))
  return db.transaction(
    'rw',
    [...deckSyncTables(db), db.deckContents, db.subscriptions, db.questionCache],
    async () => {
      const existing = await db.decks.get(deck.id)
      if (existing?.origin === 'builtin') throw new Error('A built-in deck cannot be followed at a URL.')
      await writeDeckContent(db, deck, savedDeckHead(deck.id, 'imported', now, existing))
      const summary = await syncDeckQuestions(db, deck.id, questions, now, { title: deck.title, version: deck.version })
      await db.subscriptions.put(plain(subscription))
      return summary
    },
  )
}

/** A check that found the library up to date: when it was made, and the validators the site sent. */
export function recordSubscriptionCheck(
  db: StavratonDB,
  deckId: string,
  patch: Pick<DeckSubscription, 'checkedAt'> & Partial<Pick<DeckSubscription, 'etag' | 'lastModified' | 'versionHash'>>,
): Promise<void> {
  return db.transaction('rw', db.subscriptions, async () => {
    const row = await db.subscriptions.get(deckId)
    if (!row) return
    await db.subscriptions.put({ ...row, ...plain(patch) })
  })
}

/** Whether updates are applied without asking. */
export function setSubscriptionAutoUpdate(db: StavratonDB, deckId: string, autoUpdate: boolean): Promise<void> {
  return db.transaction('rw', db.subscriptions, async () => {
    const row = await db.subscriptions.get(deckId)
    if (row) await db.subscriptions.put({ ...row, autoUpdate })
  })
}

/** Stops following the URL; the deck stays in the library as a local copy (delete it with deleteDeck). */
export async function unsubscribe(db: StavratonDB, deckId: string): Promise<void> {
  await db.subscriptions.delete(deckId)
}
