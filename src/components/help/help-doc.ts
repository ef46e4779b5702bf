// The shape of a help page (docs/*.md read at build time by scripts/help-doc.ts): a small tree the
// help components render as text, so no HTML from the markdown ever reaches the page.

// Inline content is the bulk of a page, so it is written compactly: text is a plain string.
export type HelpInline =
  | string
  | { code: string }
  | { strong: HelpInline[] }
  | { em: HelpInline[] }
  /** `link` is `#heading-id` (a heading on the same page) or an http(s) address. */
  | { link: string; children: HelpInline[] }
  | { br: true }

export type HelpBlock =
  | { type: 'heading'; depth: number; id: string; children: HelpInline[] }
  | { type: 'paragraph'; children: HelpInline[] }
  /** The text of a tight list item: inline content with no paragraph around it. */
  | { type: 'inline'; children: HelpInline[] }
  | { type: 'code'; lang: string; text: string }
  /** `contents`: a list of links to the page's own headings (rendered as its table of contents). */
  | { type: 'list'; ordered: boolean; start: number; contents: boolean; items: HelpBlock[][] }
  /** `label` names the table (the heading it is under), for the scrolling region around it. */
  | {
      type: 'table'
      label: string
      align: Array<'left' | 'right' | 'center' | null>
      header: HelpInline[][]
      rows: HelpInline[][][]
    }
  | { type: 'blockquote'; children: HelpBlock[] }
  | { type: 'rule' }

export interface HelpDoc {
  /** The text of the page's one level-1 heading. */
  title: string
  blocks: HelpBlock[]
}

/** The plain text of inline content (a heading's name, a table's label). */
export function inlineText(inlines: HelpInline[]): string {
  return inlines
    .map((inline) =>
      typeof inline === 'string'
        ? inline
        : 'code' in inline
          ? inline.code
          : 'br' in inline
            ? ' '
            : inlineText('strong' in inline ? inline.strong : 'em' in inline ? inline.em : inline.children),
    )
    .join('')
}
