// The deck format's help page in the app: the editor's YAML tab links to it (in a new tab, so the
// deck being written is not lost), and the page shows docs/deck-format.md as text — one h1, headings
// in order with the ids its own links point to, its code examples and tables, and no link to a file
// of the repository, which the app does not serve.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, RouterView } from 'vue-router'
import EditorYaml from '../../src/components/editor/EditorYaml.vue'
import { useDeckEditor } from '../../src/components/editor/use-deck-editor'
import { createAppRouter } from '../../src/router'
import { allByRole, byRole } from './roles'

const markdown = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'deck-format.md'), 'utf8')

let wrapper: VueWrapper | undefined
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

/** Mounts what `setup` returns to render, under the app's own router at `path`. */
async function mountApp(path: string, setup: () => () => ReturnType<typeof h>) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  wrapper = mount(defineComponent({ setup }), {
    global: { plugins: [router] },
    attachTo: document.body,
  })
  await flushPromises()
  return { router, root: document.body }
}

describe('the deck format help page', () => {
  it('is linked from the editor’s YAML tab, opening in a new tab', async () => {
    const { router, root } = await mountApp('/editor/new', () => {
      const editor = useDeckEditor()
      return () => h(EditorYaml, { editor })
    })
    const link = byRole(root, 'link', 'Writing a deck')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(router.resolve(link.getAttribute('href') ?? '').name).toBe('help-deck-format')
    expect(root.textContent).not.toContain('docs/deck-format.md')
  })

  it('shows the doc: one h1, headings in order, its examples, tables and contents', async () => {
    const { root } = await mountApp('/help/deck-format', () => () => h(RouterView))
    await flushPromises()
    const article = byRole(root, 'article', 'Writing a deck')
    const headings = allByRole(article, 'heading')
    const levels = headings.map((el) => Number(el.tagName.slice(1)))
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    expect(levels[0]).toBe(1)
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1)
    // As many headings as the markdown has (outside its code blocks), with GitHub's ids.
    const outsideCode = markdown.replace(/^```[\s\S]*?^```/gm, '')
    expect(headings).toHaveLength(outsideCode.match(/^#{1,6} /gm)?.length ?? 0)
    expect(byRole(article, 'heading', 'Pictures (image)').id).toBe('pictures-image')

    // The complete example, as text, in a code block.
    const code = [...article.querySelectorAll('pre code')].map((el) => el.textContent ?? '')
    expect(code).toHaveLength((markdown.match(/^```\w*$/gm)?.length ?? 0) / 2)
    expect(code.some((text) => text.startsWith('# yaml-language-server') && text.includes('id: john-vii-short'))).toBe(
      true,
    )
    expect(byRole(article, 'table', 'The deck').textContent).toContain('licence')

    // Every in-page link goes to a heading on the page; no link points at a repository file.
    const contents = byRole(article, 'navigation', 'On this page')
    expect(allByRole(contents, 'link').map((a) => a.textContent)).toContain('Dates')
    const links = allByRole(article, 'link')
    for (const a of links) {
      const href = a.getAttribute('href') ?? ''
      if (href.startsWith('#')) expect(article.querySelector(`[id="${href.slice(1)}"]`), href).not.toBeNull()
      else expect(href, a.textContent ?? '').toMatch(/^https:\/\//)
    }
    expect(links.some((a) => a.getAttribute('href') === '#dates')).toBe(true)
    expect(article.textContent).toContain('docs/examples/tudors.yaml')
    expect(links.some((a) => a.textContent === 'docs/examples/tudors.yaml')).toBe(false)
  })
})
