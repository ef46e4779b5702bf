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
//
// The waterfall of the median run of each kind and CPU rate, from the page's Resource Timing (the
// small built-in deck opens in the page, without the worker, so the page's entries are all):
//   {"bench":"fresh-user-waterfall","cpuSlowdown":1,"resource":"deck-sync.js","startMs":515.8,
//    "endMs":527.3,"depth":3,"by":"storage.js","waitedMs":231.8,"after":"john-vii-palaiologos.questions.js"}
// one line per resource whose request started before the first card, in the order they started.
// startMs/endMs: request start and response end, ms since navigation start. `by`: the chunk that
// requested it, from the build's chunk graph (see `waterfall`); `depth`: its links from the
// document (0) through such requesters; `waitedMs`: from its requester's arrival to its request
// (the requester's running and whatever it awaited first); `after`: the last resource to arrive
// before it was requested. Then per kind and rate:
//   {"bench":"fresh-user-critical-path","cpuSlowdown":1,"runs":5,"medianDepth":4,"medianLength":7,
//    "medianEndMs":416,"medianFetchingMs":210,"medianFirstCardMs":441,"path":["/deck/…/study",…]}
// `path`: the critical path of the median run, the chain of `after` links ending with the last
// resource to arrive before the first card; over all runs the median of the deepest requester
// chain, of the path's length, of when its last link arrived and of the time its links spent
// being fetched (the rest went to running code and waiting between them).
// E2E_DIST serves another build (relative to the repo, e.g. a copy of dist made before a change),
// to compare two builds side by side. `vite preview` on localhost answers at once, so a chain of
// requests costs little here; FIRST_CARD_LATENCY_MS=100 adds that round-trip time to every request
// from the network (CDP Network.emulateNetworkConditions), as a phone's connection would: then
// each link of the chain costs at least one round trip. (The service worker's cache answers without it.)
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core'
import { chromiumArgs, chromiumPath, defaultOutDir, root, startPreview } from '../browser'
import { previous } from './previous'

const runs = Number(process.env.FIRST_CARD_RUNS ?? 5)
const latencyMs = Number(process.env.FIRST_CARD_LATENCY_MS ?? 0)
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

/** A resource the page requested, from its Resource Timing entry (ms since navigation start). */
interface Timed {
  url: string
  startMs: number
  endMs: number
}
interface Link extends Timed {
  depth: number
  /** The index (in start order) of the resource whose code or markup requested it. */
  by?: number
  /** The index of the last resource to arrive before it was requested: what it may have waited for. */
  after?: number
}

/**
 * Which built files may request each built file: the chunks that import it (statically or
 * dynamically) or whose CSS it is, from the build's chunk graph (dist/.vite/manifest.json). The
 * entry chunk and its CSS are the document's.
 */
