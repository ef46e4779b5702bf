// In real Chromium with real IndexedDB: the study view of the built-in deck with 50k
// cards and 500k review-log entries in the database.
//   - open: navigation start → first card painted (goal < 300 ms), several loads of a warm app;
//   - grade: key press (1–4) → next card painted (goal p95 < 50 ms), over a whole session.
// It builds the app in bench mode (bench-results/dist: the production app plus a page that seeds
// the database through src/storage; see vite.config.ts), serves it with `vite preview` and drives
// Debian's Chromium with playwright-core. Needs src/generated (run `npm run build` once first).
// STUDY_BENCH_DIST serves a bench build made before instead (relative to the repo; `vite build --mode
// bench --outDir <dir>`), e.g. of an older commit, to compare two builds side by side.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import type { BenchSeedRequest } from './page/seed'
import { chromiumArgs, chromiumPath, removeProfile, root, startPreview } from '../browser'

const deckId = 'john-vii-palaiologos'
const cards = Number(process.env.BENCH_CARDS ?? 50_000)
const reviews = Number(process.env.BENCH_REVIEWS ?? 500_000)
const openRuns = 7

const emit = (figure: Record<string, unknown>) =>
  console.log(JSON.stringify({ bench: 'study-view', cards, reviews, ...figure }))
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
const round = (ms: number) => Math.round(ms * 10) / 10

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? NaN),
  }
}

// Timing probes, installed before any app script runs. "Painted" = the first animation frame after
// the DOM shows the state, so rendering is included. Plain JS text: tsx would wrap a function's inner
// helpers in `__name()`, which does not exist in the page.
const probes = `
  window.bench = { latencies: [] };
  const answerShowing = () => document.querySelector('section[aria-label="Answer"]') !== null;
  const cardShowing = () => document.querySelector('article h2') !== null && !answerShowing();
  new MutationObserver(() => {
    if (window.bench.firstCardAt === undefined && cardShowing()) {
      window.bench.firstCardAt = -1;
      requestAnimationFrame(() => { window.bench.firstCardAt = performance.now(); });
    }
    const start = window.bench.gradeStart;
    if (start !== undefined && !answerShowing()) {
      window.bench.gradeStart = undefined;
      requestAnimationFrame(() => { window.bench.latencies.push(performance.now() - start); });
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  window.addEventListener('keydown', (event) => {
    if (['1', '2', '3', '4'].includes(event.key) && answerShowing()) window.bench.gradeStart = event.timeStamp;
  }, true);
`

const bench = (page: Page) =>
  page.evaluate(() => (window as unknown as { bench: { firstCardAt?: number; latencies: number[] } }).bench)

function buildBenchApp(): void {
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'bench', '--logLevel', 'error'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  if (build.status !== 0) throw new Error(`bench build failed:\n${build.stdout}\n${build.stderr}`)
}

const prebuilt = process.env.STUDY_BENCH_DIST
if (!prebuilt) buildBenchApp()
const server = await startPreview({ outDir: prebuilt ?? join('bench-results', 'dist') })
const profile = mkdtempSync(join(tmpdir(), 'stavraton-bench-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
  viewport: { width: 412, height: 900 },
})
try {
  await run()
} catch (error) {
  const page = context.pages()[0]
  await page?.screenshot({ path: join(root, 'bench-results', 'study-bench-failure.png') }).catch(() => undefined)
  throw error
} finally {
  await context.close()
  removeProfile(profile)
  await server.stop()
}

async function run(): Promise<void> {
  context.setDefaultTimeout(120_000)
  await context.addInitScript({ content: probes })
  const page = context.pages()[0] ?? (await context.newPage())
  const studyUrl = `${server.url}deck/${deckId}/study`

  // 1. A first visit: the service worker installs and the deck's questions are synced.
  await page.goto(studyUrl)
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)

  // 2. Seed 50k cards (the deck's own first) and 500k reviews through src/storage.
  await page.goto(`${server.url}scripts/bench/page/seed.html`)
  await page.waitForFunction(() => document.body.dataset.ready === 'true')
  const request: BenchSeedRequest = { deckId, cards, reviews, now: Date.now() }
  const seeded = await page.evaluate(
    (r) =>
      (
        window as unknown as { stavratonBench: { seed(r: BenchSeedRequest): Promise<Record<string, number>> } }
      ).stavratonBench.seed(r),
    request,
  )
  emit({
    figure: 'seed',
    ms: round(seeded.ms ?? NaN),
    deckCards: seeded.deckCards,
    reviewsInDatabase: seeded.totalReviews,
  })

  // 3. Open the study view: navigation start → first card painted.
  const opens: number[] = []
  for (let run = 0; run < openRuns; run++) {
    await page.goto(studyUrl)
    await page.waitForFunction(
      () => ((window as unknown as { bench: { firstCardAt?: number } }).bench.firstCardAt ?? -1) > 0,
    )
    opens.push((await bench(page)).firstCardAt!)
  }
  // The first run also loads the study chunk from the service-worker cache into memory: report it apart.
  emit({ figure: 'open-study-view', unit: 'ms', first: round(opens[0]!), ...summary(opens.slice(1)), goal: '< 300' })

  // 4. Grade a whole session: key press (1–4) → next card painted. (The answer is revealed with a
  // click: typed-recall cards hold the focus in their text box, where Space would type.)
  const showAnswer = page.getByRole('button', { name: 'Show answer' })
  const grades = ['3', '4', '2', '3']
  let missed = 0 // a grade whose next card never showed within 10 s
  for (let i = 0; i < 200 && (await showAnswer.isVisible()); i++) {
    // A tap within the input guard's settle time after the grade that brought this card is taken
    // for a double tap and dropped, as the app means it to be: tap again, as a learner would.
    const gradeBar = page.getByRole('group', { name: 'Grade your answer' })
    for (let tap = 0; tap < 5 && !(await gradeBar.isVisible()); tap++) {
      await showAnswer.click()
      await gradeBar.waitFor({ timeout: 1000 }).catch(() => undefined)
    }
    await gradeBar.waitFor()
    const before = (await bench(page)).latencies.length
    await page.keyboard.press(grades[i % grades.length]!)
    const measured = await page
      .waitForFunction(
        (n) => (window as unknown as { bench: { latencies: number[] } }).bench.latencies.length > n,
        before,
        { timeout: 10_000 },
      )
      .then(
        () => true,
        () => false,
      )
    if (!measured) {
      missed++
      await page.screenshot({ path: join(root, 'bench-results', `study-bench-missed-${missed}.png`) })
    }
  }
  emit({
    figure: 'grade-to-next-card',
    unit: 'ms',
    ...summary((await bench(page)).latencies),
    missed,
    goal: 'p95 < 50',
  })
}
