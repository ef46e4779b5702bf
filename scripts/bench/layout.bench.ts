// Family-tree and timeline layout of a synthetic 1,000-person deck. Goal: < 100 ms. Then the
// longest step of a 100,000-fact deck's layouts and Facts index, made in steps.
// Prints one JSON line per measured run: `cold` is the first call in the process (nothing
// optimised yet, as when a learner first opens the tab); `warm` runs follow 20 unmeasured ones,
// once the JIT has settled. `ms` is wall time; `cpuMs` this process's CPU time, steadier when
// other work shares the machine.
import { SLICE_MS } from '../../src/composables/useSteps'
import { infoboxBuilderSteps } from '../../src/domain/deck/infobox'
import { familyTreeSteps, layoutFamilyTree } from '../../src/domain/layout/family-tree'
import { layoutTimeline, timelineSteps } from '../../src/domain/layout/timeline'
import { runSteps, type Steps } from '../../src/domain/steps'
import { syntheticDeck } from './layout-deck'
import { syntheticDynasty } from './synthetic-dynasty'

const deck = syntheticDeck(1000, 42)
const people = deck.entities.filter((e) => e.kind === 'person').length
const layouts = { 'family-tree': () => layoutFamilyTree(deck), timeline: () => layoutTimeline(deck) }
const round = (x: number) => Math.round(x * 100) / 100

function measure(layout: string, phase: 'cold' | 'warm', run: () => unknown) {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  run()
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const cpuMs = (cpu.user + cpu.system) / 1000
  console.log(
    JSON.stringify({
      bench: 'layout',
      layout,
      people,
      facts: deck.facts.length,
      phase,
      ms: round(ms),
      cpuMs: round(cpuMs),
      goalMs: 100,
    }),
  )
}

for (const [layout, run] of Object.entries(layouts)) {
  measure(layout, 'cold', run)
  for (let k = 0; k < 20; k++) run()
  for (let k = 0; k < 5; k++) measure(layout, 'warm', run)
}

// A 100,000-fact deck's tabs work a slice per task (useSteps): what a page cannot split is one
// step, so the longest step plus a slice must stay under a long task (50 ms). Warm runs.
const big = syntheticDynasty(Number(process.env.BENCH_FACTS ?? 100_000), 7)
const stepped: Record<string, () => Steps<unknown>> = {
  'family-tree': () => familyTreeSteps(big),
  timeline: () => timelineSteps(big, { pxPerYear: 6 }),
  'facts-index': () => infoboxBuilderSteps(big),
}
for (const [layout, make] of Object.entries(stepped)) {
  for (let k = 0; k < 2; k++) runSteps(make())
  for (let k = 0; k < 3; k++) {
    const steps = make()
    let longest = 0
    let total = 0
    let count = 0
    for (let done = false; !done; count++) {
      const t0 = performance.now()
      done = steps.next().done === true
      const ms = performance.now() - t0
      total += ms
      longest = Math.max(longest, ms)
    }
    console.log(
      JSON.stringify({
        bench: 'layout-steps',
        layout,
        facts: big.facts.length,
        steps: count,
        ms: round(total),
        longestStepMs: round(longest),
        goalMs: 50 - SLICE_MS,
      }),
    )
  }
}
