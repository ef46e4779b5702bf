// A corpus of generated hostile inputs, one family at a time: sizes just over each limit, deep
// nesting, prototype-named keys, bad encodings, control characters. Each one is either refused
// with a message that says where (file, line) and what, or accepted safely; none of them throws,
// overflows the stack or hangs. How long they take is measured in scripts/bench/hostile.bench.ts.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { zlibSync } from 'fflate'
import { checkDeckFile, printIssues } from '../../../scripts/deck-check'
import { formatIssue } from '../../../src/domain/deck/issues'
import { parseDeckText } from '../../../src/domain/deck/parse'
import { validateDeckObject } from '../../../src/domain/deck/validate'
import { importCsv } from '../../../src/domain/import/csv'
import { htmlToText } from '../../../src/domain/import/html'
import { importDeckFile } from '../../../src/domain/import/import-file'
import { toBase64Url } from '../../../src/domain/import/bytes'
import {
  MAX_CSV_FIELDS,
  MAX_DECK_ITEMS,
  MAX_FILE_BYTES,
  MAX_LINK_DECK_BYTES,
  MAX_NESTING_DEPTH,
  MAX_REPORTED_ISSUES,
} from '../../../src/domain/import/limits'
import { decodeDeckLink } from '../../../src/domain/import/share-link'
import { escapeControls, nameKey } from '../../../src/domain/text/invisible'
import { newDeckYaml, parseDeckDocument, resolveEntity } from '../../../src/domain/import/deck-form'
import { loadSqlNode } from './anki-fixture'

const options = { loadSql: loadSqlNode }
const bytes = (text: string) => new TextEncoder().encode(text)
const errors = (issues: readonly { severity: string }[]) => issues.filter((issue) => issue.severity === 'error')
const csvRows = (count: number, row: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => row(i)).join('\n')

describe('sizes just over each limit', () => {
  it('refuses a file one byte over the size limit before reading it', async () => {
    const result = await importDeckFile('big.csv', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), options)
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([{ code: 'file-too-large', file: 'big.csv', line: 1 }])
  })

  it('accepts a CSV of exactly the card limit and refuses one more card at the line that passes it', () => {
    const limit = importCsv(
      csvRows(MAX_DECK_ITEMS, (i) => `t${i}\td${i}`),
      { file: 'a.csv' },
    )
    expect(limit.deck?.cards).toHaveLength(MAX_DECK_ITEMS)
    const over = importCsv(`term\tdefinition\n${csvRows(MAX_DECK_ITEMS + 1, (i) => `t${i}\td${i}`)}`, {
      file: 'a.csv',
    })
    expect(over.deck).toBeUndefined()
    expect(over.issues).toMatchObject([{ code: 'too-many-items', file: 'a.csv', line: MAX_DECK_ITEMS + 2 }])
  })

  it('refuses a 1,000,000-row CSV at the limit instead of overflowing the stack', async () => {
    const text = csvRows(1_000_000, (i) => `t${i},d`)
    const result = await importDeckFile('million.csv', bytes(text), options)
    expect(result.deck).toBeUndefined()
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ code: 'too-many-items', line: MAX_DECK_ITEMS + 2 })
    expect(result.issues[0]?.message).toContain('50,000')
  })

  it('lists the first problems of a file where every line is wrong and counts the rest', () => {
    const result = importCsv(
      csvRows(MAX_DECK_ITEMS, (i) => `t${i}\t`),
      { file: 'empty.csv' },
    )
    expect(result.deck).toBeUndefined()
    expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES + 1)
    expect(result.issues[0]).toMatchObject({ code: 'csv-empty-definition', line: 1 })
    expect(result.issues.at(-1)).toMatchObject({ code: 'too-many-issues', line: MAX_REPORTED_ISSUES + 1 })
    expect(result.issues.at(-1)?.message).toBe(
      `… and ${(MAX_DECK_ITEMS - MAX_REPORTED_ISSUES).toLocaleString('en')} more problems from line 101 on, not listed; fix the ones above first.`,
    )
  })

  it('checks a deck with 200,000 bad aliases without running out of stack, listing a hundred', () => {
    const aliases = Array.from({ length: 200_000 }, () => 7)
    const result = validateDeckObject({
      id: 'x',
      title: 'X',
      entities: { a: { kind: 'person', name: 'A', aliases, spouse: aliases } },
    })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES + 1)
    expect(result.issues[0]).toMatchObject({ code: 'wrong-type', path: 'entities.a.aliases.0' })
    expect(result.issues.at(-1)?.message).toMatch(/^… and 399,900 more problems/)
  })

  it('refuses a share link whose deck unpacks to just over the limit', () => {
    const json = JSON.stringify({ id: 'x', title: 'x', note: 'a'.repeat(MAX_LINK_DECK_BYTES) })
    const link = `https://x/import#deck=${toBase64Url(zlibSync(bytes(json)))}`
    expect(decodeDeckLink(link).issues).toMatchObject([{ code: 'link-too-large', file: 'link' }])
  })

  it('refuses a line with more fields than any card has, at that line', () => {
    const result = importCsv(`a,b\n${'x,'.repeat(MAX_CSV_FIELDS + 1)}\n`, { file: 'wide.csv' })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([{ code: 'csv-extra-columns', line: 2 }])
    expect(result.issues[0]?.message).toContain('more than 1,000 fields')
    expect(importCsv(`a,b\n${'x,'.repeat(MAX_CSV_FIELDS - 1)}x\n`, { file: 'ok.csv' }).issues[0]?.code).toBe(
      'csv-extra-columns',
    )
  })

  it('refuses a CSV that is only a header row, at line 1', () => {
    const result = importCsv('Term,Definition\n', { file: 'head.csv' })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([{ code: 'csv-empty', file: 'head.csv', line: 1 }])
    expect(result.issues[0]?.message).toContain('only a header row')
  })
})

