// The example decks in docs/examples/ are what docs/deck-format.md tells teachers to copy into
// content/: they must stay valid (no errors, no warnings) as the format evolves.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'

const root = join(import.meta.dirname, '..', '..', '..')
const examples = readdirSync(join(root, 'docs', 'examples')).filter((name) => /\.(ya?ml|json)$/.test(name))
const builtInIds = readdirSync(join(root, 'content'))
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .map((name) => parseDeckText(readFileSync(join(root, 'content', name), 'utf8')).deck?.id)

describe('docs/examples decks', () => {
  it('exist', () => {
    expect(examples.length).toBeGreaterThan(0)
  })

  it.each(examples)('%s is valid, with no warnings, and does not clash with a built-in deck', (name) => {
    const result = parseDeckText(readFileSync(join(root, 'docs', 'examples', name), 'utf8'), { file: name })
    expect(result.issues).toEqual([])
    expect(result.deck?.facts.length).toBeGreaterThan(0)
    expect(builtInIds).not.toContain(result.deck?.id)
  })
})
