// Family-tree and timeline layout of a synthetic 1,000-person deck. Goal (issue 7 §4): < 100 ms.
// Prints one JSON line per run: run 1 is the first call in the process (cold: the JIT has not
// optimised anything yet, as when a learner first opens the tab), runs 2–6 follow.
import { layoutFamilyTree } from '../../src/domain/layout/family-tree'
import { layoutTimeline } from '../../src/domain/layout/timeline'
import { syntheticDeck } from './layout-deck'

const deck = syntheticDeck(1000, 42)
const people = deck.entities.filter((e) => e.kind === 'person').length
const layouts = { 'family-tree': () => layoutFamilyTree(deck), timeline: () => layoutTimeline(deck) }

for (const [layout, run] of Object.entries(layouts)) {
  for (let k = 1; k <= 6; k++) {
    const t0 = performance.now()
    run()
    const ms = performance.now() - t0
    console.log(JSON.stringify({ bench: 'layout', layout, people, facts: deck.facts.length, run: k, cold: k === 1, ms: Math.round(ms * 100) / 100, goalMs: 100 }))
  }
}
