// The deck tool: `npm run deck -- <command> …`
//   check <file>...                         validate deck files (exit 0 valid, 1 errors, 2 usage)
//   questions <file> [--seed N] [--json]    list the questions a deck generates
//   import <file> [--format F] [--out F]    write a deck file from an infobox, Wikidata JSON, CSV/TSV, .apkg, GIFT, Aiken
import { escapeControls } from '../src/domain/text/invisible'
import { checkCommand } from './deck-check'
import { importCommand } from './deck-import'
import { questionsCommand } from './deck-questions'

const usage = `usage: npm run deck -- check <file>...
       npm run deck -- questions <file> [--seed N] [--json]
       npm run deck -- import <file> [--format infobox|wikitext|wikidata|csv|tsv|apkg|gift|aiken|deck] [--out <deck.yaml>] [--url <URL>] [--id <id>] [--language <code>]`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'check') return checkCommand(rest)
  if (command === 'questions') return questionsCommand(rest)
  if (command === 'import') return importCommand(rest)
  process.stderr.write(`${command ? `unknown command: ${escapeControls(command)}\n` : ''}${usage}\n`)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`deck: ${escapeControls(error instanceof Error ? error.message : String(error))}\n`)
    process.exit(2)
  },
)
