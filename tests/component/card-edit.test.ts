// Editing a hand-written card in place from the Cards tab, in happy-dom with real storage
// (fake-indexeddb) and the real generator: select one card, change its wording, save; a blank side
// is refused with a message in its field and nothing saved; a change of wording keeps the card's
// progress and review log; a question written from facts points to the deck editor instead.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { deckFromCards } from '../../src/domain/import/cards-deck'
import type { HandCard } from '../../src/domain/deck/types'
import { handCardFingerprint } from '../../src/domain/questions/cards'
import { routes } from '../../src/router'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'
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
const card = terms.cards[0] as Extract<HandCard, { type: 'basic' }>
const cardId = `${terms.id}/card/${card.id}`

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useStorageStore().db().close()
})

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 400 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

async function openCards() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const storage = useStorageStore()
  await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'card-edit', enableFuzz: false })
  const db = storage.db()
  await db.decks.save(terms, { origin: 'imported', now: Date.now() })
  await useSettingsStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(`/deck/${terms.id}?tab=cards`)
  wrapper = mount(
    defineComponent(() => () => h(RouterView)),
    { global: { plugins: [pinia, router] }, attachTo: document.body },
  )
  const root = wrapper.element.parentElement as HTMLElement
  await until(() => allByRole(root, 'checkbox', 'basileus').length === 1, 'the cards')
  return { db, root }
}

const click = async (el: HTMLElement) => {
  el.click()
  await flushPromises()
}
const fill = async (el: HTMLElement, text: string) => {
  ;(el as HTMLTextAreaElement).value = text
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('editing a card in place', () => {
  it('refuses a blank side in its field, then saves new wording and keeps the progress', async () => {
    const { db, root } = await openCards()
    const fingerprint = handCardFingerprint(card)
    const now = Date.now()
    for (const at of [now - 2 * 86_400_000, now - 2 * 86_400_000 + 15 * 60_000])
      await db.recordReview({ cardId, questionId: `${cardId}/basic`, deckId: terms.id, fingerprint, grade: 3, now: at })
    const before = await db.cards.get(cardId)
    expect(before?.state.phase).toBe('review')

    await click(byRole(root, 'checkbox', 'basileus'))
    await click(byRole(root, 'button', 'Edit card'))
    const editor = () => byRole(root, 'region', 'Edit this card')
    await until(() => allByRole(editor(), 'textbox', 'Answer').length === 1, 'the edit form')
    const back = byRole(editor(), 'textbox', 'Answer') as HTMLTextAreaElement
    expect(back.value).toBe('emperor')
    expect((byRole(editor(), 'textbox', 'Question') as HTMLTextAreaElement).value).toBe('basileus')
    expect((byRole(editor(), 'checkbox', 'Keep this card’s progress') as HTMLInputElement).checked).toBe(true)

    await fill(back, '   ')
    await click(byRole(editor(), 'button', 'Save card'))
    await until(() => allByRole(editor(), 'alert').length === 1, 'the refusal')
    expect(byRole(editor(), 'alert').textContent).toMatch(/Nothing was saved.*Answer: /s)
    expect(back.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(back.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^\s*Answer: /)
    expect((await db.decks.get(terms.id))?.cards[0]).toMatchObject({ back: 'emperor' })

    await fill(back, 'the emperor')
    await click(byRole(editor(), 'button', 'Save card'))
    await until(() => allByRole(root, 'status', /Card saved; its progress is kept/).length === 1, 'the save')
    expect((await db.decks.get(terms.id))?.cards[0]).toMatchObject({ id: card.id, back: 'the emperor' })
    // The deck's questions were generated again from the edit; the card kept its state and log.
    await until(() => root.textContent?.includes('the emperor') ?? false, 'the new answer in the list')
    const after = await db.cards.get(cardId)
    expect(after?.state).toEqual(before?.state)
    expect(after?.fingerprint).toBe(handCardFingerprint({ ...card, back: 'the emperor' }))
    expect(await db.reviews.forCard(cardId)).toHaveLength(2)
  })

  it('points a question written from facts to the deck editor', async () => {
    const { root } = await openCards()
    await click(byRole(root, 'checkbox', 'Match each term with what goes with it.'))
    await click(byRole(root, 'button', 'Edit card'))
    const editor = byRole(root, 'region', 'Edit this card')
    await until(() => allByRole(editor, 'link', 'deck editor').length === 1, 'the pointer')
    expect(byRole(editor, 'link', 'deck editor').getAttribute('href')).toBe(`/editor/${terms.id}`)
    expect(allByRole(editor, 'textbox')).toHaveLength(0)
  })
})
