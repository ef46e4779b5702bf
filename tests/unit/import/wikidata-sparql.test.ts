// A query service result (application/sparql-results+json, as WDQS answers) becomes a deck:
// columns named by property (?born, ?father, ?spouse…), labels from ?…Label, truthy values that
// disagree as a dispute, and dates read back from the service's proleptic Gregorian calendar to
// the Julian calendar the deck keeps before 1583, at the precision the query gives.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deck, Fact, RelationFact } from '../../../src/domain/deck/types'
import { importWikidataText } from '../../../src/domain/import/wikidata'
import { readQueryTime } from '../../../src/domain/import/wikidata-dates'

const text = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'wikidata', 'people.sparql.json'), 'utf8')

const fact = (deck: Deck, id: string): Fact => {
  const found = deck.facts.find((f) => f.id === id)
  if (!found) throw new Error(`no fact ${id}: ${deck.facts.map((f) => f.id).join(', ')}`)
  return found
}
const dateText = (f: Fact) => (f.type === 'date' ? f.value.text : undefined)

describe('SPARQL results to a deck', async () => {
  const result = await importWikidataText(text, { file: 'people.sparql.json' })
  const deck = result.deck as Deck

  it('makes a deck of the items of the ?item column, each citing its item', () => {
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(deck.title).toBe('John VII Palaiologos and 1 more')
    expect(fact(deck, 'born:john-vii-palaiologos').sources).toEqual(['wikidata-john-vii-palaiologos-q9001'])
    expect(deck.sources.find((s) => s.id === 'wikidata-julius-caesar-q9050')?.url).toBe(
      'https://www.wikidata.org/wiki/Q9050',
    )
  })

  it('reads a Julian year the service moved to 9 January back as the year', () => {
    expect(dateText(fact(deck, 'born:john-vii-palaiologos'))).toBe('1370')
  })

  it('makes two death dates on two rows a dispute, the day moved back to the Julian calendar', () => {
    const died = fact(deck, 'died:john-vii-palaiologos')
    expect(dateText(died)).toBe('22 September 1408')
    expect(died.alternatives.map((a) => (a.value as { text: string }).text)).toEqual(['1410'])
  })

  it('reads BC days from astronomical years (-0043 is 44 BC)', () => {
    expect(dateText(fact(deck, 'died:julius-caesar'))).toBe('15 March 44 BC')
    // No precision column: the day is kept because it is not the 1st.
    expect(dateText(fact(deck, 'born:julius-caesar'))).toBe('12 July 100 BC')
  })

  it('links the father, the place of birth and the spouse with its start', () => {
    expect((fact(deck, 'parent:john-vii-palaiologos:andronikos-iv-palaiologos') as RelationFact).role).toBe('father')
    expect(fact(deck, 'bornAt:john-vii-palaiologos').value).toBe('constantinople')
    const spouse = fact(deck, 'spouse:irene-gattilusio:john-vii-palaiologos') as RelationFact
    expect(spouse.marriage?.start?.text).toBe('1397')
  })

  it('lists the columns it does not read', () => {
    expect(result.skipped.map((s) => s.text)).toContain('columns ?occupation')
  })

  it('never claims more precision than the value shows when the query gives none', () => {
    expect(readQueryTime('1370-01-09T00:00:00Z')).toMatchObject({ ok: true, text: '1370', coarser: true })
    expect(readQueryTime('1370-06-09T00:00:00Z')).toMatchObject({ ok: true, text: 'June 1370', coarser: true })
    // 9 days apart after February 1400, 8 before: 23 June 1370 (Gregorian) is 15 June 1370 (Julian).
    expect(readQueryTime('1370-06-23T00:00:00Z')).toMatchObject({ ok: true, text: '15 June 1370' })
    expect(readQueryTime('1900-06-23T00:00:00Z')).toEqual({ ok: true, text: '23 June 1900' })
    expect(readQueryTime('1370-01-01T00:00:00Z', 9, 'http://www.wikidata.org/entity/Q1985727')).toMatchObject({
      text: '1370',
    })
  })

  it('refuses a result without a column of items', async () => {
    const bad = await importWikidataText(
      '{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"3"}}]}}',
      {
        file: 'q.json',
      },
    )
    expect(bad.deck).toBeUndefined()
    expect(bad.issues[0]?.message).toMatch(/no column of items/)
  })
})
