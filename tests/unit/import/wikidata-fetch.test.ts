// The app's Wikidata fetch against a local HTTP server that answers wbgetentities with recorded
// responses (tests/fixtures/wikidata/*.wbgetentities.json): the subject with its statements, the
// people it names with theirs (one step out), then the labels of places, offices and references.
// The deck made from what was fetched is the deck made from the same entities in one file.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchJson } from '../../../src/browser/fetch-json'
import { importWikidataEntities, wikidataDeck } from '../../../src/domain/import/wikidata'
import { fetchWikidata, itemIds } from '../../../src/domain/import/wikidata-fetch'

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'wikidata')
const recorded = [
  'john-vii.wbgetentities.json',
  'john-vii.people.wbgetentities.json',
  'john-vii.labels.wbgetentities.json',
].map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { entities: Record<string, unknown> })

let server: Server
let base = ''
const requests: URLSearchParams[] = []
let failNext = false

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    requests.push(url.searchParams)
    if (failNext) {
      res.writeHead(503).end('busy')
      return
    }
    const ids = new Set((url.searchParams.get('ids') ?? '').split('|'))
    const answer = recorded.find((r) => {
      const have = Object.keys(r.entities)
      return have.length === ids.size && have.every((id) => ids.has(id))
    })
    if (url.pathname !== '/w/api.php' || url.searchParams.get('action') !== 'wbgetentities' || !answer) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"no-such-recording"}}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('fetching from Wikidata', () => {
  it('reads item ids from what a teacher types: ids, addresses, any separator', () => {
    expect(itemIds('Q9001, q9002\nhttps://www.wikidata.org/wiki/Q9003 Q9001')).toEqual(['Q9001', 'Q9002', 'Q9003'])
  })

  it('fetches the item, the people it names, then the labels, and makes the same deck as the file', async () => {
    requests.length = 0
    const fetched = await fetchWikidata(['Q9001'], { fetchJson, language: 'en', expand: true, instance: base })
    expect(fetched.ok).toBe(true)
    if (!fetched.ok) return
    expect(requests.map((r) => r.get('props'))).toEqual([
      'labels|descriptions|aliases|claims',
      'labels|descriptions|aliases|claims',
      'labels',
    ])
    expect(requests[0]?.get('languages')).toBe('en|mul')
    const deck = wikidataDeck(fetched.data, { file: 'Wikidata', subjects: ['Q9001'] })
    const file = importWikidataEntities(
      { entities: Object.assign({}, ...recorded.map((r) => r.entities)) },
      { file: 'Wikidata', subjects: ['Q9001'] },
    )
    expect(deck.issues).toEqual([])
    expect(deck.yaml).toBe(file.yaml)
    expect(deck.deck?.facts.find((f) => f.id === 'born:andronikos-iv-palaiologos')).toBeDefined()
  })

  it('says what went wrong when the server fails, and makes nothing', async () => {
    failNext = true
    const fetched = await fetchWikidata(['Q9001'], { fetchJson, language: 'en', expand: false, instance: base })
    failNext = false
    expect(fetched).toEqual({
      ok: false,
      message: 'Wikidata could not be reached (the server answered 503). Check the connection and try again.',
    })
  })

  it('passes on the error Wikidata answers with', async () => {
    const fetched = await fetchWikidata(['Q1'], {
      fetchJson: async () => ({
        error: { code: 'no-such-entity', info: 'Could not find an entity with the ID "Q1".' },
      }),
      language: 'en',
      expand: false,
      instance: base,
    })
    expect(fetched).toEqual({
      ok: false,
      message: 'Wikidata refused the request: Could not find an entity with the ID "Q1".',
    })
  })
})
