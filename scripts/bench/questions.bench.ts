// Question generation on synthetic dynasties of 1k, 10k and 100k facts.
// Each size and path runs in its own process so that peak memory is that run's alone. One JSON
// line per run:
//   {"bench":"questions","facts":…,"questions":…,"ms":…,"cpuMs":…,"peakMB":…,"retainedMB":…}
//   {"bench":"questions-compact","facts":…,"questions":…,"parts":…,"ms":…,"cpuMs":…,"peakMB":…,"retainedMB":…,"partsMB":…}
// "questions" is generateQuestions: every question as an object. "questions-compact" is the app's
// path (the deck-questions worker opening a deck never opened): questionBatches compacted batch by
// batch into the question cache's parts (QuestionCompactor, QUESTION_CACHE_PART questions each),
// held packed (PackedParts), and the bank over them the worker then serves the deck from.
// ms: wall time of the run (cold: first call in the process); cpuMs: CPU time of the process
// meanwhile (GC threads included), less sensitive to a busy machine; peakMB: the process's peak
// resident memory (Node itself, the deck and the questions); retainedMB: heap the run's result
// keeps after a full GC (the questions; for the compact path the packed parts and the bank's
// stubs); parts: how many parts; partsMB: their heads and bodies unpacked, in 2^20 characters.
// Goal: 100k facts in ≤ 1 s and ≤ 200 MB, ≤ 11× the time per 10× facts.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { QuestionCompactor } from '../../src/domain/questions/compact-write'
import { PackedParts } from '../../src/domain/questions/packed-parts'
import { generateQuestions, questionBatches } from '../../src/domain/questions/generate'
import { QUESTION_CACHE_PART } from '../../src/storage/repositories'
import { previous } from './previous'
import { syntheticDynasty } from './synthetic-dynasty'

const SIZES = [1_000, 10_000, 100_000]
const PATHS = ['questions', 'compact'] as const
type Path = (typeof PATHS)[number]
const gc = (globalThis as { gc?: () => void }).gc

/** The deck's questions as the worker holds them once generated: packed compact parts, and a bank over them. */
function generateCompact(deck: ReturnType<typeof syntheticDynasty>) {
  const parts = new PackedParts()
  const compactor = new QuestionCompactor(QUESTION_CACHE_PART, (part) => parts.push(part))
  for (const batch of questionBatches(deck, { seed: 1 })) compactor.add(batch)
  compactor.finish()
  return { parts, bank: parts.bank() }
}

/** The characters of the parts' heads and bodies, unpacked (one at a time). */
function charsOf(parts: PackedParts): number {
  let chars = 0
  for (let i = 0; i < parts.count; i++) {
    const { head, body } = parts.part(i)
    chars += head.length + body.length
  }
  return chars
}

function run(facts: number, path: Path): void {
  const deck = syntheticDynasty(facts, 7)
  gc?.()
  const before = process.memoryUsage().heapUsed
  const cpu = process.cpuUsage()
  const start = performance.now()
  const made = path === 'questions' ? generateQuestions(deck, { seed: 1 }) : generateCompact(deck)
  const ms = performance.now() - start
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000
  gc?.()
  const retained = process.memoryUsage().heapUsed - before
  const peakMB = Math.round(process.resourceUsage().maxRSS / 1024)
  const retainedMB = gc ? Math.round(retained / 2 ** 20) : null
  const line = !Array.isArray(made)
    ? {
        bench: 'questions-compact',
        facts: deck.facts.length,
        questions: made.bank.stubs.length,
        parts: made.parts.count,
        ms: Math.round(ms),
        cpuMs: Math.round(cpuMs),
        peakMB,
        retainedMB,
        partsMB: Math.round(charsOf(made.parts) / 2 ** 20),
      }
    : {
        bench: 'questions',
        facts: deck.facts.length,
        questions: made.length,
        ms: Math.round(ms),
        previousMs: previous(`questions:${deck.facts.length}:ms`),
        cpuMs: Math.round(cpuMs),
        peakMB,
        previousPeakMB: previous(`questions:${deck.facts.length}:peakMB`),
        retainedMB,
      }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

const at = process.argv.indexOf('--facts')
const pathAt = process.argv.indexOf('--path')
if (at >= 0) run(Number(process.argv[at + 1]), pathAt >= 0 ? (process.argv[pathAt + 1] as Path) : 'questions')
else {
  let failed = false
  for (const facts of SIZES)
    for (const path of PATHS) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--facts', String(facts), '--path', path],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      )
      if (child.status !== 0) failed = true
    }
  process.exitCode = failed ? 1 : 0
}
