// A big deck's layouts are made in steps, so that a page can make them a slice per task: they
// yield at least once per few thousand facts, and what they make is the layout made at once.
import { describe, expect, it } from 'vitest'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'
import { familyTreeSteps, layoutFamilyTree } from '../../../src/domain/layout/family-tree'
import { layoutTimeline, timelineSteps } from '../../../src/domain/layout/timeline'
import { ITEMS_PER_STEP } from '../../../src/domain/steps'
import { runCounting as run } from '../../fixtures/steps'

const deck = syntheticDynasty(20_000, 3)

describe('layouts in steps', () => {
  const often = Math.floor(deck.facts.length / (4 * ITEMS_PER_STEP))

  it('makes the timeline in steps, the same timeline as at once', () => {
    const { result, yields } = run(timelineSteps(deck, { pxPerYear: 6 }))
    expect(yields).toBeGreaterThanOrEqual(often)
    expect(result).toEqual(layoutTimeline(deck, { pxPerYear: 6 }))
  })

  it('makes the family tree in steps, the same tree as at once', () => {
    const { result, yields } = run(familyTreeSteps(deck))
    expect(yields).toBeGreaterThanOrEqual(often)
    expect(result.nodes.length).toBeGreaterThan(1000)
    expect(result).toEqual(layoutFamilyTree(deck))
  })
})
