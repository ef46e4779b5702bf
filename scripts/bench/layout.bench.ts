// Family-tree and timeline layout of a synthetic 1,000-person deck. Goal (issue 7 §4): < 100 ms
// each. Prints one JSON line per run, after warm-up runs that let the JIT settle.
import { layoutFamilyTree } from '../../src/domain/layout/family-tree'
import { layoutTimeline } from '../../src/domain/layout/timeline'
import { syntheticDeck } from './layout-deck'

const people = 1000
const deck = syntheticDeck(people, 42)
const persons = deck.entities.filter((e) => e.kind === 'person').length
const layouts = { 'family-tree': () => layoutFamilyTree(deck), timeline: () => layoutTimeline(deck) }

for (const [layout, run] of Object.entries(layouts)) {
  for (let k = 0; k < 3; k++) run()
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now()
    run()
    const ms = performance.now() - t0
    console.log(JSON.stringify({ bench: 'layout', layout, people: persons, facts: deck.facts.length, run: k + 1, ms: Math.round(ms * 100) / 100, goalMs: 100 }))
  }
  // The very first call in a fresh process, as a user opening the tab would see it, is not
  // measured here: it includes module compilation.
}
