// The deck overview: an infobox per entity with dates, places, relatives (children seen from the
// parent's side), tenures with predecessor/successor/co-rulers, captions without cloze braces;
// disputed facts visibly marked with the other values and their sources.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DeckFacts from '../../src/components/deck/DeckFacts.vue'
import { buildInfoboxes } from '../../src/domain/deck/infobox'
import { miniDeck as deck } from './fixtures'

describe('buildInfoboxes', () => {
  const boxes = buildInfoboxes(deck)
  const box = (id: string) => boxes.find((b) => b.entity.id === id)!
  const row = (id: string, label: string) => box(id).rows.find((r) => r.label === label)

  it('puts people first and gives every entity one infobox', () => {
    expect(boxes).toHaveLength(deck.entities.length)
    expect(boxes[0]!.entity.kind).toBe('person')
    expect(boxes.at(-1)!.entity.kind).not.toBe('person')
  })

  it('lists dates and places, with the disputed alternatives and their sources', () => {
    expect(row('j7', 'Born')!.values[0]).toMatchObject({
      text: '1370',
      sources: ['a'],
      alternatives: [{ text: 'c. 1366', sources: ['b'], note: 'Other encyclopedias' }],
    })
    expect(row('j7', 'Place of death')!.values[0]).toMatchObject({ text: 'Thessalonica', entityId: 'thess' })
  })

  it('names father and mother from the parents’ gender, and children and spouses from either side', () => {
    expect(row('j7', 'Father')!.values.map((v) => v.text)).toEqual(['Andronikos IV'])
    expect(row('j7', 'Mother')!.values.map((v) => v.text)).toEqual(['Keratsa'])
    expect(row('j7', 'Children')!.values.map((v) => v.text)).toEqual(['Andronikos V'])
    expect(row('j7', 'Spouse')!.values.map((v) => v.text)).toEqual(['Irene Gattilusio'])
    expect(row('ig', 'Spouse')!.values.map((v) => v.text)).toEqual(['John VII'])
    expect(row('a5', 'Father')!.values.map((v) => v.text)).toEqual(['John VII'])
  })

  it('shows tenures with period, predecessor, successor (or vacancy) and co-rulers', () => {
    const [tenure] = box('j7').tenures
    expect(tenure!.office.text).toBe('Byzantine emperor, 14 April 1390 – 17 September 1390')
    expect(tenure!.office.alternatives).toEqual([{ text: 'end 1402', sources: ['b'], note: undefined }])
    expect(Object.fromEntries(tenure!.rows.map((r) => [r.label, r.values.map((v) => v.text)]))).toEqual({
      Predecessor: ['John V'],
      Successor: ['Vacant: Ottoman control (last held by John V)'],
      'Co-ruler': ['Andronikos V (1403 – 1407)'],
    })
  })

  it('strips cloze braces from captions', () => {
    expect(row('coin', 'Caption')!.values[0]!.text).toBe('Obverse: Christ Pantocrator')
  })
})

describe('DeckFacts', () => {
  it('marks disputed facts visibly and links references to the sources list', () => {
    const wrapper = mount(DeckFacts, { props: { deck } })
    const born = wrapper.findAll('.deck-row').find((r) => r.find('dt').text() === 'Born')!
    expect(born.find('.deck-disputed').text()).toBe('Disputed')
    expect(born.find('.deck-alternatives').text()).toContain('Also given as c. 1366')
    expect(born.find('.deck-refs a').attributes('href')).toBe('#source-a')
    expect(born.find('.deck-refs a').text()).toBe('[1] Source: Source A')
    expect(wrapper.text()).toContain('2 of them disputed')
  })
})
