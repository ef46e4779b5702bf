// The card browser in happy-dom with real storage (fake-indexeddb) and the real generator: the
// search box filters as you type, the state filter finds suspended cards, a suspended card leaves
// the study queue, and 50,000 cards put only a screenful of rows in the page.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { afterEach, describe, expect, it } from 'vitest'
import DeckCards from '../../src/components/deck/DeckCards.vue'
import { deckFromCards } from '../../src/domain/import/cards-deck'
import { generateQuestions } from '../../src/domain/questions/generate'
import { cardRows } from '../../src/domain/study/card-list'
import type { Question } from '../../src/domain/questions/types'
import { createRandom } from '../../src/domain/random'
import { buildStudyQueue } from '../../src/domain/study'
import { useStorageStore } from '../../src/stores/storage'
import { allByRole, byRole } from './roles'

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

const PAIRS: Array<[string, string]> = [
  ['basileus', 'emperor'],
  ['despotes', 'a title below the emperor'],
  ['polis', 'city'],
  ['thalassa', 'sea'],
  ['nomisma', 'gold coin'],
  ['stavraton', 'silver coin'],
]

async function browse(
  pairs: ReadonlyArray<[string, string]>,
  given?: Question[],
  reading?: { reading: boolean; total?: number },
) {
  const deck = deckFromCards(
    { id: 'words', title: 'Words' },
    pairs.map(([front, back]) => ({ type: 'basic' as const, front, back })),
  ).deck
  const questions = given ?? generateQuestions(deck, { seed: 1 })
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStorageStore().open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'deck-cards', enableFuzz: false })
  wrapper = mount(DeckCards, {
    props: { deckId: deck.id, cards: cardRows(questions), ...reading },
    // A router: the actions can send a chosen card to the study view.
    global: {
      plugins: [
        pinia,
        createRouter({
          history: createMemoryHistory(),
          routes: [{ path: '/:any(.*)', component: { render: () => null } }],
        }),
      ],
    },
    attachTo: document.body,
  })
  const root = wrapper.element as HTMLElement
  await until(() => allByRole(root, 'listitem').length > 0, 'the rows')
  // The filter menus fill a task after the rows show.
  const kinds = byRole(root, 'combobox', 'Question kind') as HTMLSelectElement
  await until(() => kinds.options.length > 1, 'the filter menus')
  return { root, questions, db: useStorageStore().db() }
}

const type = async (input: HTMLElement, text: string) => {
  ;(input as HTMLInputElement).value = text
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}
const choose = async (select: HTMLElement, value: string) => {
  ;(select as HTMLSelectElement).value = value
  select.dispatchEvent(new Event('change'))
  await flushPromises()
}
const rowNames = (root: HTMLElement) =>
  allByRole(root, 'checkbox')
    .map((c) => c.getAttribute('aria-label'))
    .filter(Boolean)

/** Card number `i` of the deck "words", with one question (for tests about the list, not the generator). */
const question = (i: number, kind: Question['kind'], card: string, prompt: string, answer: string): Question =>
  ({
    id: `words/${card}/${kind}`,
    cardId: `words/${card}`,
    deckId: 'words',
    kind,
    prompt,
    answer,
    sources: [],
    explanation: '',
    factIds: [],
    fingerprint: `f${i}`,
  }) as Question

