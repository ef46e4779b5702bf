// Anki fields are HTML. We keep only their text: tags are dropped (never rendered), entities decoded.
// The result is plain text for `{{ }}` interpolation, so `&lt;script&gt;` becomes the literal
// characters `<script>`, shown as text and never run.
import { decodeHTML } from 'entities/decode'

export interface HtmlText {
  text: string
  /** `<img>`, `<audio>`, `<video>` tags and Anki `[sound:…]` references dropped. */
  media: number
}

const BLOCK = new Set([
  'br',
  'div',
  'p',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'hr',
  'blockquote',
  'pre',
])
const MEDIA = new Set(['img', 'audio', 'video', 'source', 'object', 'embed', 'iframe'])
const DROP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title'])

/**
 * Entities decoded as a browser decodes them (all 2,231 HTML names, numeric references, the
 * legacy names without `;`); unknown names such as `&constructor;` stay as written. The soft
 * hyphen is only a line-break hint, so it goes.
 */
export function decodeEntities(text: string): string {
  return decodeHTML(text).replaceAll('\u00ad', '')
}

/** End of the tag starting at `start` (index of `<`), skipping `>` inside quoted attribute values. */
function tagEnd(html: string, start: number): number {
  let quote = ''
  for (let i = start + 1; i < html.length; i++) {
    const ch = html[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '>') return i
  }
  return -1
}

export function htmlToText(html: string): HtmlText {
  let out = ''
  let media = 0
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt === -1) {
      out += html.slice(i)
      break
    }
    out += html.slice(i, lt)
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4)
      i = close === -1 ? html.length : close + 3
      continue
    }
    const match = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)|^<!/.exec(html.slice(lt, lt + 40))
    if (!match) {
      // "a < b": a lone `<` is text.
      out += '<'
      i = lt + 1
      continue
    }
    const end = tagEnd(html, lt)
    if (end === -1) {
      // An unclosed tag runs to the end: drop it, as a browser would not show it either.
      break
    }
    const name = (match[1] ?? '').toLowerCase()
    const closing = html[lt + 1] === '/'
    i = end + 1
    if (MEDIA.has(name) && !closing) media++
    if (BLOCK.has(name)) out += '\n'
    if (DROP_CONTENT.has(name) && !closing) {
      const close = html.toLowerCase().indexOf(`</${name}`, i)
      if (close === -1) break
      const closeEnd = tagEnd(html, close)
      i = closeEnd === -1 ? html.length : closeEnd + 1
    }
  }
  const withoutSounds = out.replace(/\[sound:[^\]]*\]/g, () => {
    media++
    return ''
  })
  const text = decodeEntities(withoutSounds)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
  return { text, media }
}

/** Fields that are HTML in practice: Anki's `<br>`, `<div>` or `&nbsp;`. */
export function looksLikeHtml(text: string): boolean {
  return /<br\s*\/?>|<\/?div[\s>]|<\/?p>|<\/?(b|i|u|span)[\s>]|&nbsp;|&amp;|&lt;|&gt;|&quot;/i.test(text)
}
