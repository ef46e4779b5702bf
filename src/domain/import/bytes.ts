// base64url (RFC 4648 section 5, no padding) and a size-bounded inflate, for share links.
import { Unzlib } from 'fflate'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Map([...ALPHABET].map((ch, i) => [ch, i]))

export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63]
  }
  return out
}

/** undefined when `text` holds characters outside the alphabet or has an impossible length. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((text.length * 6) / 8))
  let bits = 0
  let value = 0
  let j = 0
  for (const ch of text) {
    const v = LOOKUP.get(ch)
    if (v === undefined) return undefined
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[j++] = (value >> bits) & 0xff
    }
  }
  return out
}

/**
 * Inflate zlib data, stopping as soon as the output would pass `maxBytes`: input is pushed in small
 * chunks, so even a maximal-ratio stream cannot allocate much more than the limit.
 */
export function inflateBounded(
  data: Uint8Array,
  maxBytes: number,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'invalid' } {
  const chunks: Uint8Array[] = []
  let total = 0
  let tooLarge = false
  const stream = new Unzlib((chunk) => {
    total += chunk.length
    if (total > maxBytes) tooLarge = true
    else chunks.push(chunk)
  })
  try {
    const step = 1024
    for (let i = 0; i < data.length && !tooLarge; i += step)
      stream.push(data.subarray(i, i + step), i + step >= data.length)
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (tooLarge) return { ok: false, reason: 'too-large' }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  // fflate does not check zlib's trailing Adler-32; a damaged link must not pass as a deck.
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  if (data.length < 6 || view.getUint32(data.length - 4) !== adler32(out)) return { ok: false, reason: 'invalid' }
  return { ok: true, bytes: out }
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(i + 5552, bytes.length)
    for (; i < end; i++) {
      a += bytes[i] ?? 0
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}
