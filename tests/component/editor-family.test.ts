// The person form's marriages, adoption and siblings, used as a teacher would: people are picked
// by name (no id is shown), every field reaches the YAML, the same form reopened shows them again,
// and a mistake the checker finds (a date it cannot read) is shown at its line and writes nothing.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import EditorForms from '../../src/components/editor/EditorForms.vue'
import { useDeckEditor } from '../../src/components/editor/use-deck-editor'
import { parseDeckText } from '../../src/domain/deck/parse'
import { allByRole, byRole } from './roles'

const yaml = [
  'id: tudors',
  'title: Tudors',
  'sources:',
  '  w: Wikipedia',
  'entities:',
  '  henry-viii: { kind: person, name: Henry VIII, gender: male, source: w }',
  '  anne-boleyn: { kind: person, name: Anne Boleyn, gender: female, source: w }',
  '  jane-seymour: { kind: person, name: Jane Seymour, gender: female, source: w }',
  '  thomas-seymour: { kind: person, name: Thomas Seymour, gender: male, source: w }',
  '  julius-caesar: { kind: person, name: Julius Caesar, gender: male, source: w }',
  '  tiberius: { kind: person, name: Tiberius, gender: male, source: w }',
  '',
].join('\n')

let wrapper: VueWrapper | undefined
let editor: ReturnType<typeof useDeckEditor>
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function mountForms() {
  const Host = defineComponent({
    setup() {
      editor = useDeckEditor()
      editor.setText(yaml)
      return () => h(EditorForms, { editor })
    },
  })
  wrapper = mount(Host, { attachTo: document.body })
  return wrapper.element as HTMLElement
}

