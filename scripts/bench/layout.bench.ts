// Family-tree and timeline layout of a synthetic 1,000-person deck. Goal (issue 7 §4): < 100 ms.
// Prints one JSON line per run: run 1 is the first call in the process (cold: the JIT has not
// optimised anything yet, as when a learner first opens the tab), runs 2–6 follow. `ms` is wall
// time; `cpuMs` is this process's CPU time, steadier when other work shares the machine.
import { layoutFamilyTree } from '../../src/domain/layout/family-tree'
import { layoutTimeline } from '../../src/domain/layout/timeline'
import { syntheticDeck } from './layout-deck'

const deck = syntheticDeck(1000, 42)
const people = deck.entities.filter((e) => e.kind === 'person').length
const layouts = { 'family-tree': () => layoutFamilyTree(deck), timeline: () => layoutTimeline(deck) }

for (const [layout, run] of Object.entries(layouts)) {
  for (let k = 1; k <= 6; k++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    run()
    const ms = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    const cpuMs = (cpu.user + cpu.system) / 1000
    const round = (x: number) => Math.round(x * 100) / 100
    console.log(JSON.stringify({ bench: 'layout', layout, people, facts: deck.facts.length, run: k, cold: k === 1, ms: round(ms), cpuMs: round(cpuMs), goalMs: 100 }))
  }
}
