// The timeline layout: lives and tenures as bars on one axis, events as points, packed in lanes
// without overlaps; circa dates fuzzy, missing dates open, disputed dates marked.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Fact } from '../../../src/domain/deck/types'
import { Lanes, layoutTimeline } from '../../../src/domain/layout/timeline'
import { dated, deckOf, event, on, person, range, tenure } from './deck-builder'
import { overlappingInLane } from './invariants'

const office = (id: string, name: string) => ({ id, kind: 'office', name, aliases: [] })

const deck = deckOf(
  [
    person('j7', 'John VII'),
    person('j5', 'John V'),
    person('a5', 'Andronikos V'),
    person('x', 'Undated'),
    office('emp', 'Byzantine emperor'),
    office('reg', 'Regent'),
    { id: 'treaty', kind: 'event', name: 'Treaty of Gallipoli', aliases: [] },
  ],
  [
    dated('born', 'j7', on(1370), [on(1366, undefined, undefined, { circa: true })]),
    dated('died', 'j7', on(1408, 9, 22), [range(1408, 1410)]),
    dated('born', 'j5', on(1332, 6, 18)),
    dated('died', 'j5', on(1391, 2, 16)),
    dated('born', 'a5', on(1400, undefined, undefined, { circa: true })),
    tenure('j5', 'emp', on(1379, 7, 1), on(1390, 4, 14)),
    tenure('j7', 'emp', on(1390, 4, 14), on(1390, 9, 17)),
    tenure('j5', 'emp', on(1390, 9, 17), on(1391, 2, 16)),
    tenure('j7', 'reg', on(1399, 12, 10), on(1403), [{ end: on(1402) }]),
    tenure('x', 'reg'),
    event('j7', 'proclaimed', 'was proclaimed co-emperor', on(1377)),
    { ...event('treaty', 'signed', '', on(1403)), label: undefined } as Fact,
  ],
)

describe('layoutTimeline', () => {
  const layout = layoutTimeline(deck)
  const bar = (id: string) => layout.bars.find((b) => b.id === id)!

  it('draws a bar for each dated life and tenure, in sections: lives, offices, events', () => {
    expect(layout.sections.map((s) => s.title)).toEqual(['Lives', 'Byzantine emperor', 'Regent', 'Events'])
    expect(
      layout.bars
        .filter((b) => b.kind === 'life')
        .map((b) => b.entityId)
        .sort(),
    ).toEqual(['a5', 'j5', 'j7'])
    expect(layout.bars.filter((b) => b.kind === 'tenure')).toHaveLength(4)
    expect(layout.bars.some((b) => b.id.includes(':co:'))).toBe(false)
    expect(layout.undated.map((u) => u.label)).toEqual(['Undated', 'Undated: Regent'])
  })

  it('places the 1390 reign by month and day on the shared axis', () => {
    const reign = bar('tenure:j7:emp:1390')
    expect(reign.start.at).toBeCloseTo(1390 + (3 + 13 / 30) / 12, 10)
    expect(reign.end.at).toBeCloseTo(1390 + (8 + 17 / 30) / 12, 10)
    expect(reign.label).toBe('John VII')
    expect(layout.start).toBeLessThanOrEqual(1332)
    expect(layout.end).toBeGreaterThanOrEqual(1411)
  })

  it('keeps every bar, point and heading on its own row of its section', () => {
    expect(overlappingInLane(layout)).toEqual([])
    for (const item of [...layout.bars, ...layout.points]) {
      const section = layout.sections.find((s) => s.id === item.sectionId)!
      expect(item.row).toBeGreaterThan(section.row)
      expect(item.row).toBeLessThanOrEqual(section.row + section.lanes)
    }
    expect(layout.rows).toBe(layout.sections.reduce((n, s) => n + 1 + s.lanes, 0))
  })

  it('leaves room for a short reign’s label: successive reigns of one office take other lanes', () => {
    const rows = ['tenure:j5:emp:1379', 'tenure:j7:emp:1390', 'tenure:j5:emp:1390'].map((id) => bar(id).row)
    expect(new Set(rows).size).toBe(3)
  })

  it('carries circa, disputed and open ends', () => {
    const j7 = bar('life:j7')
    expect(j7.disputed).toBe(true)
    expect(j7.start.disputed).toEqual([{ at: 1366, text: 'c. 1366' }])
    expect(j7.end.disputed).toEqual([{ at: 1409.5, text: '1408–1410' }])
    expect(j7.text).toBe('1370 – 1408')
    const a5 = bar('life:a5')
    expect(a5.start).toMatchObject({ circa: true, at: 1400, min: 1398, max: 1402, open: false })
    expect(a5.end).toMatchObject({ open: true, text: '' })
    expect(a5.end.max).toBeGreaterThan(a5.start.max)
    expect(a5.disputed).toBe(false)
    expect(bar('tenure:j7:reg:1399').end.disputed).toEqual([{ at: 1403, text: '1402' }])
    expect(bar('tenure:j7:reg:1399').disputed).toBe(true)
  })

  it('draws co-rulers named on a tenure in the office’s section', () => {
    const withCo = deckOf(deck.entities, [
      ...deck.facts.map((f) =>
        f.id === 'tenure:j7:reg:1399' && f.type === 'tenure'
          ? { ...f, value: { ...f.value, coRulers: [{ who: 'a5', start: on(1400) }] } }
          : f,
      ),
    ])
    const co = layoutTimeline(withCo).bars.find((b) => b.id === 'tenure:j7:reg:1399:co:a5')!
    expect(co).toMatchObject({
      label: 'Andronikos V (co-ruler)',
      entityId: 'a5',
      sectionId: 'office:reg',
      factIds: ['tenure:j7:reg:1399'],
    })
    expect(co.start.at).toBe(1400)
    expect(co.end.text).toBe('1403')
  })

  it('shows events as points labelled with who did what', () => {
    expect(layout.points.map((p) => [p.label, p.at.at])).toEqual([
      ['John VII was proclaimed co-emperor', 1377.5],
      ['Treaty of Gallipoli', 1403.5],
    ])
  })

  it('gives axis ticks inside the domain', () => {
    expect(layout.ticks.length).toBeGreaterThan(3)
    for (const t of layout.ticks) expect(t.value >= layout.start && t.value <= layout.end).toBe(true)
  })

  it('lays out a deck without dates as empty', () => {
    expect(layoutTimeline(deckOf([person('a')], []))).toMatchObject({
      bars: [],
      points: [],
      sections: [],
      rows: 0,
      undated: [{ label: 'a' }],
    })
  })
})

