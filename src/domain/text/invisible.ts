// Characters that take no space or change the direction of the text around them. Pasted from a
// web page they make "John\u200B VII" a second person beside "John VII", a name of zero-width
// spaces look filled in, and U+202E show a title backwards. Deck text is compared without them,
// warned about inside names, and escaped in every terminal message together with control
// characters (an ESC[2J in a source title must not clear the user's terminal).

/** Zero-width characters: spaces, joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator. */
const ZERO_WIDTH = String.raw`\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E`
/** Bidirectional controls: marks, embeddings, overrides and isolates. */
const BIDI = String.raw`\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069`

// The zero-width joiner is meant alone here, not as part of a joined sequence.
/* eslint-disable no-misleading-character-class */
const INVISIBLE_RE = new RegExp(`[${ZERO_WIDTH}${BIDI}]`, 'gu')
const ONE_INVISIBLE = new RegExp(`[${ZERO_WIDTH}${BIDI}]`, 'u')
/** Matches text with at least one character that shows (no flags: the JSON Schema has it too; all BMP). */
export const VISIBLE_TEXT = new RegExp(`[^\\s${ZERO_WIDTH}${BIDI}]`)
/* eslint-enable no-misleading-character-class */

const NAMES = new Map<string, string>([
  ['\u200B', 'zero-width space'],
  ['\u200C', 'zero-width non-joiner'],
  ['\u200D', 'zero-width joiner'],
  ['\u2060', 'word joiner'],
  ['\uFEFF', 'zero-width no-break space'],
  ['\u00AD', 'soft hyphen'],
  ['\u180E', 'Mongolian vowel separator'],
  ['\u200E', 'left-to-right mark'],
  ['\u200F', 'right-to-left mark'],
  ['\u061C', 'Arabic letter mark'],
  ['\u202A', 'left-to-right embedding'],
  ['\u202B', 'right-to-left embedding'],
  ['\u202C', 'pop directional formatting'],
  ['\u202D', 'left-to-right override'],
  ['\u202E', 'right-to-left override'],
  ['\u2066', 'left-to-right isolate'],
  ['\u2067', 'right-to-left isolate'],
  ['\u2068', 'first strong isolate'],
  ['\u2069', 'pop directional isolate'],
])

/** The text without zero-width and bidirectional control characters. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '')
}

export function hasInvisible(text: string): boolean {
  return ONE_INVISIBLE.test(text)
}

/** True when something would show: not only spaces, zero-width or direction characters. */
export function isVisibleText(text: string): boolean {
  return removeInvisible(text).trim() !== ''
}

/** The key two names are compared by: invisible characters removed, spaces collapsed. */
export function nameKey(text: string): string {
  return removeInvisible(text).normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** "U+200B zero-width space" for the first invisible character of `text`, or undefined. */
export function describeInvisible(text: string): string | undefined {
  const ch = ONE_INVISIBLE.exec(text)?.[0]
  if (ch === undefined) return undefined
  const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
  return `U+${code} ${NAMES.get(ch) ?? 'invisible character'}`
}

// C0 controls but tab and line feed, DEL, C1 controls (0x9B is a terminal's CSI), bidi controls.
const CONTROL_RE = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${BIDI}]`, 'gu')

/** `ESC[2J` → `\x1B[2J`: text safe to print on a terminal; tabs and line breaks are kept. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL_RE, (ch) => {
    const code = ch.codePointAt(0) ?? 0
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u{${code.toString(16).toUpperCase()}}`
  })
}
