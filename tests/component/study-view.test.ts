// The study view end to end in happy-dom, with real storage (fake-indexeddb), the real question
// generator and a saved deck: Space shows the answer, a key grades, the review is stored and the
// next card shows; a reload (new app on the same database) resumes at the same card; a large deck
// shows its first card while its questions are still being generated.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '../../src/router'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'
import { useStudyStore } from '../../src/stores/study'
import StudyView from '../../src/views/StudyView.vue'
import type { Deck } from '../../src/domain/deck/types'
import { deckSeed } from '../../src/domain/questions/cache-key'
import { generateQuestions } from '../../src/domain/questions/generate'
import { useDeckStore } from '../../src/stores/deck'
import { syntheticDynasty } from '../../scripts/bench/synthetic-dynasty'
import { miniDeck } from './fixtures'

let wrapper: VueWrapper | undefined
const databases: Array<{ close(): void }> = []
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  for (const db of databases.splice(0)) db.close()
})

async function until(check: () => boolean, what: string, tries = 100) {
  for (let i = 0; i < tries && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

/** Mounts the study view of a deck, saved first (or not: a reload), on a new app over `factory`. */
async function mountStudy(factory: IDBFactory, saveDeck: boolean, deck: Deck = miniDeck) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const storage = useStorageStore()
  await storage.open({ indexedDB: factory, IDBKeyRange, name: 'study-view', enableFuzz: false })
  databases.push(storage.db())
  if (saveDeck) await storage.db().decks.save(deck, { origin: 'user', now: Date.now() })
  await useSettingsStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(`/deck/${deck.id}/study`)
  wrapper = mount(StudyView, {
    props: { deckId: deck.id },
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  return { db: storage.db(), wrapper }
}

async function openStudy(factory: IDBFactory, saveDeck: boolean) {
  const opened = await mountStudy(factory, saveDeck)
  await until(() => opened.wrapper.find('.study-prompt').exists(), 'the first card')
  await settle()
  return opened
}

// The view takes input for a card once it is painted and past a double press of the key that brought it.
const settle = () => new Promise((r) => setTimeout(r, 300))

function press(key: string) {
  const target = document.activeElement ?? document.body
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

const prompt = (w: VueWrapper) => w.get('.study-prompt').text()
/** Cards answered in the session (the counts show what is left). */
const progress = (_w: VueWrapper) => String(useStudyStore().position)

describe('StudyView', () => {
  it('reveals with Space, grades with a key, stores the review, then shows the next card', async () => {
    const { db, wrapper: w } = await openStudy(new IDBFactory(), true)
    expect(w.get('h1').text()).toBe(`Study: ${miniDeck.title}`)
    const first = prompt(w)
    expect(w.find('.grade-bar').exists()).toBe(false)

    press(' ')
    await flushPromises()
    expect(w.find('.answer-reveal').exists()).toBe(true)
    await until(() => w.findAll('.grade-interval').length === 4, 'the intervals')
    expect(w.findAll('.grade-name').map((b) => b.text())).toEqual(['Again', 'Hard', 'Good', 'Easy'])

    press('3')
    await until(() => progress(w) === '1', 'the next card')
    expect(prompt(w)).not.toBe(first)
    expect(w.find('.answer-reveal').exists()).toBe(false)
    const log = await db.reviews.since(0)
    expect(log.map((r) => r.grade)).toEqual([3])
  })

  it('resumes at the same card after a reload', async () => {
    const factory = new IDBFactory()
    const first = await openStudy(factory, true)
    for (let i = 0; i < 2; i++) {
      press(' ')
      await flushPromises()
      press('4')
      await until(() => progress(first.wrapper) === String(i + 1), 'the next card')
      await settle()
    }
    const next = prompt(first.wrapper)
    first.wrapper.unmount()
    first.db.close()

    const second = await openStudy(factory, false)
    expect(progress(second.wrapper)).toBe('2')
    expect(prompt(second.wrapper)).toBe(next)
    expect(await second.db.reviews.count()).toBe(2)
  })

  it('shows the first card of a large deck before the deck is opened, and counts its new cards once it is', async () => {
    const deck = { ...syntheticDynasty(3_000, 6), id: 'large' } as Deck
    const { wrapper: w } = await mountStudy(new IDBFactory(), true, deck)
    const decks = useDeckStore()
    const study = useStudyStore()
    await until(() => w.find('.study-prompt').exists(), 'the first card', 2000)
    // The deck is still being generated: its title and counts are not there yet.
    expect(decks.status).toBe('loading')
    expect(decks.opened).toBeUndefined()
    expect(study.total).toBe(20)

    await until(() => decks.status === 'ready', 'the deck opened', 4000)
    await until(() => study.newBeyondLimit > 20, 'the whole deck counted', 1000)
    const cards = new Set(generateQuestions(deck, { seed: deckSeed(deck.id) }).map((q) => q.cardId)).size
    expect(study.newBeyondLimit).toBe(cards - 20)
    expect(w.get('h1').text()).toBe(`Study: ${deck.title}`)
  })
})
