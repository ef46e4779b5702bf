// The family-tree layout: every person once, generations in order, spouses side by side,
// children under their parents, families side by side, no boxes overlapping — also on decks
// with mistakes (a parent loop) or unusual marriages (with a grandchild, uncle and niece).
import { describe, expect, it } from 'vitest'
import { layoutFamilyTree, type FamilyTreeLayout } from '../../../src/domain/layout/family-tree'
import { dated, deckOf, on, parent, person, spouse } from './deck-builder'
import { overlappingBoxes, parentsNotAbove, spousesApart } from './invariants'

// Three generations shaped like the built-in deck, with made-up names.
const family = deckOf(
  [
    person('gf', 'Grandfather', 'male'),
    person('gm', 'Grandmother', 'female'),
    person('father', 'Father', 'male'),
    person('mother', 'Mother', 'female'),
    person('uncle', 'Uncle', 'male'),
    person('aunt', 'Aunt by marriage', 'female'),
    person('me', 'Me', 'male'),
    person('wife', 'Wife', 'female'),
    person('son', 'Son', 'male'),
    person('cousin1', 'First cousin'),
    person('cousin2', 'Second cousin'),
    { id: 'emperor', kind: 'office', name: 'Emperor', aliases: [] },
    person('stranger', 'Unrelated person'),
  ],
  [
    spouse('gf', 'gm'),
    parent('father', 'gf'),
    parent('father', 'gm'),
    parent('uncle', 'gf'),
    parent('uncle', 'gm'),
    spouse('father', 'mother'),
    spouse('uncle', 'aunt'),
    parent('me', 'father'),
    parent('me', 'mother'),
    spouse('me', 'wife'),
    parent('son', 'me'),
    parent('son', 'wife', true),
    parent('cousin1', 'uncle'),
    parent('cousin1', 'aunt'),
    parent('cousin2', 'uncle'),
    parent('cousin2', 'aunt'),
    dated('born', 'me', on(1370)),
    dated('died', 'me', on(1408, 9, 22)),
  ],
)

const byId = (layout: FamilyTreeLayout) => new Map(layout.nodes.map((n) => [n.id, n]))
const centre = (n: { x: number; width: number }) => n.x + n.width / 2

