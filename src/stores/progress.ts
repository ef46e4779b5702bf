import { defineStore } from 'pinia'
import {
  DAY_MS,
  dailyGoal,
  deckMastery,
  dueForecast,
  retentionByPeriod,
  reviewsPerDay,
  studyStreak,
  type DailyGoal,
  type DayCount,
  type Mastery,
  type RetentionPeriod,
  type ReviewDay,
  type Streak,
} from '../domain/stats'
import type { CardProgress } from '../domain/study/types'
import { useClock } from './clock'
import { useLibraryStore } from './library'
import { useStorageStore } from './storage'

/** Days the charts and the retention table look back. */
export const PROGRESS_DAYS = 90
/** The retention table's periods, in calendar days ending today. */
export const RETENTION_PERIODS = [1, 7, 30, PROGRESS_DAYS] as const

export interface ProgressSnapshot {
  now: number
  reviewDays: ReviewDay[]
  forecast: DayCount[]
  retention: RetentionPeriod[]
}

export interface LibraryProgress extends ProgressSnapshot {
  streak: Streak
  goal: DailyGoal
  decks: Array<{ id: string; title: string; mastery: Mastery }>
}

export interface DeckProgress extends ProgressSnapshot {
  /** The deck's stored cards (retired ones left out), for mastery per person and per kind. */
  cards: CardProgress[]
}

/** The numbers of the progress views, from the review log and the cards (computed in src/domain/stats). */
export const useProgressStore = defineStore('progress', () => {
  function snapshot(
    log: Parameters<typeof reviewsPerDay>[0] & Parameters<typeof retentionByPeriod>[0],
    cards: readonly CardProgress[],
    now: number,
  ): ProgressSnapshot {
    const clock = useClock()
    const offset = clock.utcOffsetMinutes(now)
    return {
      now,
      reviewDays: reviewsPerDay(log, now, PROGRESS_DAYS, offset),
      forecast: dueForecast(cards, now, 30, offset),
      retention: retentionByPeriod(log, now, clock.startOfDay, RETENTION_PERIODS),
    }
  }

  /** Everything the Progress page shows, all decks together; meant to run inside a live query. */
  async function read(now: number): Promise<LibraryProgress> {
    const db = useStorageStore().db()
    const library = useLibraryStore()
    const clock = useClock()
    const [log, times, entries, settings] = await Promise.all([
      db.reviews.since(clock.startOfDay(now) - PROGRESS_DAYS * DAY_MS),
      db.reviews.times(),
      library.listDecks(),
      db.settings.get(),
    ])
    const perDeck = await Promise.all(
      entries.map(async (entry) => ({ entry, cards: await db.cards.forDeck(entry.id) })),
    )
    return {
      ...snapshot(
        log,
        perDeck.flatMap((d) => d.cards),
        now,
      ),
      streak: studyStreak(times, now, clock.startOfDay),
      goal: dailyGoal(times, settings.dailyGoal, now, clock.startOfDay),
      decks: perDeck.map(({ entry, cards }) => ({
        id: entry.id,
        title: entry.title,
        mastery: deckMastery(cards, library.cardCounts.get(entry.id)),
      })),
    }
  }

  /** One deck's numbers, for its Progress tab; meant to run inside a live query. */
  async function readDeck(deckId: string, now: number): Promise<DeckProgress> {
    const db = useStorageStore().db()
    const since = useClock().startOfDay(now) - PROGRESS_DAYS * DAY_MS
    const [log, cards] = await Promise.all([db.reviews.forDeck(deckId, { since }), db.cards.forDeck(deckId)])
    return { ...snapshot(log, cards, now), cards }
  }

  return { read, readDeck }
})
