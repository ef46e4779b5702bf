import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { libraryCounts, type LibraryCounts } from '../domain/stats'
import { builtInDecks } from '../generated/decks'
import { useClock } from './clock'
import { useSettingsStore } from './settings'
import { useStorageStore } from './storage'

export interface LibraryEntry {
  id: string
  title: string
  description?: string
  origin: 'builtin' | 'user' | 'imported'
}

export interface LibrarySnapshot {
  entries: LibraryEntry[]
  /** Keyed by deck id (a Map: an id such as `__proto__` or `constructor` is an ordinary key). */
  counts: ReadonlyMap<string, LibraryCounts>
}

const whenIdle = () =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 2000 })
      : setTimeout(resolve, 50),
  )

/** The decks on offer (built in, and saved in storage) and how far the learner is with each. */
export const useLibraryStore = defineStore('library', () => {
  /** Distinct cards per deck: built in for the built-in decks, known for others once their questions were generated. */
  const cardCounts = shallowRef<ReadonlyMap<string, number>>(new Map(builtInDecks.map((d) => [d.id, d.studyCardCount])))

  /**
   * Reads the library for a live query: the decks and their new / due / learned counts.
   * Only storage reads happen here, so liveQuery re-runs it when any of them change.
   */
  async function read(now: number): Promise<LibrarySnapshot> {
    const db = useStorageStore().db()
    const { newPerDay } = useSettingsStore().settings
    const entries = await listDecks()
    const clock = useClock()
    const today = clock.startOfDay(now)
    const endOfDay = clock.endOfDay(now)
    const counts = new Map<string, LibraryCounts>()
    await Promise.all(
      entries.map(async (entry) => {
        const [cards, newIntroducedToday] = await Promise.all([
          db.cards.forDeck(entry.id),
          db.reviews.newIntroducedSince(entry.id, today),
        ])
        counts.set(
          entry.id,
          libraryCounts(cards, {
            now,
            endOfDay,
            cardCount: cardCounts.value.get(entry.id),
            newPerDay,
            newIntroducedToday,
          }),
        )
      }),
    )
    return { entries, counts }
  }

  /** The decks that ship with the app: known before storage opens. */
  function builtInEntries(): LibraryEntry[] {
    return builtInDecks.map((d) => ({
      id: d.id,
      title: d.title,
      description: d.description,
      origin: 'builtin' as const,
    }))
  }

  /** Built-in decks, then the decks saved in storage (user-made and imported). */
  async function listDecks(): Promise<LibraryEntry[]> {
    const saved = await useStorageStore().db().decks.list()
    return [
      ...builtInEntries(),
      ...saved
        .filter((s) => !builtInDecks.some((b) => b.id === s.id))
        .map((s) => ({ id: s.id, title: s.title, origin: s.origin })),
    ]
  }

  /**
   * Counts the cards of saved decks by opening them in the deck store (questions are generated
   * off the page, in a worker, and cached), once the page is idle so the Library stays responsive. Updates the
   * counts only when one changed, so a live query that depends on them settles.
   */
  async function countCards(deckIds: string[]): Promise<void> {
    const saved = deckIds.filter((id) => !builtInDecks.some((d) => d.id === id))
    if (!saved.length) return
    await whenIdle()
    const { useDeckStore } = await import('./deck')
    const decks = useDeckStore()
    const found = new Map<string, number>()
    for (const id of saved) {
      try {
        found.set(id, await decks.cardCount(id))
      } catch (e) {
        useStorageStore().report(e)
      }
    }
    if ([...found].some(([id, n]) => cardCounts.value.get(id) !== n))
      cardCounts.value = new Map([...cardCounts.value, ...found])
  }

  return { cardCounts, builtInEntries, listDecks, read, countCards }
})