describe('layoutFamilyTree', () => {
  const layout = layoutFamilyTree(family)
  const at = byId(layout)

  it('places every person exactly once and nothing else', () => {
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(
      family.entities
        .filter((e) => e.kind === 'person')
        .map((e) => e.id)
        .sort(),
    )
  })

  it('puts each generation on its own row, parents above children', () => {
    expect(['gf', 'gm'].map((id) => at.get(id)!.generation)).toEqual([0, 0])
    expect(['father', 'mother', 'uncle', 'aunt'].map((id) => at.get(id)!.generation)).toEqual([1, 1, 1, 1])
    expect(['me', 'wife', 'cousin1', 'cousin2'].map((id) => at.get(id)!.generation)).toEqual([2, 2, 2, 2])
    expect(at.get('son')!.generation).toBe(3)
    expect(at.get('gf')!.y).toBeLessThan(at.get('father')!.y)
    expect(at.get('father')!.y).toBeLessThan(at.get('me')!.y)
    expect(at.get('me')!.y).toBeLessThan(at.get('son')!.y)
    expect(parentsNotAbove(family, layout)).toEqual([])
  })

  it('puts spouses side by side on one row', () => {
    expect(spousesApart(family, layout)).toEqual([])
    for (const [a, b] of [
      ['father', 'mother'],
      ['me', 'wife'],
      ['gf', 'gm'],
    ] as const) {
      const [l, r] = [at.get(a)!, at.get(b)!].sort((p, q) => p.x - q.x)
      expect(r!.x - (l!.x + l!.width)).toBe(20)
    }
  })

  it('draws no overlapping boxes', () => {
    expect(overlappingBoxes(layout.nodes)).toEqual([])
  })

  it('puts a child under its parents', () => {
    const [father, mother, me] = [at.get('father')!, at.get('mother')!, at.get('me')!]
    const left = Math.min(father.x, mother.x)
    const right = Math.max(father.x + father.width, mother.x + mother.width)
    expect(centre(me)).toBeGreaterThanOrEqual(left)
    expect(centre(me)).toBeLessThanOrEqual(right)
    // Siblings hang from their parents' line: the cousins are nearer the uncle's couple than mine.
    const uncleCouple = (centre(at.get('uncle')!) + centre(at.get('aunt')!)) / 2
    const myParents = (centre(father) + centre(mother)) / 2
    for (const id of ['cousin1', 'cousin2'])
      expect(Math.abs(centre(at.get(id)!) - uncleCouple)).toBeLessThan(Math.abs(centre(at.get(id)!) - myParents))
  })

  it('sets unrelated families side by side, each starting at the top row', () => {
    const stranger = at.get('stranger')!
    expect(stranger.generation).toBe(0)
    expect(stranger.family).not.toBe(at.get('me')!.family)
    const others = layout.nodes.filter((n) => n.id !== 'stranger')
    expect(
      stranger.x >= Math.max(...others.map((n) => n.x + n.width)) ||
        stranger.x + stranger.width <= Math.min(...others.map((n) => n.x)),
    ).toBe(true)
  })

  it('draws a couple’s children from the middle of their line, and marks disputed links', () => {
    const edge = layout.edges.find((e) => e.kind === 'parent' && e.to === 'me')!
    expect(edge.from.sort()).toEqual(['father', 'mother'])
    const [father, mother] = [at.get('father')!, at.get('mother')!]
    expect(edge.points[0]).toEqual({ x: (father.x + father.width + mother.x) / 2, y: father.y + father.height / 2 })
    expect(edge.points.at(-1)).toEqual({ x: centre(at.get('me')!), y: at.get('me')!.y })
    expect(edge.disputed).toBe(false)
    expect(layout.edges.find((e) => e.kind === 'parent' && e.to === 'son')!.disputed).toBe(true)
    expect(layout.edges.filter((e) => e.kind === 'spouse')).toHaveLength(4)
  })

  it('fits the drawing into its width and height', () => {
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width)
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height)
    }
  })

  it('labels boxes with years of life and breaks long names', () => {
    expect(at.get('me')!.lifespan).toBe('1370–1408')
    expect(at.get('gf')!.lifespan).toBe('')
    const long = layoutFamilyTree(deckOf([person('a', 'Andronikos Palaiologos, Despot of Thessalonica')], []))
    expect(long.nodes[0]!.lines.length).toBe(2)
    expect(long.nodes[0]!.lines).toEqual(['Andronikos Palaiologos,', 'Despot of Thessalonica'])
  })

  it('lists the family as nested units for the text alternative', () => {
    const top = layout.outline[0]!
    expect(top.people.map((p) => p.id)).toEqual(['gf', 'gm'])
    const branches = top.children.map((c) => c.people.map((p) => p.id))
    expect(branches).toContainEqual(['father', 'mother'])
    expect(branches).toContainEqual(['uncle', 'aunt'])
    const mine = top.children.find((c) => c.people[0]!.id === 'father')!
    expect(mine.children[0]!.people.map((p) => p.id)).toEqual(['me', 'wife'])
    expect(mine.children[0]!.children[0]!.people.map((p) => p.id)).toEqual(['son'])
    expect(layout.outline.map((item) => item.people[0]!.id)).toContain('stranger')
  })

  it('keeps an uncle and his niece on one row when they marry, below their parents', () => {
    const deck = deckOf(
      ['g', 'uncle', 'sister', 'niece', 'child'].map((id) => person(id)),
      [
        parent('uncle', 'g'),
        parent('sister', 'g'),
        parent('niece', 'sister'),
        spouse('uncle', 'niece'),
        parent('child', 'uncle'),
        parent('child', 'niece'),
      ],
    )
    const l = layoutFamilyTree(deck)
    expect(spousesApart(deck, l)).toEqual([])
    expect(parentsNotAbove(deck, l)).toEqual([])
    expect(overlappingBoxes(l.nodes)).toEqual([])
  })

  it('still draws a marriage to one’s own grandchild, across rows', () => {
    const deck = deckOf(
      ['a', 'b', 'c', 'd'].map((id) => person(id)),
      [parent('b', 'a'), parent('c', 'b'), spouse('a', 'c'), spouse('b', 'd')],
    )
    const l = layoutFamilyTree(deck)
    expect(parentsNotAbove(deck, l)).toEqual([])
    expect(spousesApart(deck, l)).toEqual(['spouse:a:c'])
    expect(overlappingBoxes(l.nodes)).toEqual([])
    expect(l.edges.find((e) => e.id === 'spouse:a:c')!.points).toHaveLength(2)
  })

  it('survives a parent loop (a mistake in the deck) and places everyone once', () => {
    const deck = deckOf(
      ['a', 'b', 'c'].map((id) => person(id)),
      [parent('b', 'a'), parent('c', 'b'), parent('a', 'c')],
    )
    const l = layoutFamilyTree(deck)
    expect(l.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c'])
    expect(new Set(l.nodes.map((n) => n.generation)).size).toBe(3)
    expect(overlappingBoxes(l.nodes)).toEqual([])
  })

  it('ignores links to people who are not in the deck and lays out an empty deck', () => {
    const l = layoutFamilyTree(deckOf([person('a')], [parent('a', 'ghost'), spouse('a', 'a')]))
    expect(l.nodes).toHaveLength(1)
    expect(l.edges).toEqual([])
    expect(layoutFamilyTree(deckOf([], []))).toMatchObject({ nodes: [], edges: [], width: 0, height: 0 })
  })
})
