// `npm run deck -- import`: an infobox text, a CSV and a TSV become deck files that pass
// `deck check`; the format is guessed when not given; bad input exits 1 with file:line:col
// messages and writes nothing; wrong usage exits 2.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { checkCommand } from '../../../scripts/deck-check'
import { importCommand } from '../../../scripts/deck-import'
import { captureOutput } from './capture-output'

const root = join(import.meta.dirname, '..', '..', '..')
const seed = join(root, 'tests', 'fixtures', 'sources', 'john-vii-palaiologos.infobox.txt')
const fixtures = join(root, 'tests', 'fixtures', 'infobox')

const output = captureOutput()
let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-import-'))
})

async function checks(file: string): Promise<void> {
  output.out = ''
  output.err = ''
  expect(await checkCommand([file])).toBe(0)
  expect(output.err).toBe('')
}

describe('deck import', () => {
  it('turns the seed infobox (format guessed) into a deck that passes deck check, citing the article', async () => {
    const deck = join(dir, 'john-vii.yaml')
    const url = 'https://en.wikipedia.org/wiki/John_VII_Palaiologos'
    expect(await importCommand([seed, '--out', deck, '--url', url])).toBe(0)
    expect(output.out).toBe(`${deck}: written from ${seed} (infobox; 18 entities, 18 facts, 0 cards)\n`)
    const yaml = readFileSync(deck, 'utf8')
    expect(yaml).toContain(`url: ${url}`)
    expect(yaml).toContain('every line was used')
    await checks(deck)
    expect(output.out).toContain('ok (18 entities, 18 facts, 0 cards)')
  })

  it('lists the lines it did not use on stderr with their line numbers, and in the file', async () => {
    const deck = join(dir, 'manuel.yaml')
    const input = join(fixtures, 'manuel-ii-palaiologos.infobox.txt')
    expect(await importCommand([input, '--format', 'infobox', '--out', deck])).toBe(0)
    expect(output.err).toBe(
      `${input}:38:1: note: not used: Pantokrator Monastery (not used: the deck format has no place for "Burial")\n`,
    )
    expect(readFileSync(deck, 'utf8')).toContain('#   line 38: Pantokrator Monastery')
    await checks(deck)
  })

  it('turns a wikitext infobox (format guessed from the text) into a deck that passes deck check', async () => {
    const deck = join(dir, 'john-viii.yaml')
    const input = join(root, 'tests', 'fixtures', 'wikitext', 'john-viii-palaiologos.wiki')
    expect(await importCommand([input, '--out', deck])).toBe(0)
    expect(output.out).toContain('(wikitext; ')
    expect(readFileSync(deck, 'utf8')).toContain('date: 18 December 1392')
    await checks(deck)
  })

  it('turns a CSV and a TSV into decks of cards that pass deck check', async () => {
    const csv = join(dir, 'coins.csv')
    writeFileSync(csv, 'Stavraton,A heavy silver coin\nHyperpyron,A gold coin\n')
    expect(await importCommand([csv, '--out', join(dir, 'coins.yaml')])).toBe(0)
    expect(output.out).toContain('(csv; 0 entities, 0 facts, 2 cards)')
    await checks(join(dir, 'coins.yaml'))
    const tsv = join(dir, 'coins.txt')
    writeFileSync(tsv, 'Stavraton\tA heavy silver coin\n')
    expect(await importCommand([tsv, '--format', 'tsv', '--out', join(dir, 'tsv.yaml')])).toBe(0)
    await checks(join(dir, 'tsv.yaml'))
  })

  it('writes the YAML to stdout without --out', async () => {
    const csv = join(dir, 'one.csv')
    writeFileSync(csv, 'Stavraton,A coin\n')
    expect(await importCommand([csv])).toBe(0)
    expect(output.out).toMatch(/^# yaml-language-server/)
    expect(output.out).toContain('front: Stavraton')
  })

  it('exits 1 with located messages on bad input, and writes nothing', async () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'Stavraton,"A coin\n')
    const deck = join(dir, 'bad.yaml')
    expect(await importCommand([bad, '--out', deck])).toBe(1)
    expect(output.err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:\\d+: error: `))
    expect(existsSync(deck)).toBe(false)

    output.err = ''
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, 'Just some notes\n')
    expect(await importCommand([notes, '--format', 'infobox', '--out', deck])).toBe(1)
    expect(output.err).toContain(`${notes}:1:1: error: This does not look like a Wikipedia infobox`)
    expect(existsSync(deck)).toBe(false)

    output.err = ''
    expect(await importCommand([join(dir, 'missing.txt')])).toBe(1)
    expect(output.err).toContain('missing.txt:1:1: error: cannot read the file: no such file')
  })

  it('exits 2 on wrong usage: no file, an unknown format or option', async () => {
    expect(await importCommand([])).toBe(2)
    expect(output.err).toContain('no file given')
    expect(await importCommand([seed, '--format', 'docx'])).toBe(2)
    expect(output.err).toContain('unknown format: docx')
    expect(await importCommand([seed, '--colour'])).toBe(2)
    expect(output.err).toContain('unknown option: --colour')
  })

  it('turns Wikidata entity JSON and a SPARQL result (format guessed) into decks that pass deck check', async () => {
    const wikidata = join(root, 'tests', 'fixtures', 'wikidata')
    const entities = join(dir, 'john-vii-wikidata.yaml')
    expect(await importCommand([join(wikidata, 'john-vii.entities.json'), '--out', entities])).toBe(0)
    expect(output.out).toContain('(wikidata; 11 entities, ')
    expect(output.err).toContain('note: not used: John VII Palaiologos (Q9001): 2 other properties (P31, P106)')
    expect(readFileSync(entities, 'utf8')).toContain('url: https://www.wikidata.org/wiki/Q9001')
    await checks(entities)
    const sparql = join(dir, 'people.yaml')
    const input = join(wikidata, 'people.sparql.json')
    expect(await importCommand([input, '--format', 'wikidata', '--out', sparql, '--language', 'en'])).toBe(0)
    await checks(sparql)
    expect(output.out).toContain('ok (')
  })

  it('exits 1 on JSON that is neither entities nor a SPARQL result, read as Wikidata', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"head": {"vars": ["n"]}, "results": {"bindings": []}}')
    expect(await importCommand([bad, '--format', 'wikidata', '--out', join(dir, 'out.yaml')])).toBe(1)
    expect(output.err).toMatch(/bad\.json:1:1: error: The SPARQL result has no column of items/)
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false)
  })
})
