// Bytes to text and file names to deck ids: shared by the text importers.
import { slugify as deckSlugify } from '../deck/structure'

export type DecodedText =
  | { ok: true; text: string }
  | {
      ok: false
      message: string
      /** 0-based offset of the first byte that is not UTF-8. */ offset?: number
      line?: number
    }

/**
 * Decode a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM, as Excel and old Anki
 * versions write it. Anything else is refused rather than turned into mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) }
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return { ok: true, text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)) }
    // TextDecoder drops a UTF-8 BOM by itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    const offset = bytes[0] === 0xff || bytes[0] === 0xfe ? undefined : firstInvalidUtf8(bytes)
    if (offset === undefined)
      return {
        ok: false,
        message: 'This file is not UTF-8 text. Save or export it again as UTF-8 (in Excel: "CSV UTF-8").',
      }
    let line = 1
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
    return {
      ok: false,
      offset,
      line,
      message: `This file is not UTF-8 text: the byte at offset ${offset.toLocaleString('en')} (line ${line}) is 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}, which UTF-8 does not allow there (Latin-1 or Windows-1252 text?). Save or export it again as UTF-8 (in Excel: "CSV UTF-8").`,
    }
  }
}

/** 0-based offset of the first byte that does not belong to a well-formed UTF-8 sequence, or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    // Length and the allowed range of the second byte (no overlong forms, no surrogates, ≤ U+10FFFF).
    let length: number
    let low = 0x80
    let high = 0xbf
    if (b >= 0xc2 && b <= 0xdf) length = 2
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3
      if (b === 0xe0) low = 0xa0
      if (b === 0xed) high = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4
      if (b === 0xf0) low = 0x90
      if (b === 0xf4) high = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      const min = k === 1 ? low : 0x80
      const max = k === 1 ? high : 0xbf
      if (next === undefined || next < min || next > max) return i
    }
    i += length
  }
  return undefined
}

/** `Byzantine Emperors (2024)` → `byzantine-emperors-2024`: a slug valid as an id, at most 60 characters. */
export function slugify(text: string, fallback = 'imported-deck'): string {
  // The deck format's slugify answers 'id' when nothing is left.
  const slug = deckSlugify(text).slice(0, 60).replace(/-+$/, '')
  return slug === 'id' && !/\bid\b/i.test(text) ? fallback : slug
}

/** `folder/My deck.apkg` → `My deck`. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

/** A deck title from a file name: `greek_vocab-list.csv` → `Greek vocab list`; `Byzantine coins.csv` stays. */
export function titleFromFileName(fileName: string): string {
  const words = baseName(fileName).replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim()
  if (!words) return baseName(fileName)
  return words === words.toLowerCase() ? words.charAt(0).toUpperCase() + words.slice(1) : words
}

/** Lower-case extension without the dot: `deck.YAML` → `yaml`; '' when there is none. */
export function extensionOf(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** Lines of a text with their 1-based numbers; `\r\n`, `\r` and `\n` all end a line. */
export function numberedLines(text: string): Array<{ line: number; text: string }> {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t }))
}
