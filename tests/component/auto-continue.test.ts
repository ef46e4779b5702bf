// Continuing by itself after the app checked an answer: once the delay has passed it goes on,
// once, for the card that was answered; any key press or tap stays on the card (a held key's
// auto-repeat does not); a new card or a running save before the deadline means nothing happens.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useAutoContinue } from '../../src/composables/useAutoContinue'

let scope: ReturnType<typeof effectScope> | undefined

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  scope?.stop()
  scope = undefined
  vi.useRealTimers()
})

function setup(seconds = 2) {
  const state = { seconds: ref(seconds), showing: ref(1), checked: ref(false), held: ref(false) }
  const go = vi.fn<(showing: number) => void>()
  scope = effectScope()
  const auto = scope.run(() =>
    useAutoContinue({
      seconds: state.seconds,
      showing: state.showing,
      checked: state.checked,
      held: state.held,
      go: () => go(state.showing.value),
    }),
  )!
  return { ...state, go, auto }
}

const key = (init: KeyboardEventInit) => window.dispatchEvent(new KeyboardEvent('keydown', init))

describe('useAutoContinue', () => {
  it('goes on once, after the delay, for the card that was answered', async () => {
    const s = setup(2)
    vi.advanceTimersByTime(5000)
    expect(s.go).not.toHaveBeenCalled()
    s.checked.value = true
    await nextTick()
    expect(s.auto.remaining.value).toBe(2)
    vi.advanceTimersByTime(1100)
    expect(s.auto.remaining.value).toBe(1)
    expect(s.go).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    expect(s.go).toHaveBeenCalledTimes(1)
    expect(s.go).toHaveBeenCalledWith(1)
    expect(s.auto.remaining.value).toBeUndefined()
    vi.advanceTimersByTime(5000)
    expect(s.go).toHaveBeenCalledTimes(1)
  })

  it('stays on the card after a key press or a tap, not after a key auto-repeat', async () => {
    const s = setup(2)
    s.checked.value = true
    await nextTick()
    key({ key: '1', repeat: true })
    expect(s.auto.remaining.value).toBe(2)
    key({ key: 'x' })
    expect(s.auto.remaining.value).toBeUndefined()
    vi.advanceTimersByTime(5000)
    expect(s.go).not.toHaveBeenCalled()

    // The next card counts down again; a tap stays on it.
    s.showing.value = 2
    await nextTick()
    expect(s.auto.remaining.value).toBe(2)
    window.dispatchEvent(new Event('pointerdown'))
    vi.advanceTimersByTime(5000)
    expect(s.go).not.toHaveBeenCalled()
  })

  it('never goes on with another card, nor while a grade is saving', async () => {
    const s = setup(1)
    s.checked.value = true
    await nextTick()
    // The learner graded by hand: the next card is showing, not answered yet.
    s.showing.value = 2
    s.checked.value = false
    await nextTick()
    vi.advanceTimersByTime(3000)
    expect(s.go).not.toHaveBeenCalled()

    s.checked.value = true
    await nextTick()
    s.held.value = true
    await nextTick()
    vi.advanceTimersByTime(3000)
    expect(s.go).not.toHaveBeenCalled()
    expect(s.auto.remaining.value).toBeUndefined()
  })

  it('does nothing when the setting is off', async () => {
    const s = setup(0)
    s.checked.value = true
    await nextTick()
    expect(s.auto.remaining.value).toBeUndefined()
    vi.advanceTimersByTime(20_000)
    expect(s.go).not.toHaveBeenCalled()
  })
})
