// Fetching a deck a teacher published at a URL: the only network code of the app. A conditional
// request asks for the file only when it changed; every failure (offline, unreachable, timeout,
// an HTTP error, a file too large) comes back as a sentence for the learner, never as a throw, so
// the caller can keep the library exactly as it was.
import { MAX_FILE_BYTES } from '../domain/import/limits'
import { formatBytes, plural } from '../domain/text/format'

export interface Validators {
  etag?: string
  lastModified?: string
}

export type FetchFailure = 'offline' | 'unreachable' | 'timeout' | 'http' | 'too-large'

export type FetchedDeck =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; bytes: Uint8Array; etag?: string; lastModified?: string }
  | { kind: 'failed'; reason: FetchFailure; message: string }

export interface FetchDeckOptions {
  /** The app's origin: a same-origin address gets explicit If-None-Match / If-Modified-Since. */
  appOrigin: string
  /** False when the browser knows it is offline (navigator.onLine): nothing is fetched. */
  online?: boolean
  timeoutMs?: number
  fetch?: typeof fetch
}

export const FETCH_TIMEOUT_MS = 15_000

const UNCHANGED = 'Nothing was changed.'

/**
 * Asks for the published file, sending back the validators of the version the library holds.
 *
 * Same origin: If-None-Match / If-Modified-Since are sent as headers (the server answers 304).
 * Another origin: custom request headers would make the browser send a CORS preflight, which
 * static hosts (GitHub Pages, school sites) often refuse; `cache: 'no-cache'` makes the browser
 * revalidate its own cached copy with the same validators instead, a conditional request too,
 * whose 304 it turns into the cached 200. The caller then sees the content unchanged (its hash).
 */
export async function fetchPublishedDeck(
  url: string,
  validators: Validators,
  options: FetchDeckOptions,
): Promise<FetchedDeck> {
  if (options.online === false)
    return {
      kind: 'failed',
      reason: 'offline',
      message: `You are offline: the deck stays as it is and is checked again when you are back online. ${UNCHANGED}`,
    }
  const sameOrigin = new URL(url).origin === options.appOrigin
  const headers = new Headers()
  if (sameOrigin && validators.etag) headers.set('If-None-Match', validators.etag)
  if (sameOrigin && validators.lastModified) headers.set('If-Modified-Since', validators.lastModified)
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const host = new URL(url).host
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers,
      cache: sameOrigin ? 'no-store' : 'no-cache',
      credentials: 'omit',
      redirect: 'follow',
      signal: controller.signal,
    })
    if (response.status === 304) return { kind: 'not-modified' }
    if (!response.ok) return { kind: 'failed', reason: 'http', message: httpMessage(response, host) }
    const declared = Number(response.headers.get('Content-Length') ?? '0')
    if (declared > MAX_FILE_BYTES) return tooLarge(declared)
    const bytes = new Uint8Array(await response.arrayBuffer())
    if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length)
    const etag = response.headers.get('ETag') ?? undefined
    const lastModified = response.headers.get('Last-Modified') ?? undefined
    return {
      kind: 'fetched',
      bytes,
      ...(etag === undefined ? {} : { etag }),
      ...(lastModified === undefined ? {} : { lastModified }),
    }
  } catch (error) {
    if (controller.signal.aborted)
      return {
        kind: 'failed',
        reason: 'timeout',
        message: `${host} did not answer within ${plural(Math.max(1, Math.round(timeoutMs / 1000)), 'second')}. ${UNCHANGED}`,
      }
    // A network failure, a refused connection, or a site that does not allow the app to read it (CORS).
    const detail = error instanceof Error && error.message ? ` (${error.message})` : ''
    return {
      kind: 'failed',
      reason: 'unreachable',
      message: `${host} could not be reached${detail}. Check your connection, or whether the site lets other sites read the file (CORS). ${UNCHANGED}`,
    }
  } finally {
    clearTimeout(timer)
  }
}

function httpMessage(response: Response, host: string): string {
  const code = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
  if (response.status === 404 || response.status === 410)
    return `The deck is no longer at this address on ${host} (${code}): the teacher may have moved it. ${UNCHANGED}`
  if (response.status === 401 || response.status === 403)
    return `${host} refused to give the deck (${code}): it must be published where anyone can read it. ${UNCHANGED}`
  return `${host} answered ${code} instead of the deck. Try again later. ${UNCHANGED}`
}

function tooLarge(bytes: number): FetchedDeck {
  return {
    kind: 'failed',
    reason: 'too-large',
    message: `The published file is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_FILE_BYTES)}. ${UNCHANGED}`,
  }
}
