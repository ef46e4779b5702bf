// Marriages (dates, ending, order), adoption and siblings stated directly: how they read into
// facts, every mistake a teacher can make with them reported at its line and column with a
// hint, and a round trip YAML → deck → YAML that keeps them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatIssue, type DeckIssue } from '../../../src/domain/deck/issues'
import { parseDeckText } from '../../../src/domain/deck/parse'
import { deckToFileObject } from '../../../src/domain/deck/serialize'
import type { Deck, RelationFact } from '../../../src/domain/deck/types'
import { validateDeckObject } from '../../../src/domain/deck/validate'
import { deckToYaml } from '../../../src/domain/deck/yaml'

const root = join(import.meta.dirname, '..', '..', '..')
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8')
const lines = (...rows: string[]) => `${rows.join('\n')}\n`
/** A deck with one source; `rows` go under `entities:` (line 5 onwards). */
const withEntities = (...rows: string[]) =>
  lines('id: t', 'title: T', 'sources: { book: The book }', 'entities:', ...rows)

function deckOf(text: string): Deck {
  const result = parseDeckText(text)
  if (!result.deck) throw new Error(result.issues.map(formatIssue).join('\n'))
  expect(result.issues).toEqual([])
  return result.deck
}

function one(text: string, code: DeckIssue['code']): DeckIssue {
  const issues = parseDeckText(text, { file: 'deck.yaml' }).issues
  const found = issues.filter((issue) => issue.code === code)
  if (found.length !== 1) throw new Error(`expected one ${code}, got:\n${issues.map(formatIssue).join('\n')}`)
  return found[0] as DeckIssue
}

/** [line, column, path] of an issue, and what the test expects: the column of `token` on `line`. */
const at = (issue: DeckIssue) => [issue.line, issue.column, issue.path]
function loc(text: string, line: number, token: string, path: string): [number, number, string] {
  const column = (text.split('\n')[line - 1] ?? '').indexOf(token) + 1
  if (column === 0) throw new Error(`\`${token}\` is not on line ${line}`)
  return [line, column, path]
}

const relation = (deck: Deck, id: string) => deck.facts.find((f) => f.id === id) as RelationFact | undefined

const people = [
  '  h: { kind: person, name: Henry, gender: male, source: book }',
  '  c: { kind: person, name: Catherine, gender: female, source: book }',
  '  a: { kind: person, name: Anne, gender: female, source: book }',
]

