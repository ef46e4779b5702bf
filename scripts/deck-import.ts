// `npm run deck -- import <file> [--format F] [--out deck.yaml] [--url URL] [--id ID]`: turn what a
// teacher has (a copied infobox, CSV/TSV, an Anki package, GIFT, Aiken) into a Stavraton deck file.
// The format is guessed from the name and content unless --format says it. Problems go to stderr
// as `file:line:col: error: …` and nothing is written (exit 1); wrong usage exits 2.
import { createRequire } from 'node:module'
import { readFile, writeFile } from 'node:fs/promises'
import initSqlJs, { type SqlJsStatic } from 'sql.js'
import type { DeckIssue } from '../src/domain/deck/issues'
import { deckToYaml } from '../src/domain/deck/yaml'
import { type ImportFormat, detectFormat, importDeckFile, importInfobox } from '../src/domain/import/import-file'
import type { ImportIssue } from '../src/domain/import/issues'
import { decodeText } from '../src/domain/import/text'
import { plural } from '../src/domain/text/format'
import { flushed, printIssues } from './deck-check'
import { escapeControls } from '../src/domain/text/invisible'

export const IMPORT_FORMATS = [
  'infobox',
  'wikitext',
  'wikidata',
  'csv',
  'tsv',
  'apkg',
  'gift',
  'aiken',
  'deck',
] as const
type CliFormat = (typeof IMPORT_FORMATS)[number]

const usage =
  'usage: npm run deck -- import <file> [--format infobox|wikitext|wikidata|csv|tsv|apkg|gift|aiken|deck] [--out <deck.yaml>] [--url <article URL>] [--id <deck id>] [--language <code>]'

let sql: Promise<SqlJsStatic> | undefined
function loadSqlNode(): Promise<SqlJsStatic> {
  const require = createRequire(import.meta.url)
  sql ??= initSqlJs({ locateFile: (name: string) => require.resolve(`sql.js/dist/${name}`) })
  return sql
}

interface ImportArgs {
  file: string
  format?: CliFormat
  out?: string
  url?: string
  id?: string
  language?: string
}

function parseArgs(args: string[]): ImportArgs | string {
  const files: string[] = []
  const options = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') continue
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
      if (!['format', 'out', 'url', 'id', 'language'].includes(key)) return `unknown option: ${arg}`
      const value = inline ?? args[++i]
      if (value === undefined || value.startsWith('--')) return `--${key} needs a value`
      options.set(key, value)
    } else files.push(arg)
  }
  if (files.length !== 1) return files.length ? 'give one file to import' : 'no file given'
  const format = options.get('format')
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format))
    return `unknown format: ${format} (one of ${IMPORT_FORMATS.join(', ')})`
  const out: ImportArgs = { file: files[0] as string }
  if (format !== undefined) out.format = format as CliFormat
  for (const key of ['out', 'url', 'id', 'language'] as const) {
    const value = options.get(key)
    if (value !== undefined) out[key] = value
  }
  return out
}

function fail(issues: readonly ImportIssue[]): number {
  printIssues(issues as DeckIssue[])
  return 1
}

export async function importCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    process.stderr.write(`${escapeControls(parsed)}\n${usage}\n`)
    await flushed()
    return 2
  }
  const { file } = parsed
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(file))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    process.stderr.write(`${escapeControls(file)}:1:1: error: cannot read the file: ${reason}\n`)
    await flushed()
    return 1
  }
  const decoded = decodeText(bytes)
  const format: ImportFormat | undefined =
    parsed.format === 'tsv'
      ? 'csv'
      : (parsed.format ?? detectFormat(file, bytes, decoded.ok ? decoded.text : undefined))
  let yaml: string
  let summary: string
  if (format === 'wikidata') {
    if (!decoded.ok)
      return fail([
        { severity: 'error', code: 'not-text', file, line: 1, column: 1, path: '', message: decoded.message },
      ])
    const { importWikidataText } = await import('../src/domain/import/wikidata')
    const result = await importWikidataText(decoded.text, {
      file,
      ...(parsed.language ? { language: parsed.language } : {}),
      ...(parsed.id ? { deckId: parsed.id } : {}),
    })
    if (!result.deck) {
      const code = fail(result.issues)
      await flushed()
      return code
    }
    for (const s of result.skipped)
      process.stderr.write(`${escapeControls(`${file}: note: not used: ${s.text} (${s.reason})`)}\n`)
    yaml = result.yaml
    summary = counts(result.deck)
  } else if (format === 'infobox' || format === 'wikitext') {
    if (!decoded.ok)
      return fail([
        { severity: 'error', code: 'not-text', file, line: 1, column: 1, path: '', message: decoded.message },
      ])
    const result = await importInfobox(format, decoded.text, {
      file,
      ...(parsed.url ? { url: parsed.url } : {}),
      ...(parsed.id ? { deckId: parsed.id } : {}),
    })
    if (!result.deck) {
      const code = fail(result.issues)
      await flushed()
      return code
    }
    for (const s of result.skipped)
      process.stderr.write(`${file}:${s.line}:1: note: not used: ${s.text} (${s.reason})\n`)
    yaml = result.yaml
    summary = counts(result.deck)
  } else {
    const result = await importDeckFile(file, bytes, {
      loadSql: loadSqlNode,
      ...(format ? { format } : {}),
      ...(parsed.id ? { deckId: parsed.id } : {}),
    })
    if (!result.deck) {
      const code = fail(result.issues)
      await flushed()
      return code
    }
    for (const notice of result.notices) process.stderr.write(`${escapeControls(`${file}: note: ${notice.message}`)}\n`)
    yaml = deckToYaml(result.deck)
    summary = counts(result.deck)
  }
  if (parsed.out) {
    await writeFile(parsed.out, yaml)
    process.stdout.write(
      `${escapeControls(`${parsed.out}: written from ${file} (${format ?? 'guessed'}; ${summary})`)}\n`,
    )
  } else process.stdout.write(yaml)
  await flushed()
  return 0
}

const counts = (deck: { entities: unknown[]; facts: unknown[]; cards: unknown[] }) =>
  `${plural(deck.entities.length, 'entity', 'entities')}, ${plural(deck.facts.length, 'fact')}, ${plural(deck.cards.length, 'card')}`
