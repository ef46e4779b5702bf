// Wikidata entity JSON (wbgetentities' real shapes: mainsnak, datavalue, qualifiers, references,
// rank) becomes a deck, fact by fact: best-ranked statements only (preferred over normal,
// deprecated never), several best-ranked values as a disputed fact with each value's sources,
// marriage and position qualifiers, references as sources, and the item cited by every fact.
// The fixture's items are test items (Q9001…), built in the shapes of tests/data of wikibase-sdk.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Deck, Fact, RelationFact, TenureFact } from '../../../src/domain/deck/types'
import { importWikidataEntities, importWikidataText } from '../../../src/domain/import/wikidata'

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'wikidata')
const load = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'))
const all = load('john-vii.entities.json')

function deckOf(json: unknown, options: { subjects?: string[]; language?: string } = {}): Deck {
  const result = importWikidataEntities(json, { file: 'q9001.json', ...options })
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
  expect(result.deck).toBeDefined()
  return result.deck as Deck
}

const fact = (deck: Deck, id: string): Fact => {
  const found = deck.facts.find((f) => f.id === id)
  if (!found) throw new Error(`no fact ${id}: ${deck.facts.map((f) => f.id).join(', ')}`)
  return found
}
const source = (deck: Deck, id: string) => deck.sources.find((s) => s.id === id)
const item = 'wikidata-john-vii-palaiologos-q9001'
const odb = 'the-oxford-dictionary-of-byzantium'
const web = 'example-org-byzantine-emperors-john-vii'

/** A copy of the fixture with John VII's claims of one property replaced (and no death, for birth dates). */
function withClaims(property: string, claims: unknown[]): unknown {
  const copy = structuredClone(all) as { entities: Record<string, { claims: Record<string, unknown[]> }> }
  const own = (copy.entities.Q9001 as { claims: Record<string, unknown[]> }).claims
  own[property] = claims
  if (property === 'P569') delete own.P570
  return copy
}

const time = (t: string, precision: number, calendar = 'Q1985786') => ({
  snaktype: 'value',
  property: 'P569',
  hash: 'f00',
  datavalue: {
    value: {
      time: t,
      timezone: 0,
      before: 0,
      after: 0,
      precision,
      calendarmodel: `http://www.wikidata.org/entity/${calendar}`,
    },
    type: 'time',
  },
  datatype: 'time',
})
const statement = (mainsnak: unknown, rank = 'normal') => ({
  mainsnak,
  type: 'statement',
  id: 'Q9001$00000000-0000-0000-0000-000000000000',
  rank,
})
const bornText = (json: unknown) => {
  const f = fact(deckOf(json), 'born:john-vii-palaiologos')
  return f.type === 'date' ? f.value.text : undefined
}

