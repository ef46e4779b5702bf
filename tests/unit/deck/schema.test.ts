// The published JSON Schema is generated from the valibot schema that validates, and the committed
// file is current; the valibot schema accepts the decks the validator accepts.
import { readFileSync } from 'node:fs'
import * as v from 'valibot'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { DECK_SCHEMA_FILE, deckJsonSchemaText } from '../../../scripts/deck-schema'
import { DeckFileSchema } from '../../../src/domain/deck/schema'
import { join } from 'node:path'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'decks', name), 'utf8')

describe('schema/deck.schema.json', () => {
  it('equals a fresh generation (run `npx tsx scripts/deck-schema.ts` after changing schema.ts)', () => {
    expect(readFileSync(DECK_SCHEMA_FILE, 'utf8')).toBe(deckJsonSchemaText())
  })

  it('describes every field of the format, closed to unknown fields', () => {
    const schema = JSON.parse(deckJsonSchemaText())
    expect(schema.required).toEqual(['id', 'title'])
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties)).toEqual([
      '$schema',
      'id',
      'title',
      'description',
      'language',
      'author',
      'licence',
      'version',
      'sources',
      'entities',
      'cards',
    ])
    const entity = schema.$defs.Entity
    expect(entity.additionalProperties).toBe(false)
    expect(entity.required).toEqual(['kind', 'name'])
    expect(Object.keys(entity.properties)).toEqual(
      expect.arrayContaining(['born', 'died', 'father', 'mother', 'children', 'spouse', 'held', 'events', 'caption']),
    )
    expect(schema.$defs.EntityId.pattern).toBe('^[a-z0-9]+(-[a-z0-9]+)*$')
    expect(schema.$defs.Date.anyOf).toEqual([{ type: 'string' }, { type: 'number' }])
  })
})

describe('DeckFileSchema', () => {
  it('accepts the valid test deck and rejects an unknown field', () => {
    const deck = parse(fixture('small-valid.yaml'))
    expect(v.safeParse(DeckFileSchema, deck).success).toBe(true)
    expect(v.safeParse(DeckFileSchema, { ...deck, license: 'x' }).success).toBe(false)
  })

  it('requires a source on every alternative', () => {
    const deck = {
      id: 't',
      title: 'T',
      entities: { a: { kind: 'person', name: 'A', born: { date: 1300, disputed: [{ date: 1301 }] } } },
    }
    expect(v.safeParse(DeckFileSchema, deck).success).toBe(false)
  })
})
