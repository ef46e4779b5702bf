// The numbers behind the progress view and the library: pure functions over the review log and cards.
import type { CardProgress, ReviewRecord } from '../study/types'
import { DEFAULT_NEW_PER_DAY, endOfToday, isDue } from '../study/queue'
import { isSetAside } from '../study/card-status'
import { DAY_MS, dayKey, startOfDay } from '../time/days'

/** A card in review with stability of at least three weeks counts as mature (Anki's 21 days). */
export const MATURE_STABILITY_DAYS = 21

export interface DayCount {
  /** Local date `YYYY-MM-DD`. */
  day: string
  /** Epoch ms of the local midnight starting the day. */
  start: number
  count: number
}

export interface ReviewDay extends DayCount {
  /** Reviews graded Again. */
  again: number
}

/** Reviews per local day, oldest first, ending with today: `days` entries. */
export function reviewsPerDay(
  log: readonly Pick<ReviewRecord, 'at' | 'grade'>[],
  now: number,
  days = 90,
  utcOffsetMinutes = 0,
): ReviewDay[] {
  const first = startOfDay(now, utcOffsetMinutes) - (days - 1) * DAY_MS
  const out: ReviewDay[] = Array.from({ length: days }, (_, i) => {
    const start = first + i * DAY_MS
    return { day: dayKey(start, utcOffsetMinutes), start, count: 0, again: 0 }
  })
  for (const r of log) {
    const bucket = out[Math.floor((r.at - first) / DAY_MS)]
    if (!bucket || r.at < first) continue
    bucket.count++
    if (r.grade === 1) bucket.again++
  }
  return out
}

/**
 * Cards falling due per local day for the next `days` days, starting today; today also counts
 * every overdue card. New and retired cards are left out.
 */
export function dueForecast(cards: readonly CardProgress[], now: number, days = 30, utcOffsetMinutes = 0): DayCount[] {
  const today = startOfDay(now, utcOffsetMinutes)
  const out: DayCount[] = Array.from({ length: days }, (_, i) => {
    const start = today + i * DAY_MS
    return { day: dayKey(start, utcOffsetMinutes), start, count: 0 }
  })
  for (const c of cards) {
    if (c.retired || c.state.phase === 'new') continue
    const bucket = out[Math.max(0, Math.floor((c.state.due - today) / DAY_MS))]
    if (bucket) bucket.count++
  }
  return out
}

export interface Retention {
  /** Reviews of cards that were in long-term review (learning steps are not recall tests). */
  reviews: number
  /** Of those, graded Hard, Good or Easy. */
  passed: number
  /** passed / reviews; null when there were none. */
  rate: number | null
}

export function retention(log: readonly Pick<ReviewRecord, 'grade' | 'phaseBefore'>[]): Retention {
  let reviews = 0
  let passed = 0
  for (const r of log) {
    if (r.phaseBefore !== 'review') continue
    reviews++
    if (r.grade > 1) passed++
  }
  return { reviews, passed, rate: reviews ? passed / reviews : null }
}

export interface Mastery {
  /** Cards in the deck (cardCount when given). */
  total: number
  new: number
  /** In (re)learning steps. */
  learning: number
  /** In review, stability under MATURE_STABILITY_DAYS. */
  young: number
  /** In review, stability of MATURE_STABILITY_DAYS or more. */
  mature: number
  /** mature / total, 0–1 (0 for an empty deck). */
  mastery: number
}

/**
 * Mastery of one deck. `cardCount` is the number of cards the deck has now (distinct
 * `Question.cardId`s): cards never studied have no stored progress and count as new.
 */
export function deckMastery(cards: readonly CardProgress[], cardCount?: number): Mastery {
  let learning = 0
  let young = 0
  let mature = 0
  let storedNew = 0
  for (const c of cards) {
    if (c.retired) continue
    const { phase, stability } = c.state
    if (phase === 'new') storedNew++
    else if (phase !== 'review') learning++
    else if (stability >= MATURE_STABILITY_DAYS) mature++
    else young++
  }
  const studied = learning + young + mature
  const total = Math.max(cardCount ?? studied + storedNew, studied)
  return { total, new: total - studied, learning, young, mature, mastery: total ? mature / total : 0 }
}

export interface LibraryCounts {
  /** Cards never studied (or restarted). */
  new: number
  /** New cards the daily limit still lets in today. */
  newToday: number
  /** Cards due now (review cards: due today). */
  due: number
  /** Cards studied at least once and not restarted. */
  learned: number
  /** Time of the latest review of any of the deck's cards; null if never studied. */
  lastStudied: number | null
}

export interface LibraryCountsOptions {
  now: number
  utcOffsetMinutes?: number
  /** The local midnight ending today (wins over `utcOffsetMinutes`). */
  endOfDay?: number
  /** Distinct cards in the deck now; without it only stored cards are counted. */
  cardCount?: number
  newPerDay?: number
  newIntroducedToday?: number
}

export function libraryCounts(cards: readonly CardProgress[], options: LibraryCountsOptions): LibraryCounts {
  const cutoff = options.endOfDay ?? endOfToday(options.now, options.utcOffsetMinutes)
  const { new: fresh, total } = deckMastery(cards, options.cardCount)
  let due = 0
  let lastStudied: number | null = null
  for (const c of cards) {
    const last = c.state.lastReview
    if (last !== undefined && (lastStudied === null || last > lastStudied)) lastStudied = last
    if (!isSetAside(c, options.now) && isDue(c.state, options.now, cutoff)) due++
  }
  const allowance = Math.max(0, (options.newPerDay ?? DEFAULT_NEW_PER_DAY) - (options.newIntroducedToday ?? 0))
  return { new: fresh, newToday: Math.min(fresh, allowance), due, learned: total - fresh, lastStudied }
}
