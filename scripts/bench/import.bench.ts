// Import speed and share-link size: a CSV at the 50,000-card limit, an .apkg of 5,000 notes (sql.js
// cold, then warm), the built-in deck as a share link (length, encode and decode time). Prints
// one JSON line per run; run 1 is cold (first call in the process).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDeckText } from '../../src/domain/deck/parse'
import { importDeckFile } from '../../src/domain/import/import-file'
import { MAX_DECK_ITEMS } from '../../src/domain/import/limits'
import { decodeDeckLink, encodeDeckLink } from '../../src/domain/import/share-link'
import { BASIC_ID, collectionBytes, loadSqlNode, zipPackage } from '../../tests/unit/import/anki-fixture'

const round = (x: number) => Math.round(x * 100) / 100
const csv = new TextEncoder().encode(
  Array.from({ length: MAX_DECK_ITEMS }, (_, i) => `term ${i}\t"definition ${i}, with a comma"`).join('\n'),
)
const apkg = zipPackage({
  'collection.anki2': await collectionBytes(
    Array.from({ length: 5000 }, (_, i) => ({ model: BASIC_ID, fields: [`front <b>${i}</b>`, `back ${i}<br>line`] })),
  ),
})
const deck = parseDeckText(
  readFileSync(join(import.meta.dirname, '..', '..', 'content', 'john-vii-palaiologos.yaml'), 'utf8'),
).deck
if (!deck) throw new Error('the built-in deck is not valid')
const link = encodeDeckLink(deck, 'https://example.org/import')

const cases: Record<string, { bytes: number; run: () => unknown }> = {
  'CSV, 50,000 cards': { bytes: csv.length, run: () => importDeckFile('big.tsv', csv, { loadSql: loadSqlNode }) },
  '.apkg, 5,000 notes': { bytes: apkg.length, run: () => importDeckFile('big.apkg', apkg, { loadSql: loadSqlNode }) },
  'share link, built-in deck, encode': {
    bytes: link.length,
    run: () => encodeDeckLink(deck, 'https://example.org/import'),
  },
  'share link, built-in deck, decode': { bytes: link.length, run: () => decodeDeckLink(link) },
}
for (const [name, { bytes, run }] of Object.entries(cases)) {
  for (let k = 1; k <= 3; k++) {
    const t0 = performance.now()
    const result = await run()
    const ms = performance.now() - t0
    if (result && typeof result === 'object' && 'issues' in result && (result as { issues: unknown[] }).issues.length)
      throw new Error(`${name}: unexpected issues`)
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20
    console.log(
      JSON.stringify({
        bench: 'import',
        case: name,
        bytes,
        run: k,
        cold: k === 1,
        ms: round(ms),
        heapMb: round(heapMb),
      }),
    )
  }
}
