import { defineStore } from 'pinia'
import {
  DAY_MS,
  deckMastery,
  dueForecast,
  retention,
  reviewsPerDay,
  type DayCount,
  type Mastery,
  type Retention,
  type ReviewDay,
} from '../domain/stats'
import { useClock } from './clock'
import { useLibraryStore } from './library'
import { useStorageStore } from './storage'

export interface ProgressSnapshot {
  now: number
  reviewDays: ReviewDay[]
  forecast: DayCount[]
  retention: Retention
  decks: Array<{ id: string; title: string; mastery: Mastery }>
}

/** The numbers of the progress view, from the review log and the cards (computed in src/domain/stats). */
export const useProgressStore = defineStore('progress', () => {
  /** Reads everything the progress view shows; meant to run inside a live query. */
  async function read(now: number, days = 90): Promise<ProgressSnapshot> {
    const db = useStorageStore().db()
    const library = useLibraryStore()
    const offset = useClock().utcOffsetMinutes(now)
    const [log, entries] = await Promise.all([db.reviews.since(now - days * DAY_MS), library.listDecks()])
    const perDeck = await Promise.all(
      entries.map(async (entry) => ({ entry, cards: await db.cards.forDeck(entry.id) })),
    )
    const allCards = perDeck.flatMap((d) => d.cards)
    return {
      now,
      reviewDays: reviewsPerDay(log, now, days, offset),
      forecast: dueForecast(allCards, now, 30, offset),
      retention: retention(log),
      decks: perDeck.map(({ entry, cards }) => ({
        id: entry.id,
        title: entry.title,
        mastery: deckMastery(cards, library.cardCounts.get(entry.id)),
      })),
    }
  }

  return { read }
})
