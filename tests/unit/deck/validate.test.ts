// Every validation error and warning of the deck format, each shown on a small YAML snippet with
// the line and column it is reported at (1-based, pointing at the offending key or value).
import { describe, expect, it } from 'vitest'
import { formatIssue, type DeckIssue } from '../../../src/domain/deck/issues'
import { parseDeckText } from '../../../src/domain/deck/parse'
import { validateDeckObject } from '../../../src/domain/deck/validate'

const lines = (...rows: string[]) => `${rows.join('\n')}\n`

/** A deck with two sourced people; `rows` go under `entities:` (line 7 onwards). */
const withEntities = (...rows: string[]) =>
  lines('id: t', 'title: T', 'sources:', '  book: The book', '  notes: Some notes', 'entities:', ...rows)

function check(text: string): DeckIssue[] {
  return parseDeckText(text, { file: 'deck.yaml' }).issues
}

/** The one issue with this code; fails if there is none or several. */
function one(text: string, code: DeckIssue['code']): DeckIssue {
  const issues = check(text)
  const found = issues.filter((issue) => issue.code === code)
  if (found.length !== 1) throw new Error(`expected one ${code}, got:\n${issues.map(formatIssue).join('\n')}`)
  return found[0] as DeckIssue
}

const at = (issue: DeckIssue) => [issue.line, issue.column, issue.path]

/** [line, column of `token` on that line, path]: what `at` should give. */
function loc(text: string, line: number, token: string, path: string): [number, number, string] {
  const column = (text.split('\n')[line - 1] ?? '').indexOf(token) + 1
  if (column === 0) throw new Error(`\`${token}\` is not on line ${line}`)
  return [line, column, path]
}

describe('a valid deck', () => {
  it('yields the deck and no issues', () => {
    const result = parseDeckText(
      withEntities(
        '  a: { kind: person, name: A, source: book, born: 1370, died: 1408, father: b }',
        '  b: { kind: person, name: B, gender: male, source: book }',
      ),
    )
    expect(result.issues).toEqual([])
    expect(result.deck?.facts.map((f) => f.id)).toEqual(['born:a', 'died:a', 'parent:a:b'])
  })

  it('still yields the deck when there are only warnings', () => {
    const result = parseDeckText(withEntities('  a: { kind: person, name: A, born: 1370 }'))
    expect(result.issues.map((i) => i.severity)).toEqual(['warning'])
    expect(result.deck).toBeDefined()
  })
})

describe('errors in the file as a whole', () => {
  it('reports YAML syntax errors with their position', () => {
    const issues = check(lines('id: t', 'title: [unclosed', 'entities: {}'))
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.every((i) => i.code === 'yaml-syntax' && i.severity === 'error')).toBe(true)
    expect(issues[0]?.line).toBeGreaterThanOrEqual(2)
  })

  it('reports tabs used as indentation', () => {
    const issue = check(lines('id: t', 'entities:', '\ta: 1'))[0]
    expect(issue).toMatchObject({ code: 'yaml-syntax', line: 3 })
  })

  it('reports an empty file, or one with only comments', () => {
    expect(at(one('', 'empty-file'))).toEqual([1, 1, ''])
    expect(one('# nothing yet\n\n', 'empty-file').message).toBe('the file is empty')
  })

  it('reports a file that is not a deck', () => {
    expect(one(lines('- a', '- b'), 'not-a-deck').message).toContain('found a list')
    expect(one('just some text\n', 'not-a-deck').message).toContain('found text')
    expect(one(lines('name: shopping list', 'items: [milk]'), 'not-a-deck').expected).toContain(
      '`id`, `title`, and `entities`',
    )
  })

  it('reports a deck with neither entities nor cards', () => {
    expect(one(lines('id: t', 'title: T'), 'not-a-deck').message).toBe('the deck has no entities and no cards')
  })
})

