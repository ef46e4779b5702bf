// The app's Wikidata fetch against a local HTTP server that answers wbgetentities with recorded
// responses (tests/fixtures/wikidata/*.wbgetentities.json): the subject with its statements, the
// people it names with theirs (one step out), then the labels of places, offices and references.
// The deck made from what was fetched is the deck made from the same entities in one file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchJson } from '../../../src/browser/fetch-json'
import { importWikidataEntities, wikidataDeck } from '../../../src/domain/import/wikidata'
import { fetchWikidata, itemIds } from '../../../src/domain/import/wikidata-fetch'
import {
  RECORDINGS as recorded,
  type RecordedWikidata,
  startRecordedWikidata,
} from '../../fixtures/wikidata/recorded-server'

let server: RecordedWikidata
let base = ''
beforeAll(async () => {
  server = await startRecordedWikidata()
  base = server.url
})
afterAll(() => server.close())

describe('fetching from Wikidata', () => {
  it('reads item ids from what a teacher types: ids, addresses, any separator', () => {
    expect(itemIds('Q9001, q9002\nhttps://www.wikidata.org/wiki/Q9003 Q9001')).toEqual(['Q9001', 'Q9002', 'Q9003'])
  })

  it('fetches the item, the people it names, then the labels, and makes the same deck as the file', async () => {
    server.requests.length = 0
    const fetched = await fetchWikidata(['Q9001'], { fetchJson, language: 'en', expand: true, instance: base })
    expect(fetched.ok).toBe(true)
    if (!fetched.ok) return
    expect(server.requests.map((r) => r.get('props'))).toEqual([
      'labels|descriptions|aliases|claims',
      'labels|descriptions|aliases|claims',
      'labels',
    ])
    expect(server.requests[0]?.get('languages')).toBe('en|mul')
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
    server.fail = true
    const fetched = await fetchWikidata(['Q9001'], { fetchJson, language: 'en', expand: false, instance: base })
    server.fail = false
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
