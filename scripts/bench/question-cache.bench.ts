// Opening a deck through the deck-questions service (what the worker runs) in Node, with
// fake-indexeddb: cold (generate, sync progress, write the cache) and cached (a new service, as after
// a reload: read the cache, sync), then the first study queue (queueMs). BENCH_FACTS facts (default 100k). Goal: cached ≤ 200 ms.
// Then "card-rows": the card browser's rows of the cached deck, made from its questions (madeMs),
// then read from the rows cached with them (cachedMs).
// Then "first-card": the study queue asked for at once on a deck never opened, answered from its
// first questions while the rest is generated (queueMs, queueCpuMs until then), and the whole opening (ms).
// Then "returning-first-card": the same for a learner with cards studied all through the deck, once
// the cache is gone (a new release): their due cards are made ahead with their entities.
// cpuMs, queueCpuMs: CPU time of the process meanwhile (less sensitive to a busy machine than ms).
// BENCH_CACHED=fresh runs the cached run in a new process, given the database the cold run left
// (as a reload does): the cold run's garbage then weighs on neither its time nor its collections.
// fake-indexeddb clones values in JavaScript, so this is slower than a browser's IndexedDB; the
// Chromium figure is deck-open.bench.ts's warm run.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { openStorage } from '../../src/storage'
import { dumpDatabase, restoreDatabase } from '../../src/storage/bench-seed'
import { DeckQuestionService, type QueueRequest } from '../../src/workers/deck-questions'
import { syntheticDynasty } from './synthetic-dynasty'

const facts = Number(process.env.BENCH_FACTS ?? 100_000)
/** Cards studied through the deck, one every so many entities, in the returning learner's run. */
const SPREAD_CARDS = 40
/** Set in the process that runs the cached run alone: the file holding the cold run's database. */
const restore = process.env.BENCH_RESTORE
const fresh = process.env.BENCH_CACHED === 'fresh'
const deck = syntheticDynasty(facts, 7)
const storage = await openStorage({ name: 'bench', indexedDB: new IDBFactory(), IDBKeyRange })
if (restore) {
  await restoreDatabase(storage, deserialize(readFileSync(restore)) as Record<string, unknown[]>)
  globalThis.gc?.()
} else await storage.decks.save(deck, { origin: 'imported', now: Date.now() })

/** A deck's first study queue asked for at once, while it opens: how soon, and the whole opening. */
async function firstQueue(service: DeckQuestionService, request: QueueRequest) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  let openedMs: number | undefined
  const opening = service.open(deck.id, request.now).then(() => (openedMs = performance.now() - start))
  const queue = await service.queue(deck.id, request)
  const queueMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  const beforeOpened = openedMs === undefined
  await opening
  await service.settled()
  const figures = {
    beforeOpened,
    queueMs: Math.round(queueMs),
    queueCpuMs: Math.round((used.user + used.system) / 1000),
    ms: Math.round(openedMs ?? NaN),
  }
  return { queue, figures }
}

const runs = restore ? (['cached'] as const) : fresh ? (['cold'] as const) : (['cold', 'cached'] as const)
for (const run of runs) {
  const service = new DeckQuestionService(async () => storage)
  const cpu = process.cpuUsage()
  const start = performance.now()
  const opened = await service.open(deck.id, Date.now())
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  // Then the first study queue of a deck never studied (what the study view asks for next).
  const queueCpu = process.cpuUsage()
  const queueStart = performance.now()
  await service.queue(deck.id, { cards: [], knownCardIds: new Set(), now: Date.now(), seed: 1 })
  const queueMs = performance.now() - queueStart
  const queueUsed = process.cpuUsage(queueCpu)
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
      queueCpuMs: Math.round((queueUsed.user + queueUsed.system) / 1000),
      ...(run === 'cold'
        ? { cacheWriteMs: Math.round(writeMs) }
        : { goal: '≤ 200', ...(restore ? { fresh: true } : {}) }),
      peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  )
}
if (!restore) {
  // The card browser's rows of the cached deck, as after a reload: made from its questions the
  // first time (and cached with them), then read from that cache.
  const rowsMs: number[] = []
  let rows = 0
  for (let i = 0; i < 2; i++) {
    const service = new DeckQuestionService(async () => storage)
    await service.open(deck.id, Date.now())
    const start = performance.now()
    rows = (await service.cards(deck.id, Date.now())).length
    rowsMs.push(Math.round(performance.now() - start))
    await service.settled()
  }
  console.log(
    JSON.stringify({
      bench: 'deck-open-node',
      facts: deck.facts.length,
      run: 'card-rows',
      rows,
      madeMs: rowsMs[0],
      cachedMs: rowsMs[1],
    }),
  )

  // Its own database, so that it generates again; after the runs above, so that its garbage weighs on neither.
  const firstDb = await openStorage({ name: 'bench-first', indexedDB: new IDBFactory(), IDBKeyRange })
  await firstDb.decks.save(deck, { origin: 'imported', now: Date.now() })
  const first = await firstQueue(new DeckQuestionService(async () => firstDb), {
    cards: [],
    knownCardIds: new Set(),
    now: Date.now(),
    seed: 1,
  })
  console.log(
    JSON.stringify({
      bench: 'deck-open-node',
      facts: deck.facts.length,
      run: 'first-card',
      queued: first.queue.items.length,
      ...first.figures,
    }),
  )
  firstDb.close()

  // A learner who studied cards all through the deck (in the card browser, say), then a release
  // whose generator changed (the cache is gone): the due cards are made ahead with their entities
  // rather than after the whole deck.
  const now = Date.now()
  const people = deck.entities.filter((e) => e.kind === 'person')
  const step = Math.max(1, Math.floor(people.length / SPREAD_CARDS))
  const ids = people.filter((_, i) => i % step === 0).map((e) => `${deck.id}/born/${e.id}/date`)
  const studied = await new DeckQuestionService(async () => storage).questions(deck.id, ids, now)
  for (const q of studied)
    await storage.recordReview({
      cardId: q.cardId,
      questionId: q.id,
      deckId: deck.id,
      fingerprint: q.fingerprint,
      grade: 3,
      now,
    })
  await storage.questionCache.delete(deck.id)
  const later = now + 30 * 60_000
  const { cards, knownCardIds } = await storage.cards.forStudy(deck.id, later)
  const returning = await firstQueue(new DeckQuestionService(async () => storage), {
    cards,
    knownCardIds,
    now: later,
    seed: 1,
  })
  console.log(
    JSON.stringify({
      bench: 'deck-open-node',
      facts: deck.facts.length,
      run: 'returning-first-card',
      studiedCards: studied.length,
      due: returning.queue.items.filter((i) => !i.isNew).length,
      ...returning.figures,
    }),
  )
}
if (fresh && !restore) {
  const dir = mkdtempSync(join(tmpdir(), 'question-cache-'))
  const file = join(dir, 'db.bin')
  writeFileSync(file, serialize(await dumpDatabase(storage)))
  storage.close()
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, BENCH_RESTORE: file },
  })
  rmSync(dir, { recursive: true, force: true })
  process.exitCode = child.status ?? 1
} else storage.close()
