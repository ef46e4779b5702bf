// Property tests: for random acyclic family graphs the tree layout places everyone once, never
// overlaps boxes, draws every parent above their child and, whenever the marriages allow a
// row for each couple, spouses on one row.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Fact } from '../../../src/domain/deck/types'
import { layoutFamilyTree } from '../../../src/domain/layout/family-tree'
import { deckOf, parent, person, spouse } from './deck-builder'
import { overlappingBoxes, parentsNotAbove, spousesApart } from './invariants'

const slot = fc.record({
  level: fc.integer({ min: 0, max: 5 }),
  parents: fc.integer({ min: 0, max: 2 }),
  a: fc.nat(),
  b: fc.nat(),
  spouse: fc.option(fc.nat(), { nil: undefined }),
})

/** People on levels; parents from the level above, spouses from the same level: a consistent tree exists. */
const levelledFamilies = fc.array(slot, { minLength: 1, maxLength: 70 }).map((slots) => {
  const ids = slots.map((_, i) => `p${i}`)
  const onLevel = (level: number) => slots.flatMap((s, i) => (s.level === level ? [i] : []))
  const facts: Fact[] = []
  slots.forEach((s, i) => {
    const above = onLevel(s.level - 1)
    const chosen = new Set(
      above.length ? [above[s.a % above.length]!, above[s.b % above.length]!].slice(0, s.parents) : [],
    )
    for (const p of chosen) facts.push(parent(ids[i]!, ids[p]!))
    const same = onLevel(s.level).filter((k) => k !== i)
    if (s.spouse !== undefined && same.length) facts.push(spouse(ids[i]!, ids[same[s.spouse % same.length]!]!))
  })
  return deckOf(
    ids.map((id) => person(id)),
    dedupe(facts),
  )
})

/** Any acyclic parent links (parents have smaller indices) and any marriages. */
const anyFamilies = fc.array(slot, { minLength: 1, maxLength: 70 }).map((slots) => {
  const ids = slots.map((_, i) => `p${i}`)
  const facts: Fact[] = []
  slots.forEach((s, i) => {
    if (i > 0) for (const p of new Set([s.a % i, s.b % i].slice(0, s.parents))) facts.push(parent(ids[i]!, ids[p]!))
    if (s.spouse !== undefined && s.spouse % slots.length !== i)
      facts.push(spouse(ids[i]!, ids[s.spouse % slots.length]!))
  })
  return deckOf(
    ids.map((id) => person(id)),
    dedupe(facts),
  )
})

function dedupe(facts: Fact[]): Fact[] {
  return [...new Map(facts.map((f) => [f.id, f])).values()]
}

describe('layoutFamilyTree on random families', () => {
  it('places everyone once, without overlaps, parents above children and spouses side by side', () => {
    fc.assert(
      fc.property(levelledFamilies, (deck) => {
        const layout = layoutFamilyTree(deck)
        expect(layout.nodes.map((n) => n.id)).toEqual(deck.entities.map((e) => e.id))
        expect(overlappingBoxes(layout.nodes)).toEqual([])
        expect(parentsNotAbove(deck, layout)).toEqual([])
        expect(spousesApart(deck, layout)).toEqual([])
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('keeps everyone once, without overlaps and parents above children, whatever the marriages', () => {
    fc.assert(
      fc.property(anyFamilies, (deck) => {
        const layout = layoutFamilyTree(deck)
        expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(deck.entities.length)
        expect(overlappingBoxes(layout.nodes)).toEqual([])
        expect(parentsNotAbove(deck, layout)).toEqual([])
        for (const n of layout.nodes) expect(n.x + n.width).toBeLessThanOrEqual(layout.width)
      }),
      { numRuns: 300, seed: 11 },
    )
  })
})
