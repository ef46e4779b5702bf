// Studying more once nothing is due, in happy-dom with real storage (fake-indexeddb), the real
// generator and a saved deck, found by role as a learner would: "Nothing due" offers more new cards
// (studied and scheduled: each grade is a stored review) and practice by topic (marked as such, and
// leaving every stored card and the review log exactly as they were, undo included); "Study now" in
// the card browser studies exactly the chosen cards; a card suspended during a session does not come
// back in its learning steps.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import DeckCards from '../../src/components/deck/DeckCards.vue'
import { deckSeed } from '../../src/domain/questions/cache-key'
import { generateQuestions } from '../../src/domain/questions/generate'
import { buildCardList, cardRows } from '../../src/domain/study'
import { inTopic } from '../../src/domain/study/custom-queue'
import { routes } from '../../src/router'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'
import { studySessionId, useStudyStore } from '../../src/stores/study'
import StudyView from '../../src/views/StudyView.vue'
import { miniDeck } from './fixtures'
import { allByRole, byRole } from './roles'

const wrappers: VueWrapper[] = []
const databases: Array<{ close(): void }> = []
afterEach(() => {
  for (const w of wrappers.splice(0)) w.unmount()
  for (const db of databases.splice(0)) db.close()
})

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}
// The view takes input for a card once it is painted and past a double press of the key that brought it.
const settle = () => new Promise((r) => setTimeout(r, 300))
function press(key: string) {
  const target = document.activeElement ?? document.body
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}
const click = async (el: HTMLElement) => {
  el.click()
  await flushPromises()
}
const choose = async (select: HTMLElement, label: RegExp) => {
  const option = [...(select as HTMLSelectElement).options].find((o) => label.test(o.text))
  if (!option) throw new Error(`no option ${label}`)
  ;(select as HTMLSelectElement).value = option.value
  select.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function app(newPerDay: number) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const storage = useStorageStore()
  await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'study-more', enableFuzz: false })
  databases.push(storage.db())
  await storage.db().decks.save(miniDeck, { origin: 'user', now: Date.now() })
  await useSettingsStore().load()
  await useSettingsStore().update({ newPerDay })
  const router = createRouter({ history: createMemoryHistory(), routes })
  return { pinia, router, db: storage.db() }
}

async function openStudy(setup: Awaited<ReturnType<typeof app>>) {
  await setup.router.push(`/deck/${miniDeck.id}/study`)
  const w = mount(StudyView, {
    props: { deckId: miniDeck.id },
    global: { plugins: [setup.pinia, setup.router] },
    attachTo: document.body,
  })
  wrappers.push(w)
  const root = w.element as HTMLElement
  await until(() => root.querySelector('.study-prompt, #nothing-due-title') !== null, 'a card or nothing due')
  await settle()
  return root
}

/** Shows the answer and grades the card showing; waits for the next one (or the end). */
async function answer(grade: string) {
  const before = useStudyStore().position
  press(' ')
  await flushPromises()
  press(grade)
  await until(() => useStudyStore().position > before || useStudyStore().phase === 'done', 'the grade to be saved')
  await settle()
}

const snapshot = async (db: Awaited<ReturnType<typeof app>>['db']) => ({
  cards: await db.cards.forDeck(miniDeck.id, { includeRetired: true }),
  reviews: await db.reviews.since(0),
})

