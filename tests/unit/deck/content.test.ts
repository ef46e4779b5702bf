// The decks that ship with the app and the example in docs/deck-format.md are valid with no
// warnings, and the docs explain every issue code the validator can report.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DECK_ISSUE_CODES, formatIssue } from '../../../src/domain/deck/issues'
import { parseDeckText } from '../../../src/domain/deck/parse'

const root = join(import.meta.dirname, '..', '..', '..')
const contentFiles = readdirSync(join(root, 'content')).filter((name) => /\.(ya?ml|json)$/.test(name))
const docs = readFileSync(join(root, 'docs', 'deck-format.md'), 'utf8')

describe('content/', () => {
  it('holds at least one deck', () => {
    expect(contentFiles.length).toBeGreaterThan(0)
  })

  it.each(contentFiles)('%s is valid, with no warnings', (name) => {
    const result = parseDeckText(readFileSync(join(root, 'content', name), 'utf8'), { file: `content/${name}` })
    expect(result.issues.map(formatIssue)).toEqual([])
    expect(result.deck).toBeDefined()
  })
})

describe('docs/deck-format.md', () => {
  it('has a complete example that is valid with no issues', () => {
    const example = /## A complete example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(docs)?.[1]
    expect(example).toBeDefined()
    const result = parseDeckText(example as string, { file: 'docs example' })
    expect(result.issues.map(formatIssue)).toEqual([])
    expect(result.deck?.entities.length).toBeGreaterThan(5)
    expect(new Set(result.deck?.facts.map((f) => f.type))).toEqual(
      new Set(['date', 'place', 'number', 'relation', 'tenure', 'text']),
    )
    expect(result.deck?.cards.map((c) => c.type)).toEqual(['basic', 'choice', 'cloze'])
  })

  it('explains every issue code in its table', () => {
    const section = docs.slice(docs.indexOf('## Errors and warnings'), docs.indexOf('## For developers'))
    const documented = [...section.matchAll(/^\| `([a-z-]+)`/gm)].map((m) => m[1])
    expect(documented).toEqual([...DECK_ISSUE_CODES])
  })
})
