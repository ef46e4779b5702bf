// Share links carry the deck itself, so a teacher needs no server:
//   https://…/import#deck=<base64url(zlib(JSON of the deck file))>
// The fragment never reaches a server. Opening the link validates the deck like any imported file.
import { validateDeckObject } from '../deck/validate'
import { deckToFileObject } from '../deck/serialize'
import type { Deck } from '../deck/types'
import { zlibSync } from 'fflate'
import { fromBase64Url, inflateBounded, toBase64Url } from './bytes'
import { type ImportIssue, fileError } from './issues'
import { formatBytes } from '../text/format'
import { MAX_LINK_DECK_BYTES } from './limits'

const PARAM = 'deck'

export function encodeDeckLink(deck: Deck, baseUrl: string): string {
  const json = JSON.stringify(deckToFileObject(deck))
  const packed = zlibSync(new TextEncoder().encode(json), { level: 9 })
  const base = baseUrl.split('#')[0] ?? baseUrl
  return `${base}#${PARAM}=${toBase64Url(packed)}`
}

/** The payload of a link, a fragment (`#deck=…`) or the part after `deck=`; undefined if none. */
export function deckLinkPayload(linkOrFragment: string): string | undefined {
  const hash = linkOrFragment.indexOf('#')
  const fragment = hash === -1 ? linkOrFragment : linkOrFragment.slice(hash + 1)
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${PARAM}=`)) return part.slice(PARAM.length + 1).trim()
  }
  return undefined
}

const DAMAGED =
  'This link is incomplete or damaged: it may have been cut off when it was copied. Ask for the link again, or for the deck file.'

export function decodeDeckLink(linkOrFragment: string): { deck?: Deck; issues: ImportIssue[] } {
  const payload = deckLinkPayload(linkOrFragment)
  if (payload === undefined || payload === '')
    return { issues: [fileError('link-invalid', 'This link carries no deck (it has no "#deck=…" part).', 'link')] }
  // A base64 payload is 4/3 of the compressed deck, which is smaller than the deck.
  if (payload.length > (MAX_LINK_DECK_BYTES * 4) / 3)
    return { issues: [fileError('link-too-large', `This link is longer than any deck Stavraton shares.`, 'link')] }
  const packed = fromBase64Url(payload)
  if (!packed) return { issues: [fileError('link-invalid', DAMAGED, 'link')] }
  const inflated = inflateBounded(packed, MAX_LINK_DECK_BYTES)
  if (!inflated.ok) {
    const message =
      inflated.reason === 'too-large'
        ? `The deck in this link unpacks to more than ${formatBytes(MAX_LINK_DECK_BYTES)}; it was not opened.`
        : DAMAGED
    return { issues: [fileError(inflated.reason === 'too-large' ? 'link-too-large' : 'link-invalid', message, 'link')] }
  }
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes))
  } catch {
    return { issues: [fileError('link-invalid', DAMAGED, 'link')] }
  }
  return validateDeckObject(raw, { file: 'link' })
}