describe('structure', () => {
  it('reports unknown fields at the key, with the closest known field', () => {
    const issue = one(lines('id: t', 'title: T', 'license: CC0', 'entities: {}'), 'unknown-field')
    expect(at(issue)).toEqual([3, 1, 'license'])
    expect(issue.hint).toBe('did you mean `licence`?')
    const inEntity = one(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: book',
        '    fathr: b',
        '  b: { kind: person, name: B, source: book }',
      ),
      'unknown-field',
    )
    expect(at(inEntity)).toEqual([11, 5, 'entities.a.fathr'])
    expect(inEntity.hint).toBe('did you mean `father`?')
  })

  it('reports every unknown field, not just the first', () => {
    const issues = check(withEntities('  a: { kind: person, name: A, source: book, colour: red, size: 3 }')).filter(
      (i) => i.code === 'unknown-field',
    )
    expect(issues.map((i) => i.path)).toEqual(['entities.a.colour', 'entities.a.size'])
    expect(issues[0]?.hint).toContain('fields allowed here: kind, name')
  })

  it('reports wrong types with what was expected', () => {
    const name = one(withEntities('  a:', '    kind: person', '    name: [A, B]', '    source: book'), 'wrong-type')
    expect(at(name)).toEqual([9, 11, 'entities.a.name'])
    expect(name.expected).toBe('text')
    const born = one(
      withEntities('  a:', '    kind: person', '    name: A', '    source: book', '    born: true'),
      'wrong-type',
    )
    expect(at(born)).toEqual([11, 11, 'entities.a.born'])
    expect(born.expected).toContain('a date like `22 September 1408`')
    expect(one(withEntities('  a: { kind: person, name: 1370, source: book }'), 'wrong-type').hint).toBe(
      'write it in quotes: "1370"',
    )
    expect(one(withEntities('  a: { kind: person, name: A, source: book, titles: t }'), 'wrong-type').hint).toBe(
      'write it as a list: [t]',
    )
  })

  it('reports a missing required field at its parent', () => {
    const issue = one(withEntities('  a:', '    kind: person', '    source: book'), 'missing-field')
    expect(at(issue)).toEqual([7, 3, 'entities.a.name'])
    expect(issue.message).toBe('missing `name`')
  })

  it('reports invalid values: ids that are not slugs, unknown genders', () => {
    const id = one(
      withEntities('  a: { kind: person, name: A, source: book }').replace('id: t', 'id: My Deck'),
      'invalid-value',
    )
    expect(at(id)).toEqual([1, 5, 'id'])
    expect(id.hint).toBe('write it as `my-deck`')
    const key = one(withEntities('  John VII: { kind: person, name: A, source: book }'), 'invalid-value')
    expect(at(key)).toEqual([7, 3, 'entities.John VII'])
    expect(key.hint).toBe('write it as `john-vii`')
    const text = withEntities('  a: { kind: person, name: A, gender: mal, source: book }')
    const gender = one(text, 'invalid-value')
    expect(at(gender)).toEqual(loc(text, 7, 'mal', 'entities.a.gender'))
    expect(gender.hint).toBe('did you mean `male`?')
    const place = withEntities('  a: { kind: place, name: Lemnos, preposition: onn, source: book }')
    const preposition = one(place, 'invalid-value')
    expect(at(preposition)).toEqual(loc(place, 7, 'onn', 'entities.a.preposition'))
    expect(preposition.hint).toBe('did you mean `on`?')
  })

  it('reports a non-integer age', () => {
    expect(
      at(
        one(
          withEntities('  a: { kind: person, name: A, source: book, died: { date: 1408, age: 38.5 } }'),
          'invalid-value',
        ),
      ),
    ).toEqual([7, 70, 'entities.a.died.age'])
  })
})

