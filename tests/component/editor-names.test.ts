// The deck editor shows names, never ids: the people list, a person's father and birthplace, and the
// fields' suggestions read as names; a name typed back is written to the YAML as the entity's id.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import EditorForms from '../../src/components/editor/EditorForms.vue'
import EditorMetaForm from '../../src/components/editor/EditorMetaForm.vue'
import { useDeckEditor } from '../../src/components/editor/use-deck-editor'
import { allByRole, byRole } from './roles'

const yaml = [
  'id: palaiologoi',
  'title: Palaiologoi',
  'sources:',
  '  w: Wikipedia',
  'entities:',
  '  john-vii: { kind: person, name: John VII Palaiologos, father: andronikos-iv, born: { date: 1370, place: constantinople }, source: w }',
  '  andronikos-iv: { kind: person, name: Andronikos IV Palaiologos, source: w }',
  '  manuel-ii: { kind: person, name: Manuel II Palaiologos, source: w }',
  '  constantinople: { kind: place, name: Constantinople }',
  '',
].join('\n')

let wrapper: VueWrapper | undefined
let editor: ReturnType<typeof useDeckEditor>
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('the editor’s forms', () => {
  it('show entities by name and write what is typed back as their ids', async () => {
    const Host = defineComponent({
      setup() {
        editor = useDeckEditor()
        editor.setText(yaml)
        return () => h(EditorForms, { editor })
      },
    })
    wrapper = mount(Host, { attachTo: document.body })
    const root = wrapper.element as HTMLElement
    await flushPromises()
    const people = byRole(root, 'region', /People/)
    expect(people.textContent).toContain('John VII Palaiologos')
    expect(people.textContent).not.toMatch(/john-vii|andronikos-iv/)

    byRole(root, 'button', 'Edit John VII Palaiologos').click()
    await flushPromises()
    const father = byRole(root, 'textbox', 'Father') as HTMLInputElement
    expect(father.value).toBe('Andronikos IV Palaiologos')
    expect((byRole(root, 'textbox', 'Birthplace') as HTMLInputElement).value).toBe('Constantinople')
    const form = byRole(root, 'button', 'Save person').closest('form') as HTMLElement
    expect(allByRole(form, 'textbox', /\bId\b/i)).toHaveLength(0)
    const suggestions = [...root.querySelectorAll('#editor-people option')].map((o) => o.getAttribute('value'))
    expect(suggestions).toContain('Manuel II Palaiologos')
    expect(suggestions).not.toContain('manuel-ii')

    father.value = 'manuel ii palaiologos'
    father.dispatchEvent(new Event('input'))
    byRole(root, 'button', 'Save person')
      .closest('form')!
      .dispatchEvent(new Event('submit', { cancelable: true }))
    await flushPromises()
    expect(editor.text.value).toMatch(/father: manuel-ii/)
    expect(editor.text.value).toMatch(/place: constantinople/)
    expect(editor.text.value).not.toMatch(/Manuel II Palaiologos-2|manuel-ii-palaiologos/)
  })

  it('name the deck’s id as its address, with how to write it', () => {
    const initial = { id: 'palaiologoi', title: 'Palaiologoi', description: '', author: '', licence: '' }
    wrapper = mount(EditorMetaForm, { props: { initial }, attachTo: document.body })
    const address = byRole(document.body, 'textbox', 'Deck address (used in links)') as HTMLInputElement
    expect(address.value).toBe('palaiologoi')
    const hint = document.getElementById(address.getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toMatch(/Lower-case words joined by dashes/)
    expect(allByRole(document.body, 'textbox', /^Id\b/)).toHaveLength(0)
  })
})
