// The one entry point for files: picks the importer by extension, then by content, and applies the
// limits. Every importer is all-or-nothing: `deck` is present only when there is no error.
import { parseDeckText } from '../deck/parse'
import { importAiken, looksLikeAiken } from './aiken'
import { type LoadSql, importApkg } from './apkg'
import { importCsv } from './csv'
import { importGift, looksLikeGift } from './gift'
import { type ImportResult, fileError, hasErrors, importError, reportedIssues } from './issues'
import { formatBytes } from '../text/format'
import { MAX_DECK_ITEMS, MAX_FILE_BYTES } from './limits'
import { decodeText, extensionOf } from './text'
import { isZip } from './zip'
import { looksLikeInfoboxText, looksLikeWikidata, looksLikeWikitext } from './infobox-detect'
import type { InfoboxImportOptions, InfoboxImportResult } from './infobox'

export interface ImportFileOptions {
  /** Loads sql.js; called only for Anki packages. */
  loadSql: LoadSql
  /** Override the deck id and title derived from the file (card-only formats). */
  deckId?: string
  title?: string
  /** Read the file as this format instead of guessing it. */
  format?: ImportFormat
}

export type ImportFormat = 'deck' | 'csv' | 'apkg' | 'gift' | 'aiken' | 'infobox' | 'wikitext' | 'wikidata'

/** Extensions the file picker offers. */
export const IMPORT_ACCEPT = '.yaml,.yml,.json,.csv,.tsv,.txt,.apkg,.colpkg,.gift,.wiki'

const SPREADSHEETS = new Set(['xlsx', 'xls', 'ods', 'numbers'])

export function detectFormat(name: string, bytes: Uint8Array, text?: string): ImportFormat | undefined {
  const ext = extensionOf(name)
  if (ext === 'apkg' || ext === 'colpkg') return 'apkg'
  if (ext === 'json' && text !== undefined && looksLikeWikidata(text)) return 'wikidata'
  if (ext === 'yaml' || ext === 'yml' || ext === 'json') return 'deck'
  if (ext === 'csv' || ext === 'tsv') return 'csv'
  if (ext === 'gift') return 'gift'
  if (ext === 'wiki' || ext === 'wikitext' || ext === 'mediawiki') return 'wikitext'
  if (SPREADSHEETS.has(ext)) return undefined
  if (isZip(bytes)) return 'apkg'
  if (text === undefined) return undefined
  if (looksLikeAiken(text)) return 'aiken'
  if (looksLikeGift(text)) return 'gift'
  if (looksLikeWikitext(text)) return 'wikitext'
  if (looksLikeInfoboxText(text)) return 'infobox'
  if (looksLikeWikidata(text)) return 'wikidata'
  if (/^\s*\{\s*"/.test(text) || (/^id:\s*\S/m.test(text) && /^(entities|cards):/m.test(text))) return 'deck'
  return 'csv'
}

function checkSize(result: ImportResult, file: string): ImportResult {
  const deck = result.deck
  if (!deck)
    return result.issues.some((issue) => issue.code === 'too-many-issues')
      ? result
      : { ...result, issues: reportedIssues(result.issues) }
  const items = deck.facts.length + deck.cards.length
  if (items <= MAX_DECK_ITEMS) return result
  return {
    issues: [
      fileError(
        'too-many-items',
        `This deck has ${items.toLocaleString('en')} facts and cards; the limit is ${MAX_DECK_ITEMS.toLocaleString('en')}.`,
        file,
        'Split it into several decks.',
      ),
    ],
    notices: [],
  }
}

export async function importDeckFile(
  name: string,
  bytes: Uint8Array,
  options: ImportFileOptions,
): Promise<ImportResult> {
  if (bytes.length > MAX_FILE_BYTES) {
    const hint = isZip(bytes)
      ? 'In Anki, export again without "Include media": Stavraton imports text only.'
      : 'Split it into several files.'
    return {
      issues: [
        fileError(
          'file-too-large',
          `This file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`,
          name,
          hint,
        ),
      ],
      notices: [],
    }
  }
  const ext = extensionOf(name)
  if (SPREADSHEETS.has(ext)) {
    return {
      issues: [
        fileError(
          'unsupported-file',
          'Spreadsheets cannot be read directly.',
          name,
          'Save the sheet as "CSV UTF-8" with the terms in the first column and the definitions in the second, then import that file.',
        ),
      ],
      notices: [],
    }
  }
  const format = options.format ?? detectFormat(name, bytes)
  if (format === 'apkg')
    return checkSize(await importApkg(bytes, { file: name, loadSql: options.loadSql, ...overrides(options) }), name)
  const decoded = decodeText(bytes)
  if (!decoded.ok)
    return {
      issues: [importError('not-text', decoded.message, { file: name, line: decoded.line ?? 1, column: 1 })],
      notices: [],
    }
  const text = decoded.text
  const found = options.format ?? detectFormat(name, bytes, text)
  switch (found) {
    case 'deck': {
      const parsed = parseDeckText(text, { file: name })
      const result: ImportResult = { issues: parsed.issues, notices: [] }
      if (parsed.deck && !hasErrors(parsed.issues)) result.deck = parsed.deck
      return checkSize(result, name)
    }
    case 'gift':
      return checkSize(importGift(text, { file: name, ...overrides(options) }), name)
    case 'aiken':
      return checkSize(importAiken(text, { file: name, ...overrides(options) }), name)
    case 'csv':
      return checkSize(importCsv(text, { file: name, ...overrides(options) }), name)
    case 'infobox':
    case 'wikitext': {
      // The readers (and wtf_wikipedia) are loaded only when a file is an infobox.
      const result = await importInfobox(found, text, {
        file: name,
        ...(options.deckId ? { deckId: options.deckId } : {}),
      })
      const notices = result.skipped.map((s) => ({
        code: 'line-not-used',
        message: `Line ${s.line}: "${s.text}" was not used (${s.reason}).`,
      }))
      return checkSize(
        result.deck ? { deck: result.deck, issues: result.issues, notices } : { issues: result.issues, notices },
        name,
      )
    }
    case 'wikidata': {
      const result = await (
        await import('./wikidata')
      ).importWikidataText(text, {
        file: name,
        ...(options.deckId ? { deckId: options.deckId } : {}),
        ...(options.title ? { title: options.title } : {}),
      })
      const notices = result.skipped.map((s) => ({
        code: 'statement-not-used',
        message: `${s.text} was not used (${s.reason}).`,
      }))
      return checkSize(
        result.deck ? { deck: result.deck, issues: result.issues, notices } : { issues: result.issues, notices },
        name,
      )
    }
    default:
      return {
        issues: [
          fileError(
            'unsupported-file',
            'Stavraton cannot read this kind of file.',
            name,
            `Accepted: ${IMPORT_ACCEPT.replaceAll(',', ' ')}`,
          ),
        ],
        notices: [],
      }
  }
}

/** Reads a pasted infobox or an article's wikitext; the reader is loaded on first use. */
export async function importInfobox(
  format: 'infobox' | 'wikitext',
  text: string,
  options: InfoboxImportOptions,
): Promise<InfoboxImportResult> {
  if (format === 'wikitext') return (await import('./wikitext')).importWikitext(text, options)
  return (await import('./infobox')).importInfoboxText(text, options)
}

function overrides(options: ImportFileOptions): { deckId?: string; title?: string } {
  const out: { deckId?: string; title?: string } = {}
  if (options.deckId !== undefined) out.deckId = options.deckId
  if (options.title !== undefined) out.title = options.title
  return out
}
