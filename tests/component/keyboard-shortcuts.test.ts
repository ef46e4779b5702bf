// useKeyboardShortcuts: keys reach the app's shortcuts unless they belong to the focused element
// (typing in a field, Space/Enter on a button); Enter in a text field, and Space in an empty one,
// still reach them.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useKeyboardShortcuts } from '../../src/composables/useKeyboardShortcuts'

const pressed: string[] = []
const enabled = ref(true)

const Harness = defineComponent({
  setup() {
    const record = (name: string) => () => void pressed.push(name)
    useKeyboardShortcuts(
      { ' ': record('space'), Enter: record('enter'), '1': record('one'), a: record('a') },
      { enabled },
    )
    return () =>
      h('div', [
        h('input', { id: 'field', type: 'text' }),
        h('button', { id: 'button', type: 'button' }, 'A button'),
        h('p', { id: 'text' }, 'Text'),
      ])
  },
})

function press(target: EventTarget, key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

describe('useKeyboardShortcuts', () => {
  let wrapper: ReturnType<typeof mount> | undefined
  afterEach(() => {
    wrapper?.unmount()
    pressed.length = 0
    enabled.value = true
  })

  it('runs the handler for a key pressed on the page and prevents its default', () => {
    wrapper = mount(Harness, { attachTo: document.body })
    const event = press(document.getElementById('text')!, ' ')
    press(document.body, '1')
    press(document.body, 'A') // letters match case-insensitively
    expect(pressed).toEqual(['space', 'one', 'a'])
    expect(event.defaultPrevented).toBe(true)
  })

  it('leaves keys typed into a text field alone, except Enter', () => {
    wrapper = mount(Harness, { attachTo: document.body })
    const field = document.getElementById('field') as HTMLInputElement
    field.value = 'Andronikos'
    press(field, ' ')
    press(field, '1')
    press(field, 'a')
    press(field, 'Enter')
    expect(pressed).toEqual(['enter'])
  })

  it('lets Space through from an empty field, where it would type nothing useful', () => {
    wrapper = mount(Harness, { attachTo: document.body })
    press(document.getElementById('field')!, ' ')
    expect(pressed).toEqual(['space'])
  })

  it('leaves Space and Enter on a button to the button, but digits still work there', () => {
    wrapper = mount(Harness, { attachTo: document.body })
    const button = document.getElementById('button')!
    press(button, ' ')
    press(button, 'Enter')
    press(button, '1')
    expect(pressed).toEqual(['one'])
  })

  it('ignores modified keys, auto-repeat, events already handled, and keys while disabled', () => {
    wrapper = mount(Harness, { attachTo: document.body })
    press(document.body, '1', { ctrlKey: true })
    press(document.body, '1', { repeat: true })
    const handled = new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true })
    handled.preventDefault()
    document.body.dispatchEvent(handled)
    enabled.value = false
    press(document.body, '1')
    expect(pressed).toEqual([])
  })

  it('stops listening when the component unmounts', () => {
    wrapper = mount(Harness, { attachTo: document.body })
    wrapper.unmount()
    wrapper = undefined
    press(document.body, '1')
    expect(pressed).toEqual([])
  })
})
