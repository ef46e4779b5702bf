// In real Chromium: opening the study view of a large imported deck (BENCH_FACTS, default 100k facts).
//   - cold: the first opening generates the questions (in the deck-questions worker) and caches them;
//   - warm: a reload reads them from the cache.
// Each prints navigation start → first card painted and the longest main-thread task meanwhile
// (PerformanceObserver "longtask"; goal: none over 50 ms). The cold run's first card may come
// before the deck is opened (the rest still generated): it also prints navigation start → deck
// opened (synced with progress, after the whole generation; polled every 250 ms) and the longest
// task until then. Needs `npm run build`.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath, removeProfile, saveDeckInPage, startPreview } from '../browser'
import { syntheticDynasty } from './synthetic-dynasty'

const facts = Number(process.env.BENCH_FACTS ?? 100_000)
const round = (ms: number) => Math.round(ms)

// Plain JS text (tsx would wrap inner functions in `__name()`, which the page lacks).
const probes = `
  window.bench = { longestTask: 0, tasksOver50: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.bench.longestTask = Math.max(window.bench.longestTask, e.duration);
      if (e.duration > 50) window.bench.tasksOver50++;
    }
  }).observe({ type: 'longtask', buffered: true });
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

const deck = syntheticDynasty(facts, 7)
const server = await startPreview()
const profile = mkdtempSync(join(tmpdir(), 'stavraton-bench-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
  viewport: { width: 390, height: 844 },
})
try {
  context.setDefaultTimeout(600_000)
  await context.addInitScript({ content: probes })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(server.url)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await saveDeckInPage(page, deck)
  const studyUrl = `${server.url}deck/${deck.id}/study`
  for (const run of ['cold', 'warm'] as const) {
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
    }
  }
} finally {
  await context.close()
  removeProfile(profile)
  await server.stop()
}
