// Decks followed at a URL: a teacher publishes a deck file on any static site, a student subscribes
// to it, and the app brings the published version in when it changes. The pure parts live here:
// which addresses are accepted, the link a teacher hands out, a deck's version and what an update
// would change, told in the learner's terms. Fetching is done by src/browser/published-deck.ts.
import type { Deck } from '../deck/types'
import { digest } from '../random'
import { plural } from '../text/format'
import type { DeckChanges } from './deck-changes'

export interface DeckSubscription {
  deckId: string
  /** Where the teacher publishes the deck file (https, or the app's own origin). */
  url: string
  /** Validators of the version the library holds, sent back so an unchanged file costs a 304. */
  etag?: string
  lastModified?: string
  /** deckVersionHash of the version the library holds. */
  versionHash: string
  subscribedAt: number
  /** Last time a check reached the teacher's site and read an answer (a failed check changes nothing). */
  checkedAt?: number
  /** Apply updates without asking (the learner chose so); otherwise "Update available" waits for them. */
  autoUpdate: boolean
}

export type SubscriptionUrlResult = { ok: true; url: string } | { ok: false; message: string }

/**
 * The address of a published deck, checked before anything is fetched. Only https is accepted (the
 * app's Content-Security-Policy allows no other scheme), and the app's own origin, where a deck
 * published next to a self-hosted copy of the app may be plain http.
 */
export function checkSubscriptionUrl(text: string, appOrigin: string): SubscriptionUrlResult {
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, message: 'Paste the address of the deck file, starting with https://.' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return {
      ok: false,
      message: `"${trimmed}" is not a web address. Paste the full address of the deck file, starting with https://.`,
    }
  }
  if (url.protocol !== 'https:' && url.origin !== appOrigin)
    return {
      ok: false,
      message:
        url.protocol === 'http:'
          ? 'Only https:// addresses can be subscribed to (the app never fetches over plain http). Ask for the https:// address of the deck.'
          : `A deck is fetched over https://, not ${url.protocol}. Paste the web address of the deck file.`,
    }
  if (url.username || url.password)
    return { ok: false, message: 'The address holds a user name or password: ask for a public address of the deck.' }
  url.hash = ''
  return { ok: true, url: url.href }
}

/**
 * The link a teacher hands out (or prints as a QR code): it opens the app's subscribe page with the
 * deck's address filled in. `appBase` is the app's URL with its base path, ending in '/'.
 */
export function subscribeLink(appBase: string, deckUrl: string): string {
  const base = appBase.split('#')[0]?.split('?')[0] ?? appBase
  return `${base.endsWith('/') ? base : `${base}/`}subscribe?url=${encodeURIComponent(deckUrl)}`
}

/** The file name the importer sees (it picks the format by extension): the URL's last path segment. */
export function publishedFileName(url: string): string {
  const path = new URL(url).pathname
  const last = decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1))
  return last || 'deck'
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Names the version of a deck by its content, whatever the file's layout, comments or order of keys. */
export function deckVersionHash(deck: Deck): string {
  return digest(JSON.stringify(deck, (_key, value: unknown) => sortedKeys(value)))
}

function sortedKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  const out = new Map<string, unknown>()
  for (const key of Object.keys(value).sort()) out.set(key, (value as Record<string, unknown>)[key])
  return Object.fromEntries(out)
}

export function hasDeckChanges(changes: DeckChanges): boolean {
  return changes.added.length > 0 || changes.changed.length > 0 || changes.removed.length > 0 || changes.meta.length > 0
}

/**
 * "3 facts changed, 1 card added, 2 facts removed"; "the deck's details changed (title)" when only
 * those did; '' when nothing changed.
 */
export function describeDeckUpdate(changes: DeckChanges): string {
  const parts: string[] = []
  for (const [items, verb] of [
    [changes.changed, 'changed'],
    [changes.added, 'added'],
    [changes.removed, 'removed'],
  ] as const) {
    const cards = items.filter((item) => item.id.startsWith('card:')).length
    const facts = items.length - cards
    if (facts) parts.push(`${plural(facts, 'fact')} ${verb}`)
    if (cards) parts.push(`${plural(cards, 'card')} ${verb}`)
  }
  if (!parts.length && changes.meta.length) return `the deck's details changed (${changes.meta.join(', ')})`
  return parts.join(', ')
}
