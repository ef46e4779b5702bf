// `npm run deck -- questions <file> [--seed N] [--json]`: the JSON contract (exactly one
// document, only the documented keys), the teacher's listing, and the exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { questionsCommand } from '../../../scripts/deck-questions'
import { BUILT_IN } from './fixtures'

let out = ''
let err = ''

function capture(stream: NodeJS.WriteStream, sink: (text: string) => void) {
  return vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink(String(chunk))
    const callback = rest.find((r): r is (error?: Error | null) => void => typeof r === 'function')
    callback?.()
    return true
  }) as typeof stream.write)
}

beforeEach(() => {
  out = ''
  err = ''
  capture(process.stdout, (t) => (out += t))
  capture(process.stderr, (t) => (err += t))
})
afterEach(() => vi.restoreAllMocks())

const KEYS = [
  'id',
  'kind',
  'prompt',
  'answer',
  'choices',
  'why',
  'accept',
  'subject',
  'relation',
  'difficulty',
  'sources',
  'explanation',
]

describe('deck questions --json', () => {
  it('prints exactly one JSON document with only the documented keys', async () => {
    expect(await questionsCommand([BUILT_IN, '--json', '--seed', '7'])).toBe(0)
    const doc = JSON.parse(out) as { deck: Record<string, unknown>; questions: Array<Record<string, unknown>> }
    expect(Object.keys(doc)).toEqual(['deck', 'questions'])
    expect(doc.deck).toEqual({ id: 'john-vii-palaiologos', title: 'John VII Palaiologos' })
    expect(doc.questions.length).toBeGreaterThan(100)
    for (const q of doc.questions) {
      for (const key of Object.keys(q)) expect(KEYS, key).toContain(key)
      for (const key of ['id', 'kind', 'prompt', 'answer']) expect(q, key).toHaveProperty(key)
    }
    expect(err).toBe('')
  })

  it('gives each kind its answer shape', async () => {
    await questionsCommand([BUILT_IN, '--json'])
    const questions = (JSON.parse(out) as { questions: Array<Record<string, unknown>> }).questions
    const of = (kind: string) => questions.filter((q) => q.kind === kind)
    for (const q of of('true-false')) expect(['True', 'False']).toContain(q.answer)
    for (const q of of('multiple-choice')) expect(q.choices).toContain(q.answer)
    for (const q of of('ordering')) expect(Array.isArray(q.answer)).toBe(true)
    for (const q of of('matching')) for (const pair of q.answer as string[]) expect(pair).toMatch(/ → /)
    for (const q of of('typed')) expect(Array.isArray(q.accept)).toBe(true)
    const successor = questions.find(
      (q) => q.id === 'john-vii-palaiologos/tenure.successor/john-vii/byzantine-emperor/1390/typed',
    )
    expect(successor).toMatchObject({
      subject: 'John VII Palaiologos',
      relation: 'successor',
      answer: 'John V Palaiologos',
    })
    expect(successor?.sources).toEqual([
      {
        id: 'infobox',
        title: 'Infobox of the article "John VII Palaiologos" (primary source)',
        url: 'https://en.wikipedia.org/wiki/John_VII_Palaiologos',
      },
      {
        id: 'w-j7',
        title: 'Wikipedia, "John VII Palaiologos"',
        url: 'https://en.wikipedia.org/wiki/John_VII_Palaiologos',
      },
    ])
  })

  it('gives the same document for the same seed', async () => {
    await questionsCommand([BUILT_IN, '--json', '--seed=3'])
    const first = out
    out = ''
    await questionsCommand([BUILT_IN, '--seed', '3', '--json'])
    expect(out).toBe(first)
  })
})

describe('deck questions (listing)', () => {
  it('lists questions for proofreading, grouped by subject, with answers, sources and ids', async () => {
    expect(await questionsCommand([BUILT_IN])).toBe(0)
    expect(out).toMatch(/^John VII Palaiologos — \d+ questions \(seed 1\)\n/)
    expect(out).toContain('\n## John VII Palaiologos\n')
    expect(out).toContain('[multiple-choice, ')
    expect(out).toContain('  answer:  John V Palaiologos\n')
    expect(out).toContain(
      '  id:      john-vii-palaiologos/tenure.predecessor/john-vii/emperor-in-selymbria/1385/multiple-choice',
    )
    expect(out).toContain('  dispute: Sources differ:')
  })
})

describe('deck questions filters, for proofreading one relation at a time', () => {
  it('keeps the questions about one entity, of one kind, asking one relation, with each wrong option’s proof', async () => {
    const args = [BUILT_IN, '--about', 'john-vii', '--kind', 'multiple-choice', '--relation', 'father']
    expect(await questionsCommand(args)).toBe(0)
    expect(out).toMatch(/^John VII Palaiologos — 1 questions \(seed 1\)\n/)
    expect(out).toContain('Who was the father of John VII Palaiologos?')
    const wrong = out.split('\n').filter((l) => /^ {2}[a-d]\) /.test(l) && !l.endsWith('✓'))
    expect(wrong.length).toBeGreaterThanOrEqual(2)
    for (const line of wrong) expect(line).toMatch(/ ✗ John VII Palaiologos's father was Andronikos IV Palaiologos$/)
  })

  it('gives the proofs in JSON, one per wrong option', async () => {
    expect(await questionsCommand([BUILT_IN, '--json', '--kind=multiple-choice'])).toBe(0)
    const doc = JSON.parse(out) as {
      questions: Array<{
        kind: string
        choices: string[]
        answer: string
        why: Array<{ option: string; proof: string }>
      }>
    }
    expect(doc.questions.length).toBeGreaterThan(20)
    for (const q of doc.questions) {
      expect(q.kind).toBe('multiple-choice')
      expect(q.why.map((w) => w.option).sort()).toEqual(q.choices.filter((c) => c !== q.answer).sort())
      for (const w of q.why) expect(w.proof.length).toBeGreaterThan(10)
    }
  })

  it('refuses an unknown entity or kind', async () => {
    expect(await questionsCommand([BUILT_IN, '--about', 'nobody'])).toBe(2)
    expect(err).toContain('--about: no entity `nobody` in')
    expect(await questionsCommand([BUILT_IN, '--kind', 'essay'])).toBe(2)
    expect(err).toContain('--kind must be one of multiple-choice,')
    expect(out).toBe('')
  })
})

describe('errors and usage', () => {
  it('prints deck errors GNU-style and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stavraton-questions-'))
    const file = join(dir, 'bad.yaml')
    writeFileSync(file, 'id: bad\ntitle: Bad\nentities:\n  a:\n    kind: person\n    name: A\n    father: nobody\n')
    expect(await questionsCommand([file, '--json'])).toBe(1)
    expect(err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `, 'm'))
    expect(out).toBe('')
  })

  it.each([
    [[]],
    [['--json']],
    [['a.yaml', 'b.yaml']],
    [['a.yaml', '--seed']],
    [['a.yaml', '--seed', 'x']],
    [['a.yaml', '--frobnicate']],
    [['a.yaml', '--about']],
    [['a.yaml', '--relation', '--json']],
  ])('exits 2 on wrong usage %j', async (args) => {
    expect(await questionsCommand(args)).toBe(2)
    expect(err).toContain('usage: npm run deck -- questions <file> [--seed N] [--json]')
    expect(out).toBe('')
  })
})
