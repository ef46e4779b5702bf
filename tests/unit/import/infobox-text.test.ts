// Infoboxes as browsers copy them, in the shapes they come in (tests/fixtures/infobox/): the
// seed's shape (a tab before every cell, a <br> as a new line without one), one row per line
// (Firefox: "Born\t1370"), and plain lines with no tabs. Each becomes a valid deck whose facts say
// what the infobox says; every line not used is listed with its line number.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DateFact, Deck, Fact, RelationFact, TenureFact } from '../../../src/domain/deck/types'
import { importInfoboxText } from '../../../src/domain/import/infobox'
import { splitRange } from '../../../src/domain/import/infobox-text'
import { looksLikeInfoboxText } from '../../../src/domain/import/infobox-detect'
import { markGaps } from '../../../src/domain/import/person-deck'

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'infobox', name), 'utf8')

function read(name: string) {
  const result = importInfoboxText(fixture(name), { file: name })
  expect(result.issues).toEqual([])
  const deck = result.deck as Deck
  const id = (entityName: string) => {
    const found = deck.entities.find((e) => e.name === entityName)
    if (!found) throw new Error(`no entity named ${entityName}`)
    return found.id
  }
  const facts = (type: Fact['type'], key?: string) =>
    deck.facts.filter((f) => f.type === type && (key === undefined || ('key' in f && f.key === key)))
  const dates = (key: string) => deck.facts.filter((f): f is DateFact => f.type === 'date' && f.key === key)
  return { result, deck, id, facts, dates }
}

describe('dates as infoboxes write them', () => {
  it('gives both sides of a range a year, a month and a day', () => {
    expect(splitRange('14 April – 17 September 1390')).toEqual({ from: '14 April 1390', to: '17 September 1390' })
    expect(splitRange('1403 – 22 September 1408')).toEqual({ from: '1403', to: '22 September 1408' })
    expect(splitRange('1403–1407')).toEqual({ from: '1403', to: '1407' })
    expect(splitRange('14 – 17 September 1390')).toEqual({ from: '14 September 1390', to: '17 September 1390' })
    expect(splitRange('March 4, 1801 – March 4, 1809')).toEqual({ from: '4 March 1801', to: '4 March 1809' })
    expect(splitRange('1990 – present')).toEqual({ from: '1990' })
    expect(splitRange('Andronikos V Palaiologos')).toBeUndefined()
  })
})

describe('the seed shape: Manuel II', () => {
  const { result, deck, id, facts, dates } = read('manuel-ii-palaiologos.infobox.txt')
  const manuel = id('Manuel II Palaiologos')

  it('reads born with a place, died with "aged N" and a place', () => {
    expect(facts('date', 'born').map((f) => f.value)).toMatchObject([{ text: '27 June 1350' }])
    expect(facts('date', 'died').map((f) => f.value)).toMatchObject([{ text: '21 July 1425' }])
    expect(facts('number', 'ageAtDeath').map((f) => f.value)).toEqual([75])
    expect(facts('place', 'diedAt').map((f) => f.value)).toEqual([id('Constantinople')])
    expect(deck.entities.find((e) => e.name === 'Constantinople')?.description).toBe('now Istanbul, Turkey')
  })

  it('reads every child of an Issue list with "more...", the spouse with the year of the marriage', () => {
    const children = facts('relation', 'parent')
      .filter((f) => f.value === manuel)
      .map((f) => deck.entities.find((e) => e.id === f.subject)?.name)
    expect(children).toEqual([
      'John VIII Palaiologos',
      'Theodore II Palaiologos',
      'Andronikos Palaiologos',
      'Constantine XI Palaiologos',
    ])
    const [spouse] = facts('relation', 'spouse') as RelationFact[]
    expect(facts('relation', 'spouse')).toHaveLength(1)
    // The year of the marriage is its `from`, not an event of its own.
    expect(spouse?.marriage?.start?.text).toBe('1392')
    expect(dates('event').some((f) => f.label?.startsWith('married'))).toBe(false)
  })

  it('reads the coronation "(as co-emperor)" as an event, the co-emperor with his years', () => {
    const crowned = facts('date', 'event').find((f) => f.type === 'date' && f.event === 'crowned-co-emperor')
    expect(crowned).toMatchObject({ label: 'was crowned co-emperor', value: { text: '25 September 1373' } })
    const [reign] = facts('tenure') as TenureFact[]
    expect(reign?.value).toMatchObject({
      office: id('Byzantine emperor'),
      start: { text: '16 February 1391' },
      end: { text: '21 July 1425' },
      predecessor: { who: id('John V Palaiologos') },
      successor: { who: id('John VIII Palaiologos') },
      coRulers: [{ who: id('John VIII Palaiologos'), start: { text: '1421' }, end: { text: '1425' } }],
    })
  })

  it('keeps the religion as a note, and lists the burial as not used, with its line', () => {
    expect(facts('text', 'note').map((f) => f.value)).toEqual(['Religion: {{Eastern Orthodox}}.'])
    expect(result.skipped).toEqual([
      { line: 38, text: 'Pantokrator Monastery', reason: 'not used: the deck format has no place for "Burial"' },
    ])
    expect(result.yaml).toContain('#   line 38: Pantokrator Monastery')
  })

  it('gives the subject the gender the titles say (Emperor), and the parents theirs', () => {
    expect(deck.entities.find((e) => e.id === manuel)?.gender).toBe('male')
    expect(deck.entities.find((e) => e.name === 'Helena Kantakouzene')?.gender).toBe('female')
    expect(deck.entities.find((e) => e.name === 'Helena Dragaš')?.gender).toBeUndefined()
  })
})