describe('marriages', () => {
  it('reads dates, the ending and the order of each side into the spouse fact', () => {
    const deck = deckOf(
      withEntities(
        '  h:',
        '    kind: person',
        '    name: Henry',
        '    gender: male',
        '    source: book',
        '    spouse:',
        '      - { id: c, from: 11 June 1509, to: 23 May 1533, ended: annulment, order: 1 }',
        '      - { id: a, from: 1533, order: 2 }',
        '  c: { kind: person, name: Catherine, gender: female, source: book, spouse: { id: h, order: 2 } }',
        '  a: { kind: person, name: Anne, gender: female, source: book }',
      ),
    )
    expect(relation(deck, 'spouse:c:h')?.marriage).toEqual({
      start: expect.objectContaining({ text: '11 June 1509' }),
      end: expect.objectContaining({ text: '23 May 1533' }),
      ended: 'annulment',
      subjectOrder: 2,
      valueOrder: 1,
    })
    expect(relation(deck, 'spouse:a:h')?.marriage).toMatchObject({ valueOrder: 2, start: { text: '1533' } })
  })

  it('keeps a spouse without dates valid, as before', () => {
    const deck = deckOf(withEntities('  h: { kind: person, name: Henry, source: book, spouse: [c] }', people[1]!))
    expect(relation(deck, 'spouse:c:h')).not.toHaveProperty('marriage')
  })

  it('reports a misspelt ending with the value that was meant', () => {
    const text = withEntities(
      '  h: { kind: person, name: Henry, source: book, spouse: [{ id: c, ended: divorced }] }',
      people[1]!,
    )
    const issue = one(text, 'invalid-value')
    expect(at(issue)).toEqual(loc(text, 5, 'divorced', 'entities.h.spouse.0.ended'))
    expect(issue.hint).toBe('did you mean `divorce`?')
  })

  it('reports a misspelt field of a marriage with the field that was meant', () => {
    const text = withEntities(
      '  h: { kind: person, name: Henry, source: book, spouse: [{ id: c, form: 1509 }] }',
      people[1]!,
    )
    const issue = one(text, 'unknown-field')
    expect(at(issue)).toEqual(loc(text, 5, 'form', 'entities.h.spouse.0.form'))
    expect(issue.hint).toBe('did you mean `from`?')
  })

  it('reports an order that is not a whole number from 1', () => {
    for (const order of ['0', '1.5']) {
      const text = withEntities(
        `  h: { kind: person, name: Henry, source: book, spouse: [{ id: c, order: ${order} }] }`,
        people[1]!,
      )
      const issue = one(text, 'invalid-value')
      expect(at(issue)).toEqual(loc(text, 5, order, 'entities.h.spouse.0.order'))
    }
  })

  it('reports two marriages with the same order, at the second', () => {
    const text = withEntities(
      '  h:',
      '    kind: person',
      '    name: Henry',
      '    source: book',
      '    spouse:',
      '      - { id: c, order: 1 }',
      '      - { id: a, order: 1 }',
      people[1]!,
      people[2]!,
    )
    const issue = one(text, 'duplicate-order')
    expect(at(issue)).toEqual(loc(text, 11, '1 }', 'entities.h.spouse.1.order'))
    expect(issue.message).toBe('`h` has two marriages with `order: 1`: to `c` and to `a`')
  })

  it('reports a marriage that ends before it starts, at its end', () => {
    const text = withEntities(
      '  h: { kind: person, name: Henry, source: book, spouse: [{ id: c, from: 1533, to: 1509 }] }',
      people[1]!,
    )
    const issue = one(text, 'end-before-start')
    expect(at(issue)).toEqual(loc(text, 5, '1509', 'entities.h.spouse.0.to'))
  })

  it('reports the two sides of one marriage giving different dates', () => {
    const text = withEntities(
      '  h: { kind: person, name: Henry, source: book, spouse: [{ id: c, from: 1509 }] }',
      '  c: { kind: person, name: Catherine, source: book, spouse: [{ id: h, from: 1510 }] }',
    )
    const issue = one(text, 'conflicting-sides')
    expect(issue.line).toBe(6)
    expect(issue.message).toContain('disagree on `from`')
  })

  it('reports someone married to themselves', () => {
    const text = withEntities('  h: { kind: person, name: Henry, source: book, spouse: h }')
    expect(at(one(text, 'invalid-value'))).toEqual(loc(text, 5, 'h }', 'entities.h.spouse'))
  })
})

