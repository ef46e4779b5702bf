// The one page of the benchmark build (`vite build --mode bench`, never the production build):
// it exposes `window.stavratonBench.seed()` so scripts/bench/study.bench.ts can fill the real
// IndexedDB of the real app origin with a large review history through src/storage.
import { generateQuestions } from '../../../src/domain/questions/generate'
import { builtInDecks } from '../../../src/generated/decks'
import { openStorage } from '../../../src/storage'
import { seedBenchData } from '../../../src/storage/bench-seed'
import { deckSeed } from '../../../src/stores/deck'

export interface BenchSeedRequest {
  deckId: string
  cards: number
  reviews: number
  now: number
}

async function seed({ deckId, cards, reviews, now }: BenchSeedRequest) {
  const info = builtInDecks.find((d) => d.id === deckId)
  if (!info) throw new Error(`no built-in deck ${deckId}`)
  const deck = await info.load()
  // The deck's own cards come first, so the study view finds due cards among the seeded ones.
  const cardIds = [...new Set(generateQuestions(deck, { seed: deckSeed(deck.id) }).map((q) => q.cardId))]
  const storage = await openStorage()
  try {
    const started = performance.now()
    const counts = await seedBenchData(storage, { deckId, cards, reviews, now, cardIds })
    return {
      ...counts,
      deckCards: cardIds.length,
      ms: performance.now() - started,
      totalReviews: await storage.reviews.count(),
    }
  } finally {
    storage.close()
  }
}

;(window as unknown as { stavratonBench: { seed: typeof seed } }).stavratonBench = { seed }
document.body.dataset.ready = 'true'