describe('several reigns in one row: John V', () => {
  const { result, facts, id } = read('john-v-palaiologos.infobox.txt')

  it('makes a tenure of each line; the predecessor goes with the first, the successor with the last', () => {
    const reigns = (facts('tenure') as TenureFact[]).map((f) => f.value)
    expect(reigns.map((r) => [r.start?.text, r.end?.text])).toEqual([
      ['15 June 1341', '12 August 1376'],
      ['1 July 1379', '14 April 1390'],
      ['17 September 1390', '16 February 1391'],
    ])
    expect(reigns[0]?.predecessor).toEqual({ who: id('Andronikos III Palaiologos') })
    expect(reigns[2]?.successor).toEqual({ who: id('Manuel II Palaiologos') })
    expect(reigns[1]?.predecessor).toBeUndefined()
  })

  it('puts each co-emperor in the reign his years fall in', () => {
    const reigns = (facts('tenure') as TenureFact[]).map((f) => f.value)
    expect(reigns[0]?.coRulers.map((c) => [c.who, c.start?.text, c.end?.text])).toEqual([
      [id('John VI Kantakouzenos'), '1347', '1354'],
      [id('Matthew Kantakouzenos'), '1353', '1357'],
    ])
  })

  it('reads "House" as the dynasty and "(m. 1347; died 1396)" as a marriage from 1347 ended by a death in 1396', () => {
    expect(facts('relation', 'dynasty').map((f) => f.value)).toEqual([id('Palaiologos')])
    const spouse = facts('relation', 'spouse')[0] as RelationFact
    expect(spouse.marriage).toMatchObject({ start: { text: '1347' }, end: { text: '1396' }, ended: 'death' })
    expect(spouse.note).toBeUndefined()
    expect(facts('date', 'event')).toEqual([])
    expect(result.skipped).toEqual([])
  })
})

describe('one row per line (Firefox): Thomas Jefferson', () => {
  const { result, facts, id } = read('thomas-jefferson.infobox.txt')

  it('reads the office header, the term in US dates, and who came before and after', () => {
    const [term] = (facts('tenure') as TenureFact[]).map((f) => f.value)
    expect(term).toMatchObject({
      office: id('3rd President of the United States'),
      start: { text: '4 March 1801' },
      end: { text: '4 March 1809' },
      predecessor: { who: id('John Adams') },
      successor: { who: id('James Madison') },
    })
  })

  it('reads a place on the line under a date, and both parents of "Parent(s)"', () => {
    expect(facts('place', 'bornAt').map((f) => f.value)).toEqual([id('Shadwell, Colony of Virginia')])
    expect(facts('number', 'ageAtDeath').map((f) => f.value)).toEqual([83])
    expect(facts('relation', 'parent').map((f) => f.value)).toEqual([id('Peter Jefferson'), id('Jane Randolph')])
  })

  it('lists what it does not read (Vice President, a count of children), never making it a fact', () => {
    expect(result.skipped).toEqual([
      { line: 4, text: 'Vice President / Aaron Burr', reason: 'not a label Stavraton reads' },
      { line: 5, text: 'George Clinton', reason: 'not a label Stavraton reads' },
      { line: 15, text: '6, including Martha and Mary', reason: 'not a list of names' },
    ])
    expect(result.deck?.entities.some((e) => e.name.includes('Martha and Mary'))).toBe(false)
  })
})

