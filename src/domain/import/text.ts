// Bytes to text and file names to deck ids: shared by the text importers.

export type DecodedText = { ok: true; text: string } | { ok: false; message: string }

/**
 * Decode a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM, as Excel and old Anki
 * versions write it. Anything else is refused rather than turned into mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)) }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)) }
    // TextDecoder drops a UTF-8 BOM by itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, message: 'This file is not UTF-8 text. Save or export it again as UTF-8 (in Excel: "CSV UTF-8").' }
  }
}

/** `Byzantine Emperors (2024).csv` → `byzantine-emperors-2024`; a slug valid as a deck id. */
export function slugify(text: string, fallback = 'imported-deck'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug === '' ? fallback : slug
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
