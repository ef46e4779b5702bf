// Tests import the compiled built-in decks (src/generated/decks), which only the build used to
// write. Compile them from content/ before any test runs, so `npm test` passes on a fresh clone
// with no build before it, and always reads the decks as they are in content/ now.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileDecks } from '../scripts/compile-decks'

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const result = await compileDecks({
    contentDir: join(root, 'content'),
    outDir: join(root, 'src', 'generated', 'decks'),
  })
  if (!result.ok) throw new Error('the decks in content/ have errors (see above); fix them before testing')
}