describe('deep nesting', () => {
  const depth = (n: number) => `{"id":"x","title":"x","entities":${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`

  it.each([
    ['flow YAML', `id: x\ntitle: x\nentities: ${'['.repeat(1000)}${']'.repeat(1000)}\n`, 3],
    ['JSON', `{"id": "x",\n"entities": ${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}}`, 2],
    ['block YAML', `id: x\ntitle: x\nentities:\n  a:\n    aliases:\n      ${'- '.repeat(1000)}a\n`, 6],
  ])('reports 1,000 levels of %s as too deep at its line', (_name, text, line) => {
    const result = parseDeckText(text, { file: 'deep.yaml' })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ code: 'too-deep', file: 'deep.yaml', line })
    expect(result.issues[0]?.message).toBe(`the deck is nested more than ${MAX_NESTING_DEPTH} levels deep`)
  })

  it('lets the deepest allowed nesting through to the ordinary checks', () => {
    expect(parseDeckText(depth(MAX_NESTING_DEPTH)).issues[0]?.code).toBe('wrong-type')
    expect(parseDeckText(depth(MAX_NESTING_DEPTH + 1)).issues[0]?.code).toBe('too-deep')
  })

  it('still reads the built-in deck, block scalars and comments with brackets', () => {
    const text =
      'id: x\ntitle: "[[[["\n# [[[[[[[[\nentities:\n  a:\n    kind: person\n    name: A\n    source: s\n    note: |\n      [[[[\n' +
      'sources:\n  s: { title: "S [[" }\n'
    expect(parseDeckText(text).issues).toEqual([])
  })
})

describe('keys named like Object members', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses the month `%s` at its line in every entry point',
    async (month) => {
      const yaml = `id: x\ntitle: X\nentities:\n  a:\n    kind: person\n    name: A\n    born: 1 ${month} 1370\n`
      const fromYaml = parseDeckText(yaml, { file: 'm.yaml' })
      expect(errors(fromYaml.issues)).toMatchObject([{ code: 'invalid-date', line: 7 }])
      const fromFile = await importDeckFile('m.yaml', bytes(yaml), options)
      expect(fromFile.deck).toBeUndefined()
      const deck = { id: 'x', title: 'X', entities: { a: { kind: 'person', name: 'A', born: `1 ${month} 1370` } } }
      const link = `#deck=${toBase64Url(zlibSync(bytes(JSON.stringify(deck))))}`
      expect(errors(decodeDeckLink(link).issues)).toMatchObject([{ code: 'invalid-date', path: 'entities.a.born' }])
    },
  )

  it('keeps unknown entities such as &constructor; as written and decodes every HTML name', () => {
    expect(htmlToText('&constructor; &toString; &__proto__; &valueOf;').text).toBe(
      '&constructor; &toString; &__proto__; &valueOf;',
    )
    expect(htmlToText('Caf&eacute; M&uuml;ller Stra&szlig;e &Omega; &#x1F600; &amp;lt;').text).toBe(
      'Café Müller Straße Ω 😀 &lt;',
    )
    const csv = importCsv('#html:true\n&constructor;\tGr&uuml;&szlig;e\n', { file: 'e.csv' })
    expect(csv.deck?.cards).toMatchObject([{ front: '&constructor;', back: 'Grüße' }])
  })

  it('refuses #separator:constructor with a readable message at its line and column', () => {
    const result = importCsv('#html:false\n#separator:constructor\na\tb\n', { file: 's.csv' })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([{ code: 'csv-bad-separator', line: 2, column: 12 }])
    expect(result.issues[0]?.message).toBe('Unknown separator "constructor".')
  })

  it('accepts an entity and a card called `constructor` as ordinary ids', () => {
    const result = validateDeckObject({
      id: 'x',
      title: 'X',
      entities: { constructor: { kind: 'person', name: 'Builder' } },
      cards: [{ id: 'constructor', front: 'a', back: 'b' }],
    })
    expect(errors(result.issues)).toEqual([])
    expect(result.deck?.entities.map((e) => e.id)).toEqual(['constructor'])
  })
})

