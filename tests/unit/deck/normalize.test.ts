// File format → fact model: short and long forms expand to the same facts, fact ids are stable
// and documented, links written on either side give the same deck.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeCloze } from '../../../src/domain/deck/normalize'
import { parseDeckText } from '../../../src/domain/deck/parse'
import type { Deck, Fact, TenureFact } from '../../../src/domain/deck/types'
import { digest } from '../../../src/domain/random'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'decks', name), 'utf8')

function deckOf(text: string): Deck {
  const result = parseDeckText(text)
  if (!result.deck) throw new Error(result.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'))
  return result.deck
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`
const withEntities = (...rows: string[]) =>
  lines('id: t', 'title: T', 'sources: { s: S, o: Other }', 'entities:', ...rows)
const fact = (deck: Deck, id: string): Fact => {
  const found = deck.facts.find((f) => f.id === id)
  if (!found) throw new Error(`no fact ${id} in ${deck.facts.map((f) => f.id).join(', ')}`)
  return found
}

describe('the test deck', () => {
  const deck = deckOf(fixture('small-valid.yaml'))

  it('keeps the metadata, with the version as text', () => {
    expect(deck).toMatchObject({
      id: 'test-family',
      title: 'A Test Family',
      language: 'en',
      author: 'Test',
      licence: 'CC0',
      version: '2',
    })
    expect(deck.sources).toEqual([
      { id: 'book', title: 'The Test Book', url: 'https://example.org/book' },
      { id: 'letters', title: 'Letters of the family' },
    ])
  })

  it('gives every fact its documented id, grouped by subject in entity order', () => {
    expect(deck.facts.map((f) => f.id)).toEqual([
      'born:anna',
      'bornAt:anna',
      'died:anna',
      'diedAt:anna',
      'ageAtDeath:anna',
      'spouse:anna:bert',
      'title:anna:queen',
      'tenure:anna:queen:1320',
      'event:anna:founded-school',
      'location:anna:founded-school',
      'text:caption:anna',
      'born:bert',
      'died:bert',
      'dynasty:bert:testers',
      'born:carl',
      'bornAt:carl',
      'parent:carl:bert',
      'parent:carl:anna',
      'tenure:carl:queen:1350',
      'event:coronation',
      'location:coronation',
      'participant:coronation:carl',
      'participant:coronation:anna',
      'text:outcome:coronation',
    ])
  })

  it('turns children into parent facts of the child, with the role from the parent’s gender', () => {
    expect(fact(deck, 'parent:carl:anna')).toMatchObject({
      type: 'relation',
      key: 'parent',
      subject: 'carl',
      value: 'anna',
      role: 'mother',
    })
    expect(fact(deck, 'parent:carl:bert')).toMatchObject({ subject: 'carl', value: 'bert', role: 'father' })
  })

  it('sends an alternative to the fact whose value it gives', () => {
    expect(fact(deck, 'died:anna').alternatives).toEqual([
      { value: expect.objectContaining({ text: '1361' }), sources: ['letters'] },
    ])
    expect(fact(deck, 'diedAt:anna').alternatives).toEqual([])
    expect(fact(deck, 'ageAtDeath:anna')).toMatchObject({ type: 'number', value: 60, sources: ['book'] })
  })

  it('builds tenures with co-rulers and successions', () => {
    const anna = fact(deck, 'tenure:anna:queen:1320') as TenureFact
    expect(anna.value).toMatchObject({
      office: 'queen',
      start: { text: '1320' },
      end: { text: '1350' },
      successor: { who: 'carl' },
      coRulers: [{ who: 'bert', start: { text: '1320' }, end: { text: '1345' } }],
    })
    expect((fact(deck, 'tenure:carl:queen:1350') as TenureFact).value).toMatchObject({
      predecessor: { who: 'anna' },
      successor: { vacant: 'the crown was abolished' },
    })
  })

  it('keeps an event’s label and question, and its place as a location fact', () => {
    expect(fact(deck, 'event:anna:founded-school')).toMatchObject({
      type: 'date',
      key: 'event',
      event: 'founded-school',
      label: 'founded a school',
      ask: 'When did {name} found a school?',
      value: { kind: 'range', text: '1330–1335' },
    })
    expect(fact(deck, 'location:anna:founded-school')).toMatchObject({
      type: 'place',
      key: 'location',
      subject: 'anna',
      value: 'testville',
    })
    expect(fact(deck, 'event:coronation')).not.toHaveProperty('label')
  })

  it('uses the entity’s source unless the fact names its own', () => {
    expect(fact(deck, 'participant:coronation:anna').sources).toEqual(['letters'])
    expect(fact(deck, 'text:caption:anna')).toMatchObject({ type: 'text', key: 'caption', sources: ['book'] })
  })

  it('gives cards ids from their text and turns Anki clozes into plain gaps', () => {
    expect(deck.cards).toEqual([
      {
        type: 'basic',
        id: `card-${digest('What is the capital of Testland?')}`,
        front: 'What is the capital of Testland?',
        back: 'Testville',
        sources: ['book'],
      },
      {
        type: 'choice',
        id: `card-${digest('Who founded the school?')}`,
        prompt: 'Who founded the school?',
        options: ['Anna', 'Bert', 'Carl'],
        answer: 'Anna',
        sources: [],
      },
      {
        type: 'cloze',
        id: `card-${digest("The {{falcon}} was Anna's emblem.")}`,
        text: "The {{falcon}} was Anna's emblem.",
        sources: [],
      },
    ])
  })

  it('reads aliases from a list or a single name', () => {
    expect(deck.entities[0]).toMatchObject({ id: 'anna', aliases: ['Anne Test', 'Anna of Testing'], gender: 'female' })
    expect(
      deckOf(withEntities('  a: { kind: person, name: A, aliases: Alpha, source: s }')).entities[0]?.aliases,
    ).toEqual(['Alpha'])
  })
})

describe('forms and sides', () => {
  it('gives the same deck for a link declared on the child, on the parent, or on both', () => {
    const people = [
      '  p: { kind: person, name: P, gender: male, source: s }',
      '  c: { kind: person, name: C, source: s }',
    ]
    const onChild = deckOf(withEntities(people[0] as string, '  c: { kind: person, name: C, source: s, father: p }'))
    const onParent = deckOf(
      withEntities('  p: { kind: person, name: P, gender: male, source: s, children: [c] }', people[1] as string),
    )
    const onBoth = deckOf(
      withEntities(
        '  p: { kind: person, name: P, gender: male, source: s, children: [c] }',
        '  c: { kind: person, name: C, source: s, father: p }',
      ),
    )
    expect(onParent.facts).toEqual(onChild.facts)
    expect(onBoth.facts).toEqual(onChild.facts)
  })

  it('stores a spouse once, under the smaller id', () => {
    const deck = deckOf(
      withEntities(
        '  zoe: { kind: person, name: Z, source: s, spouse: adam }',
        '  adam: { kind: person, name: A, source: s }',
      ),
    )
    expect(deck.facts).toEqual([
      {
        type: 'relation',
        key: 'spouse',
        id: 'spouse:adam:zoe',
        subject: 'adam',
        value: 'zoe',
        sources: ['s'],
        alternatives: [],
      },
    ])
  })

  it('reads a short and a long form to the same fact', () => {
    const short = deckOf(withEntities('  a: { kind: person, name: A, source: s, born: 1370 }'))
    const long = deckOf(withEntities('  a: { kind: person, name: A, born: { date: 1370, source: s } }'))
    expect(long.facts).toEqual(short.facts)
  })

  it('numbers tenures without a start, and tells apart two tenures starting the same year', () => {
    const deck = deckOf(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: s',
        '    held: [{ office: o }, { office: o, to: 1400 }, { office: o, from: 1390 }, { office: o, from: 1390, to: 1391 }]',
        '  o: { kind: office, name: O, source: s }',
      ),
    )
    expect(deck.facts.map((f) => f.id)).toEqual([
      'tenure:a:o:1',
      'tenure:a:o:2',
      'tenure:a:o:1390',
      'tenure:a:o:1390-2',
    ])
  })

  it('keeps tenure disputes as partial tenures', () => {
    const deck = deckOf(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: s',
        '    held:',
        '      - { office: o, from: 19 November 1341, disputed: [{ from: 15 June 1341, source: o }] }',
        '  o: { kind: office, name: O, source: s }',
      ),
    )
    expect(deck.facts[0]?.alternatives).toEqual([
      { value: { start: expect.objectContaining({ text: '15 June 1341' }) }, sources: ['o'] },
    ])
  })

  it('fills in the language and version defaults', () => {
    expect(deckOf(lines('id: t', 'title: T', 'cards: [{ front: a, back: b }]'))).toMatchObject({
      language: 'en',
      version: '1',
    })
  })
})

describe('normalizeCloze', () => {
  it('turns {{c1::text}} and {{c1::text::hint}} into {{text}}', () => {
    expect(normalizeCloze('{{c1::Constantinople}} and {{c2::Thessalonica::a city}} and {{Selymbria}}')).toBe(
      '{{Constantinople}} and {{Thessalonica}} and {{Selymbria}}',
    )
  })
})
