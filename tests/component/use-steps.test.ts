// Work in steps: a small source's result is there at once; a big one's is worked a slice per task
// (no slice past SLICE_MS on the clock it is given) and set in a task of its own; a newer source
// drops the older's work, and an unmounted component's work stops.
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { SLICE_MS, useSteps } from '../../src/composables/useSteps'
import type { Steps } from '../../src/domain/steps'

const STEP_MS = 5
let clock = 0
/** Which task each step ran in. */
let tasks: Array<{ source: string; step: number; task: number }> = []
let task = 0

/** `count` steps of STEP_MS each on the clock, then the source's name, upper-cased. */
function* work(source: { name: string; count: number }): Steps<string> {
  for (let step = 0; step < source.count; step++) {
    clock += STEP_MS
    tasks.push({ source: source.name, step, task })
    yield
  }
  return source.name.toUpperCase()
}

function host(
  initial: { name: string; count: number },
  keep?: (older: { name: string }, newer: { name: string }) => boolean,
) {
  const source = ref(initial)
  const Host = defineComponent({
    setup() {
      const made = useSteps(() => source.value, work, {
        atOnce: (s) => s.count <= 2,
        now: () => clock,
        ...(keep ? { keep } : {}),
      })
      return () => h('p', made.value ?? 'making')
    },
  })
  const wrapper = mount(Host)
  return { wrapper, source }
}

/** Runs the next timer as a task of its own. */
async function nextTask() {
  task++
  await vi.advanceTimersToNextTimerAsync()
}

beforeEach(() => {
  vi.useFakeTimers()
  clock = 0
  tasks = []
  task = 0
})
afterEach(() => vi.useRealTimers())

describe('useSteps', () => {
  it('makes a small source’s result at once', () => {
    const { wrapper } = host({ name: 'small', count: 2 })
    expect(wrapper.text()).toBe('SMALL')
    expect(tasks.map((t) => t.task)).toEqual([0, 0])
  })

  it('works a big source a slice per task, then sets the result in a task of its own', async () => {
    const { wrapper } = host({ name: 'big', count: 10 })
    expect(wrapper.text()).toBe('making')
    expect(tasks).toEqual([])
    for (let i = 0; i < 20 && wrapper.text() === 'making'; i++) await nextTask()
    expect(wrapper.text()).toBe('BIG')
    expect(tasks.map((t) => t.step)).toEqual([...Array(10).keys()])
    const perTask = new Map<number, number>()
    for (const t of tasks) perTask.set(t.task, (perTask.get(t.task) ?? 0) + 1)
    // No slice works past SLICE_MS: at most the steps that fit, and the one that crosses it.
    for (const count of perTask.values()) expect(count * STEP_MS).toBeLessThanOrEqual(SLICE_MS + STEP_MS)
    expect(perTask.size).toBeGreaterThan(1)
    // The result is drawn in a task after the last step's.
    expect(task).toBeGreaterThan(tasks.at(-1)!.task)
  })

  it('drops an older source’s work for a newer one', async () => {
    const { wrapper, source } = host({ name: 'older', count: 10 })
    await nextTask()
    source.value = { name: 'newer', count: 10 }
    for (let i = 0; i < 40; i++) await nextTask()
    expect(wrapper.text()).toBe('NEWER')
    const olderAfter = tasks.filter((t) => t.source === 'older' && t.task > 1)
    expect(olderAfter).toEqual([])
    expect(tasks.filter((t) => t.source === 'older').length).toBeLessThan(10)
  })

  it('keeps the older result shown while the newer is made, when asked to', async () => {
    const sameFamily = (older: { name: string }, newer: { name: string }) => older.name[0] === newer.name[0]
    const { wrapper, source } = host({ name: 'first', count: 10 }, sameFamily)
    for (let i = 0; i < 20; i++) await nextTask()
    expect(wrapper.text()).toBe('FIRST')
    source.value = { name: 'fresh', count: 10 }
    await wrapper.vm.$nextTick()
    expect(wrapper.text()).toBe('FIRST')
    for (let i = 0; i < 20; i++) await nextTask()
    expect(wrapper.text()).toBe('FRESH')
    // Another kind of source: nothing is kept.
    source.value = { name: 'other', count: 10 }
    await wrapper.vm.$nextTick()
    expect(wrapper.text()).toBe('making')
  })

  it('stops when its component is unmounted', async () => {
    const { wrapper } = host({ name: 'gone', count: 10 })
    await nextTask()
    const before = tasks.length
    wrapper.unmount()
    await vi.runAllTimersAsync()
    expect(tasks.length).toBe(before)
  })
})
