// Bytes to text and file names to deck ids: shared by the text importers.
import { slugify as deckSlugify } from '../deck/structure'

export type DecodedText = { ok: true; text: string } | { ok: false; message: string }

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
    return {
      ok: false,
      message: 'This file is not UTF-8 text. Save or export it again as UTF-8 (in Excel: "CSV UTF-8").',
    }
  }
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
