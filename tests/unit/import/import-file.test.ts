// The single entry point: the right importer by extension or content, limits, all-or-nothing.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importDeckFile } from '../../../src/domain/import/import-file'
import { MAX_DECK_ITEMS, MAX_FILE_BYTES } from '../../../src/domain/import/limits'
import { BASIC_ID, collectionBytes, loadSqlNode, zipPackage } from './anki-fixture'

const options = { loadSql: loadSqlNode }
const bytes = (text: string) => new TextEncoder().encode(text)
const root = join(import.meta.dirname, '..', '..', '..')

describe('importDeckFile', () => {
  it('reads a Stavraton deck file through the deck parser, with its issues located', async () => {
    const yaml = readFileSync(join(root, 'content', 'john-vii-palaiologos.yaml'))
    const ok = await importDeckFile('john-vii-palaiologos.yaml', yaml, options)
    expect(ok.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(ok.deck?.id).toBe('john-vii-palaiologos')
    const broken = await importDeckFile(
      'broken.yml',
      bytes('id: x\ntitle: X\nentities:\n  a: { kind: person, name: A, father: nobody }\n'),
      options,
    )
    expect(broken.deck).toBeUndefined()
    expect(broken.issues[0]).toMatchObject({ severity: 'error', file: 'broken.yml', line: 4 })
  })

  it('reads JSON decks too', async () => {
    const json = JSON.stringify({ id: 'j', title: 'J', cards: [{ front: 'a', back: 'b' }] })
    expect((await importDeckFile('j.json', bytes(json), options)).deck?.cards).toHaveLength(1)
  })

  it('dispatches CSV, TSV, GIFT and Aiken, and sniffs .txt content', async () => {
    expect((await importDeckFile('a.csv', bytes('x,y\n'), options)).deck?.cards).toMatchObject([
      { type: 'basic', front: 'x', back: 'y' },
    ])
    expect((await importDeckFile('a.tsv', bytes('x\ty\n'), options)).deck?.cards).toMatchObject([
      { type: 'basic', front: 'x' },
    ])
    expect((await importDeckFile('q.gift', bytes('Q? {=a ~b}\n'), options)).deck?.cards).toMatchObject([
      { type: 'choice', answer: 'a' },
    ])
    expect((await importDeckFile('q.txt', bytes('Q?\nA. a\nB. b\nANSWER: B\n'), options)).deck?.cards).toMatchObject([
      { type: 'choice', answer: 'b' },
    ])
    expect((await importDeckFile('q.txt', bytes('Q? {=a ~b}\n'), options)).deck?.cards).toMatchObject([
      { type: 'choice' },
    ])
    expect((await importDeckFile('export.txt', bytes('#separator:tab\nx\ty\n'), options)).deck?.cards).toMatchObject([
      { type: 'basic' },
    ])
  })

  it('recognises an Anki package by its zip signature whatever its name', async () => {
    const apkg = zipPackage({ 'collection.anki2': await collectionBytes([{ model: BASIC_ID, fields: ['a', 'b'] }]) })
    expect((await importDeckFile('download', apkg, options)).deck?.cards).toMatchObject([{ front: 'a', back: 'b' }])
  })

  it('refuses files over the size limit without reading them', async () => {
    const result = await importDeckFile('big.csv', new Uint8Array(MAX_FILE_BYTES + 1), options)
    expect(result.issues).toMatchObject([{ code: 'file-too-large', file: 'big.csv' }])
    expect(result.issues[0]?.message).toContain('the limit is 20.0 MB')
  })

  it('refuses decks over the item limit', async () => {
    const csv = Array.from({ length: MAX_DECK_ITEMS + 1 }, (_, i) => `term ${i}\tdefinition ${i}`).join('\n')
    const result = await importDeckFile('huge.tsv', bytes(csv), options)
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([{ code: 'too-many-items' }])
  })

  it('refuses spreadsheets and non-UTF-8 text with a way out', async () => {
    expect((await importDeckFile('sheet.xlsx', zipPackage({ 'x.xml': '<a/>' }), options)).issues[0]?.hint).toContain(
      'CSV UTF-8',
    )
    expect(
      (await importDeckFile('latin1.csv', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x78]), options)).issues,
    ).toMatchObject([{ code: 'not-text' }])
  })

  it('decodes UTF-16 with a BOM, as Excel writes "Unicode text"', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Mistra\tcapital\n'].flatMap((c) => [c.charCodeAt(0), 0])])
    expect((await importDeckFile('excel.txt', utf16, options)).deck?.cards).toMatchObject([
      { front: 'Mistra', back: 'capital' },
    ])
  })
})
