// How long hostile input takes to be refused: every case must answer within BOUND_MS (a user
// waits seconds, not minutes). One JSON line per case; exits 1 when a case is over its bound, so
// the promise "within seconds" is checked here rather than in a timed unit test.
import { parseDeckText } from '../../src/domain/deck/parse'
import { validateDeckObject } from '../../src/domain/deck/validate'
import { importDeckFile } from '../../src/domain/import/import-file'
import { MAX_DECK_ITEMS, MAX_FILE_BYTES } from '../../src/domain/import/limits'
import { loadSqlNode } from '../../tests/unit/import/anki-fixture'

const BOUND_MS = 5000
const round = (x: number) => Math.round(x * 100) / 100
const encode = (text: string) => new TextEncoder().encode(text)
const rows = (count: number, row: (i: number) => string) => Array.from({ length: count }, (_, i) => row(i)).join('\n')
const options = { loadSql: loadSqlNode }

const million = encode(rows(1_000_000, (i) => `t${i},d`))
const emptyDefinitions = encode(rows(MAX_DECK_ITEMS, (i) => `t${i}\t`))
const almostLimit = encode(`${'a,'.repeat(MAX_FILE_BYTES / 2 - 8)}\n`)
const deepFlow = `id: x\ntitle: x\nentities: ${'['.repeat(5_000_000)}`
const deepBlock = `id: x\ntitle: x\nentities:\n  a:\n    aliases:\n      ${'- '.repeat(2_000_000)}a\n`
const aliases = Array.from({ length: 200_000 }, () => 7)

const cases: Record<string, { bytes: number; run: () => unknown }> = {
  'CSV, 1,000,000 rows (refused at the limit)': {
    bytes: million.length,
    run: () => importDeckFile('m.csv', million, options),
  },
  'CSV, 50,000 lines without a definition': {
    bytes: emptyDefinitions.length,
    run: () => importDeckFile('e.tsv', emptyDefinitions, options),
  },
  'CSV, one line of 10 million fields': {
    bytes: almostLimit.length,
    run: () => importDeckFile('w.csv', almostLimit, options),
  },
  'YAML, 5,000,000 open brackets': { bytes: deepFlow.length, run: () => parseDeckText(deepFlow) },
  'YAML, 2,000,000 nested lists': { bytes: deepBlock.length, run: () => parseDeckText(deepBlock) },
  'deck object, 400,000 bad aliases and spouses': {
    bytes: 0,
    run: () =>
      validateDeckObject({
        id: 'x',
        title: 'X',
        entities: { a: { kind: 'person', name: 'A', aliases, spouse: aliases } },
      }),
  },
}

let over = 0
for (const [name, { bytes, run }] of Object.entries(cases)) {
  const t0 = performance.now()
  const result = (await run()) as { deck?: unknown; issues: unknown[] }
  const ms = performance.now() - t0
  const withinBound = ms <= BOUND_MS
  if (!withinBound) over++
  console.log(
    JSON.stringify({
      bench: 'hostile',
      case: name,
      bytes,
      ms: round(ms),
      boundMs: BOUND_MS,
      withinBound,
      issues: result.issues.length,
    }),
  )
}
process.exit(over ? 1 : 0)
