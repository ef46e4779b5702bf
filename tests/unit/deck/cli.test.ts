// The deck tool's `check` command and the build-time compiler: GNU-style issues on stderr, a
// summary per file on stdout, exit codes 0/1/2; the compiler writes nothing when a deck is broken.
import { mkdtempSync, readdirSync, readFileSync, copyFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileDecks, indexSource } from '../../../scripts/compile-decks'
import { checkCommand } from '../../../scripts/deck-check'
import { captureOutput } from './capture-output'

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'decks')
const fixture = (name: string) => join(fixtures, name)

const output = captureOutput()

describe('deck check', () => {
  it('exits 0 and prints a summary for valid decks, YAML or JSON', async () => {
    expect(await checkCommand([fixture('small-valid.yaml'), fixture('small-valid.json')])).toBe(0)
    expect(output.out).toBe(
      `${fixture('small-valid.yaml')}: ok (7 entities, 24 facts, 3 cards)\n${fixture('small-valid.json')}: ok (7 entities, 24 facts, 3 cards)\n`,
    )
    expect(output.err).toBe('')
  })

  it('exits 0 with warnings, printing them GNU-style', async () => {
    expect(await checkCommand([fixture('only-warnings.yaml')])).toBe(0)
    expect(output.err).toMatch(new RegExp(`^${fixture('only-warnings.yaml')}:4:43: warning: no source for .*\\n$`))
    expect(output.out).toBe(`${fixture('only-warnings.yaml')}: ok (1 entity, 1 fact, 0 cards), 1 warning\n`)
  })

  it('exits 1 and prints one line per error when any file has errors', async () => {
    const file = fixture('broken-references.yaml')
    expect(await checkCommand([fixture('small-valid.yaml'), file])).toBe(1)
    expect(output.err.trimEnd().split('\n')).toEqual([
      `${file}:10:13: error: unknown entity \`bernd\` in \`father\` [at entities.anna.father] (add it under \`entities\`, or correct the id)`,
      `${file}:11:11: error: invalid date: 31 February does not exist [at entities.anna.born] (expected a date like \`22 September 1408\`, \`1370\` or \`c. 1370\`; February has 28 days in 1301)`,
      `${file}:15:13: error: unknown source \`bok\` [at entities.bert.source] (did you mean \`book\`?)`,
    ])
    expect(output.out).toContain(`${file}: 3 errors\n`)
  })

  it('reports syntax errors, empty files, non-decks and unreadable files as errors', async () => {
    const files = ['broken-syntax.yaml', 'empty.yaml', 'not-a-deck.yaml', 'missing.yaml'].map(fixture)
    expect(await checkCommand(files)).toBe(1)
    const lines = output.err.trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/broken-syntax\.yaml:\d+:\d+: error: YAML syntax/)
    expect(lines[1]).toBe(
      `${fixture('empty.yaml')}:1:1: error: the file is empty (expected a deck: a mapping with \`id\`, \`title\` and \`entities\`)`,
    )
    expect(lines[2]).toContain('not-a-deck.yaml:1:1: error: this is not a deck: found a list')
    expect(lines[3]).toBe(`${fixture('missing.yaml')}:1:1: error: cannot read the file: no such file`)
  })

  it('exits 2 without files or with an unknown option', async () => {
    expect(await checkCommand([])).toBe(2)
    expect(output.err).toContain('usage: npm run deck -- check <file>...')
    expect(await checkCommand(['--fix', fixture('small-valid.yaml')])).toBe(2)
    expect(output.err).toContain('unknown option: --fix')
  })
})

describe('compile-decks', () => {
  /** A temporary folder with `content/` holding copies of the given fixtures. */
  function contentWith(files: Record<string, string>): {
    dir: string
    content: string
    out: string
    display: (f: string) => string
  } {
    const dir = mkdtempSync(join(tmpdir(), 'stavraton-decks-'))
    mkdirSync(join(dir, 'content'))
    for (const [name, from] of Object.entries(files)) copyFileSync(fixture(from), join(dir, 'content', name))
    return { dir, content: join(dir, 'content'), out: join(dir, 'out'), display: (f) => f.slice(dir.length + 1) }
  }

  it('writes one compact JSON per deck and an index with lazy loaders', async () => {
    const { dir, content, out } = contentWith({ 'family.yaml': 'small-valid.yaml', 'family.json': 'small-valid.json' })
    writeFileSync(join(content, 'README.md'), 'not a deck')
    const result = await compileDecks({ contentDir: content, outDir: out })
    expect(result.ok).toBe(true)
    // Each deck, and its questions as the generator gives them: a module of heads and one JSON per part.
    const files = readdirSync(join(dir, 'out')).sort()
    expect(files.filter((f) => !/\.questions\.part-\d+\.json$/.test(f))).toEqual([
      'index.ts',
      'test-family-json.json',
      'test-family-json.questions.ts',
      'test-family.json',
      'test-family.questions.ts',
    ])
    const parts = files.filter((f) => f.startsWith('test-family.questions.part-'))
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))).toEqual(
      parts.map((_, n) => `test-family.questions.part-${n}.json`),
    )
    const json = readFileSync(join(dir, 'out', 'test-family.json'), 'utf8')
    expect(json).not.toContain('\n')
    expect(JSON.parse(json)).toEqual(result.decks.find((d) => d.id === 'test-family'))
    const index = readFileSync(join(dir, 'out', 'index.ts'), 'utf8')
    expect(index).toContain(`load: () => import('./test-family.json')`)
    expect(index).toContain(`questions: () => import('./test-family.questions')`)
    expect(index).toContain(
      'id: "test-family", title: "A Test Family", description: "Invented people for the tests.", version: "2", entityCount: 7, factCount: 24, cardCount: 3',
    )
  })

  it('fails with the checker’s messages and writes nothing when a deck has errors', async () => {
    const { content, out, display } = contentWith({ 'a.yaml': 'small-valid.yaml', 'b.yaml': 'broken-references.yaml' })
    const result = await compileDecks({ contentDir: content, outDir: out, display })
    expect(result.ok).toBe(false)
    expect(existsSync(out)).toBe(false)
    expect(output.err).toContain('content/b.yaml:15:13: error: unknown source `bok`')
  })

  it('reports two decks with the same id at the second one’s id', async () => {
    const { content, out, display } = contentWith({ 'a.yaml': 'small-valid.yaml', 'b.yaml': 'small-valid.yaml' })
    const result = await compileDecks({ contentDir: content, outDir: out, display })
    expect(result.ok).toBe(false)
    expect(result.issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ['content/b.yaml', 3, 5, 'duplicate-id'],
    ])
    expect(output.err).toContain('content/b.yaml:3:5: error: deck id `test-family` is already used by content/a.yaml')
  })

  it('writes an empty list when content/ has no decks', () => {
    expect(indexSource([])).toContain(
      'BuiltInDeckInfo & { load: () => Promise<Deck>; questions: () => Promise<BuiltInQuestions> }\n> = [\n\n]',
    )
  })
})
