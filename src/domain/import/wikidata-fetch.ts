// Fetching the items a Wikidata deck needs: the subjects with their statements, then the labels
// of what they name (places, offices, references' "stated in"), and — one step out, when asked —
// the people they name with their own statements, so questions can name them and wrong options
// can be proven by their dates. wikibase-sdk builds the wbgetentities addresses (50 ids each);
// the caller gives the network (`fetchJson`), so this runs in the browser, in Node and in tests.
import { type EntityId, WBK } from 'wikibase-sdk'
import { type WikidataData, readEntities, referencedItems } from './wikidata'

export const WIKIDATA = 'https://www.wikidata.org'

export interface WikidataFetchOptions {
  /** Reads one address as JSON; throws (or rejects) when the network or the server fails. */
  fetchJson: (url: string) => Promise<unknown>
  language: string
  /** Also fetch the people the subjects name, with their statements (dates, sex). */
  expand: boolean
  /** Another Wikibase (tests serve recorded answers from a local server). */
  instance?: string
}

export type WikidataFetchResult = { ok: true; data: WikidataData } | { ok: false; message: string }

const ITEM = /\bQ[1-9]\d*\b/g

/** The item ids in what a teacher typed or pasted: "Q37106, Q1234", addresses, one a line. */
export function itemIds(text: string): string[] {
  return [...new Set(text.toUpperCase().match(ITEM) ?? [])]
}

function languagesFor(language: string): string[] {
  return [...new Set([language, language.split('-')[0] as string, 'mul', 'en'])]
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export async function fetchWikidata(
  ids: readonly string[],
  options: WikidataFetchOptions,
): Promise<WikidataFetchResult> {
  const wbk = WBK({ instance: options.instance ?? WIKIDATA, sparqlEndpoint: 'https://query.wikidata.org/sparql' })
  const languages = languagesFor(options.language)
  const data: WikidataData = { items: new Map(), labels: new Map(), skipped: [] }
  const get = async (list: string[], props: ('labels' | 'descriptions' | 'aliases' | 'claims')[]) => {
    if (!list.length) return undefined
    for (const url of wbk.getManyEntities({ ids: list as EntityId[], languages, props })) {
      let json: unknown
      try {
        json = await options.fetchJson(url)
      } catch (error) {
        return `Wikidata could not be reached (${(error as Error).message}). Check the connection and try again.`
      }
      if (isObject(json) && isObject(json.error))
        return `Wikidata refused the request: ${String(json.error.info ?? json.error.code ?? 'unknown error')}`
      const read = readEntities(json, options.language, data)
      if (typeof read === 'string') return `Wikidata's answer could not be read: ${read}`
    }
    return undefined
  }
  const failed = await get([...ids], ['labels', 'descriptions', 'aliases', 'claims'])
  if (failed) return { ok: false, message: failed }
  const missing = ids.filter((id) => !data.items.has(id))
  if (missing.length)
    data.skipped.push({
      line: 0,
      text: missing.join(', '),
      reason: 'no such item on Wikidata (or it has been deleted)',
    })
  const named = referencedItems(data, ids)
  const people = named.people.filter((id) => !data.items.has(id))
  const more = await get(people, options.expand ? ['labels', 'descriptions', 'aliases', 'claims'] : ['labels'])
  if (more) return { ok: false, message: more }
  // Labels of everything else named, the expanded people's references included.
  const all = referencedItems(data)
  const unlabelled = [...all.other, ...all.people].filter((id) => !data.labels.has(id) && !data.items.has(id))
  const labels = await get([...new Set(unlabelled)], ['labels'])
  if (labels) return { ok: false, message: labels }
  return { ok: true, data }
}