describe('encodings and control characters', () => {
  it('refuses Latin-1 with the offset and line of the first bad byte, in the browser and the CLI', async () => {
    const latin1 = new Uint8Array([...bytes('id: x\ntitle: "Jos'), 0xe9, ...bytes(' M'), 0xfc, ...bytes('ller"\n')])
    const result = await importDeckFile('l.yaml', latin1, options)
    expect(result.issues).toMatchObject([{ code: 'not-text', line: 2 }])
    expect(result.issues[0]?.message).toContain('offset 17 (line 2) is 0xE9')
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'))
    writeFileSync(join(dir, 'l.yaml'), latin1)
    const checked = await checkDeckFile(join(dir, 'l.yaml'))
    expect(checked.deck).toBeUndefined()
    expect(checked.issues).toMatchObject([{ code: 'unreadable-file', line: 2 }])
    expect(checked.issues[0]?.message).toContain('offset 17')
  })

  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong slash', [0x61, 0x62, 0xc0, 0xaf], 2],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['a cut sequence', [0x61, 0xe2, 0x82], 1],
  ])('finds %s', async (_name, raw, offset) => {
    const result = await importDeckFile('x.csv', new Uint8Array(raw), options)
    expect(result.issues[0]?.message).toContain(`offset ${offset} `)
  })

  it('accepts UTF-16 with a byte order mark, as Excel writes it', async () => {
    const text = 'Straße\tstreet\nGruß\tgreeting\n'
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i)
    expect((await importDeckFile('de.csv', utf16, options)).deck?.cards).toMatchObject([
      { front: 'Straße' },
      { front: 'Gruß' },
    ])
  })

  it('prints deck text with ESC and direction overrides escaped', async () => {
    const yaml = 'id: x\ntitle: X\nentities:\n  a:\n    kind: person\n    name: A\n    born: "\u001b[2J\u202e 1370"\n'
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'))
    writeFileSync(join(dir, 'esc.yaml'), yaml)
    const result = await checkDeckFile(join(dir, 'esc.yaml'))
    const printed = escapeControls(formatIssue(errors(result.issues)[0] as never))
    expect(printed).toContain('\\x1B[2J\\u{202E}')
    // Nothing left to escape: no control or direction character survives.
    expect(escapeControls(printed)).toBe(printed)
    let written = ''
    const write = process.stderr.write
    process.stderr.write = ((chunk: string) => ((written += chunk), true)) as typeof process.stderr.write
    try {
      printIssues(result.issues)
    } finally {
      process.stderr.write = write
    }
    expect(written).toContain('\\x1B[2J')
    expect(written).not.toContain('\u001b')
  })
})

describe('invisible and reversed text', () => {
  const person = (name: string, aliases?: string[]) => ({ kind: 'person', name, ...(aliases ? { aliases } : {}) })

  it.each(['\u200B\u200B', ' \u202E ', '\uFEFF', '\u2066\u2069'])(
    'refuses a name of only invisible characters (%j)',
    (name) => {
      const result = parseDeckText(`id: x\ntitle: X\nentities:\n  a:\n    kind: person\n    name: "${name}"\n`, {
        file: 'n.yaml',
      })
      expect(result.deck).toBeUndefined()
      expect(errors(result.issues)).toMatchObject([{ code: 'invalid-value', line: 6, path: 'entities.a.name' }])
    },
  )

  it('refuses an answer of only zero-width spaces, in a deck and in a CSV', () => {
    const deck = validateDeckObject({ id: 'x', title: 'X', cards: [{ front: 'Q', back: '\u200B' }] })
    expect(errors(deck.issues)).toMatchObject([{ path: 'cards.0.back' }])
    const csv = importCsv('Q\t\u200B\u200C\n', { file: 'z.tsv' })
    expect(csv.issues).toMatchObject([{ code: 'csv-empty-definition', line: 1 }])
  })

  it('warns about zero-width and direction characters inside names, titles and aliases', () => {
    const result = validateDeckObject({
      id: 'x',
      title: 'Evil \u202Eeltit',
      entities: { a: person('John\u200B VII', ['Ioannes\u200D']) },
    })
    expect(result.deck).toBeDefined()
    expect(result.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      [
        'invisible-characters',
        'title',
        'the title `Evil eltit` contains an invisible character (U+202E right-to-left override)',
      ],
      [
        'invisible-characters',
        'entities.a.name',
        'the name `John VII` contains an invisible character (U+200B zero-width space)',
      ],
      [
        'invisible-characters',
        'entities.a.aliases.0',
        'the alias `Ioannes` contains an invisible character (U+200D zero-width joiner)',
      ],
    ])
  })

  it('finds the person already there when a name is typed with a zero-width space in the editor', () => {
    const doc = parseDeckDocument(newDeckYaml({ id: 'x', title: 'X' }))
    const first = resolveEntity(doc, 'John VII', 'person')
    expect(resolveEntity(doc, 'John\u200B VII', 'person')).toBe(first)
    expect(resolveEntity(doc, ' \u200B ', 'person')).toBe('')
    expect(nameKey('John\u200B  VII\u202C')).toBe(nameKey('John VII'))
  })
})