describe('layoutTimeline on random decks', () => {
  const life = fc.record({
    born: fc.option(fc.integer({ min: -200, max: 1900 }), { nil: undefined }),
    length: fc.integer({ min: 0, max: 90 }),
    died: fc.boolean(),
    circa: fc.boolean(),
    office: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  })
  it('never overlaps two items in a lane and places every dated item once', () => {
    fc.assert(
      fc.property(fc.array(life, { maxLength: 60 }), (lives) => {
        const facts: Fact[] = []
        lives.forEach((l, i) => {
          if (l.born === undefined || l.born === 0) return
          facts.push(dated('born', `p${i}`, on(l.born, undefined, undefined, { circa: l.circa })))
          const end = l.born + l.length || 1
          if (l.died) facts.push(dated('died', `p${i}`, on(end)))
          if (l.office !== undefined)
            facts.push(tenure(`p${i}`, `o${l.office}`, on(l.born), l.died ? on(end) : undefined))
        })
        const d = deckOf(
          [...lives.map((_, i) => person(`p${i}`)), ...[0, 1, 2, 3].map((k) => office(`o${k}`, `Office ${k}`))],
          facts,
        )
        const layout = layoutTimeline(d)
        expect(overlappingInLane(layout)).toEqual([])
        const ids = layout.bars.map((b) => b.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.length + layout.undated.length).toBe(lives.length + facts.filter((f) => f.type === 'tenure').length)
        for (const b of layout.bars)
          expect(b.start.min <= b.end.max && b.start.min >= layout.start && b.end.max <= layout.end).toBe(true)
      }),
      { numRuns: 200, seed: 3 },
    )
  })
})

describe('Lanes', () => {
  /** First fit searched lane by lane: what the tree of lanes must give. */
  const firstFit = (items: ReadonlyArray<readonly [number, number]>, gap: number) => {
    const ends: number[] = []
    return items.map(([from, to]) => {
      let lane = ends.findIndex((end) => end + gap <= from)
      if (lane < 0) lane = ends.push(to) - 1
      else ends[lane] = to
      return lane
    })
  }
  const item = fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.double({ min: 0, max: 30, noNaN: true }))
    .map(([from, length]) => [from / 2, from / 2 + length] as const)

  it('puts each item in the lowest lane free for it, as a search of every lane does', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 300 }), fc.constantFrom(0, 0.5, 2), (items, gap) => {
        const sorted = items.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1])
        const lanes = new Lanes()
        expect(sorted.map(([from, to]) => lanes.place(from, to, gap))).toEqual(firstFit(sorted, gap))
        expect(lanes.count).toBe(new Set(firstFit(sorted, gap)).size)
      }),
      { numRuns: 300, seed: 5 },
    )
  })
})