describe('dates', () => {
  it('reports an impossible date at its value, with the month length', () => {
    const issue = one(
      withEntities('  a:', '    kind: person', '    name: A', '    source: book', '    born: 31 February 1408'),
      'invalid-date',
    )
    expect(at(issue)).toEqual([11, 11, 'entities.a.born'])
    expect(issue.hint).toBe('February has 29 days in 1408')
  })

  it('reports invalid dates in long forms, tenures and alternatives', () => {
    const text = withEntities(
      '  a:',
      '    kind: person',
      '    name: A',
      '    source: book',
      '    died: { date: 1408-09-22 }',
      '    held:',
      '      - { office: o, from: Setpember 1390 }',
      '  o: { kind: office, name: O, source: book }',
    )
    const issues = check(text).filter((i) => i.code === 'invalid-date')
    expect(issues.map(at)).toEqual([
      [11, 19, 'entities.a.died.date'],
      loc(text, 13, 'Setpember', 'entities.a.held.0.from'),
    ])
    expect(issues.map((i) => i.hint)).toEqual(['write it as 22 September 1408', 'did you mean `September`?'])
  })

  it('reports a death before the birth', () => {
    const issue = one(
      withEntities('  a:', '    kind: person', '    name: A', '    source: book', '    born: 1370', '    died: 1360'),
      'death-before-birth',
    )
    expect(at(issue)).toEqual([12, 11, 'entities.a.died'])
  })

  it('accepts a death in the year of birth and overlapping vague dates', () => {
    const issues = check(withEntities('  a: { kind: person, name: A, source: book, born: c. 1370, died: March 1370 }'))
    expect(issues).toEqual([])
  })

  it('reports a tenure that ends before it starts', () => {
    const issue = one(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: book',
        '    held:',
        '      - { office: o, from: 1390, to: 1380 }',
        '  o: { kind: office, name: O, source: book }',
      ),
      'end-before-start',
    )
    expect(at(issue)).toEqual([12, 38, 'entities.a.held.0.to'])
  })

  it('warns about a tenure outside the holder’s lifetime', () => {
    const text = withEntities(
      '  a:',
      '    kind: person',
      '    name: A',
      '    source: book',
      '    born: 1370',
      '    died: 22 September 1408',
      '    held:',
      '      - { office: o, from: 1360, to: 1409 }',
      '      - { office: o, from: 1370, to: September 1408 }',
      '  o: { kind: office, name: O, source: book }',
    )
    const issues = check(text)
    expect(issues.every((i) => i.severity === 'warning' && i.code === 'tenure-outside-lifetime')).toBe(true)
    expect(issues.map(at)).toEqual([
      [14, 28, 'entities.a.held.0.from'],
      [14, 38, 'entities.a.held.0.to'],
    ])
  })
})

describe('references', () => {
  it('reports an unknown entity, suggesting the closest id', () => {
    const issue = one(
      withEntities(
        '  john-vii:',
        '    kind: person',
        '    name: John',
        '    source: book',
        '    father: andronikos-v',
        '  andronikos-iv: { kind: person, name: A, source: book }',
      ),
      'unknown-entity',
    )
    expect(at(issue)).toEqual([11, 13, 'entities.john-vii.father'])
    expect(issue.hint).toBe('did you mean `andronikos-iv`?')
  })

  it('reports a reference to an entity of the wrong kind', () => {
    const text = withEntities(
      '  a: { kind: person, name: A, source: book, father: p }',
      '  p: { kind: place, name: P, source: book }',
    )
    const issue = one(text, 'wrong-kind')
    expect(at(issue)).toEqual(loc(text, 7, 'p }', 'entities.a.father'))
    expect(issue.message).toBe('`p` is a place, but `father` needs a person')
  })

  it('reports an unknown source, suggesting the closest one', () => {
    const text = withEntities('  a: { kind: person, name: A, source: bok }')
    const issue = one(text, 'unknown-source')
    expect(at(issue)).toEqual(loc(text, 7, 'bok', 'entities.a.source'))
    expect(issue.hint).toBe('did you mean `book`?')
  })

  it('does not report references to an entity whose own entry is broken', () => {
    const issues = check(
      withEntities('  a: { kind: person, name: A, source: book, father: b }', '  b: { kind: person, source: book }'),
    )
    expect(issues.map((i) => i.code)).toEqual(['missing-field'])
  })
})