function requesters(): Map<string, string[]> {
  type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; isEntry?: boolean }
  const manifest = JSON.parse(readFileSync(join(root, defaultOutDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >
  const by = new Map<string, string[]>()
  const add = (file: string, requester: string) => by.set(file, [...(by.get(file) ?? []), requester])
  for (const chunk of Object.values(manifest)) {
    for (const key of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) {
      const imported = manifest[key]
      if (imported) add(imported.file, chunk.file)
    }
    for (const css of chunk.css ?? []) add(css, chunk.file)
  }
  return by
}

/**
 * Each resource's requester and depth (links from the document, which is 0), in start order. The
 * requester is the chunk that imports it and had arrived when it was requested (the last to arrive
 * of those); a file requested before any of its importers arrived was preloaded with one of them (Vite
 * preloads a dynamic import's static imports alongside it) and shares that one's requester. A file
 * no chunk imports (the entry, an icon) is the document's.
 */
function waterfall(timed: readonly Timed[], graph: ReadonlyMap<string, string[]>): Link[] {
  const links: Link[] = []
  const file = (url: string) => new URL(url).pathname.slice(1)
  for (const t of [...timed].sort((a, b) => a.startMs - b.startMs)) {
    const importers = new Set(graph.get(file(t.url)) ?? [])
    const fetched = links.map((l, i) => [l, i] as const).filter(([l]) => importers.has(file(l.url)))
    const arrived = fetched.filter(([l]) => l.endMs <= t.startMs).sort(([a], [b]) => b.endMs - a.endMs)[0]
    const by = arrived ? arrived[1] : fetched.length ? fetched[0]![0].by : links.length ? 0 : undefined
    let after: number | undefined
    links.forEach((l, i) => {
      if (l.endMs <= t.startMs && (after === undefined || l.endMs > links[after]!.endMs)) after = i
    })
    links.push({ ...t, depth: by === undefined ? 0 : links[by]!.depth + 1, by, after })
  }
  return links
}

/**
 * The chain of waits that ends with the resource that arrived last before the first card: each link
 * the last to arrive before the next was requested (a chain of awaits shows as such a chain).
 */
function criticalPath(links: readonly Link[]): Link[] {
  let tail = [...links].sort((a, b) => b.endMs - a.endMs)[0]
  const path: Link[] = []
  while (tail) {
    path.unshift(tail)
    tail = tail.after === undefined ? undefined : links[tail.after]
  }
  return path
}

/** A resource's file name without its content hash (the route's document: its path). */
const shortName = (url: string) => {
  const { pathname } = new URL(url)
  return pathname.startsWith('/assets/') ? pathname.slice(8).replace(/-[\w-]{8}\.(js|css)$/, '.$1') : pathname
}

/** The page's Resource Timing entries (the document first) that started before the first card. */
async function timings(page: Page, firstCardAt: number): Promise<Timed[]> {
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
      url: e.name,
      startMs: e.startTime,
      endMs: (e as PerformanceResourceTiming).responseEnd,
    })),
  )
  const round = (ms: number) => Math.round(ms * 10) / 10
  return entries
    .filter((e) => e.startMs <= firstCardAt)
    .map((e) => ({ url: e.url.replace(/#.*$/, ''), startMs: round(e.startMs), endMs: round(e.endMs) }))
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
  const links = waterfall(await timings(page, probe.firstCardAt), graph)
  return { ms: probe.firstCardAt, fetched: paths.map(fetchedFile), links }
}

const graph = requesters()
const server = await startPreview()
const studyUrl = `${server.url}deck/${deckId}/study`
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
try {
  const seen = { fresh: new Map<string, Fetched>(), returning: new Map<string, Fetched>() }
  const totals = { fresh: [] as number[], returning: [] as number[] }
  for (const rate of [1, 4]) {
    const times = { fresh: [] as number[], returning: [] as number[] }
    const chains = { fresh: [] as Link[][], returning: [] as Link[][] }
    for (let i = 0; i < runs; i++) {
      // A fresh context: its own empty storage, cache and service workers.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
      try {
        await context.addInitScript({ content: probes })
        const log = recordRequests(context)
        const page = await context.newPage()
        const cdp = await context.newCDPSession(page)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate })
        if (latencyMs) {
          await cdp.send('Network.enable')
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: latencyMs,
            downloadThroughput: -1,
            uploadThroughput: -1,
          })
        }
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
          chains[kind].push(run.links)
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
          latencyMs: latencyMs || undefined,
          runs,
          medianMs: Math.round(median(times[kind])),
          // The previous release was measured without added latency.
          previousMs: latencyMs ? undefined : previous(`${kind}-user-first-card:${rate}x:ms`),
          allMs: times[kind].map(Math.round),
          goal: kind === 'fresh' && rate === 4 ? '≤ 2500 ms' : undefined,
        }),
      )
    for (const kind of ['fresh', 'returning'] as const) {
      // The run whose first card came at the median time (the lower middle of an even count).
      const order = times[kind].map((ms, i) => [ms, i] as const).sort((a, b) => a[0] - b[0])
      const links = chains[kind][order[Math.floor((order.length - 1) / 2)]![1]]!
      const name = (i: number | undefined) => (i === undefined ? undefined : shortName(links[i]!.url))
      for (const { url, by, after, ...link } of links) {
        const waitedMs = by === undefined ? undefined : Math.round((link.startMs - links[by]!.endMs) * 10) / 10
        console.log(
          JSON.stringify({
            bench: `${kind}-user-waterfall`,
            cpuSlowdown: rate,
            resource: shortName(url),
            ...link,
            by: name(by),
            waitedMs,
            after: name(after),
          }),
        )
      }
      const paths = chains[kind].map(criticalPath)
      const fetching = (chain: Link[]) => chain.reduce((sum, l) => sum + l.endMs - l.startMs, 0)
      console.log(
        JSON.stringify({
          bench: `${kind}-user-critical-path`,
          cpuSlowdown: rate,
          runs,
          medianDepth: median(chains[kind].map((run) => Math.max(...run.map((l) => l.depth)))),
          medianLength: median(paths.map((chain) => chain.length - 1)),
          medianEndMs: Math.round(median(paths.map((chain) => chain.at(-1)!.endMs))),
          medianFetchingMs: Math.round(median(paths.map(fetching))),
          medianFirstCardMs: Math.round(median(times[kind])),
          path: criticalPath(links).map((l) => shortName(l.url)),
        }),
      )
    }
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
