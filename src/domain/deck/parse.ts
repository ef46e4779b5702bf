// Deck text (YAML, or JSON — YAML 1.2 reads JSON too) → validated Deck, with line and column for
// every issue. The only deck module that imports the YAML parser: the browser validates plain
// objects with validate.ts and loads the built-in decks as compiled JSON.
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  YAMLParseError,
  type Document,
  type YAMLError,
} from 'yaml'
import { MAX_NESTING_DEPTH } from '../import/limits'
import type { DeckIssue, Locate, Path } from './issues'
import { findTooDeep } from './nesting'
import { deckOrThrow, validateDeckObject, type DeckResult } from './validate'

export { validateDeckObject, deckOrThrow, type DeckResult, type ValidateOptions } from './validate'

export interface ParseOptions {
  /** Shown in every issue. */
  file?: string
}

const YAML_HINTS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation: items of one mapping line up under each other',
  MULTILINE_IMPLICIT_KEY: 'a key and its colon must be on one line; check for a missing colon or quote',
  MISSING_CHAR: 'a bracket, brace or quote is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'check for a missing colon after a key',
  UNEXPECTED_TOKEN: 'text that contains `: ` or starts with `[`, `{`, `*` or `&` needs quotes',
  MULTIPLE_DOCS: 'a deck file holds one deck: remove the extra `---`',
  DUPLICATE_KEY: 'each key may appear only once in a mapping',
}

function yamlIssue(error: YAMLError, text: string, lineCounter: LineCounter, file?: string): DeckIssue {
  const { line, col } = lineCounter.linePos(error.pos[0])
  const duplicate = error.code === 'DUPLICATE_KEY'
  const key = text.slice(error.pos[0], error.pos[1]).trim()
  const issue: DeckIssue = {
    severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
    code: duplicate ? 'duplicate-id' : 'yaml-syntax',
    line,
    column: col,
    path: '',
    message: duplicate ? `duplicate key \`${key}\`` : `YAML syntax: ${error.message.split('\n')[0] ?? error.message}`,
  }
  if (file !== undefined) issue.file = file
  const hint = YAML_HINTS[error.code]
  if (hint) issue.hint = hint
  return issue
}

/**
 * Keys repeated in a mapping, as errors at the repeated key (the parser's own check, given
 * `uniqueKeys`, compares each key with every key before it: for 2,000 entities, 2 million
 * comparisons, a fifth of a second of the editor's time at each change). Keys are equal as the
 * parser takes them: scalars of one value.
 */
function duplicateKeys(doc: Document): YAMLParseError[] {
  const out: YAMLParseError[] = []
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>()
      for (const { key } of map.items) {
        if (!isScalar(key)) continue
        if (!seen.has(key.value)) seen.add(key.value)
        else if (key.range)
          out.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'))
      }
    },
  })
  return out
}

/** Where a path is in the document: its key or its value, or the nearest existing parent. */
function locator(doc: Document, lineCounter: LineCounter): Locate {
  return (path: Path, target) => {
    let node: unknown = doc.contents
    let key: unknown
    let found = 0
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment),
        )
        if (!pair) break
        key = pair.key
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        key = undefined
        node = node.items[segment]
      } else break
      found++
    }
    const range = (n: unknown): [number, number] | undefined => {
      const r = (n as { range?: [number, number, number] } | null)?.range
      return r && r[1] > r[0] ? [r[0], r[1]] : undefined
    }
    const wantKey = target === 'key' || found < path.length
    const offset = (wantKey ? (range(key) ?? range(node)) : (range(node) ?? range(key)))?.[0] ?? 0
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
}

/** Line and column of any path in a deck text (e.g. `['id']`), for messages made outside the validator. */
export function locateInDeckText(text: string): Locate {
  const lineCounter = new LineCounter()
  return locator(parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter)
}

function tooDeepIssue(text: string, offset: number, file?: string): DeckIssue {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  const issue: DeckIssue = {
    severity: 'error',
    code: 'too-deep',
    line,
    column: offset - lineStart + 1,
    path: '',
    message: `the deck is nested more than ${MAX_NESTING_DEPTH} levels deep`,
    hint: 'a deck nests a few levels (entities, an entity, its field, a list); look for brackets that are never closed',
  }
  if (file !== undefined) issue.file = file
  return issue
}

/**
 * Parse and validate a deck written in YAML or JSON. `deck` is present only when there are no errors.
 * `read` is given the YAML document the text was read into (not when it is nested too deep to read):
 * the editor's forms read it too, rather than reading the text again.
 */
export function parseDeckText(text: string, options: ParseOptions = {}, read?: (doc: Document) => void): DeckResult {
  const { file } = options
  const deep = findTooDeep(text, MAX_NESTING_DEPTH)
  if (deep) return { issues: [tooDeepIssue(text, deep.offset, file)] }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  const duplicates = duplicateKeys(doc)
  if (duplicates.length) doc.errors = [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0])
  read?.(doc)
  // The parser reports running out of stack as a syntax error; say what it means.
  const overflow = doc.errors.find((error) => /call stack/i.test(error.message))
  if (overflow) return { issues: [tooDeepIssue(text, overflow.pos[0], file)] }
  const syntax = [...doc.errors, ...doc.warnings].map((error) => yamlIssue(error, text, lineCounter, file))
  if (doc.errors.length) return { issues: syntax }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const issue: DeckIssue = {
      severity: 'error',
      code: 'empty-file',
      line: 1,
      column: 1,
      path: '',
      message: 'the file is empty',
    }
    if (file !== undefined) issue.file = file
    issue.expected = 'a deck: a mapping with `id`, `title` and `entities`'
    return { issues: [issue] }
  }
  let raw: unknown
  try {
    raw = doc.toJS({ maxAliasCount: 1000 })
  } catch (error) {
    const issue: DeckIssue = {
      severity: 'error',
      code: 'yaml-syntax',
      line: 1,
      column: 1,
      path: '',
      message: `YAML: ${(error as Error).message}`,
    }
    if (file !== undefined) issue.file = file
    return { issues: [issue] }
  }
  // `version: 1.10` is a number to YAML; keep the text as written.
  const version = isMap(doc.contents) ? doc.contents.get('version', true) : undefined
  if (isScalar(version) && typeof version.value === 'number' && version.source && raw && typeof raw === 'object')
    (raw as Record<string, unknown>).version = version.source

  const result = validateDeckObject(raw, { ...(file !== undefined ? { file } : {}), locate: locator(doc, lineCounter) })
  return syntax.length ? { ...result, issues: [...syntax, ...result.issues] } : result
}

/** The deck, or a DeckError listing every error (for scripts and tests). */
export function parseDeckTextOrThrow(text: string, options?: ParseOptions): ReturnType<typeof deckOrThrow> {
  return deckOrThrow(parseDeckText(text, options))
}
