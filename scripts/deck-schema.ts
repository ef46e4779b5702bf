// Writes schema/deck.schema.json from the valibot schema of the deck file format
// (src/domain/deck/schema.ts), so that editors with a YAML language server autocomplete and
// check deck files. Run: `npx tsx scripts/deck-schema.ts`. A unit test keeps the file current.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { toJsonSchema } from '@valibot/to-json-schema'
import { DeckFileSchema, deckSchemaDefinitions } from '../src/domain/deck/schema'

export const DECK_SCHEMA_FILE = fileURLToPath(new URL('../schema/deck.schema.json', import.meta.url))

export function deckJsonSchemaText(): string {
  const { $schema, ...rest } = toJsonSchema(DeckFileSchema, { definitions: deckSchemaDefinitions, errorMode: 'throw' })
  const schema = {
    $schema,
    title: 'Stavraton deck',
    description:
      'A deck of historical facts for Stavraton: metadata, sources, entities with their facts, and hand-written cards. See docs/deck-format.md.',
    ...rest,
  }
  return `${JSON.stringify(schema, null, 2)}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DECK_SCHEMA_FILE, deckJsonSchemaText())
  process.stdout.write(`wrote ${DECK_SCHEMA_FILE}\n`)
}
