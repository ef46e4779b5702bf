// In real Chromium: a large imported deck's page (BENCH_FACTS, default 10k facts), its Facts tab
// and then its Cards tab, the card browser listing one row per card.
//   - cold: the deck's first opening generates its questions (in the deck-questions worker);
//   - warm: a reload reads them from the cache.
// Each prints navigation start → facts shown, facts → the card browser's first rows painted (its
// rows come from the question service), facts → every row listed (allRowsAfterFactsMs), the longest main-thread task of each, and the page's
// JS heap once the rows show (Runtime.getHeapUsage after a garbage collection: what the page keeps
// for the card browser). Then, from each tab's click, the Family tree tab (its first box painted)
// and the Timeline tab (its first bar painted) and the longest task of each (treeMs,
// treeLongestTaskMs, timelineMs, timelineLongestTaskMs). Needs `npm run build`.
import { longTaskProbe, openBenchBrowser, saveDeckInPage } from '../browser'
import { previous } from './previous'
import { syntheticDynasty } from './synthetic-dynasty'

const facts = Number(process.env.BENCH_FACTS ?? 10_000)
const round = (ms: number) => Math.round(ms)

// Plain JS text (tsx would wrap inner functions in `__name()`, which the page lacks).
const probes = `
  ${longTaskProbe}
  const painted = (key, selector) => {
    if (window.bench[key] === undefined && document.querySelector(selector)) {
      window.bench[key] = -1;
      requestAnimationFrame(() => { window.bench[key] = performance.now(); });
    }
  };
  new MutationObserver(() => {
    painted('factsAt', '[role=tabpanel] article');
    painted('rowsAt', 'ul[aria-label=Cards] li');
    painted('treeAt', '[role=tabpanel] [data-person-id]');
    painted('timelineAt', '[role=tabpanel] .timeline-chart [role=listitem]');
    const count = document.querySelector('.deck-cards-count');
    if (window.bench.allRowsAt === undefined && window.bench.rowsAt !== undefined && count &&
        !/reading the rest|still being made/.test(count.textContent)) window.bench.allRowsAt = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
`
interface Probe {
  factsAt?: number
  rowsAt?: number
  allRowsAt?: number
  treeAt?: number
  timelineAt?: number
  longestTask: number
  tasksOver50: number
}

const deck = syntheticDynasty(facts, 7)
const { context, page, server, close } = await openBenchBrowser(probes)
try {
  const cdp = await context.newCDPSession(page)
  await page.goto(server.url)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await saveDeckInPage(page, deck)
  const bench = () => page.evaluate(() => (window as never as { bench: Probe }).bench)
  for (const run of ['cold', 'warm'] as const) {
    await page.goto(`${server.url}deck/${deck.id}`)
    await page.waitForFunction(() => ((window as never as { bench: Probe }).bench.factsAt ?? -1) > 0)
    // Long tasks while the facts show, then (from the tab's click) while the rows do.
    await page.waitForTimeout(500)
    const shown = await bench()
    const factsAt = shown.factsAt ?? NaN
    await page.evaluate(() => ((window as never as { bench: Probe }).bench.longestTask = 0))
    await page.getByRole('tab', { name: 'Cards' }).click()
    await page.waitForFunction(() => ((window as never as { bench: Probe }).bench.rowsAt ?? -1) > 0)
    // Long tasks until the rows show and for a second after (scrolling must stay smooth).
    await page.waitForTimeout(1000)
    const probe = await bench()
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    // Every row listed (the count no longer says the rest is being read).
    await page.waitForFunction(() => ((window as never as { bench: Probe }).bench.allRowsAt ?? -1) > 0, undefined, {
      timeout: 300_000,
    })
    const allRowsAt = (await bench()).allRowsAt ?? NaN
    // A tab from its click: when its drawing first paints, and the longest task until a second after.
    const tab = async (name: string, at: 'treeAt' | 'timelineAt') => {
      const clicked = await page.evaluate(() => {
        const b = (window as never as { bench: Probe }).bench
        b.longestTask = 0
        return performance.now()
      })
      await page.getByRole('tab', { name }).click()
      await page.waitForFunction((key) => ((window as never as { bench: Probe }).bench[key] ?? -1) > 0, at)
      await page.waitForTimeout(1000)
      const after = await bench()
      return { ms: round((after[at] ?? NaN) - clicked), longestTaskMs: round(after.longestTask) }
    }
    const tree = await tab('Family tree', 'treeAt')
    const timeline = await tab('Timeline', 'timelineAt')
    const key = (name: string) => `deck-page:${deck.facts.length}:${run}:${name}`
    const figures = {
      factsMs: round(factsAt),
      rowsAfterFactsMs: round((probe.rowsAt ?? NaN) - factsAt),
      allRowsAfterFactsMs: round(allRowsAt - factsAt),
      factsLongestTaskMs: round(shown.longestTask),
      rowsLongestTaskMs: round(probe.longestTask),
      pageHeapMB: round(usedSize / 2 ** 20),
      treeMs: tree.ms,
      treeLongestTaskMs: tree.longestTaskMs,
      timelineMs: timeline.ms,
      timelineLongestTaskMs: timeline.longestTaskMs,
    }
    console.log(
      JSON.stringify({
        bench: 'deck-page',
        facts: deck.facts.length,
        run,
        ...figures,
        tasksOver50: probe.tasksOver50,
        previous: Object.fromEntries(Object.keys(figures).map((name) => [name, previous(key(name))])),
        goal: 'longest task ≤ 50 ms',
      }),
    )
  }
} finally {
  await close()
}
