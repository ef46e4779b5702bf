// Managing a deck from its page, in happy-dom with real storage (fake-indexeddb) and the real
// generator: a term list is renamed, reset, deleted after one confirmation (nothing of it left in
// the database), and brought back whole by Undo.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import AppUndoToast from '../../src/components/app/AppUndoToast.vue'
import { deckFromCards } from '../../src/domain/import/cards-deck'
import { routes } from '../../src/router'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'
import { databaseOf } from '../../src/storage/open'
import { allByRole, byRole } from './roles'

const terms = deckFromCards(
  { id: 'greek-words', title: 'Greek words' },
  [
    ['basileus', 'emperor'],
    ['despotes', 'lord, a title below the emperor'],
    ['polis', 'city'],
    ['thalassa', 'sea'],
    ['nomisma', 'coin'],
  ].map(([front, back]) => ({ type: 'basic' as const, front: front as string, back: back as string })),
).deck

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useStorageStore().db().close()
})

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

async function openDeck() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const storage = useStorageStore()
  await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'deck-manage', enableFuzz: false })
  const db = storage.db()
  await db.decks.save(terms, { origin: 'imported', now: Date.now() })
  await useSettingsStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(`/deck/${terms.id}`)
  const App = defineComponent(() => () => [h(RouterView), h(AppUndoToast)])
  wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  const root = wrapper.element.parentElement as HTMLElement
  await until(() => allByRole(root, 'heading', 'Greek words').length === 1, 'the deck page')
  // The facts show first; the card count once the deck's opening (which stores its questions) ended.
  await until(() => /\b\d+ cards\b/.test(root.textContent ?? ''), 'the card count')
  return { db, router, root }
}

const click = async (el: HTMLElement) => {
  el.click()
  await flushPromises()
}

async function rowsOf(db: ReturnType<ReturnType<typeof useStorageStore>['db']>) {
  const raw = databaseOf(db)
  const out: Record<string, number> = {}
  for (const table of raw.tables)
    out[table.name] = (await table.toArray()).filter(
      (r) => (r as { deckId?: string; id?: string }).deckId === terms.id || (r as { id?: string }).id === terms.id,
    ).length
  return out
}

describe('deck management', () => {
  it('renames a deck in place', async () => {
    const { db, root } = await openDeck()
    await click(byRole(root, 'button', 'Rename'))
    const input = byRole(root, 'textbox', 'New title') as HTMLInputElement
    input.value = 'Byzantine Greek'
    input.dispatchEvent(new Event('input'))
    await click(byRole(root, 'button', 'Save title'))
    await until(() => allByRole(root, 'heading', 'Byzantine Greek').length === 1, 'the new title')
    expect((await db.decks.get(terms.id))?.title).toBe('Byzantine Greek')
    expect(byRole(root, 'status', /Renamed/)).toBeTruthy()
  })

  it('asks once before deleting, removes everything of the deck, and Undo brings it all back', async () => {
    const { db, router, root } = await openDeck()
    const card = terms.cards[0]
    await db.recordReview({
      cardId: `${terms.id}/card/${card?.id}`,
      questionId: `${terms.id}/card/${card?.id}/basic`,
      deckId: terms.id,
      fingerprint: 'x',
      grade: 3,
      now: Date.now(),
    })
    const before = await rowsOf(db)
    expect(before).toMatchObject({ decks: 1, cards: 1, reviews: 1 })

    await click(byRole(root, 'button', 'Delete deck'))
    const dialog = byRole(root, 'alertdialog', /Delete “Greek words”\?/)
    // Cancel changes nothing.
    await click(byRole(dialog, 'button', 'Cancel'))
    expect(allByRole(root, 'alertdialog')).toHaveLength(0)
    expect(await rowsOf(db)).toEqual(before)

    await click(byRole(root, 'button', 'Delete deck'))
    await click(byRole(byRole(root, 'alertdialog'), 'button', 'Delete'))
    await until(() => router.currentRoute.value.path === '/', 'the library')
    expect(Object.values(await rowsOf(db)).every((n) => n === 0)).toBe(true)
    const toast = byRole(root, 'status', /Deleted “Greek words”/)

    await click(byRole(toast, 'button', 'Undo'))
    await until(() => router.currentRoute.value.path === `/deck/${terms.id}`, 'the deck again')
    // Everything is back (the question cache, derived from the deck, is generated again on opening).
    await until(() => allByRole(root, 'heading', 'Greek words').length === 1, 'the restored deck page')
    const { questionCache: _cache, ...restored } = await rowsOf(db)
    const { questionCache: _before, ...original } = before
    expect(restored).toEqual(original)
  })

  it('resets progress: the card is new again, the review stays in the log', async () => {
    const { db, root } = await openDeck()
    const cardId = `${terms.id}/card/${terms.cards[0]?.id}`
    await db.recordReview({
      cardId,
      questionId: `${cardId}/basic`,
      deckId: terms.id,
      fingerprint: 'x',
      grade: 3,
      now: Date.now(),
    })
    await click(byRole(byRole(root, 'group', 'Manage this deck'), 'button', 'Reset progress'))
    await click(byRole(byRole(root, 'alertdialog'), 'button', 'Reset'))
    await until(() => allByRole(root, 'status', /Progress reset/).length === 1, 'the reset message')
    expect((await db.cards.get(cardId))?.state.phase).toBe('new')
    expect(await db.reviews.count()).toBe(1)
  })
})
