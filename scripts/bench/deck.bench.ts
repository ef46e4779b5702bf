// Deck validation speed: the built-in deck as YAML text (what the checker and the build do), and
// a deck 25 times its size (1,000 entities) as text and as an object (what the editor and the
// importers do). Prints one JSON line per run; run 1 is cold (first call in the process).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseDeckText } from '../../src/domain/deck/parse'
import { validateDeckObject } from '../../src/domain/deck/validate'
import { deckToYaml } from '../../src/domain/deck/yaml'

const text = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'john-vii-palaiologos.yaml'), 'utf8')
const file = parse(text) as { entities: Record<string, unknown> }

/** The deck's entities copied `copies` times, every id (and every reference to it) suffixed. */
function scaled(copies: number): Record<string, unknown> {
  const ids = new Set(Object.keys(file.entities))
  const rename = (value: unknown, k: number): unknown => {
    if (typeof value === 'string') return ids.has(value) ? `${value}-${k}` : value
    if (Array.isArray(value)) return value.map((item) => rename(item, k))
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, v]) => [ids.has(key) ? `${key}-${k}` : key, rename(v, k)]),
      )
    return value
  }
  const entities = Object.assign({}, ...Array.from({ length: copies }, (_, k) => rename(file.entities, k) as object))
  return { ...file, entities }
}

const big = scaled(25)
const bigDeck = validateDeckObject(big).deck
if (!bigDeck) throw new Error('the scaled deck is not valid')
const bigText = deckToYaml(bigDeck)
const round = (x: number) => Math.round(x * 100) / 100

const cases: Record<string, { entities: number; run: () => unknown }> = {
  'built-in deck, YAML text': { entities: Object.keys(file.entities).length, run: () => parseDeckText(text) },
  '1,000 entities, YAML text': { entities: bigDeck.entities.length, run: () => parseDeckText(bigText) },
  '1,000 entities, object': { entities: bigDeck.entities.length, run: () => validateDeckObject(big) },
}
for (const [name, { entities, run }] of Object.entries(cases)) {
  for (let k = 1; k <= 5; k++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    run()
    const ms = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    console.log(
      JSON.stringify({
        bench: 'deck-validate',
        case: name,
        entities,
        run: k,
        cold: k === 1,
        ms: round(ms),
        cpuMs: round((cpu.user + cpu.system) / 1000),
      }),
    )
  }
}