describe('after "Nothing due"', () => {
  it('studies more new cards beyond the limit, and each grade is a stored review', async () => {
    const setup = await app(1)
    let root = await openStudy(setup)
    await answer('4')
    await until(() => root.querySelector('#study-summary-title') !== null, 'the summary')
    // The end of a session offers more too, as Anki's congratulations screen does.
    expect(byRole(root, 'heading', 'Study more')).toBeTruthy()
    const menu = byRole(root, 'combobox', 'Practice') as HTMLSelectElement
    await until(() => [...menu.options].some((o) => /^Family · /.test(o.text)), 'the practice menu')
    wrappers.pop()?.unmount()

    root = await openStudy(setup)
    expect(byRole(root, 'heading', 'Nothing due')).toBeTruthy()
    expect(root.textContent).toContain("You have met today's limit of new cards")
    const count = byRole(root, 'spinbutton', 'New cards') as HTMLInputElement
    count.value = '2'
    count.dispatchEvent(new Event('input'))
    await flushPromises()
    await click(byRole(root, 'button', 'Study 2 more new cards'))
    await until(() => useStudyStore().phase === 'studying', 'the extra cards')
    await settle()
    expect(byRole(root, 'heading', 'Study more: 2 new cards')).toBeTruthy()
    expect(root.textContent).not.toContain("doesn't change your schedule")
    expect(useStudyStore().counts).toEqual({ new: 2, learning: 0, review: 0 })
    await answer('4')
    await answer('4')
    const { reviews } = await snapshot(setup.db)
    expect(reviews.map((r) => r.grade)).toEqual([4, 4, 4])
    expect(new Set(reviews.map((r) => r.cardId)).size).toBe(3)
  })

  it('practises a topic, marked as practice, without changing any stored card or review', async () => {
    const setup = await app(1)
    let root = await openStudy(setup)
    await answer('4')
    wrappers.pop()?.unmount()
    root = await openStudy(setup)
    const before = await snapshot(setup.db)
    expect(before.reviews).toHaveLength(1)

    const menu = byRole(root, 'combobox', 'Practice')
    await until(() => (menu as HTMLSelectElement).options.length > 1, 'the practice menu')
    const groups = [...menu.querySelectorAll('optgroup')].map((g) => g.label)
    expect(groups).toEqual(['Topic', 'Question kind', 'Person'])
    await choose(menu, /^Family · \d+ cards?$/)
    await click(byRole(root, 'button', 'Start practice'))
    await until(() => useStudyStore().phase === 'studying', 'the practice session')
    await settle()
    expect(byRole(root, 'heading', 'Practice: Family')).toBeTruthy()
    expect(root.textContent).toContain("Practice — doesn't change your schedule")
    // Every card asked is a family card of the deck.
    const family = new Set(
      generateQuestions(miniDeck, { seed: deckSeed(miniDeck.id) })
        .filter((q) => inTopic(q, 'family'))
        .map((q) => q.cardId),
    )
    const session = useStudyStore().session!
    expect(session.items.length).toBeGreaterThan(0)
    expect(session.items.every((i) => family.has(i.cardId))).toBe(true)
    const size = session.items.length

    // Again brings the card back at the end; undo takes that back; no grade is ever stored.
    await answer('1')
    expect(useStudyStore().total).toBe(size + 1)
    expect(allByRole(root, 'button', /Undo/)).toHaveLength(1)
    await click(byRole(root, 'button', /Undo/))
    await until(() => useStudyStore().position === 0, 'the undo')
    await settle()
    expect(useStudyStore().total).toBe(size)
    for (let i = 0; i < size; i++) await answer('3')
    await until(() => root.querySelector('#study-summary-title') !== null, 'the summary')
    expect(await snapshot(setup.db)).toEqual(before)
    // After a reload the practice session is still practice (it was saved as such).
    const saved = await setup.db.sessions.load(studySessionId(miniDeck.id))
    expect(saved).toMatchObject({ practice: true, title: 'Practice: Family' })
    expect(saved?.answers).toHaveLength(size)
  })
})

describe('Study now in the card browser', () => {
  it('starts a session of exactly the selected cards, graded and scheduled as usual', async () => {
    const setup = await app(20)
    const questions = generateQuestions(miniDeck, { seed: deckSeed(miniDeck.id) })
    await setup.router.push(`/deck/${miniDeck.id}`)
    const browser = mount(DeckCards, {
      props: { deckId: miniDeck.id, cards: cardRows(questions) },
      global: { plugins: [setup.pinia, setup.router] },
      attachTo: document.body,
    })
    wrappers.push(browser)
    const list = browser.element as HTMLElement
    await until(() => allByRole(list, 'listitem').length > 0, 'the rows')
    expect((byRole(list, 'button', 'Study now') as HTMLButtonElement).disabled).toBe(true)
    const boxes = allByRole(list, 'checkbox').filter((c) => c.getAttribute('aria-label'))
    const picked = [boxes[1]!, boxes[3]!]
    for (const box of picked) await click(box)
    const names = picked.map((b) => b.getAttribute('aria-label'))
    await click(byRole(list, 'button', 'Study now'))
    await until(() => setup.router.currentRoute.value.name === 'study', 'the study route')
    browser.unmount()
    wrappers.pop()

    const root = await openStudy(setup)
    expect(byRole(root, 'heading', 'Study now: the chosen cards')).toBeTruthy()
    expect(root.textContent).not.toContain("doesn't change your schedule")
    const session = useStudyStore().session!
    expect(session.items).toHaveLength(2)
    expect(session.practice).toBeUndefined()
    // The rows chosen are named by their card's prompt: exactly those two cards, in the browser's order.
    const entries = buildCardList(questions, [])
    const chosen = names.map((name) => entries.find((e) => e.prompt === name)?.cardId)
    expect(session.items.map((i) => i.cardId)).toEqual(chosen)
    await answer('4')
    const reviews = await setup.db.reviews.since(0)
    expect(reviews.map((r) => r.cardId)).toEqual([session.items[0]!.cardId])
  })
})

describe('the learning-step queue', () => {
  it('never brings back a card suspended during the session', async () => {
    const setup = await app(20)
    await openStudy(setup)
    const study = useStudyStore()
    const first = study.session!.items[0]!
    await answer('1')
    // Again: the card comes back later in this session…
    expect(study.session!.items.slice(1).some((i) => i.cardId === first.cardId)).toBe(true)
    // …until it is suspended in the card browser.
    await setup.db.suspendCards(miniDeck.id, [{ cardId: first.cardId, fingerprint: '' }], true, Date.now())
    const left = study.session!.items.length - study.position - 1
    for (let i = 0; i < left && study.phase === 'studying'; i++) await answer('4')
    await until(() => study.phase === 'done', 'the end of the session')
    const shown = study.session!.answers.map((a) => a.cardId)
    expect(shown.filter((id) => id === first.cardId)).toHaveLength(1)
    const log = await setup.db.reviews.forCard(first.cardId)
    expect(log).toHaveLength(1)
  })
})
