// Lighthouse 12 (mobile, its default: emulated phone, simulated slow 4G and 4× CPU) on the built
// Library view, served by `vite preview`, in Debian's Chromium. Prints one JSON line per score.
// Goal (issue 5 §7): performance ≥ 0.95, accessibility 1.0, best practices 1.0. Needs `npm run build`.
import lighthouse from 'lighthouse'
import { startDebuggableChromium, startPreview } from '../browser'

const categories = ['performance', 'accessibility', 'best-practices'] as const
const goals: Record<(typeof categories)[number], number> = { performance: 0.95, accessibility: 1, 'best-practices': 1 }

const server = await startPreview()
const chromium = await startDebuggableChromium()
try {
  const result = await lighthouse(server.url, { port: chromium.port, logLevel: 'error', output: 'json', onlyCategories: [...categories] })
  if (!result) throw new Error('Lighthouse returned no result')
  const { lhr } = result
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  for (const category of categories) {
    const score = lhr.categories[category]?.score ?? null
    console.log(JSON.stringify({ bench: 'lighthouse', view: 'library', formFactor: lhr.configSettings.formFactor, category, score, goal: goals[category] }))
    // What cost points, so a low score can be acted on.
    if (score !== null && score < 1) {
      const refs = lhr.categories[category]?.auditRefs ?? []
      for (const ref of refs.filter((r) => r.weight > 0)) {
        const audit = lhr.audits[ref.id]
        if (audit && audit.score !== null && audit.score < 1) process.stderr.write(`#   ${category}: ${audit.id} ${audit.score} ${audit.displayValue ?? ''}\n`)
      }
    }
  }
  for (const metric of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const audit = lhr.audits[metric]
    console.log(JSON.stringify({ bench: 'lighthouse', view: 'library', metric, value: audit?.numericValue ?? null, unit: audit?.numericUnit ?? null }))
  }
} finally {
  await chromium.stop()
  await server.stop()
}
