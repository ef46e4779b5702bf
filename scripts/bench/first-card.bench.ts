// In real Chromium: a fresh user (empty profile, nothing cached) opens the built-in deck's study view;
// navigation start → first card painted, at 1× and 4× CPU slowdown (CDP Emulation.setCPUThrottlingRate),
// median of FIRST_CARD_RUNS (default 5) fresh contexts each. Also the bytes fetched until then
// (gzipped sizes of the built files). Goal: ≤ 2.5 s at 4×, ≤ 60 KB. Needs `npm run build`.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from 'playwright-core'
import { chromiumArgs, chromiumPath, defaultOutDir, root, startPreview } from '../browser'
import { previous } from './previous'

const runs = Number(process.env.FIRST_CARD_RUNS ?? 5)
const deckId = 'john-vii-palaiologos'
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Gzipped bytes of the built files at these paths (vite preview serves them uncompressed). */
function gzippedSize(paths: string[]): number {
  let total = 0
  for (const path of new Set(paths)) {
    const relative = path.replace(/^\//, '')
    const file = join(root, defaultOutDir, relative)
    const built =
      relative && existsSync(file) && statSync(file).isFile() ? file : join(root, defaultOutDir, 'index.html')
    total += gzipSync(readFileSync(built)).length
  }
  return total
}

const probes = `
  window.bench = {};
  new MutationObserver(() => {
    if (window.bench.firstCardAt === undefined && document.querySelector('article h2')) {
      window.bench.firstCardAt = -1;
      requestAnimationFrame(() => {
        window.bench.firstCardAt = performance.now();
        // Everything fetched until now (the worker's script included), by path.
        window.bench.fetched = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
          .map((e) => new URL(e.name).pathname);
      });
    }
  }).observe(document, { childList: true, subtree: true });
`

const server = await startPreview()
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
try {
  for (const rate of [1, 4]) {
    const times: number[] = []
    const bytes: number[] = []
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
      await context.addInitScript({ content: probes })
      const page: Page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate })
      await page.goto(`${server.url}deck/${deckId}/study`)
      await page.waitForFunction(
        () => ((window as never as { bench: { firstCardAt?: number } }).bench.firstCardAt ?? -1) > 0,
        undefined,
        { timeout: 120_000 },
      )
      const probe = await page.evaluate(
        () => (window as never as { bench: { firstCardAt: number; fetched: string[] } }).bench,
      )
      times.push(probe.firstCardAt)
      bytes.push(gzippedSize(probe.fetched))
      await context.close()
    }
    console.log(
      JSON.stringify({
        bench: 'fresh-user-first-card',
        cpuSlowdown: rate,
        runs,
        medianMs: Math.round(median(times)),
        previousMs: previous(`fresh-user-first-card:${rate}x:ms`),
        fetchedGzipKB: Math.round(median(bytes) / 100) / 10,
        previousFetchedGzipKB: previous('first-load:KB'),
        allMs: times.map(Math.round),
        goal: rate === 4 ? '≤ 2500 ms, ≤ 60 KB' : undefined,
      }),
    )
  }
} finally {
  await browser.close()
  await server.stop()
}
