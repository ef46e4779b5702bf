// Family-tree and timeline layout of a synthetic 1,000-person deck. Goal: < 100 ms.
// Prints one JSON line per measured run: `cold` is the first call in the process (nothing
// optimised yet, as when a learner first opens the tab); `warm` runs follow 20 unmeasured ones,
// once the JIT has settled. `ms` is wall time; `cpuMs` this process's CPU time, steadier when
// other work shares the machine.
import { layoutFamilyTree } from '../../src/domain/layout/family-tree'
import { layoutTimeline } from '../../src/domain/layout/timeline'
import { syntheticDeck } from './layout-deck'

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