describe('duplicates', () => {
  it('reports a duplicate key (entity id) at the second one', () => {
    const issue = one(
      withEntities('  a: { kind: person, name: A, source: book }', '  a: { kind: person, name: B, source: book }'),
      'duplicate-id',
    )
    expect(at(issue)).toEqual([8, 3, ''])
    expect(issue.message).toBe('duplicate key `a`')
  })

  it('names the whole duplicate key, in a block or a flow mapping, and every repeat of it', () => {
    const text = withEntities(
      '  john-vii: { kind: person, name: A, source: book }',
      '  manuel-ii: { kind: person, name: B, source: book, name: C }',
      '  john-vii: { kind: person, name: D, source: book }',
      '  john-vii: { kind: person, name: E, source: book }',
    )
    const found = parseDeckText(text).issues.filter((i) => i.code === 'duplicate-id')
    expect(found.map((i) => [i.line, i.column, i.message])).toEqual([
      [8, 53, 'duplicate key `name`'],
      [9, 3, 'duplicate key `john-vii`'],
      [10, 3, 'duplicate key `john-vii`'],
    ])
    // Keys of other values are not repeats: `1` and `"1"` differ, as the parser reads them.
    expect(
      parseDeckText(withEntities('  a: { kind: person, name: A, source: book, 1: x, "1": y }')).issues.filter(
        (i) => i.code === 'duplicate-id',
      ),
    ).toEqual([])
  })

  it('reports a duplicate event id within an entity', () => {
    const text = withEntities(
      '  a:',
      '    kind: person',
      '    name: A',
      '    source: book',
      '    events:',
      '      - { id: crowned, what: was crowned, date: 1390 }',
      '      - { id: crowned, what: was crowned again, date: 1391 }',
    )
    expect(at(one(text, 'duplicate-id'))).toEqual([13, 15, 'entities.a.events.1.id'])
  })

  it('reports a title listed twice', () => {
    expect(
      at(
        one(
          withEntities(
            '  a: { kind: person, name: A, source: book, titles: [t, t] }',
            '  t: { kind: title, name: T, source: book }',
          ),
          'duplicate-id',
        ),
      ),
    ).toEqual([7, 57, 'entities.a.titles.1'])
  })

  it('reports duplicate card ids, given or derived from the text', () => {
    const given = lines(
      'id: t',
      'title: T',
      'cards:',
      '  - { id: c1, front: A, back: B }',
      '  - { id: c1, front: C, back: D }',
    )
    expect(at(one(given, 'duplicate-id'))).toEqual([5, 11, 'cards.1.id'])
    const derived = lines('id: t', 'title: T', 'cards:', '  - { front: A, back: B }', '  - { front: A, back: C }')
    expect(at(one(derived, 'duplicate-id'))).toEqual([5, 5, 'cards.1'])
  })

  it('merges a link written on both sides instead of reporting it', () => {
    const result = parseDeckText(
      withEntities(
        '  a: { kind: person, name: A, source: book, father: b, spouse: c }',
        '  b: { kind: person, name: B, gender: male, source: notes, children: [a] }',
        '  c: { kind: person, name: C, source: book, spouse: a }',
      ),
    )
    expect(result.issues).toEqual([])
    const parent = result.deck?.facts.find((f) => f.id === 'parent:a:b')
    expect(parent).toMatchObject({ role: 'father', sources: ['book', 'notes'] })
    expect(result.deck?.facts.filter((f) => f.id === 'spouse:a:c')).toHaveLength(1)
  })
})