describe('Wikidata entities to a deck', () => {
  const deck = deckOf(all)

  it('is about the item no other item names, with its label, description, aliases and sex', () => {
    expect(deck.title).toBe('John VII Palaiologos')
    const john = deck.entities.find((e) => e.id === 'john-vii-palaiologos')
    expect(john).toMatchObject({
      kind: 'person',
      name: 'John VII Palaiologos',
      description: 'Byzantine emperor',
      aliases: ['Ioannes VII Palaiologos'],
      gender: 'male',
    })
  })

  it('takes the preferred birth year over a normal one and ignores the deprecated one', () => {
    const born = fact(deck, 'born:john-vii-palaiologos')
    expect(born.type === 'date' && born.value.text).toBe('1370')
    expect(born.alternatives).toEqual([])
    expect(born.sources).toEqual([item, odb])
  })

  it('makes two normal death dates a dispute, each with its own references; the deprecated 1400 is gone', () => {
    const died = fact(deck, 'died:john-vii-palaiologos')
    expect(died.type === 'date' && died.value.text).toBe('22 September 1408')
    expect(died.alternatives.map((a) => [(a.value as { text: string }).text, a.sources])).toEqual([
      ['1410', [item, odb]],
    ])
    expect(JSON.stringify(deck)).not.toContain('1400')
  })

  it('gives the places of birth and death', () => {
    expect(fact(deck, 'bornAt:john-vii-palaiologos').value).toBe('constantinople')
    expect(fact(deck, 'diedAt:john-vii-palaiologos').value).toBe('thessalonica')
    expect(deck.entities.find((e) => e.id === 'thessalonica')).toMatchObject({ kind: 'place', name: 'Thessalonica' })
  })

  it('links father (with his reference) and mother, a mother being a woman', () => {
    const father = fact(deck, 'parent:john-vii-palaiologos:andronikos-iv-palaiologos') as RelationFact
    expect(father.role).toBe('father')
    expect(father.sources).toEqual([item, odb])
    fact(deck, 'parent:john-vii-palaiologos:keratsa-of-bulgaria')
    expect(deck.entities.find((e) => e.id === 'keratsa-of-bulgaria')?.gender).toBe('female')
  })

  it('reads the marriage from its start, end and end cause qualifiers', () => {
    const spouse = fact(deck, 'spouse:irene-gattilusio:john-vii-palaiologos') as RelationFact
    expect(spouse.marriage?.start?.text).toBe('1397')
    expect(spouse.marriage?.end?.text).toBe('22 September 1408')
    expect(spouse.marriage?.ended).toBe('death')
  })

  it('reads a position held with start, end, replaces and replaced by, citing both references', () => {
    const tenure = deck.facts.find((f): f is TenureFact => f.type === 'tenure') as TenureFact
    expect(tenure.value.office).toBe('byzantine-emperor')
    expect(tenure.value.start?.text).toBe('14 April 1390')
    expect(tenure.value.end?.text).toBe('17 September 1390')
    expect(tenure.value.predecessor).toEqual({ who: 'john-v-palaiologos' })
    expect(tenure.value.successor).toEqual({ who: 'manuel-ii-palaiologos' })
    expect(tenure.sources).toEqual([item, odb, web])
  })

  it('gives the child, the dynasty, and the named people their own dates and sex (one step out)', () => {
    fact(deck, 'parent:andronikos-v-palaiologos:john-vii-palaiologos')
    expect(fact(deck, 'dynasty:john-vii-palaiologos:palaiologos-dynasty').value).toBe('palaiologos-dynasty')
    const a4born = fact(deck, 'born:andronikos-iv-palaiologos')
    expect(a4born.type === 'date' && a4born.value.text).toBe('11 April 1348')
    expect(a4born.sources).toEqual(['wikidata-andronikos-iv-palaiologos-q9002', odb])
    expect(deck.entities.find((e) => e.id === 'andronikos-iv-palaiologos')?.gender).toBe('male')
  })

  it('cites the Wikidata item, with its address, in every fact', () => {
    for (const f of deck.facts) {
      const cited = f.sources.map((id) => source(deck, id))
      expect(
        cited.some((s) => s?.url?.startsWith('https://www.wikidata.org/wiki/Q') && s.title.startsWith('Wikidata: ')),
        f.id,
      ).toBe(true)
    }
    expect(source(deck, item)?.url).toBe('https://www.wikidata.org/wiki/Q9001')
    expect(source(deck, web)?.url).toBe('https://example.org/byzantine-emperors/john-vii')
    expect(source(deck, odb)).toMatchObject({ title: 'The Oxford Dictionary of Byzantium' })
  })

  it('lists what it did not read, and writes it at the top of the YAML', () => {
    const result = importWikidataEntities(all, { file: 'q9001.json' })
    expect(result.skipped.map((s) => s.text)).toEqual(['John VII Palaiologos (Q9001): 2 other properties (P31, P106)'])
    expect(result.yaml).toContain('#   John VII Palaiologos (Q9001): 2 other properties (P31, P106)')
  })

  it('uses labels in the chosen language, falling back to English', () => {
    const de = deckOf(all, { language: 'de' })
    expect(de.entities.map((e) => e.name)).toContain('Johannes VII. Palaiologos')
    expect(de.entities.map((e) => e.name)).toContain('Thessalonica')
    expect(de.language).toBe('de')
  })

  it('makes two preferred birth dates a dispute, and a lone normal one the answer', () => {
    const two = withClaims('P569', [
      statement(time('+1370-00-00T00:00:00Z', 9), 'preferred'),
      statement(time('+1366-00-00T00:00:00Z', 9), 'preferred'),
      statement(time('+1350-00-00T00:00:00Z', 9), 'normal'),
    ])
    const born = fact(deckOf(two), 'born:john-vii-palaiologos')
    expect(born.type === 'date' && born.value.text).toBe('1370')
    expect(born.alternatives.map((a) => (a.value as { text: string }).text)).toEqual(['1366'])
    expect(born.alternatives[0]?.sources).toEqual([item])
    const deprecatedOnly = withClaims('P569', [statement(time('+1370-00-00T00:00:00Z', 9), 'deprecated')])
    expect(deckOf(deprecatedOnly).facts.some((f) => f.id === 'born:john-vii-palaiologos')).toBe(false)
  })

  it('reads precision and calendar: months, Julian days, Gregorian days before 1583, BC years', () => {
    expect(bornText(withClaims('P569', [statement(time('+1370-06-00T00:00:00Z', 10))]))).toBe('June 1370')
    expect(bornText(withClaims('P569', [statement(time('+1370-06-14T00:00:00Z', 11))]))).toBe('14 June 1370')
    // 15 October 1582 (Gregorian) is 5 October 1582 in the Julian calendar the deck keeps before 1583.
    const gregorian = withClaims('P569', [statement(time('+1582-10-15T00:00:00Z', 11, 'Q1985727'))])
    const born = fact(deckOf(gregorian), 'born:john-vii-palaiologos')
    expect(born.type === 'date' && born.value.text).toBe('5 October 1582')
    expect(born.note).toContain('15 October 1582 in the Gregorian calendar')
    // A Julian day after 1582 moves to the Gregorian calendar: 30 May 1672 O.S. is 9 June 1672.
    expect(bornText(withClaims('P569', [statement(time('+1672-05-30T00:00:00Z', 11))]))).toBe('9 June 1672')
    // Wikidata's JSON writes 44 BC as -0044.
    expect(bornText(withClaims('P569', [statement(time('-0044-03-15T00:00:00Z', 11))]))).toBe('15 March 44 BC')
    expect(bornText(withClaims('P569', [statement(time('-0100-00-00T00:00:00Z', 9))]))).toBe('100 BC')
    expect(bornText(withClaims('P569', [statement(time('+1370-00-00T00:00:00Z', 8))]))).toBe('1370–1379')
    expect(bornText(withClaims('P569', [statement(time('+1400-00-00T00:00:00Z', 7))]))).toBe('1301–1400')
  })

  it('lists a date known only to the millennium, and an unknown value, instead of guessing', () => {
    const json = withClaims('P569', [statement(time('+1000-00-00T00:00:00Z', 6))])
    const result = importWikidataEntities(json, { file: 'x.json' })
    expect(result.deck?.facts.some((f) => f.id === 'born:john-vii-palaiologos')).toBe(false)
    expect(result.skipped.map((s) => s.reason)).toContain('the date is given only to the millennium')
    const unknown = withClaims('P22', [statement({ snaktype: 'somevalue', property: 'P22', hash: 'a' })])
    const read = importWikidataEntities(unknown, { file: 'x.json' })
    expect(read.skipped.map((s) => s.reason)).toContain('Wikidata says the value is unknown')
  })

  it('reads siblings and noble titles, and a sibling named on both sides once', () => {
    const itemSnak = (property: string, id: string) => ({
      snaktype: 'value',
      property,
      hash: 'b0b',
      datavalue: { value: { 'entity-type': 'item', 'numeric-id': Number(id.slice(1)), id }, type: 'wikibase-entityid' },
      datatype: 'wikibase-item',
    })
    const json = withClaims('P3373', [statement(itemSnak('P3373', 'Q9008'))]) as {
      entities: Record<string, { claims: Record<string, unknown[]> }>
    }
    ;(json.entities.Q9001 as { claims: Record<string, unknown[]> }).claims.P97 = [statement(itemSnak('P97', 'Q9400'))]
    const deck = deckOf(json)
    const sibling = fact(deck, 'sibling:john-vii-palaiologos:manuel-ii-palaiologos') as RelationFact
    expect(sibling.sources).toEqual([item])
    const title = deck.facts.find((f) => f.type === 'relation' && f.key === 'title')
    expect(deck.entities.find((e) => e.id === title?.value)).toMatchObject({
      kind: 'title',
      name: 'Palaiologos dynasty',
    })
  })

  it('refuses what is not entity JSON, saying what it wants', async () => {
    const bad = await importWikidataText('{"id": "john", "title": "x"}', { file: 'x.json' })
    expect(bad.deck).toBeUndefined()
    expect(bad.issues[0]).toMatchObject({ code: 'wikidata-unreadable', file: 'x.json', line: 1 })
    const notJson = await importWikidataText('{ "entities": ', { file: 'y.json' })
    expect(notJson.issues[0]?.message).toMatch(/^This is not JSON/)
  })
})
