// The grade bar: four buttons named Again/Hard/Good/Easy, each showing the interval it gives;
// keys 1–4 grade, and Space/Enter take the suggested grade.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import StudyGradeBar from '../../src/components/study/StudyGradeBar.vue'
import type { Grade, IntervalPreview } from '../../src/domain/scheduling/types'

const now = Date.UTC(2026, 0, 1)
const intervals: Record<Grade, IntervalPreview> = {
  1: { due: now + 60_000, label: '1m' },
  2: { due: now + 6 * 60_000, label: '6m' },
  3: { due: now + 10 * 60_000, label: '10m' },
  4: { due: now + 8 * 86_400_000, label: '8d' },
}

function press(key: string) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

describe('StudyGradeBar', () => {
  let wrapper: ReturnType<typeof mount> | undefined
  afterEach(() => wrapper?.unmount())

  it('names its buttons Again, Hard, Good, Easy and shows the interval each gives', () => {
    wrapper = mount(StudyGradeBar, { props: { intervals, now }, attachTo: document.body })
    const buttons = wrapper.findAll('button')
    expect(buttons.map((b) => b.find('.grade-name').text())).toEqual(['Again', 'Hard', 'Good', 'Easy'])
    expect(buttons.map((b) => b.find('.grade-interval').text())).toEqual(['1m', '6m', '10m', '8d'])
    const described = document.getElementById(buttons[3]!.attributes('aria-describedby')!)
    expect(described?.textContent).toBe('Next review in 8 days')
  })

  it('grades with a click', async () => {
    wrapper = mount(StudyGradeBar, { props: { intervals, now }, attachTo: document.body })
    await wrapper.findAll('button')[2]!.trigger('click')
    expect(wrapper.emitted('grade')).toEqual([[3]])
  })

  it.each([
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['4', 4],
  ])('grades %s with key %s', (key, grade) => {
    wrapper = mount(StudyGradeBar, { props: { intervals, now }, attachTo: document.body })
    press(key)
    expect(wrapper.emitted('grade')).toEqual([[grade]])
  })

  it('takes the suggested grade on Space, and Good when none is suggested', async () => {
    wrapper = mount(StudyGradeBar, { props: { intervals, now, suggested: 2 as Grade }, attachTo: document.body })
    expect(wrapper.find('.grade-2').classes()).toContain('suggested')
    press(' ')
    await wrapper.setProps({ suggested: undefined })
    press('Enter')
    expect(wrapper.emitted('grade')).toEqual([[2], [3]])
  })

  it('ignores keys and clicks while disabled, and stops listening once unmounted', async () => {
    wrapper = mount(StudyGradeBar, { props: { intervals, now, disabled: true }, attachTo: document.body })
    press('3')
    await wrapper.findAll('button')[0]!.trigger('click')
    expect(wrapper.emitted('grade')).toBeUndefined()
    await wrapper.setProps({ disabled: false })
    wrapper.unmount()
    press('3')
    expect(wrapper.emitted('grade')).toBeUndefined()
    wrapper = undefined
  })
})
