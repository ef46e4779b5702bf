// Question generation on synthetic dynasties of 1k, 10k and 100k facts.
// Each size runs in its own process so that peak memory is that run's alone. One JSON line per run:
//   {"bench":"questions","facts":…,"questions":…,"ms":…,"cpuMs":…,"peakMB":…,"retainedMB":…}
// ms: wall time of generateQuestions (cold: first call in the process); cpuMs: CPU time of the
// process meanwhile (GC threads included), less sensitive to a busy machine; peakMB: the process's
// peak resident memory (Node itself, the deck and the questions); retainedMB: heap the questions
// keep after a full GC. Goal: 100k facts in ≤ 1 s and ≤ 200 MB, ≤ 11× the time per 10× facts.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { generateQuestions } from '../../src/domain/questions/generate'
import { previous } from './previous'
import { syntheticDynasty } from './synthetic-dynasty'

const SIZES = [1_000, 10_000, 100_000]
const gc = (globalThis as { gc?: () => void }).gc

function run(facts: number): void {
  const deck = syntheticDynasty(facts, 7)
  gc?.()
  const before = process.memoryUsage().heapUsed
  const cpu = process.cpuUsage()
  const start = performance.now()
  const questions = generateQuestions(deck, { seed: 1 })
  const ms = performance.now() - start
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000
  gc?.()
  const retained = process.memoryUsage().heapUsed - before
  const line = {
    bench: 'questions',
    facts: deck.facts.length,
    questions: questions.length,
    ms: Math.round(ms),
    previousMs: previous(`questions:${deck.facts.length}:ms`),
    cpuMs: Math.round(cpuMs),
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    previousPeakMB: previous(`questions:${deck.facts.length}:peakMB`),
    retainedMB: gc ? Math.round(retained / 2 ** 20) : null,
  }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

const at = process.argv.indexOf('--facts')
if (at >= 0) run(Number(process.argv[at + 1]))
else {
  let failed = false
  for (const facts of SIZES) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--facts', String(facts)],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    )
    if (child.status !== 0) failed = true
  }
  process.exitCode = failed ? 1 : 0
}
