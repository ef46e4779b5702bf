// Bulk data for benchmarks (scripts/bench/storage.bench.ts): a deck's worth of studied cards and a
// long review log, written in large chunks so seeding 500k reviews takes seconds, not minutes.
import type { CardPhase } from '../domain/scheduling/types'
import { createRandom, randomInt, type Random } from '../domain/random'
import type { ReviewRecord } from '../domain/study/types'
import type { CardRow } from './db'
import { databaseOf } from './open'
import type { Storage } from './types'

export interface SeedBenchOptions {
  /** Default 50 000. */
  cards?: number
  /** Default 500 000, spread over the cards and the past year. */
  reviews?: number
  deckId: string
  now: number
  /** Real card ids to use first (e.g. the deck's Question.cardIds); the rest are synthetic. */
  cardIds?: readonly string[]
  /** Default createRandom(1). */
  random?: Random
  /** Rows per bulk write (default 10 000). */
  chunk?: number
}

const DAY = 86_400_000
const DUE_SHARE = 0.1

export async function seedBenchData(
  storage: Storage,
  options: SeedBenchOptions,
): Promise<{ cards: number; reviews: number }> {
  const db = databaseOf(storage)
  const { deckId, now } = options
  const cardCount = options.cards ?? 50_000
  const reviewCount = options.reviews ?? 500_000
  const random = options.random ?? createRandom(1)
  const chunk = options.chunk ?? 10_000
  const idOf = (i: number) => options.cardIds?.[i] ?? `${deckId}/bench/${i}`

  for (let start = 0; start < cardCount; start += chunk) {
    const rows: CardRow[] = []
    for (let i = start; i < Math.min(cardCount, start + chunk); i++) {
      const stability = 0.5 + random() * 120
      const scheduledDays = Math.max(1, Math.round(stability))
      // A tenth overdue by up to ten days; the rest due within their interval.
      const due =
        random() < DUE_SHARE ? now - Math.floor(random() * 10 * DAY) : now + Math.floor(random() * scheduledDays * DAY)
      const lastReview = due - scheduledDays * DAY
      const phase: CardPhase = random() < 0.05 ? 'relearning' : 'review'
      const state = {
        phase,
        due,
        stability,
        difficulty: 1 + random() * 9,
        scheduledDays,
        learningSteps: 0,
        reps: 1 + randomInt(random, 20),
        lapses: randomInt(random, 3),
        lastReview,
      }
      rows.push({ cardId: idOf(i), deckId, fingerprint: 'bench', retired: 0, due, state, suspended: 0, buriedUntil: 0 })
    }
    await db.transaction('rw', db.cards, () => db.cards.bulkPut(rows))
  }

  for (let start = 0; start < reviewCount; start += chunk) {
    const rows: ReviewRecord[] = []
    for (let i = start; i < Math.min(reviewCount, start + chunk); i++) {
      const at = now - Math.floor(random() * 365 * DAY)
      const grade = ([1, 2, 3, 3, 3, 3, 4] as const)[randomInt(random, 7)] as 1 | 2 | 3 | 4
      const stability = 0.5 + random() * 60
      rows.push({
        cardId: idOf(randomInt(random, cardCount)),
        questionId: `${deckId}/bench/q`,
        deckId,
        source: 'study',
        ms: 1000 + randomInt(random, 15_000),
        grade,
        at,
        elapsedDays: randomInt(random, 30),
        phaseBefore: 'review',
        stabilityBefore: stability,
        difficultyBefore: 5,
        dueBefore: at,
        phaseAfter: grade === 1 ? 'relearning' : 'review',
        stabilityAfter: grade === 1 ? stability / 3 : stability * 2,
        difficultyAfter: 5,
        dueAfter: at + Math.round(stability * DAY),
        scheduledDays: Math.round(stability),
      })
    }
    await db.transaction('rw', db.reviews, () => db.reviews.bulkAdd(rows))
  }
  return { cards: cardCount, reviews: reviewCount }
}

/** Every row of every table, to carry a database into another process (a benchmark's fresh run). */
export async function dumpDatabase(storage: Storage): Promise<Record<string, unknown[]>> {
  const db = databaseOf(storage)
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.toArray()
  return out
}

/** Writes rows dumped by dumpDatabase into an empty database. */
export async function restoreDatabase(storage: Storage, dump: Readonly<Record<string, unknown[]>>): Promise<void> {
  const db = databaseOf(storage)
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.bulkAdd(dump[table.name] ?? [])
  })
}