describe('family', () => {
  it('reports a person who is their own ancestor', () => {
    const text = withEntities(
      '  a: { kind: person, name: A, source: book, father: b }',
      '  b: { kind: person, name: B, source: book, father: c }',
      '  c: { kind: person, name: C, source: book, father: a }',
    )
    const issue = one(text, 'ancestor-cycle')
    expect(issue.message).toBe('`a` would be their own ancestor: a → b → c → a')
    expect(at(issue)).toEqual(loc(text, 9, 'a }', 'entities.c.father'))
  })

  it('reports a person who is their own parent', () => {
    expect(one(withEntities('  a: { kind: person, name: A, source: book, parents: [a] }'), 'ancestor-cycle').path).toBe(
      'entities.a.parents.0',
    )
  })

  it('reports more than one father', () => {
    const text = withEntities(
      '  a: { kind: person, name: A, source: book, father: b }',
      '  c: { kind: person, name: C, gender: male, source: book, children: [a] }',
      '  b: { kind: person, name: B, source: book }',
    )
    const issue = one(text, 'too-many-parents')
    expect(issue.message).toBe('`a` has more than one father: `b` and `c`')
    expect(at(issue)).toEqual(loc(text, 8, 'a]', 'entities.c.children.0'))
  })

  it('reports a father who is a woman', () => {
    const text = withEntities(
      '  a: { kind: person, name: A, source: book, father: m }',
      '  m: { kind: person, name: M, gender: female, source: book }',
    )
    const issue = one(text, 'gender-mismatch')
    expect(at(issue)).toEqual(loc(text, 7, 'm }', 'entities.a.father'))
    expect(issue.message).toBe('`m` is listed as the father of `a` but is female')
  })
})

describe('kinds', () => {
  it('reports gender on something that is not a person', () => {
    const text = withEntities('  p: { kind: place, name: P, gender: female, source: book }')
    expect(at(one(text, 'field-not-for-kind'))).toEqual(loc(text, 7, 'gender', 'entities.p.gender'))
  })

  it('reports event fields on a person', () => {
    const text = withEntities('  a: { kind: person, name: A, source: book, date: 1400 }')
    expect(at(one(text, 'field-not-for-kind'))).toEqual(loc(text, 7, 'date', 'entities.a.date'))
  })

  it('warns about a kind that looks like a typo', () => {
    const text = withEntities('  a: { kind: persn, name: A, source: book }')
    const issue = one(text, 'unusual-kind')
    expect(issue).toMatchObject({ severity: 'warning', hint: 'did you mean `person`?' })
    expect(at(issue)).toEqual(loc(text, 7, 'persn', 'entities.a.kind'))
    expect(check(withEntities('  a: { kind: battle, name: A, source: book }'))).toEqual([])
  })
})

describe('sources and disputes', () => {
  it('warns about a fact without any source', () => {
    const issue = one(withEntities('  a:', '    kind: person', '    name: A', '    born: 1370'), 'missing-source')
    expect(issue).toMatchObject({ severity: 'warning', line: 10, column: 11, path: 'entities.a.born' })
  })

  it('reports an empty disputed list', () => {
    const issue = one(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: book',
        '    born: { date: 1370, disputed: [] }',
      ),
      'empty-disputed',
    )
    expect(at(issue)).toEqual([11, 35, 'entities.a.born.disputed'])
  })

  it('reports an alternative without a value', () => {
    const issue = one(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: book',
        '    born:',
        '      date: 1370',
        '      disputed:',
        '        - { source: notes }',
      ),
      'alternative-without-value',
    )
    expect(at(issue)).toEqual([14, 11, 'entities.a.born.disputed.0'])
  })

  it('reports an alternative without a source', () => {
    const issue = one(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: book',
        '    born:',
        '      date: 1370',
        '      disputed:',
        '        - { date: c. 1366 }',
      ),
      'alternative-without-source',
    )
    expect(at(issue)).toEqual([14, 11, 'entities.a.born.disputed.0'])
  })

  it('reports an alternative disputing a value the fact does not give', () => {
    const issue = one(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: book',
        '    born:',
        '      date: 1370',
        '      disputed:',
        '        - { place: p, source: notes }',
        '  p: { kind: place, name: P, source: book }',
      ),
      'invalid-value',
    )
    expect(at(issue)).toEqual([14, 20, 'entities.a.born.disputed.0.place'])
  })

  it('keeps a valid dispute as alternatives of the fact', () => {
    const result = parseDeckText(
      withEntities(
        '  a:',
        '    kind: person',
        '    name: A',
        '    source: book',
        '    born:',
        '      date: 1370',
        '      disputed:',
        '        - { date: c. 1366, source: notes, note: older view }',
      ),
    )
    expect(result.issues).toEqual([])
    expect(result.deck?.facts[0]?.alternatives).toEqual([
      { value: expect.objectContaining({ text: 'c. 1366', circa: true }), sources: ['notes'], note: 'older view' },
    ])
  })
})

