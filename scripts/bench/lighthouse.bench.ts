// Lighthouse 12 (mobile, its default: emulated phone, simulated slow 4G and 4× CPU) on the built
// Library view, served by `vite preview`, in Debian's Chromium. Lighthouse scores vary from run to
// run (more so on a busy 2-core machine), so it runs LIGHTHOUSE_RUNS times (default 5), each in a
// fresh profile, and prints the median score per category with every run's score, one JSON line
// each. Goal: performance ≥ 0.95, accessibility 1.0, best practices 1.0.
// Needs `npm run build`.
import lighthouse from 'lighthouse'
import { startDebuggableChromium, startPreview } from '../browser'

type Category = 'performance' | 'accessibility' | 'best-practices'
const categories: Category[] = ['performance', 'accessibility', 'best-practices']
const goals: Record<Category, number> = { performance: 0.95, accessibility: 1, 'best-practices': 1 }
const metrics = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
]
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 5)

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

interface Run {
  scores: Record<Category, number>
  metrics: Record<string, number>
  codeBytes: number
  codeFiles: number
  /** Audits that cost points, for acting on a low score. */
  losses: string[]
}

async function audit(url: string): Promise<Run> {
  const chromium = await startDebuggableChromium()
  try {
    const result = await lighthouse(url, {
      port: chromium.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: categories,
    })
    if (!result) throw new Error('Lighthouse returned no result')
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const losses: string[] = []
    const scores = {} as Record<Category, number>
    for (const category of categories) {
      scores[category] = lhr.categories[category]?.score ?? NaN
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id]
        if (ref.weight > 0 && a && a.score !== null && a.score < 1)
          losses.push(`${category}: ${a.id} ${a.score} ${a.displayValue ?? ''}`)
      }
    }
    // Everything the view fetched as script or style, compressed, lazily loaded chunks included
    // (the budget test counts only index.html's static imports).
    const requests =
      (
        lhr.audits['network-requests']?.details as
          { items?: { resourceType?: string; transferSize?: number }[] } | undefined
      )?.items ?? []
    const code = requests.filter((r) => r.resourceType === 'Script' || r.resourceType === 'Stylesheet')
    return {
      scores,
      metrics: Object.fromEntries(metrics.map((m) => [m, lhr.audits[m]?.numericValue ?? NaN])),
      codeBytes: code.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      codeFiles: code.length,
      losses,
    }
  } finally {
    await chromium.stop()
  }
}

const server = await startPreview()
try {
  const results: Run[] = []
  for (let i = 0; i < runs; i++) {
    const run = await audit(server.url)
    results.push(run)
    for (const loss of run.losses) process.stderr.write(`#   run ${i + 1}: ${loss}\n`)
  }
  const base = { bench: 'lighthouse', view: 'library', formFactor: 'mobile', runs }
  for (const category of categories) {
    const all = results.map((r) => r.scores[category])
    console.log(JSON.stringify({ ...base, category, score: median(all), all, goal: goals[category] }))
  }
  for (const metric of metrics) {
    console.log(
      JSON.stringify({
        ...base,
        metric,
        median: Math.round(median(results.map((r) => r.metrics[metric]!)) * 1000) / 1000,
      }),
    )
  }
  console.log(
    JSON.stringify({
      ...base,
      metric: 'js-css-transferred',
      bytes: median(results.map((r) => r.codeBytes)),
      files: results[0]?.codeFiles,
    }),
  )
} finally {
  await server.stop()
}
