// Build step: the app's help pages are the markdown files in docs/, read at build time into the
// small tree of src/components/help/help-doc.ts, which the help components render as text. Nothing
// of the markdown parser (marked's lexer) reaches the browser, and no HTML is ever produced.
//
// `import doc from '…/docs/deck-format.md?help'` in the app goes through `helpDocs()` (vite.config.ts
// and vitest.config.ts), so `npm test` and `npm run dev` read the file as it is now, with no build.
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { decodeHTML } from 'entities'
import GithubSlugger from 'github-slugger'
import { Lexer, type Token, type Tokens } from 'marked'
import type { Plugin } from 'vite'
import { type HelpBlock, type HelpDoc, type HelpInline, inlineText } from '../src/components/help/help-doc.ts'

/** A markdown file the app cannot show as it is: names the file and line, and what to change. */
export class HelpDocError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`)
    this.name = 'HelpDocError'
  }
}

const isHeading = (token: Token): token is Tokens.Heading => token.type === 'heading'

/**
 * The markdown of a help page as a tree of text. Headings get the ids GitHub gives them, so links
 * to `#a-heading` work in the app as on GitHub (a link to a heading that does not exist is an
 * error). Links to other files of the repository (`examples/tudors.yaml`) are kept as their text:
 * the app does not serve those files. Only http(s) links stay links.
 */
export function compileHelpDoc(markdown: string, file = 'help page'): HelpDoc {
  const tokens = new Lexer({ gfm: true }).lex(markdown)
  let line = 1
  const fail = (problem: string): never => {
    throw new HelpDocError(file, line, problem)
  }

  // Heading ids first, so a link may point to a heading further down the page.
  const slugger = new GithubSlugger()
  const ids = new Map<Tokens.Heading, string>()
  for (const token of tokens) {
    if (isHeading(token)) ids.set(token, slugger.slug(inlineText(inlines(token.tokens, false))))
    line += token.raw.split('\n').length - 1
  }
  const known = new Set(ids.values())

  /** `linked`: false while the heading ids are still being made (links are not checked then). */
  function inlines(list: Token[] | undefined, linked = true): HelpInline[] {
    const out: HelpInline[] = []
    const pushText = (text: string) => {
      const last = out.length - 1
      if (typeof out[last] === 'string') out[last] += text
      else if (text) out.push(text)
    }
    for (const token of list ?? []) {
      switch (token.type) {
        case 'text':
          if (token.tokens) out.push(...inlines(token.tokens, linked))
          // A line break inside a paragraph is a space, as on any rendered page.
          else pushText(decodeHTML(token.text).replace(/\n/g, ' '))
          break
        case 'escape':
          pushText(token.text)
          break
        case 'codespan':
          out.push({ code: token.text })
          break
        case 'strong':
          out.push({ strong: inlines(token.tokens, linked) })
          break
        case 'em':
          out.push({ em: inlines(token.tokens, linked) })
          break
        case 'br':
          out.push({ br: true })
          break
        case 'link':
          for (const inline of linked ? link(token as Tokens.Link) : inlines(token.tokens, false))
            if (typeof inline === 'string') pushText(inline)
            else out.push(inline)
          break
        case 'html':
          fail(`raw HTML (${token.raw.trim()}) is not shown in the app: write it in markdown`)
          break
        default:
          fail(`the app's help pages cannot show markdown of type "${token.type}" (${token.raw.trim()})`)
      }
    }
    return out
  }

  function link(token: Tokens.Link): HelpInline[] {
    const children = inlines(token.tokens)
    if (token.href.startsWith('#')) {
      if (!known.has(token.href.slice(1)))
        fail(
          `the link to ${token.href} goes to no heading on this page (the headings' ids are made as GitHub makes them)`,
        )
      return [{ link: token.href, children }]
    }
    if (/^https?:\/\//i.test(token.href)) return [{ link: token.href, children }]
    // A file of the repository (or a mailto:): the app cannot open it, so only its text is kept.
    return children
  }

  let under = ''
  function blocks(list: Token[]): HelpBlock[] {
    const out: HelpBlock[] = []
    for (const token of list) {
      switch (token.type) {
        case 'space':
          break
        case 'heading': {
          const children = inlines(token.tokens)
          under = inlineText(children)
          out.push({ type: 'heading', depth: token.depth, id: ids.get(token as Tokens.Heading) ?? '', children })
          break
        }
        case 'paragraph':
          out.push({ type: 'paragraph', children: inlines(token.tokens) })
          break
        case 'text':
          out.push({
            type: 'inline',
            children: inlines(token.tokens ?? [{ type: 'text', raw: token.raw, text: token.text }]),
          })
          break
        case 'code':
          out.push({ type: 'code', lang: token.lang ?? '', text: token.text })
          break
        case 'list': {
          const items = (token as Tokens.List).items.map((item) => blocks(item.tokens))
          const contents = items.every((item) => {
            const only = item.length === 1 ? item[0] : undefined
            const child = only?.type === 'inline' && only.children.length === 1 ? only.children[0] : undefined
            return typeof child === 'object' && 'link' in child && child.link.startsWith('#')
          })
          const start = typeof token.start === 'number' ? token.start : 1
          out.push({ type: 'list', ordered: token.ordered === true, start, contents, items })
          break
        }
        case 'table': {
          const table = token as Tokens.Table
          out.push({
            type: 'table',
            label: under,
            align: table.align,
            header: table.header.map((cell) => inlines(cell.tokens)),
            rows: table.rows.map((row) => row.map((cell) => inlines(cell.tokens))),
          })
          break
        }
        case 'blockquote':
          out.push({ type: 'blockquote', children: blocks(token.tokens ?? []) })
          break
        case 'hr':
          out.push({ type: 'rule' })
          break
        case 'html':
          fail(`raw HTML (${token.raw.trim()}) is not shown in the app: write it in markdown`)
          break
        default:
          fail(`the app's help pages cannot show markdown of type "${token.type}"`)
      }
    }
    return out
  }

  const out: HelpBlock[] = []
  line = 1
  for (const token of tokens) {
    out.push(...blocks([token]))
    line += token.raw.split('\n').length - 1
  }
  const titles = out.filter((block) => block.type === 'heading' && block.depth === 1)
  line = 1
  if (titles.length !== 1 || out[0] !== titles[0])
    fail(`a help page starts with its one level-1 heading ("# Title") and has no other (found ${titles.length})`)
  const title = titles[0]
  return { title: title?.type === 'heading' ? inlineText(title.children) : '', blocks: out }
}

const QUERY = '?help'

/** Vite: `import doc from './page.md?help'` gives the page as a `HelpDoc` (see above). */
export function helpDocs(): Plugin {
  return {
    name: 'stavraton:help-docs',
    async load(id) {
      if (!id.endsWith(`.md${QUERY}`)) return null
      const file = id.slice(0, -QUERY.length)
      this.addWatchFile(file)
      const doc = compileHelpDoc(await readFile(file, 'utf8'), relative(process.cwd(), file))
      // An object literal: the minifier leaves its keys unquoted, smaller than a JSON string.
      return { code: `export default ${JSON.stringify(doc)}`, map: null }
    },
  }
}
