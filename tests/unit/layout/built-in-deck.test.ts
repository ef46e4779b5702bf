// The layouts on the built-in deck (content/john-vii-palaiologos.yaml): John VII's row is below
// his parents Andronikos IV and Keratsa of Bulgaria and above his son Andronikos V, and his
// 1390 reign is a bar on the timeline between 14 April and 17 September 1390.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckTextOrThrow } from '../../../src/domain/deck/parse'
import { familyTreeQuestions } from '../../../src/domain/questions/family-tree-box'
import { layoutFamilyTree } from '../../../src/domain/layout/family-tree'
import { yearPosition } from '../../../src/domain/layout/time-scale'
import { layoutTimeline } from '../../../src/domain/layout/timeline'
import { overlappingBoxes, overlappingInLane, parentsNotAbove, spousesApart } from './invariants'

const deck = parseDeckTextOrThrow(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'content', 'john-vii-palaiologos.yaml'), 'utf8'),
)

describe('the built-in deck', () => {
  it('draws John VII below his parents and above his son, beside his wife', () => {
    const layout = layoutFamilyTree(deck)
    const at = (name: string) => layout.nodes.find((n) => n.name === name)!
    const john = at('John VII Palaiologos')
    for (const parent of ['Andronikos IV Palaiologos', 'Keratsa of Bulgaria']) expect(at(parent).y).toBeLessThan(john.y)
    expect(at('Andronikos V Palaiologos').y).toBeGreaterThan(john.y)
    expect(at('Irene Gattilusio').y).toBe(john.y)
    expect(at('John V Palaiologos').y).toBeLessThan(at('Andronikos IV Palaiologos').y)
    expect(at('Andronikos IV Palaiologos').y).toBe(at('Manuel II Palaiologos').y)
    expect(at('John VIII Palaiologos').y).toBe(john.y)
    expect(overlappingBoxes(layout.nodes)).toEqual([])
    expect(parentsNotAbove(deck, layout)).toEqual([])
    expect(spousesApart(deck, layout)).toEqual([])
    expect(layout.nodes).toHaveLength(deck.entities.filter((e) => e.kind === 'person').length)
  })

  it('shows his 1390 reign as a Byzantine emperor on the timeline', () => {
    const layout = layoutTimeline(deck)
    const reign = layout.bars.find(
      (b) => b.kind === 'tenure' && b.entityId === 'john-vii' && b.start.text === '14 April 1390',
    )!
    expect(reign.end.text).toBe('17 September 1390')
    expect(layout.sections.find((s) => s.id === reign.sectionId)!.title).toBe('Byzantine emperor')
    expect(reign.start.at).toBe(yearPosition({ year: 1390, month: 4, day: 14 }, 'start'))
    expect(overlappingInLane(layout)).toEqual([])
    const coRuler = layout.bars.find((b) => b.entityId === 'andronikos-v' && b.kind === 'tenure')!
    expect([coRuler.label, coRuler.text]).toEqual(['Andronikos V Palaiologos (co-ruler)', '1403 – 1407'])
    const life = layout.bars.find((b) => b.id === 'life:john-vii')!
    expect(life.disputed).toBe(true)
    expect(life.end.disputed.map((d) => d.text)).toContain('1408–1410')
  })

  it('asks "Who belongs in this box?" about John VII by his parents, wife and son', () => {
    const john = familyTreeQuestions(deck, { seed: 1 }).find((q) => q.subjectId === 'john-vii')!
    expect(john.prompt).toBe(
      'Who belongs in this box? (child of Andronikos IV Palaiologos and Keratsa of Bulgaria; spouse of Irene Gattilusio; parent of Andronikos V Palaiologos)',
    )
  })
})
