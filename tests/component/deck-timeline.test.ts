// The Timeline tab: a small deck's timeline is drawn at once; a big deck's says it is being drawn,
// is made a slice per task and drawn in a task of its own, and a new deck meanwhile is the one drawn.
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import DeckTimeline from '../../src/components/deck/DeckTimeline.vue'
import type { Deck } from '../../src/domain/deck/types'
import { syntheticDynasty } from '../../scripts/bench/synthetic-dynasty'
import { miniDeck } from './fixtures'
import { allByRole, byRole } from './roles'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
})

function showTimeline(deck: Deck) {
  wrapper = mount(DeckTimeline, { props: { deck }, attachTo: document.body })
  return wrapper
}

const DRAWING = 'Drawing the timeline…'
const status = (w: VueWrapper) => allByRole(w.element, 'status').map((s) => s.textContent?.trim())
/** The lives, tenures and events the chart draws, by their names. */
const drawn = (w: VueWrapper) => {
  const chart = allByRole(w.element, 'list', 'Lives, tenures and events in view')[0]
  return chart ? allByRole(chart, 'listitem').map((item) => item.getAttribute('aria-label') ?? '') : []
}

describe('the timeline tab', () => {
  it('draws a small deck’s timeline at once', () => {
    const w = showTimeline(miniDeck)
    expect(status(w)).not.toContain(DRAWING)
    expect(drawn(w).length).toBeGreaterThan(0)
    expect(byRole(w.element, 'button', 'Zoom in')).toBeTruthy()
  })

  it('says a big deck’s timeline is being drawn, makes it in tasks of its own, then draws it', async () => {
    vi.useFakeTimers()
    const big = syntheticDynasty(3_000, 2)
    const w = showTimeline(big)
    expect(status(w)).toContain(DRAWING)
    expect(drawn(w)).toEqual([])
    const other = syntheticDynasty(3_000, 5)
    await w.setProps({ deck: other })
    await vi.advanceTimersToNextTimerAsync()
    expect(status(w)).toContain(DRAWING)
    await vi.runAllTimersAsync()
    expect(status(w)).not.toContain(DRAWING)
    // The two decks share ids but not names: each life drawn is named as in the newer deck.
    const names = (deck: Deck) => new Set(deck.entities.map((e) => e.name))
    const [newer, older] = [names(other), names(big)]
    const lives = drawn(w).flatMap((label) => (label.includes(', life: ') ? [label.split(', life: ')[0]!] : []))
    expect(lives.length).toBeGreaterThan(0)
    for (const name of lives) {
      expect(newer.has(name)).toBe(true)
      expect(older.has(name)).toBe(false)
    }
  })
})