describe('plain lines with no tabs: Irene Gattilusio', () => {
  const { result, facts, dates } = read('irene-gattilusio.infobox.txt')

  it('pairs each label with the line after it', () => {
    expect(dates('born').map((f) => f.value.text)).toEqual(['c. 1380'])
    expect(dates('died').map((f) => f.value.text)).toEqual(['1440'])
    expect(facts('relation', 'spouse')).toHaveLength(1)
    expect(facts('relation', 'parent').map((f) => f.type === 'relation' && f.role)).toEqual(['father', 'mother'])
  })

  it('lists the line it cannot place (the place of death, with nothing to mark it)', () => {
    expect(result.skipped).toEqual([{ line: 6, text: 'Lemnos', reason: 'not a label Stavraton reads' }])
  })
})

describe('marriages as {{marriage}} writes them', () => {
  it('reads "div." as a divorce and "ann." as an annulment, with the year it ended', () => {
    const marriage = (spouse: string) => {
      const text = ['Henry Testing', 'Born', '1491', 'Spouse', spouse].join('\n')
      const fact = importInfoboxText(text, { file: 'henry.txt' }).deck?.facts.find(
        (f): f is RelationFact => f.type === 'relation' && f.key === 'spouse',
      )
      return [fact?.marriage?.start?.text, fact?.marriage?.end?.text, fact?.marriage?.ended, fact?.note]
    }
    expect(marriage('Catherine Example (m. 1509; ann. 1533)')).toEqual(['1509', '1533', 'annulment', undefined])
    expect(marriage('Anne Example (m. 1533; div. 1536)')).toEqual(['1533', '1536', 'divorce', undefined])
    expect(marriage('Jane Example (m. 1536; remarried 1540)')).toEqual(['1536', undefined, undefined, 'remarried 1540'])
  })
})

describe('what is not an infobox', () => {
  it('is refused with a message and a hint, and no deck', () => {
    const result = importInfoboxText('Some notes about Byzantium\nand more notes', { file: 'notes.txt' })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([
      { severity: 'error', code: 'infobox-unreadable', file: 'notes.txt', line: 1, column: 1 },
    ])
  })

  it('is not guessed to be one; the fixtures are', () => {
    expect(looksLikeInfoboxText('term,definition\nBorn,1370\n')).toBe(false)
    for (const name of ['manuel-ii-palaiologos', 'john-v-palaiologos', 'thomas-jefferson', 'irene-gattilusio'])
      expect(looksLikeInfoboxText(fixture(`${name}.infobox.txt`)), name).toBe(true)
  })

  it('never uses a name from the text as a key of a plain object', () => {
    const text = '\t__proto__\n\n\tBorn\n\t1370\n\n\tFather\n\tconstructor\n\n\tMother\n\ttoString\n'
    const result = importInfoboxText(text, { file: 'odd.txt' })
    expect(result.issues).toEqual([])
    expect(result.deck?.entities.map((e) => e.name)).toEqual(['__proto__', 'constructor', 'toString'])
  })
})

describe('gaps in captions', () => {
  it('marks names and years, but not the subject or the caption’s first words', () => {
    const own = new Set(['John VII Palaiologos', 'John VII'])
    expect(markGaps('Half-stavraton coin of John VII and Christ Pantocrator, struck in 1403', own)).toBe(
      'Half-stavraton coin of John VII and {{Christ Pantocrator}}, struck in {{1403}}',
    )
    expect(markGaps('Miniature of Manuel II', new Set(['Manuel II']))).toBe('Miniature of Manuel II')
    expect(markGaps('15th-century portrait', own)).toBe('15th-century portrait')
  })
})