describe('the card browser', () => {
  it('lists every card with its state, and the search box filters as you type', async () => {
    const { root } = await browse(PAIRS)
    // Six term cards and a matching round.
    expect(byRole(root, 'status', /7 of 7 cards shown/)).toBeTruthy()
    expect(rowNames(root)).toContain('stavraton')
    expect(byRole(root, 'listitem', /stavraton.*silver coin.*New · 0 reviews/)).toBeTruthy()
    const search = byRole(root, 'searchbox', 'Search cards')
    await type(search, 'coin')
    // "coin" is in two definitions; cards that only borrow them as wrong options are not shown.
    expect(rowNames(root)).toEqual(expect.arrayContaining(['nomisma', 'stavraton']))
    expect(rowNames(root)).not.toContain('polis')
    await type(search, 'silver COIN')
    expect(rowNames(root).filter((n) => n !== 'Select all shown')).toEqual(expect.arrayContaining(['stavraton']))
    expect(rowNames(root)).not.toContain('basileus')
    await type(search, 'no such word')
    expect(root.textContent).toContain('No card matches.')
  })

  it('lists the first cards while the rest are read, and says so', async () => {
    const { root } = await browse(PAIRS, undefined, { reading: true, total: 40 })
    expect(byRole(root, 'status', /7 of 7 cards shown/).textContent).toMatch(/reading the rest \(7 of 40\)…/)
    expect(rowNames(root)).toContain('stavraton')
  })

  it('says the rest are still being made while the deck is generated (its card count not known yet)', async () => {
    const { root } = await browse(PAIRS, undefined, { reading: true })
    expect(byRole(root, 'status', /7 of 7 cards shown/).textContent).toMatch(/· the rest are still being made…/)
    expect(root.textContent).not.toContain('reading the rest')
  })

  it('names relations in words in the Relation filter, and filters by them', async () => {
    const { root } = await browse(PAIRS)
    const select = byRole(root, 'combobox', 'Relation') as HTMLSelectElement
    const options = [...select.options].filter((o) => o.value)
    expect(options.map((o) => [o.value, o.textContent])).toEqual([['match', 'Matching rounds']])
    await choose(select, 'match')
    expect(byRole(root, 'status', /1 of 7 cards shown/)).toBeTruthy()
  })

  it('suspends the chosen card: the State filter finds it and the study queue skips it', async () => {
    const { root, questions, db } = await browse(PAIRS)
    byRole(root, 'checkbox', 'polis').click()
    await flushPromises()
    expect(byRole(root, 'status', /1 selected/)).toBeTruthy()
    byRole(byRole(root, 'group', 'Actions on the selected cards'), 'button', 'Suspend').click()
    await until(() => allByRole(root, 'status', '1 card suspended.').length === 1, 'the confirmation')
    await until(() => allByRole(root, 'listitem', /polis.*Suspended/).length === 1, 'the row to say Suspended')

    // Deselect it, then find it again through the State filter.
    byRole(root, 'checkbox', 'polis').click()
    await flushPromises()
    await choose(byRole(root, 'combobox', 'State'), 'suspended')
    expect(rowNames(root).filter((n) => n !== 'Select all shown')).toEqual(['polis'])

    const now = Date.now()
    const { cards, knownCardIds } = await db.cards.forStudy('words', now)
    const queue = buildStudyQueue({ cards, knownCardIds, questions, now, random: createRandom(1) })
    const polis = questions.find((q: Question) => q.prompt === 'polis')?.cardId
    expect(queue.items.map((i) => i.cardId)).not.toContain(polis)
    expect(queue.items.length).toBe(6)

    // Unsuspend from the filtered list: it is back in the queue.
    byRole(root, 'checkbox', 'Select all shown').click()
    await flushPromises()
    byRole(root, 'button', 'Unsuspend').click()
    await until(() => allByRole(root, 'status', '1 card unsuspended.').length === 1, 'the confirmation')
    const again = await db.cards.forStudy('words', now)
    expect(buildStudyQueue({ ...again, questions, now, random: createRandom(1) }).items.length).toBe(7)
  })

  it('asks for a name, not a menu, in the About filter of a deck about hundreds of people', async () => {
    // Two cards about each of 200 people, built directly: this test is about the filter.
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...question(i, 'typed', `p${i}/born`, `When was Theodora ${i % 200} born?`, String(1300 + i)),
      subject: `Theodora ${i % 200}`,
    }))
    const { root } = await browse([], many)
    expect(allByRole(root, 'combobox', 'About')).toEqual([])
    // "17" starts the numbers of Theodora 17 and of Theodora 170 to 179: 11 people, 2 cards each.
    await type(byRole(root, 'searchbox', 'About'), 'theodora 17')
    expect(byRole(root, 'status', /^\s*22 of 400 cards shown/)).toBeTruthy()
    await type(byRole(root, 'searchbox', 'About'), '')
    expect(byRole(root, 'status', /^\s*400 of 400 cards shown/)).toBeTruthy()
  })

  it('keeps the filter menus of thousands of cards while the rows that arrive later are read', async () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        i % 2
          ? question(i, 'basic', `card/c${i}`, `term ${i}`, `meaning ${i}`)
          : question(i, 'typed', `card/c${i}`, `Type term ${i}`, `meaning ${i}`),
      )
    const { root } = await browse([], make(5_000))
    const kinds = () =>
      [...(byRole(root, 'combobox', 'Question kind') as HTMLSelectElement).options].map((o) => o.value)
    expect(kinds()).toEqual(['', 'typed', 'basic'])
    await wrapper!.setProps({
      cards: cardRows([...make(6_000), question(9_999, 'true-false', 'card/tf', 'Is it?', 'True')]),
    })
    // Still the menus read last while the new rows are read, then theirs.
    expect(kinds()).toEqual(['', 'typed', 'basic'])
    await until(() => kinds().length === 4, 'the new kind in the menu')
    expect(kinds()).toEqual(['', 'typed', 'basic', 'true-false'])
  })

  it('renders only the rows in view for 50,000 cards', async () => {
    // One flashcard per card, built directly: this test is about the list, not the generator.
    const many = Array.from({ length: 50_000 }, (_, i) =>
      question(i, 'basic', `card/c${i}`, `term ${i}`, `meaning ${i}`),
    )
    const { root } = await browse([], many)
    expect(byRole(root, 'status', /of \d+ cards shown/).textContent).toMatch(/50,?0\d\d of/)
    const rows = allByRole(root, 'listitem')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThan(40)
    expect(rows[0]?.getAttribute('aria-setsize')).toMatch(/^5\d{4}$/)
  }, 60_000)
})
