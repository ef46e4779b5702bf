// `npm run deck -- check <file>...`: validate deck files (YAML or JSON), anywhere on disk.
// Issues go to stderr GNU-style (`file:line:col: error: message`) so editors can jump to them;
// a one-line summary per file goes to stdout. Exit 0 when every file is valid (warnings allowed),
// 1 when any file has errors or cannot be read, 2 on wrong usage.
import { readFile } from 'node:fs/promises'
import { countIssues, formatIssue, type DeckIssue } from '../src/domain/deck/issues'
import { parseDeckText, type DeckResult } from '../src/domain/deck/parse'
import { plural } from '../src/domain/text/format'

/** Read and validate one deck file; an unreadable file is an error issue, not an exception. */
export async function checkDeckFile(file: string): Promise<DeckResult> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
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
  return parseDeckText(text, { file })
}

export function summary(file: string, result: DeckResult): string {
  const { errors, warnings } = countIssues(result.issues)
  const warned = warnings ? `, ${plural(warnings, 'warning')}` : ''
  if (!result.deck) return `${file}: ${plural(errors, 'error')}${warned}`
  const { entities, facts, cards } = result.deck
  return `${file}: ok (${plural(entities.length, 'entity', 'entities')}, ${plural(facts.length, 'fact')}, ${plural(cards.length, 'card')})${warned}`
}

export function printIssues(issues: readonly DeckIssue[]): void {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`)
}

export async function checkCommand(args: string[]): Promise<number> {
  const files = args.filter((arg) => arg !== '--')
  const options = files.filter((arg) => arg.startsWith('-'))
  if (files.length === 0 || options.length) {
    process.stderr.write(
      `${options.length ? `unknown option: ${options.join(' ')}\n` : 'no deck files given\n'}usage: npm run deck -- check <file>...\n`,
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
