// The update preview names the facts and cards an import adds, changes and removes.
import { describe, expect, it } from 'vitest'
import { diffDecks } from '../../../src/domain/import/deck-changes'
import { canonicalText } from '../../../src/domain/text/canonical'
import type { Deck, Fact } from '../../../src/domain/deck/types'

const born = (year: number): Fact => ({
  type: 'date',
  key: 'born',
  id: 'born:john',
  subject: 'john',
  sources: ['s'],
  alternatives: [],
  value: { kind: 'on', start: { year }, circa: false, uncertain: false, text: String(year) },
})

function deck(facts: Fact[], cards: Deck['cards'] = [], name = 'John VII'): Deck {
  return {
    id: 'd',
    title: 'D',
    language: 'en',
    version: '1',
    sources: [{ id: 's', title: 'S' }],
    entities: [
      { id: 'john', kind: 'person', name, aliases: [] },
      { id: 'thess', kind: 'place', name: 'Thessalonica', aliases: [] },
    ],
    facts,
    cards,
  }
}

const diedAt: Fact = {
  type: 'place',
  key: 'diedAt',
  id: 'diedAt:john',
  subject: 'john',
  sources: ['s'],
  alternatives: [],
  value: 'thess',
}

describe('diffDecks', () => {
  it('lists added, changed and removed facts and cards with readable labels', () => {
    const before = deck(
      [born(1370), diedAt],
      [{ type: 'basic', id: 'card-1', front: 'Old question', back: 'x', sources: [] }],
    )
    const after = {
      ...deck([born(1371)], [{ type: 'basic', id: 'card-2', front: 'New question', back: 'y', sources: [] }]),
      title: 'D2',
    }
    const changes = diffDecks(before, after)
    expect(changes.changed).toEqual([{ id: 'born:john', label: 'John VII — born' }])
    expect(changes.added).toEqual([{ id: 'card:card-2', label: 'New question' }])
    expect(changes.removed).toEqual([
      { id: 'diedAt:john', label: 'John VII — place of death' },
      { id: 'card:card-1', label: 'Old question' },
    ])
    expect(changes.meta).toEqual(['title'])
    expect(changes.unchanged).toBe(0)
  })

  it('sees no change when only key order differs, and a change when an entity is renamed', () => {
    const reordered = { ...diedAt, value: 'thess', subject: 'john', id: 'diedAt:john' } as Fact
    expect(diffDecks(deck([born(1370), diedAt]), deck([reordered, born(1370)]))).toMatchObject({
      added: [],
      changed: [],
      removed: [],
      unchanged: 2,
    })
    expect(diffDecks(deck([diedAt]), deck([diedAt], [], 'John the Seventh')).changed).toHaveLength(1)
  })

  it('canonicalText ignores key order and undefined fields', () => {
    expect(canonicalText({ b: 1, a: [{ y: 2, x: undefined, z: null }] })).toBe(
      canonicalText({ a: [{ z: null, y: 2 }], b: 1 }),
    )
  })
})
