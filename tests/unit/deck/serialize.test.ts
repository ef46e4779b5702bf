// Fact model → file format: short forms where possible, links on the subject's side, and a deck
// that reads back exactly as it was (as an object and as YAML text).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import { dateToFile, deckToFileObject } from '../../../src/domain/deck/serialize'
import type { Deck } from '../../../src/domain/deck/types'
import { validateDeckObject } from '../../../src/domain/deck/validate'
import { deckToYaml, SCHEMA_COMMENT } from '../../../src/domain/deck/yaml'
import { parseDate } from '../../../src/domain/deck/dates'

const root = join(import.meta.dirname, '..', '..', '..')
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8')

function deckOf(text: string): Deck {
  const result = parseDeckText(text)
  if (!result.deck) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return result.deck
}

const date = (text: string) => {
  const result = parseDate(text)
  if (!result.ok) throw new Error(result.message)
  return result.date
}

describe('deckToFileObject', () => {
  const deck = deckOf(read('tests', 'fixtures', 'decks', 'small-valid.yaml'))
  const file = deckToFileObject(deck) as unknown as {
    entities: Record<string, Record<string, unknown>>
    cards: unknown[]
  }

  it('round-trips the test deck', () => {
    const again = validateDeckObject(file)
    expect(again.issues).toEqual([])
    expect(again.deck).toEqual(deck)
  })

  it('writes short forms and the entity’s common source once', () => {
    expect(file.entities.bert).toEqual({
      kind: 'person',
      name: 'Bert Test',
      gender: 'male',
      source: 'book',
      born: 1298,
      died: 1345,
      dynasty: 'testers',
    })
  })

  it('writes parent links on the child, with the role as the field', () => {
    expect(file.entities.carl).toMatchObject({ father: 'bert', mother: 'anna' })
    expect(file.entities.anna).not.toHaveProperty('children')
  })

  it('writes long forms for disputes, notes and other sources', () => {
    expect(file.entities.anna?.died).toEqual({
      date: '12 March 1360',
      place: 'testville',
      age: 60,
      disputed: [{ date: 1361, source: 'letters' }],
    })
  })

  it('writes a card id only when it is not the one derived from the text', () => {
    expect(file.cards[0]).toEqual({ front: 'What is the capital of Testland?', back: 'Testville', source: 'book' })
    const renamed = { ...deck, cards: deck.cards.map((card, i) => (i === 0 ? { ...card, id: 'capital' } : card)) }
    expect((deckToFileObject(renamed).cards ?? [])[0]).toMatchObject({ id: 'capital' })
  })

  it('writes a plain year as a number and every other date as its text', () => {
    expect(dateToFile(date('1370'))).toBe(1370)
    expect(dateToFile(date('c. 1370'))).toBe('c. 1370')
    expect(dateToFile(date('44 BC'))).toBe('44 BC')
    expect(dateToFile(date('September 1408'))).toBe('September 1408')
  })

  it('gives no default source to an entity with an unsourced fact', () => {
    const partly = deckOf(
      'id: t\ntitle: T\nsources: { s: S }\nentities:\n  a: { kind: person, name: A, born: 1300, died: { date: 1350, source: s } }\n',
    )
    const entity = (deckToFileObject(partly).entities ?? {}).a as Record<string, unknown>
    expect(entity).not.toHaveProperty('source')
    expect(entity.died).toEqual({ date: 1350, source: 's' })
    expect(validateDeckObject(deckToFileObject(partly)).deck).toEqual(partly)
  })
})

describe('deckToYaml', () => {
  it('starts with the schema comment and reads back as the same deck', () => {
    const deck = deckOf(read('tests', 'fixtures', 'decks', 'small-valid.yaml'))
    const yaml = deckToYaml(deck)
    expect(yaml.split('\n')[0]).toBe(SCHEMA_COMMENT)
    expect(yaml).toContain('aliases: [Anne Test, Anna of Testing]')
    expect(parseDeckText(yaml)).toEqual({ deck, issues: [] })
  })
})
