// Opening a deck through the deck-questions service (what the worker runs) in Node, with
// fake-indexeddb: cold (generate, sync progress, write the cache) and cached (a new service, as after
// a reload: read the cache, sync), then the first study queue (queueMs). BENCH_FACTS facts (default 100k). Goal: cached ≤ 200 ms.
// First, "first-card": the study queue asked for at once on a deck never opened, answered from its
// first questions while the rest is generated (queueMs, queueCpuMs until then), and the whole opening (ms).
// cpuMs: CPU time of the process meanwhile (less sensitive to a busy machine than ms).
// fake-indexeddb clones values in JavaScript, so this is slower than a browser's IndexedDB; the
// Chromium figure is deck-open.bench.ts's warm run.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { openStorage } from '../../src/storage'
import { DeckQuestionService } from '../../src/workers/deck-questions'
import { syntheticDynasty } from './synthetic-dynasty'

const facts = Number(process.env.BENCH_FACTS ?? 100_000)
const deck = syntheticDynasty(facts, 7)
const storage = await openStorage({ name: 'bench', indexedDB: new IDBFactory(), IDBKeyRange })
await storage.decks.save(deck, { origin: 'imported', now: Date.now() })

{
  // Its own database: the cold run below must generate again.
  const fresh = await openStorage({ name: 'bench-first', indexedDB: new IDBFactory(), IDBKeyRange })
  await fresh.decks.save(deck, { origin: 'imported', now: Date.now() })
  const service = new DeckQuestionService(async () => fresh)
  const cpu = process.cpuUsage()
  const start = performance.now()
  let openedMs: number | undefined
  const opening = service.open(deck.id, Date.now()).then(() => (openedMs = performance.now() - start))
  const queue = await service.queue(deck.id, { cards: [], knownCardIds: new Set(), now: Date.now(), seed: 1 })
  const queueMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  const beforeOpened = openedMs === undefined
  await opening
  await service.settled()
  console.log(
    JSON.stringify({
      bench: 'deck-open-node',
      facts: deck.facts.length,
      run: 'first-card',
      queued: queue.items.length,
      beforeOpened,
      queueMs: Math.round(queueMs),
      queueCpuMs: Math.round((used.user + used.system) / 1000),
      ms: Math.round(openedMs ?? NaN),
    }),
  )
  fresh.close()
}

for (const run of ['cold', 'cached'] as const) {
  const service = new DeckQuestionService(async () => storage)
  const cpu = process.cpuUsage()
  const start = performance.now()
  const opened = await service.open(deck.id, Date.now())
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  // Then the first study queue of a deck never studied (what the study view asks for next).
  const queueStart = performance.now()
  await service.queue(deck.id, { cards: [], knownCardIds: new Set(), now: Date.now(), seed: 1 })
  const queueMs = performance.now() - queueStart
  const writeStart = performance.now()
  await service.settled()
  const writeMs = performance.now() - writeStart
  console.log(
    JSON.stringify({
      bench: 'deck-open-node',
      facts: deck.facts.length,
      run,
      cached: opened.cached,
      questions: opened.questionCount,
      ms: Math.round(ms),
      cpuMs: Math.round((used.user + used.system) / 1000),
      queueMs: Math.round(queueMs),
      ...(run === 'cold' ? { cacheWriteMs: Math.round(writeMs) } : { goal: '≤ 200' }),
      peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  )
}
storage.close()
