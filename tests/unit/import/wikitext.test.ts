// Wikitext infoboxes of the three templates teachers meet (tests/fixtures/wikitext/), read with
// wtf_wikipedia: {{Infobox royalty}} with numbered successions and the succession box at the foot,
// {{Infobox officeholder}} with two offices, {{Infobox person}}; {{Birth date}}, {{Death date and
// age}}, {{plainlist}}, {{ubl}}, {{marriage}}, [[links|shown text]] and "(m. 1428; died 1429)".
// John VII's wikitext gives the same facts as his infobox pasted as text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DateFact, Deck, Fact, RelationFact, TenureFact } from '../../../src/domain/deck/types'
import { detectFormat } from '../../../src/domain/import/import-file'
import { importInfoboxText } from '../../../src/domain/import/infobox'
import { importWikitext } from '../../../src/domain/import/wikitext'

const root = join(import.meta.dirname, '..', '..', '..')
const fixture = (name: string) => readFileSync(join(root, 'tests', 'fixtures', 'wikitext', name), 'utf8')
const seed = readFileSync(join(root, 'tests', 'fixtures', 'sources', 'john-vii-palaiologos.infobox.txt'), 'utf8')

function read(name: string) {
  const result = importWikitext(fixture(name), { file: name })
  expect(result.issues).toEqual([])
  const deck = result.deck as Deck
  const named = (id: string) => deck.entities.find((e) => e.id === id)?.name
  const id = (entityName: string) => deck.entities.find((e) => e.name === entityName)?.id
  const dates = (key: string) => deck.facts.filter((f): f is DateFact => f.type === 'date' && f.key === key)
  const relations = (key: string) => deck.facts.filter((f): f is RelationFact => f.type === 'relation' && f.key === key)
  const tenures = () => deck.facts.filter((f): f is TenureFact => f.type === 'tenure').map((f) => f.value)
  return { result, deck, named, id, dates, relations, tenures }
}

/** A fact with its entities named, for comparing decks whose ids differ. */
const describeFacts = (deck: Deck) =>
  deck.facts
    .filter((f) => deck.entities.find((e) => e.id === f.subject)?.kind !== 'artefact')
    .map((fact: Fact) =>
      JSON.stringify({ ...fact, sources: undefined }, (key, value: unknown) => {
        if (typeof value !== 'string' || key === 'text') return value
        return deck.entities.find((e) => e.id === value)?.name ?? value
      }),
    )
    .sort()

describe('{{Infobox royalty}}: John VII', () => {
  const { result, deck } = read('john-vii-palaiologos.wiki')

  it('gives the same facts as the infobox pasted as text (pictures aside: the article has more)', () => {
    const pasted = importInfoboxText(seed, { file: 'seed' }).deck as Deck
    expect(describeFacts(deck)).toEqual(describeFacts(pasted))
    expect(result.skipped).toEqual([])
  })

  it('names the second office from the succession box, with the infobox’s name and the quoted one as aliases', () => {
    expect(deck.entities.find((e) => e.name === 'Despot of Thessalonica')?.aliases).toEqual([
      'Byzantine emperor in Thessalonica',
      'Emperor of All Thessaly',
    ])
  })

  it('reads the shown text of [[target|text]] links, and the caption of the picture', () => {
    expect(deck.entities.some((e) => e.name === 'Andronikos Palaiologos')).toBe(true)
    expect(deck.entities.some((e) => e.name.includes('Lord of Thessalonica'))).toBe(false)
    const caption = deck.facts.find((f) => f.type === 'text' && f.key === 'caption')
    expect(caption?.value).toBe(
      '15th-century portrait of John VII (from a 15th-century codex containing a copy of the {{Extracts of History}} by {{Joannes Zonaras}})',
    )
  })
})