describe('adoption', () => {
  const text = withEntities(
    '  caesar: { kind: person, name: Caesar, gender: male, source: book, adoptedChildren: [augustus] }',
    '  octavius: { kind: person, name: Octavius, gender: male, source: book }',
    '  augustus: { kind: person, name: Augustus, source: book, father: octavius, adoptiveMother: livia }',
    '  livia: { kind: person, name: Livia, gender: female, source: book }',
  )

  it('keeps adoptive parents apart from birth parents, with their role', () => {
    const deck = deckOf(text)
    expect(relation(deck, 'parent:augustus:octavius')).toMatchObject({ key: 'parent', role: 'father' })
    expect(relation(deck, 'adoptiveParent:augustus:caesar')).toMatchObject({ key: 'adoptiveParent', role: 'father' })
    expect(relation(deck, 'adoptiveParent:augustus:livia')).toMatchObject({ key: 'adoptiveParent', role: 'mother' })
  })

  it('is no second father: a birth and an adoptive father are valid together', () => {
    expect(parseDeckText(text).issues.filter((i) => i.code === 'too-many-parents')).toEqual([])
  })

  it('tells a teacher with two fathers about adoptiveFather, not only about disputes', () => {
    const twice = withEntities(
      '  b: { kind: person, name: B, gender: male, source: book }',
      '  c: { kind: person, name: C, gender: male, source: book, children: [a] }',
      '  a: { kind: person, name: A, source: book, father: b }',
    )
    const issue = one(twice, 'too-many-parents')
    expect(issue.hint?.startsWith('a father by adoption goes under `adoptiveFather`')).toBe(true)
  })

  it('reports two adoptive fathers', () => {
    const twice = withEntities(
      '  b: { kind: person, name: B, gender: male, source: book, adoptedChildren: [a] }',
      '  c: { kind: person, name: C, gender: male, source: book }',
      '  a: { kind: person, name: A, source: book, adoptiveFather: c }',
    )
    expect(one(twice, 'too-many-parents').message).toBe('`a` has more than one adoptive father: `b` and `c`')
  })

  it('reports an adoptive mother who is a man, at the link', () => {
    const wrong = withEntities(
      '  b: { kind: person, name: B, gender: male, source: book }',
      '  a: { kind: person, name: A, source: book, adoptiveMother: b }',
    )
    const issue = one(wrong, 'gender-mismatch')
    expect(at(issue)).toEqual(loc(wrong, 6, 'b }', 'entities.a.adoptiveMother'))
    expect(issue.hint).toBe('use `adoptiveFather`, or correct the gender of `b`')
  })

  it('reports a misspelt adoption field and an unknown adopted child with the closest match', () => {
    const typo = withEntities(
      '  a: { kind: person, name: A, source: book, adoptivFather: b }',
      '  b: { kind: person, name: B, source: book }',
    )
    expect(one(typo, 'unknown-field').hint).toBe('did you mean `adoptiveFather`?')
    const unknown = withEntities(
      '  a: { kind: person, name: A, source: book, adoptedChildren: [augustas] }',
      '  augustus: { kind: person, name: B, source: book }',
    )
    const issue = one(unknown, 'unknown-entity')
    expect(at(issue)).toEqual(loc(unknown, 5, 'augustas', 'entities.a.adoptedChildren.0'))
    expect(issue.hint).toBe('did you mean `augustus`?')
  })

  it('counts adoptions in the ancestor check', () => {
    const cycle = withEntities(
      '  a: { kind: person, name: A, source: book, father: b }',
      '  b: { kind: person, name: B, source: book, adoptiveFather: a }',
    )
    expect(one(cycle, 'ancestor-cycle').message).toContain('would be their own ancestor')
  })
})

describe('siblings', () => {
  it('stores a stated sibling once, with half when given, whichever side wrote it', () => {
    const deck = deckOf(
      withEntities(
        '  b: { kind: person, name: B, source: book, siblings: [{ id: a, half: true }] }',
        '  a: { kind: person, name: A, source: book, siblings: [b, c] }',
        '  c: { kind: person, name: C, source: book }',
      ),
    )
    expect(relation(deck, 'sibling:a:b')).toMatchObject({ key: 'sibling', subject: 'a', value: 'b', half: true })
    expect(relation(deck, 'sibling:a:c')).not.toHaveProperty('half')
  })

  it('reports `half` that is not true or false, and sides that disagree on it', () => {
    const text = withEntities(
      '  a: { kind: person, name: A, source: book, siblings: [{ id: b, half: yes }] }',
      '  b: { kind: person, name: B, source: book }',
    )
    expect(at(one(text, 'wrong-type'))).toEqual(loc(text, 5, 'yes', 'entities.a.siblings.0.half'))
    const both = withEntities(
      '  a: { kind: person, name: A, source: book, siblings: [{ id: b, half: true }] }',
      '  b: { kind: person, name: B, source: book, siblings: [{ id: a, half: false }] }',
    )
    expect(one(both, 'conflicting-sides').message).toContain('disagree on `half`')
  })

  it('reports a misspelt sibling with the closest id', () => {
    const text = withEntities(
      '  a: { kind: person, name: A, source: book, siblings: [bee] }',
      '  be: { kind: person, name: B, source: book }',
    )
    expect(one(text, 'unknown-entity').hint).toBe('did you mean `be`?')
  })
})

describe('round trip YAML → deck → YAML', () => {
  it.each([
    ['docs', 'examples', 'tudors.yaml'],
    ['tests', 'fixtures', 'decks', 'julio-claudians.yaml'],
  ])('keeps every marriage, adoption and sibling of %s/%s/%s', (...path) => {
    const deck = deckOf(read(...path))
    expect(deck.facts.some((f) => f.type === 'relation' && f.marriage)).toBe(true)
    const again = validateDeckObject(deckToFileObject(deck))
    expect(again.issues).toEqual([])
    expect(again.deck).toEqual(deck)
    expect(deckOf(deckToYaml(deck))).toEqual(deck)
  })
})