async function choose(select: HTMLElement, label: string) {
  const el = select as HTMLSelectElement
  const option = [...el.options].find((o) => o.textContent?.trim() === label)
  if (!option) throw new Error(`no option ${label} in ${[...el.options].map((o) => o.textContent).join(', ')}`)
  el.value = option.value
  el.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function type(input: HTMLElement, value: string) {
  ;(input as HTMLInputElement).value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function click(button: HTMLElement) {
  button.click()
  await flushPromises()
}

async function submit(root: HTMLElement) {
  const form = byRole(root, 'button', 'Save person').closest('form')!
  form.dispatchEvent(new Event('submit', { cancelable: true }))
  await flushPromises()
}

const henry = () => (parseDeckText(editor.text.value).deck?.entities ?? []).length

describe('the person form: marriages, adoption and siblings', () => {
  it('picks people by name and writes marriages, adoption and siblings that reopen unchanged', async () => {
    const root = mountForms()
    await click(byRole(root, 'button', 'Edit Henry VIII'))
    const marriages = byRole(root, 'group', 'Marriages')
    await click(byRole(marriages, 'button', 'Add a marriage'))
    const first = byRole(root, 'group', 'Marriage 1')
    const spouse = byRole(first, 'combobox', /^Spouse/)
    // Names, never ids; Henry is not offered as his own spouse.
    const offered = [...(spouse as HTMLSelectElement).options].map((o) => o.textContent?.trim())
    expect(offered).toEqual([
      'Choose a person',
      'Anne Boleyn',
      'Jane Seymour',
      'Thomas Seymour',
      'Julius Caesar',
      'Tiberius',
    ])
    expect(marriages.textContent).not.toContain('anne-boleyn')
    await choose(spouse, 'Anne Boleyn')
    await type(byRole(first, 'textbox', /^Married/), '25 January 1533')
    await type(byRole(first, 'textbox', /^Marriage ended/), '17 May 1536')
    await choose(byRole(first, 'combobox', /^How it ended/), 'Annulment')
    await type(byRole(first, 'textbox', /^Which marriage of this person/), '2')

    const adoption = byRole(root, 'group', 'Adoption')
    // An adoptive father is a man, or someone whose gender the deck does not give.
    const fathers = [...(byRole(adoption, 'combobox', /^Adoptive father/) as HTMLSelectElement).options]
    expect(fathers.map((o) => o.textContent?.trim())).toEqual([
      'Not given',
      'Thomas Seymour',
      'Julius Caesar',
      'Tiberius',
    ])
    await choose(byRole(adoption, 'combobox', /^Adoptive father/), 'Julius Caesar')
    await click(byRole(adoption, 'button', 'Add an adopted child'))
    await choose(byRole(root, 'combobox', /^Adopted child/), 'Tiberius')

    const siblings = byRole(root, 'group', 'Brothers and sisters')
    await click(byRole(siblings, 'button', 'Add a brother or sister'))
    await choose(byRole(root, 'combobox', /^Brother or sister/), 'Thomas Seymour')
    await choose(byRole(root, 'combobox', /^Full or half/), 'Half (one parent shared)')
    await submit(root)

    expect(byRole(root, 'status').textContent).toContain('Henry VIII saved in the file.')
    const deck = parseDeckText(editor.text.value).deck!
    expect(henry()).toBe(6)
    expect(deck.facts.find((f) => f.id === 'spouse:anne-boleyn:henry-viii')).toMatchObject({
      marriage: { start: { text: '25 January 1533' }, end: { text: '17 May 1536' }, ended: 'annulment', valueOrder: 2 },
    })
    expect(deck.facts.find((f) => f.id === 'adoptiveParent:henry-viii:julius-caesar')).toMatchObject({ role: 'father' })
    expect(deck.facts.find((f) => f.id === 'adoptiveParent:tiberius:henry-viii')).toBeDefined()
    expect(deck.facts.find((f) => f.id === 'sibling:henry-viii:thomas-seymour')).toMatchObject({ half: true })

    // Reopened, the form shows every field again.
    await click(byRole(root, 'button', 'Edit Henry VIII'))
    const again = byRole(root, 'group', 'Marriage 1')
    expect((byRole(again, 'combobox', /^Spouse/) as HTMLSelectElement).selectedOptions[0]?.textContent?.trim()).toBe(
      'Anne Boleyn',
    )
    expect((byRole(again, 'textbox', /^Married/) as HTMLInputElement).value).toBe('25 January 1533')
    expect((byRole(again, 'combobox', /^How it ended/) as HTMLSelectElement).value).toBe('annulment')
    expect((byRole(again, 'textbox', /^Which marriage/) as HTMLInputElement).value).toBe('2')
    expect((byRole(root, 'combobox', /^Full or half/) as HTMLSelectElement).value).toBe('half')
    expect((byRole(root, 'combobox', /^Adopted child/) as HTMLSelectElement).value).toBe('tiberius')

    // Remove buttons say what they remove.
    await click(byRole(root, 'button', 'Remove the marriage to Anne Boleyn'))
    expect(allByRole(root, 'group', 'Marriage 1')).toHaveLength(0)
  })

  it('shows the checker’s located error for a bad marriage date and writes nothing', async () => {
    const root = mountForms()
    const before = editor.text.value
    await click(byRole(root, 'button', 'Edit Henry VIII'))
    await click(byRole(root, 'button', 'Add a marriage'))
    await choose(byRole(root, 'combobox', /^Spouse/), 'Jane Seymour')
    await type(byRole(root, 'textbox', /^Married/), '30 Mai 1536')
    await submit(root)
    const alert = byRole(root, 'alert')
    expect(alert.textContent).toContain('Nothing was saved')
    expect(alert.textContent).toMatch(/deck\.yaml, line \d+, column \d+/)
    expect(alert.textContent).toContain('unknown month `Mai`')
    expect(alert.textContent).toContain('did you mean `May`?')
    expect(editor.text.value).toBe(before)
    // The form stays open with what was typed, to be fixed.
    expect((byRole(root, 'textbox', /^Married/) as HTMLInputElement).value).toBe('30 Mai 1536')
  })
})
