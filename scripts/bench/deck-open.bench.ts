// In real Chromium: opening the study view of a large imported deck (BENCH_FACTS, default 100k facts).
//   - cold: the first opening generates the questions (in the deck-questions worker) and caches them;
//   - warm: a reload reads them from the cache.
// Each prints navigation start → first card painted and the longest main-thread task meanwhile
// (PerformanceObserver "longtask"; goal: none over 50 ms). The cold run's first card may come
// before the deck is opened (the rest still generated): it also prints navigation start → deck
// opened (synced with progress, after the whole generation; polled every 250 ms) and the longest
// task until then, and the deck-questions worker's peak heap from navigation start to the cache
// written (workerPeakHeapMB: the most V8 reported in use, garbage included, sampled every 250 ms with
// Runtime.getHeapUsage on the worker's own DevTools target). Needs `npm run build`.
import type { CDPSession } from 'playwright-core'
import { longTaskProbe, openBenchBrowser, saveDeckInPage } from '../browser'
import { syntheticDynasty } from './synthetic-dynasty'

const facts = Number(process.env.BENCH_FACTS ?? 100_000)
const round = (ms: number) => Math.round(ms)

// Plain JS text (tsx would wrap inner functions in `__name()`, which the page lacks).
const probes = `
  ${longTaskProbe}
  new MutationObserver(() => {
    if (window.bench.firstCardAt === undefined && document.querySelector('article h2')) {
      window.bench.firstCardAt = -1;
      requestAnimationFrame(() => { window.bench.firstCardAt = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
`
interface Probe {
  firstCardAt?: number
  longestTask: number
  tasksOver50: number
}

/**
 * The peak heap of the page's workers, sampled from their DevTools targets (attached to the page's
 * session, each reached through Target.sendMessageToTarget). `reset` starts a new peak.
 */
async function workerHeapSampler(cdp: CDPSession) {
  const workers = new Set<string>()
  const replies = new Map<number, (used: number | undefined) => void>()
  let nextId = 1
  let peak = 0
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.add(sessionId)
  })
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    if (sessionId) workers.delete(sessionId)
  })
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; result?: { usedSize?: number } }
    if (reply.id === undefined) return
    replies.get(reply.id)?.(reply.result?.usedSize)
    replies.delete(reply.id)
  })
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false })
  const sample = async () => {
    for (const sessionId of workers) {
      const id = nextId++
      const used = new Promise<number | undefined>((resolve) => replies.set(id, resolve))
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' })
      await cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => replies.delete(id))
      const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, 1000, undefined))
      peak = Math.max(peak, (await Promise.race([used, timeout])) ?? 0)
    }
  }
  let running = true
  const loop = (async () => {
    while (running) {
      await sample()
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  })()
  return {
    peakMB: () => round(peak / 2 ** 20),
    reset: () => (peak = 0),
    stop: async () => {
      running = false
      await loop
    },
  }
}

const deck = syntheticDynasty(facts, 7)
const { context, page, server, close } = await openBenchBrowser(probes)
try {
  const workerHeap = await workerHeapSampler(await context.newCDPSession(page))
  await page.goto(server.url)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await saveDeckInPage(page, deck)
  const studyUrl = `${server.url}deck/${deck.id}/study`
  for (const run of ['cold', 'warm'] as const) {
    workerHeap.reset()
    await page.goto(studyUrl)
    await page.waitForFunction(() => ((window as never as { bench: Probe }).bench.firstCardAt ?? -1) > 0)
    // Long tasks up to the first card and for a second after it (the page must stay responsive).
    await page.waitForTimeout(1000)
    const probe = await page.evaluate(() => (window as never as { bench: Probe }).bench)
    console.log(
      JSON.stringify({
        bench: 'deck-open',
        facts: deck.facts.length,
        run,
        firstCardMs: round(probe.firstCardAt ?? NaN),
        longestTaskMs: round(probe.longestTask),
        tasksOver50: probe.tasksOver50,
        goal: 'longest task ≤ 50 ms',
      }),
    )
    if (run === 'cold') {
      // Opened: the deck is synced (its fingerprints are stored), which follows the whole generation.
      const synced = () =>
        page.evaluate(async (id) => {
          const db = await new Promise<IDBDatabase>((resolve) => {
            const open = indexedDB.open('stavraton')
            open.onsuccess = () => resolve(open.result)
          })
          const row = await new Promise<unknown>((resolve) => {
            const get = db.transaction('deckFingerprints').objectStore('deckFingerprints').get(id)
            get.onsuccess = () => resolve(get.result)
          })
          db.close()
          return row === undefined
            ? undefined
            : { at: performance.now(), longestTask: (window as never as { bench: Probe }).bench.longestTask }
        }, deck.id)
      let opened = await synced()
      while (!opened) {
        await page.waitForTimeout(250)
        opened = await synced()
      }
      console.log(
        JSON.stringify({
          bench: 'deck-open',
          facts: deck.facts.length,
          run: 'cold-opened',
          deckOpenedMs: round(opened.at),
          longestTaskMs: round(opened.longestTask),
          goal: 'longest task ≤ 50 ms',
        }),
      )
      // Wait until the cache is written, so the warm run reads it (polled from here: an async
      // predicate would not be waited for).
      const cacheRows = () =>
        page.evaluate(async (id) => {
          const db = await new Promise<IDBDatabase>((resolve) => {
            const open = indexedDB.open('stavraton')
            open.onsuccess = () => resolve(open.result)
          })
          const count = await new Promise<number>((resolve) => {
            const r = db
              .transaction('questionCache')
              .objectStore('questionCache')
              .count(IDBKeyRange.bound([id, -Infinity], [id, Infinity]))
            r.onsuccess = () => resolve(r.result)
          })
          db.close()
          return count
        }, deck.id)
      while ((await cacheRows()) === 0) await page.waitForTimeout(1000)
      console.log(
        JSON.stringify({
          bench: 'deck-open',
          facts: deck.facts.length,
          run: 'cold-cached',
          workerPeakHeapMB: workerHeap.peakMB(),
        }),
      )
    }
  }
  await workerHeap.stop()
} finally {
  await close()
}
