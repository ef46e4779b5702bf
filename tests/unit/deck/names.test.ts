// The checker's warnings about names: two entities called the same (naming both ids and their
// lines), an alias that is a title's or office's name, and an alias list cut at a comma inside a
// name. They are warnings: the deck is still used.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DeckIssue } from '../../../src/domain/deck/issues'
import { parseDeckText } from '../../../src/domain/deck/parse'

const lines = (...rows: string[]) => `${rows.join('\n')}\n`
const withEntities = (...rows: string[]) =>
  lines('id: t', 'title: T', 'sources: { book: The book }', 'entities:', ...rows)
const warnings = (text: string, code: DeckIssue['code']) => {
  const result = parseDeckText(text, { file: 'deck.yaml' })
  expect(result.deck).toBeDefined()
  return result.issues.filter((i) => i.code === code)
}

describe('names that belong to two entities', () => {
  it('warns at the second, naming both ids and their lines', () => {
    const text = withEntities(
      '  julia-c: { kind: person, name: Julia, source: book }',
      '  augustus: { kind: person, name: Augustus, source: book }',
      '  julia-a: { kind: person, name: Julia the Elder, aliases: [Julia], source: book }',
    )
    const [issue, ...rest] = warnings(text, 'same-name')
    expect(rest).toEqual([])
    expect(issue).toMatchObject({ severity: 'warning', line: 7, path: 'entities.julia-a.aliases.0' })
    expect(issue?.column).toBe(text.split('\n')[6]!.indexOf('Julia]') + 1)
    expect(issue?.message.startsWith('`julia-c` (line 5) and `julia-a` (line 7) are both called Julia')).toBe(true)
  })

  it('ignores case and spacing, and one entity repeating its own name', () => {
    const text = withEntities(
      '  a: { kind: person, name: Mary  Tudor, aliases: [mary tudor], source: book }',
      '  b: { kind: person, name: MARY TUDOR, source: book }',
    )
    expect(warnings(text, 'same-name').map((i) => i.path)).toEqual(['entities.b.name'])
  })
})

describe('an alias that is a title or office', () => {
  it('warns at the alias, naming the title', () => {
    const text = withEntities(
      '  caesar-title: { kind: title, name: Caesar }',
      '  julius: { kind: person, name: Julius Caesar, aliases: [Caesar], source: book }',
    )
    const [issue] = warnings(text, 'alias-is-title')
    expect(issue).toMatchObject({ line: 6, path: 'entities.julius.aliases.0' })
    expect(issue?.message).toBe('the alias `Caesar` of `julius` is the name of the title `caesar-title` (line 5)')
    expect(warnings(text, 'same-name')).toEqual([])
  })

  it('counts an office’s gendered titles as its names', () => {
    const text = withEntities(
      '  monarch: { kind: office, name: Monarch of England, gendered: { female: Queen of England } }',
      '  mary: { kind: person, name: Mary I, aliases: Queen of England, source: book }',
      '  paris: { kind: place, name: Paris, aliases: [Monarch of England] }',
    )
    expect(warnings(text, 'alias-is-title').map((i) => i.path)).toEqual(['entities.mary.aliases'])
  })
})

describe('an alias list cut at a comma', () => {
  it('warns when a flow list splits "Arthur, Prince of Wales"', () => {
    const text = withEntities(
      '  arthur: { kind: person, name: Arthur Tudor, aliases: [Arthur, Prince of Wales], source: book }',
    )
    const [issue] = warnings(text, 'split-alias')
    expect(issue).toMatchObject({ line: 5, path: 'entities.arthur.aliases.1' })
    expect(issue?.hint).toBe('if it is one name, put it in quotes: "Arthur, Prince of Wales"')
  })

  it('warns when the two halves joined are the entity’s name', () => {
    const text = withEntities(
      '  j: { kind: person, name: "Julia, Augustus’ daughter", aliases: [Julia, Augustus’ daughter], source: book }',
    )
    expect(warnings(text, 'split-alias')).toHaveLength(1)
  })

  it('leaves lists of whole names alone, and a quoted name with a comma', () => {
    const text = withEntities(
      '  a: { kind: person, name: Anna, aliases: [Anne Test, Anna of Testing], source: book }',
      '  b: { kind: person, name: Arthur Tudor, aliases: ["Arthur, Prince of Wales"], source: book }',
    )
    expect(warnings(text, 'split-alias')).toEqual([])
  })
})

describe('decks written before these checks', () => {
  const root = join(import.meta.dirname, '..', '..', '..')
  const decks = [
    ...readdirSync(join(root, 'content')).map((name) => join(root, 'content', name)),
    ...['small-valid.yaml', 'small-valid.json', 'only-warnings.yaml'].map((n) =>
      join(root, 'tests', 'fixtures', 'decks', n),
    ),
  ].filter((path) => /\.(ya?ml|json)$/.test(path))

  it.each(decks)('%s gets no name warnings', (path) => {
    const issues = parseDeckText(readFileSync(path, 'utf8')).issues
    expect(issues.filter((i) => ['same-name', 'alias-is-title', 'split-alias'].includes(i.code))).toEqual([])
  })
})
