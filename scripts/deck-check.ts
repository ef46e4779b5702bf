// `npm run deck -- check <file>...`: validate deck files (YAML or JSON), anywhere on disk.
// Issues go to stderr GNU-style (`file:line:col: error: message`) so editors can jump to them;
// a one-line summary per file goes to stdout. Exit 0 when every file is valid (warnings allowed),
// 1 when any file has errors or cannot be read, 2 on wrong usage. Deck text reaches the terminal
// only escaped: control characters (ESC…) and direction overrides are printed as `\x1B`, `\u{202E}`.
import { readFile } from 'node:fs/promises'
import { countIssues, formatIssue, type DeckIssue } from '../src/domain/deck/issues'
import { parseDeckText, type DeckResult } from '../src/domain/deck/parse'
import { decodeText } from '../src/domain/import/text'
import { plural } from '../src/domain/text/format'
import { escapeControls } from '../src/domain/text/invisible'

/** Read and validate one deck file; an unreadable file is an error issue, not an exception. */
export async function checkDeckFile(file: string): Promise<DeckResult> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    const issue: DeckIssue = {
      severity: 'error',
      code: 'unreadable-file',
      file,
      line: 1,
      column: 1,
      path: '',
      message: `cannot read the file: ${reason}`,
    }
    return { issues: [issue] }
  }
  // Checked as the browser checks it: Latin-1 is refused, not read as "Jos\uFFFD M\uFFFDller".
  const decoded = decodeText(bytes)
  if (!decoded.ok) {
    const issue: DeckIssue = {
      severity: 'error',
      code: 'unreadable-file',
      file,
      line: decoded.line ?? 1,
      column: 1,
      path: '',
      message: decoded.message.replace(/^This file is/, 'the file is'),
    }
    return { issues: [issue] }
  }
  return parseDeckText(decoded.text, { file })
}

export function summary(file: string, result: DeckResult): string {
  const { errors, warnings } = countIssues(result.issues)
  const warned = warnings ? `, ${plural(warnings, 'warning')}` : ''
  const name = escapeControls(file)
  if (!result.deck) return `${name}: ${plural(errors, 'error')}${warned}`
  const { entities, facts, cards } = result.deck
  return `${name}: ok (${plural(entities.length, 'entity', 'entities')}, ${plural(facts.length, 'fact')}, ${plural(cards.length, 'card')})${warned}`
}

export function printIssues(issues: readonly DeckIssue[]): void {
  for (const issue of issues) process.stderr.write(`${escapeControls(formatIssue(issue))}\n`)
}

export async function checkCommand(args: string[]): Promise<number> {
  const files = args.filter((arg) => arg !== '--')
  const options = files.filter((arg) => arg.startsWith('-'))
  if (files.length === 0 || options.length) {
    process.stderr.write(
      `${options.length ? `unknown option: ${escapeControls(options.join(' '))}\n` : 'no deck files given\n'}usage: npm run deck -- check <file>...\n`,
    )
    return 2
  }
  let failed = false
  for (const file of files) {
    const result = await checkDeckFile(file)
    printIssues(result.issues)
    process.stdout.write(`${summary(file, result)}\n`)
    if (!result.deck) failed = true
  }
  await flushed()
  return failed ? 1 : 0
}

/** Resolves once stdout and stderr have taken everything: the dispatcher exits right after. */
export const flushed = (): Promise<unknown> =>
  Promise.all(
    [process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))),
  )
