// The Facts tab's search: every word must appear in an entry's name with one of its rows, in any
// case and with or without accents; a word in the name alone keeps the whole entry; relations,
// values, disputed alternatives and source titles are all searchable.
import { describe, expect, it } from 'vitest'
import { buildInfoboxes, mainPersonId } from '../../../src/domain/deck/infobox'
import { queryWords, searchableInfoboxes, searchInfoboxes } from '../../../src/domain/deck/infobox-search'
import { miniDeck as deck } from '../../component/fixtures'

const sources = [
  { id: 'a', title: 'Infobox' },
  { id: 'b', title: 'Nicol, The Reluctant Emperor' },
]
const boxes = searchableInfoboxes(buildInfoboxes(deck), sources)
const search = (query: string) =>
  Object.fromEntries(
    searchInfoboxes(boxes, queryWords(query)).map((b) => [
      b.entity.id,
      [...b.rows.map((r) => r.label), ...b.tenures.map((t) => t.office.text)],
    ]),
  )

describe('searchInfoboxes', () => {
  it('keeps every entry whole for an empty or blank query', () => {
    expect(searchInfoboxes(boxes, queryWords('  '))).toEqual(buildInfoboxes(deck))
  })

  it('finds a relation by its label in every entry that has it', () => {
    expect(search('mother')).toEqual({ j7: ['Mother'] })
    expect(search('SPOUSE')).toEqual({ j7: ['Spouse'], ig: ['Spouse'] })
  })

  it('keeps an entry whole when the words are its name or an alias, and finds values naming it elsewhere', () => {
    const all = buildInfoboxes(deck)
      .find((b) => b.entity.id === 'ker')!
      .rows.map((r) => r.label)
    expect(search('Kerátsa')).toEqual({ j7: ['Mother'], ker: all })
    expect(Object.keys(search('ioannes'))).toEqual(['j7'])
    expect(search('ioannes')['j7']).toContain('Born')
  })

  it('needs every word, in the name and one row together', () => {
    expect(search('john born')).toEqual({ j7: ['Born'] })
    expect(search('irene born')).toEqual({})
    expect(search('andronikos father')).toEqual({ j7: ['Father'], a5: ['Father'] })
  })

  it('searches the other values of a dispute and the titles of sources', () => {
    expect(search('1366')).toEqual({ j7: ['Born'] })
    expect(search('nicol reluctant')).toEqual({
      j7: ['Born', 'Byzantine emperor, 14 April 1390 – 17 September 1390'],
      coin: ['Caption'],
    })
  })

  it('finds an office held with its predecessor, successor and co-rulers', () => {
    expect(search('predecessor john v')).toMatchObject({ j7: ['Byzantine emperor, 14 April 1390 – 17 September 1390'] })
    expect(search('ottoman')).toEqual({ j7: ['Byzantine emperor, 14 April 1390 – 17 September 1390'] })
  })

  it('matches the start of a word as you type it, not its middle', () => {
    expect(Object.keys(search('thessal'))).toEqual(['j7', 'thess'])
    expect(search('alonica')).toEqual({})
  })
})

describe('mainPersonId', () => {
  it('is the deck’s first person, after any entry of another kind', () => {
    expect(mainPersonId(deck)).toBe('j7')
    expect(mainPersonId({ entities: [] })).toBeUndefined()
  })
})
