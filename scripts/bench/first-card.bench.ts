// In real Chromium: a user opens the built-in deck's study view; navigation start → first card
// painted, at 1× and 4× CPU slowdown (CDP Emulation.setCPUThrottlingRate), median of
// FIRST_CARD_RUNS (default 5) runs each, for
//   - a fresh user: an empty profile, nothing cached, no service worker yet;
//   - a returning user: the same profile opened again (service worker installed, the deck's
//     questions cached in IndexedDB).
// And everything requested before the first card was painted — by the page and by the
// deck-questions worker — one JSON line per resource (decoded bytes and gzipped size of the built
// file: `vite preview` sends files uncompressed, a real host gzips them) and the total.
// Goal: ≤ 2.5 s at 4× for a fresh user, ≤ 60 KB gzipped for both. Needs `npm run build`.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core'
import { chromiumArgs, chromiumPath, defaultOutDir, root, startPreview } from '../browser'
import { previous } from './previous'

const runs = Number(process.env.FIRST_CARD_RUNS ?? 5)
const deckId = 'john-vii-palaiologos'
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const kb = (bytes: number) => Math.round(bytes / 100) / 10

interface Fetched {
  path: string
  bytes: number
  gzipBytes: number
}

/** The built file a path is served from (an app route is index.html). */
function builtFile(path: string): string {
  const relative = decodeURIComponent(path).replace(/^\//, '')
  const file = join(root, defaultOutDir, relative)
  return relative && existsSync(file) && statSync(file).isFile() ? file : join(root, defaultOutDir, 'index.html')
}
function fetchedFile(path: string): Fetched {
  const content = readFileSync(builtFile(path))
  return { path, bytes: content.length, gzipBytes: gzipSync(content).length }
}

const probes = `
  window.bench = {};
  new MutationObserver(() => {
    if (window.bench.firstCardAt === undefined && document.querySelector('article h2')) {
      window.bench.firstCardAt = -1;
      requestAnimationFrame(() => {
        window.bench.firstCardAt = performance.now();
        window.bench.firstCardWallMs = performance.timeOrigin + window.bench.firstCardAt;
      });
    }
  }).observe(document, { childList: true, subtree: true });
`
interface Probe {
  firstCardAt: number
  firstCardWallMs: number
}

/**
 * Every request of the page and its dedicated workers (Playwright reports both; the service
 * worker's own precaching is not the page's and is left out), with its start time.
 */
function recordRequests(context: BrowserContext): { requests: Request[] } {
  const log = { requests: [] as Request[] }
  context.on('request', (request) => {
    if (!request.serviceWorker()) log.requests.push(request)
  })
  return log
}

/** Opens the study view and returns the first-card time and what was requested before it. */
async function firstCard(page: Page, log: { requests: Request[] }, url: string) {
  log.requests.length = 0
  await page.goto(url)
  await page.waitForFunction(
    () => ((window as never as { bench: { firstCardAt?: number } }).bench.firstCardAt ?? -1) > 0,
    undefined,
    { timeout: 120_000 },
  )
  const probe = await page.evaluate(() => (window as never as { bench: Probe }).bench)
  // A request's start time is known once its response came (until then it reads -1, which would
  // count a request the page made just after the first card, still under way, as made before it).
  const requests = [...log.requests]
  const answered = Promise.all(requests.map((r) => r.response().catch(() => null)))
  await Promise.race([answered, page.waitForTimeout(10_000)])
  const before = requests.filter((r) => r.timing().startTime <= probe.firstCardWallMs)
  const paths = [...new Set(before.map((r) => new URL(r.url()).pathname))]
  return { ms: probe.firstCardAt, fetched: paths.map(fetchedFile) }
}

const server = await startPreview()
const studyUrl = `${server.url}deck/${deckId}/study`
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
try {
  const seen = { fresh: new Map<string, Fetched>(), returning: new Map<string, Fetched>() }
  const totals = { fresh: [] as number[], returning: [] as number[] }
  for (const rate of [1, 4]) {
    const times = { fresh: [] as number[], returning: [] as number[] }
    for (let i = 0; i < runs; i++) {
      // A fresh context: its own empty storage, cache and service workers.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
      try {
        await context.addInitScript({ content: probes })
        const log = recordRequests(context)
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate })
        const fresh = await firstCard(page, log, studyUrl)
        // The service worker has installed and controls the page, the deck's questions are cached.
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 })
        await page.waitForTimeout(1000)
        const returning = await firstCard(page, log, studyUrl)
        for (const [kind, run] of [
          ['fresh', fresh],
          ['returning', returning],
        ] as const) {
          times[kind].push(run.ms)
          totals[kind].push(run.fetched.reduce((sum, f) => sum + f.gzipBytes, 0))
          for (const f of run.fetched) seen[kind].set(f.path, f)
        }
      } finally {
        await context.close()
      }
    }
    for (const kind of ['fresh', 'returning'] as const)
      console.log(
        JSON.stringify({
          bench: `${kind}-user-first-card`,
          cpuSlowdown: rate,
          runs,
          medianMs: Math.round(median(times[kind])),
          previousMs: previous(`${kind}-user-first-card:${rate}x:ms`),
          allMs: times[kind].map(Math.round),
          goal: kind === 'fresh' && rate === 4 ? '≤ 2500 ms' : undefined,
        }),
      )
  }
  // The resources (the same at every CPU rate; a resource seen in any run is listed).
  for (const kind of ['fresh', 'returning'] as const) {
    const resources = [...seen[kind].values()].sort((a, b) => b.gzipBytes - a.gzipBytes)
    for (const f of resources)
      console.log(
        JSON.stringify({
          bench: `${kind}-user-before-first-card`,
          resource: f.path.replace(/-[\w-]{8}\.(js|css)$/, '.$1'),
          path: f.path,
          KB: kb(f.bytes),
          gzipKB: kb(f.gzipBytes),
        }),
      )
    console.log(
      JSON.stringify({
        bench: `${kind}-user-fetched-before-first-card`,
        resources: resources.length,
        medianGzipKB: kb(median(totals[kind])),
        maxGzipKB: kb(Math.max(...totals[kind])),
        previousGzipKB: previous(`${kind}-user-fetched-before-first-card:KB`),
        previousFirstLoadKB: kind === 'fresh' ? previous('first-load:KB') : undefined,
        goal: '≤ 60 KB gzipped',
      }),
    )
  }
} finally {
  await browser.close()
  await server.stop()
}
