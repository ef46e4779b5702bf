// The Family tree tab: a small family is drawn at once; a big one says it is being drawn, is laid
// out a slice per task and drawn in a task of its own, and a new deck meanwhile is the one drawn.
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import DeckFamilyTree from '../../src/components/deck/DeckFamilyTree.vue'
import type { Deck } from '../../src/domain/deck/types'
import { syntheticDynasty } from '../../scripts/bench/synthetic-dynasty'
import { miniDeck } from './fixtures'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
})

async function showTree(deck: Deck) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)', component: { render: () => null } }],
  })
  await router.push('/deck/x?tab=tree')
  wrapper = mount(DeckFamilyTree, { props: { deck }, global: { plugins: [router] }, attachTo: document.body })
  return wrapper
}

const status = (w: VueWrapper) => w.findAll('[role=status]').map((s) => s.text())
const boxes = (w: VueWrapper) => w.findAll('[data-person-id]').length

describe('the family tree tab', () => {
  it('draws a small family at once', async () => {
    const w = await showTree(miniDeck)
    expect(status(w)).not.toContain('Drawing the family tree…')
    expect(boxes(w)).toBe(miniDeck.entities.filter((e) => e.kind === 'person').length)
  })

  it('says a big family is being drawn, lays it out in tasks of its own, then draws it', async () => {
    vi.useFakeTimers()
    const big = syntheticDynasty(3_000, 2)
    const w = await showTree(big)
    expect(status(w)).toContain('Drawing the family tree…')
    expect(boxes(w)).toBe(0)
    // A newer deck meanwhile: the older one is never drawn.
    const other = syntheticDynasty(3_000, 5)
    await w.setProps({ deck: other })
    await vi.advanceTimersToNextTimerAsync()
    expect(status(w)).toContain('Drawing the family tree…')
    await vi.runAllTimersAsync()
    expect(status(w)).not.toContain('Drawing the family tree…')
    // The two decks share ids but not names: each box drawn names the newer deck's person.
    const nameIn = (deck: Deck) => new Map(deck.entities.map((e) => [e.id, e.name]))
    const [newer, older] = [nameIn(other), nameIn(big)]
    const drawn = w.findAll('[data-person-id]')
    expect(drawn.length).toBeGreaterThan(0)
    for (const box of drawn) {
      const id = box.attributes('data-person-id')!
      expect(box.text()).toContain(newer.get(id))
      expect(older.get(id)).not.toBe(newer.get(id))
      expect(box.text()).not.toContain(older.get(id))
    }
  })
})
