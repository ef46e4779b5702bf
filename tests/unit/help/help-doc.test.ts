// The help pages are docs/*.md read at build time into a tree of text: headings get GitHub's ids,
// in-page links must reach a heading, links to repository files keep only their text, a link that is
// not http(s) never becomes one, entities are decoded once, and markdown the app cannot show stops the
// build with the file and line.
import { describe, expect, it } from 'vitest'
import { compileHelpDoc, HelpDocError } from '../../../scripts/help-doc'

const page = (...lines: string[]) => lines.join('\n')

describe('compileHelpDoc', () => {
  it('reads headings, paragraphs, code, lists and tables as text', () => {
    const doc = compileHelpDoc(
      page(
        '# Writing a deck',
        '',
        '- [Dates](#dates-born)',
        '',
        '## Dates (`born`)',
        '',
        'Write **1370** or *c. 1366*; `<b>` stays code &amp; text.',
        '',
        '```yaml',
        'born: 1370',
        '```',
        '',
        '| field | meaning |',
        '| --- | --- |',
        '| `born` | [see](#dates-born) |',
      ),
    )
    expect(doc.title).toBe('Writing a deck')
    expect(doc.blocks).toEqual([
      { type: 'heading', depth: 1, id: 'writing-a-deck', children: ['Writing a deck'] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        contents: true,
        items: [[{ type: 'inline', children: [{ link: '#dates-born', children: ['Dates'] }] }]],
      },
      { type: 'heading', depth: 2, id: 'dates-born', children: ['Dates (', { code: 'born' }, ')'] },
      {
        type: 'paragraph',
        children: [
          'Write ',
          { strong: ['1370'] },
          ' or ',
          { em: ['c. 1366'] },
          '; ',
          { code: '<b>' },
          ' stays code & text.',
        ],
      },
      { type: 'code', lang: 'yaml', text: 'born: 1370' },
      {
        type: 'table',
        label: 'Dates (born)',
        align: [null, null],
        header: [['field'], ['meaning']],
        rows: [[[{ code: 'born' }], [{ link: '#dates-born', children: ['see'] }]]],
      },
    ])
  })

  it('keeps web links, and only the text of links to files or other schemes', () => {
    const doc = compileHelpDoc(
      page(
        '# Help',
        '',
        'See [`tudors.yaml`](examples/tudors.yaml), [sharp](https://sharp.pixelplumbing.com/) and [this](javascript:alert(1)).',
      ),
    )
    expect(doc.blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        'See ',
        { code: 'tudors.yaml' },
        ', ',
        { link: 'https://sharp.pixelplumbing.com/', children: ['sharp'] },
        ' and this.',
      ],
    })
  })

  it('stops at a link to no heading, raw HTML, or a page without one h1, naming the file and line', () => {
    expect(() => compileHelpDoc(page('# Help', '', 'Text.', '', 'See [dates](#dates).'), 'docs/x.md')).toThrow(
      /^docs\/x\.md:5: the link to #dates goes to no heading/,
    )
    expect(() => compileHelpDoc(page('# Help', '', '<div>hi</div>'), 'docs/x.md')).toThrow(
      /^docs\/x\.md:3: raw HTML \(<div>hi<\/div>\) is not shown in the app/,
    )
    expect(() => compileHelpDoc(page('Intro.', '', '# Help'), 'docs/x.md')).toThrow(HelpDocError)
    expect(() => compileHelpDoc(page('# Help', '', '# Again'), 'docs/x.md')).toThrow(/one level-1 heading/)
  })

  it('reads the whole deck format page, every in-page link reaching a heading', async () => {
    const { readFile } = await import('node:fs/promises')
    const markdown = await readFile(new URL('../../../docs/deck-format.md', import.meta.url), 'utf8')
    const doc = compileHelpDoc(markdown, 'docs/deck-format.md')
    expect(doc.title).toBe('Writing a deck')
    expect(doc.blocks.filter((b) => b.type === 'table').map((b) => b.type === 'table' && b.label)).toContain('The deck')
  })
})
