// The Progress page and a deck's Progress tab, in happy-dom with real storage (fake-indexeddb) and
// the real generator, on a fixed clock: the streak counts days in a row, the daily goal follows
// today's reviews and the setting, retention says what it rests on, and mastery is split per
// person and per kind of fact. Everything is found by role, as a learner would.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { deckSeed } from '../../src/domain/questions/cache-key'
import { generateQuestions } from '../../src/domain/questions/generate'
import { builtInDecks } from '../../src/generated/decks'
import { routes } from '../../src/router'
import { setClock, systemClock } from '../../src/stores/clock'
import { useDeckStore } from '../../src/stores/deck'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'
import { allByRole, byRole } from './roles'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 2, 10, 18, 0)
const DECK = 'john-vii-palaiologos'

let wrapper: VueWrapper | undefined
let restoreClock: (() => void) | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  restoreClock?.()
  useStorageStore().db().close()
})

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 400 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

async function openApp(path: string, name: string) {
  restoreClock = setClock({ ...systemClock, now: () => NOW })
  const pinia = createPinia()
  setActivePinia(pinia)
  const storage = useStorageStore()
  await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name, enableFuzz: false })
  await useSettingsStore().load()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const App = defineComponent(() => () => h(RouterView))
  wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  return { db: storage.db(), root: wrapper.element.parentElement as HTMLElement }
}

type Db = ReturnType<ReturnType<typeof useStorageStore>['db']>
const review = (db: Db, cardId: string, grade: 1 | 2 | 3 | 4, now: number) =>
  db.recordReview({ cardId, questionId: `${cardId}/typed`, deckId: DECK, fingerprint: 'fp', grade, now })

/** The text of a table's row whose header cell reads `header`. */
const row = (table: HTMLElement, header: string) =>
  allByRole(table, 'row').find((r) => r.querySelector('th')?.textContent?.trim() === header)?.textContent ?? ''

describe('the Progress page', () => {
  it('shows the streak, today’s reviews against the daily goal, and follows the goal setting', async () => {
    const { db, root } = await openApp('/progress', 'progress-page')
    for (const [i, at] of [NOW - 2 * DAY, NOW - DAY, NOW - 60_000].entries()) await review(db, `${DECK}/c${i}`, 3, at)
    await until(() => allByRole(root, 'heading', 'Today').length === 1, 'the page')
    const today = byRole(root, 'region', 'Today')
    await until(() => /Streak\s*3 days/.test(today.textContent ?? ''), 'a three-day streak')
    expect(today.textContent).toMatch(/Studied today/)
    expect(today.textContent).toMatch(/1 of 20 reviews/)
    expect(today.textContent).toMatch(/19 reviews to go/)
    expect(byRole(today, 'link', 'Change the goal').getAttribute('href')).toBe('/settings')

    await useSettingsStore().update({ dailyGoal: 1 })
    await until(() => /Goal reached for today/.test(today.textContent ?? ''), 'the goal met')
  })

  it('gives retention per period with the reviews it rests on, and labelled charts with a table', async () => {
    const { db, root } = await openApp('/progress', 'progress-retention')
    const cardId = `${DECK}/r`
    await review(db, cardId, 3, NOW - 20 * DAY)
    await review(db, cardId, 3, NOW - 20 * DAY + 15 * 60_000) // out of learning: in review
    await review(db, cardId, 1, NOW - 5 * DAY) // a review of a card in review, forgotten
    await until(() => allByRole(root, 'heading', 'Retention').length === 1, 'the page')
    const table = byRole(byRole(root, 'region', 'Retention'), 'table')
    await until(() => /0%/.test(row(table, 'Last 7 days')), 'the forgotten review')
    expect(row(table, 'Last 7 days')).toMatch(/0 of 1 review$/)
    expect(row(table, 'Today')).toMatch(/no reviews yet/)

    const chart = byRole(root, 'img', /^Reviews per day, last 90 days/)
    expect(chart.getAttribute('aria-label')).toMatch(/3 reviews in total, most on 18 Feb \(2\)/)
    expect(allByRole(root, 'img', /^Cards due per day, next 30 days/)).toHaveLength(1)
    // Every chart has a table alternative.
    expect(allByRole(root, 'table', /Reviews per day/)).toHaveLength(1)
  })
})

describe('a deck’s Progress tab', () => {
  it('splits mastery per person and per kind of fact, with counts', async () => {
    const { db, root } = await openApp(`/deck/${DECK}?tab=progress`, 'progress-deck')
    await until(() => allByRole(root, 'heading', 'Mastery per person').length === 1, 'the tab')
    // The deck page reads its cards once a tab listing cards is open.
    await until(() => useDeckStore().page?.cards !== undefined, 'the deck’s cards')
    // The deck's questions, made apart from the app, say which card to study and how many are John's.
    const entry = builtInDecks.find((d) => d.id === DECK)
    if (!entry) throw new Error('no built-in deck')
    const questions = generateQuestions(await entry.load(), { seed: deckSeed(DECK) })
    const father = questions.find((q) => q.relation === 'father' && q.subject === 'John VII Palaiologos')
    expect(father).toBeDefined()
    await db.recordReview({
      cardId: father!.cardId,
      questionId: father!.id,
      deckId: DECK,
      fingerprint: father!.fingerprint,
      grade: 3,
      now: NOW - 60_000,
    })
    const people = byRole(root, 'region', 'Mastery per person')
    const john = () =>
      allByRole(people, 'listitem').find((li) =>
        li.querySelector('h3')?.textContent?.startsWith('John VII Palaiologos'),
      )
    await until(() => /1 learning/.test(john()?.textContent ?? ''), 'the studied card')
    const johnCards = questions.filter((q) => q.subject === 'John VII Palaiologos')
    const total = new Set(johnCards.map((q) => q.cardId)).size
    expect(john()?.textContent).toMatch(
      new RegExp(`0% mature.*0 mature, 0 young, 1 learning and ${total - 1} new of ${total} cards`, 's'),
    )
    // The deck's main person comes first.
    expect(allByRole(people, 'heading')[1]?.textContent).toMatch(/^John VII Palaiologos/)

    const kinds = byRole(root, 'region', 'Mastery per kind')
    const fathers = allByRole(kinds, 'heading').find((h3) => h3.textContent?.startsWith('Fathers'))
    expect(fathers?.closest('li')?.textContent).toMatch(/1 learning/)
    expect(allByRole(kinds, 'heading', /^father\b/)).toHaveLength(0)
  })
})