describe('{{Infobox royalty}} with templates: John VIII', () => {
  const { result, named, dates, relations } = read('john-viii-palaiologos.wiki')

  it('reads {{Birth date}} and {{Death date and age}}, the age worked out from both dates', () => {
    expect(dates('born').map((f) => f.value.text)).toEqual(['18 December 1392'])
    expect(dates('died').map((f) => f.value.text)).toEqual(['31 October 1448'])
    expect(result.deck?.facts.find((f) => f.type === 'number')?.value).toBe(55)
  })

  it('reads every spouse of a {{plainlist}}, with "(m. 1414; died 1417)" and {{marriage|…|1421|1426}}', () => {
    expect(
      relations('spouse')
        .map((f) => [
          named(f.subject === 'john-viii-palaiologos' ? f.value : f.subject),
          f.marriage?.start?.text,
          f.marriage?.end?.text,
          f.marriage?.ended,
          f.note,
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['Anna of Moscow', '1414', '1417', 'death', undefined],
      ['Maria of Trebizond', '1427', '1439', 'death', undefined],
      ['Sophia of Montferrat', '1421', '1426', undefined, undefined],
    ])
    expect(dates('event').map((f) => [f.label, f.value.text])).toEqual([['was crowned co-emperor', '19 January 1421']])
  })

  it('lists the parameters it does not read with their lines', () => {
    expect(result.skipped).toEqual([
      { line: 15, text: 'burial_place = Pantokrator Monastery', reason: 'not a field Stavraton reads' },
    ])
  })
})

describe('{{Infobox officeholder}}: Thomas Jefferson', () => {
  const { result, id, tenures } = read('thomas-jefferson.wiki')

  it('reads each office with its order, term, predecessor and successor', () => {
    expect(tenures().map((t) => [t.office, t.start?.text, t.end?.text, t.predecessor, t.successor])).toEqual([
      [
        id('3rd President of the United States'),
        '4 March 1801',
        '4 March 1809',
        { who: id('John Adams') },
        { who: id('James Madison') },
      ],
      [
        id('2nd Vice President of the United States'),
        '4 March 1797',
        '4 March 1801',
        { who: id('John Adams') },
        { who: id('Aaron Burr') },
      ],
    ])
  })

  it('lists what it does not read, each list on one line, with the line of its parameter', () => {
    expect(result.skipped).toEqual([
      { line: 6, text: 'vicepresident = Aaron Burr / George Clinton', reason: 'not a field Stavraton reads' },
      { line: 16, text: 'president2 = John Adams', reason: 'not a field Stavraton reads' },
      { line: 26, text: '6, including Martha and Mary', reason: 'not a list of names' },
      { line: 31, text: 'party = Democratic-Republican', reason: 'not a field Stavraton reads' },
    ])
    expect(result.yaml).toContain('#   line 6: vicepresident = Aaron Burr / George Clinton')
  })
})

describe('{{Infobox person}}: Keratsa of Bulgaria', () => {
  const { deck, named, dates, relations } = read('keratsa-of-bulgaria.wiki')

  it('reads the other names as aliases, the children of a {{ubl}}, and a date "after 1390"', () => {
    expect(deck.entities[0]?.aliases).toEqual(['Keratsa', 'Maria'])
    expect(dates('died').map((f) => f.value.text)).toEqual(['after 1390'])
    const children = relations('parent').filter((f) => f.value === deck.entities[0]?.id)
    expect(children.map((f) => named(f.subject))).toEqual(['John VII Palaiologos'])
  })
})

describe('wikitext that is not an infobox', () => {
  it('is refused with a message and a hint', () => {
    const result = importWikitext("'''Mistra''' is a town in the Peloponnese.", { file: 'mistra.wiki' })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([
      { severity: 'error', code: 'wikitext-no-infobox', file: 'mistra.wiki', line: 1 },
    ])
  })

  it('is told apart from pasted infobox text when the format is guessed', () => {
    const bytes = new Uint8Array()
    expect(detectFormat('john.txt', bytes, fixture('john-vii-palaiologos.wiki'))).toBe('wikitext')
    expect(detectFormat('john.wiki', bytes)).toBe('wikitext')
    expect(detectFormat('john.txt', bytes, seed)).toBe('infobox')
  })
})