describe('hand-written cards', () => {
  const cards = (...rows: string[]) => lines('id: t', 'title: T', 'cards:', ...rows)

  it('reports an answer that is not among the choices', () => {
    const issue = one(
      cards('  - question: Capital?', '    choices: [Constantinople, Thessalonica]', '    answer: Constantinopel'),
      'invalid-card',
    )
    expect(at(issue)).toEqual([6, 13, 'cards.0.answer'])
    expect(issue.hint).toBe('did you mean `Constantinople`?')
  })

  it('reports a choice listed twice', () => {
    const text = cards('  - { question: Q, choices: [a, b, A], answer: a }')
    expect(at(one(text, 'invalid-card'))).toEqual(loc(text, 4, 'A]', 'cards.0.choices.2'))
  })

  it('reports a cloze without a gap', () => {
    expect(at(one(cards('  - cloze: The capital was Constantinople.'), 'invalid-card'))).toEqual([
      4,
      12,
      'cards.0.cloze',
    ])
  })

  it('reports a card that fits no card shape, naming the closest one', () => {
    const issue = one(cards('  - { front: A }'), 'missing-field')
    expect(issue.path).toBe('cards.0.back')
    expect(check(cards('  - { question: Q, choices: [a], answer: a }')).map((i) => i.expected)).toEqual([
      'at least two choices',
    ])
  })

  it('reports every bad card, keeping the others checked', () => {
    const issues = check(
      cards('  - { front: A }', '  - { question: Q, choices: [a, b], answer: c }', '  - { cloze: no gap }'),
    )
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['missing-field', 'cards.0.back'],
      ['invalid-card', 'cards.1.answer'],
      ['invalid-card', 'cards.2.cloze'],
    ])
  })
})

describe('JSON input', () => {
  it('reads a JSON deck with positions', () => {
    const json = JSON.stringify(
      {
        id: 't',
        title: 'T',
        sources: { book: 'B' },
        entities: { a: { kind: 'person', name: 'A', source: 'book', born: '1370' } },
      },
      null,
      2,
    )
    expect(parseDeckText(json).issues).toEqual([])
    const broken = json.replace('"1370"', '"31 February 1370"')
    const issue = one(broken, 'invalid-date')
    expect(at(issue)).toEqual(loc(broken, 12, '"31 February 1370"', 'entities.a.born'))
  })

  it('reports JSON syntax errors', () => {
    expect(check('{ "id": "t", "title": "T", ').map((i) => i.code)).toContain('yaml-syntax')
  })

  it('reads JSON indented with tabs', () => {
    const json = JSON.stringify(
      { id: 't', title: 'T', sources: { book: 'B' }, entities: { a: { kind: 'person', name: 'A', source: 'book' } } },
      null,
      '\t',
    )
    expect(parseDeckText(json).issues).toEqual([])
  })
})

describe('validateDeckObject (no source text)', () => {
  it('reports the same problems at line 1, column 1, with the file name', () => {
    const result = validateDeckObject(
      { id: 't', title: 'T', licence: 'x', license: 'x', entities: {} },
      { file: 'shared-link' },
    )
    expect(result.deck).toBeUndefined()
    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'unknown-field',
        file: 'shared-link',
        line: 1,
        column: 1,
        path: 'license',
        message: 'unknown field `license`',
        hint: 'did you mean `licence`?',
      },
    ])
    expect(formatIssue(result.issues[0] as DeckIssue)).toBe(
      'shared-link:1:1: error: unknown field `license` [at license] (did you mean `licence`?)',
    )
  })

  it('keeps a version as text', () => {
    expect(
      validateDeckObject({ id: 't', title: 'T', version: 3, cards: [{ front: 'a', back: 'b' }] }).deck?.version,
    ).toBe('3')
    expect(
      parseDeckText(lines('id: t', 'title: T', 'version: 1.10', 'cards: [{ front: a, back: b }]')).deck?.version,
    ).toBe('1.10')
  })
})
