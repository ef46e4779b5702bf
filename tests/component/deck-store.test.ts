// The deck store against real storage and the real generator: a deck's questions are synced with
// stored progress when it opens, and an updated deck tells the learner what changed, once.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import type { Deck } from '../../src/domain/deck/types'
import { deckSeed } from '../../src/domain/questions/cache-key'
import { generateQuestions } from '../../src/domain/questions/generate'
import { cardRows } from '../../src/domain/study/card-list'
import { useDeckStore } from '../../src/stores/deck'
import { useStorageStore } from '../../src/stores/storage'
import { miniDeck } from './fixtures'

/** A fresh store over fresh storage holding miniDeck. */
async function storeWithMiniDeck(name: string) {
  setActivePinia(createPinia())
  const storage = useStorageStore()
  await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name })
  const db = storage.db()
  await db.decks.save(miniDeck, { origin: 'user', now: Date.now() })
  return { db, decks: useDeckStore() }
}

describe('deck store', () => {
  it('opens a saved deck with its questions, then reports an update once', async () => {
    const { db, decks } = await storeWithMiniDeck('deck-store')

    await decks.open(miniDeck.id)
    expect(decks.status).toBe('ready')
    expect(decks.current?.questions.length).toBeGreaterThan(0)
    expect(decks.changeMessage).toBe('')
    const again = await decks.get(miniDeck.id)
    expect(again.questions).toBe(decks.current?.questions)

    // A new edition: John VII's birth year corrected.
    const updated: Deck = {
      ...miniDeck,
      version: '2',
      facts: miniDeck.facts.map((f) =>
        f.id === 'born:j7' && f.type === 'date'
          ? { ...f, value: { ...f.value, start: { year: 1371 }, text: '1371' } }
          : f,
      ),
    }
    await db.decks.save(updated, { origin: 'user', now: Date.now() })
    decks.invalidate(miniDeck.id)
    await decks.open(miniDeck.id)
    expect(decks.current?.deck.version).toBe('2')
    expect(decks.changeMessage).toMatch(/^\d+ facts? updated$/)

    await decks.open('no-such-deck')
    expect(decks.status).toBe('error')
    expect(decks.error).toBe('There is no deck "no-such-deck" in your library.')
    await decks.open(miniDeck.id)
    expect(decks.changeMessage).toBe('')
    db.close()
  })

  it('opens a deck’s page with its facts, counts its cards once opened, and reads its cards only when asked', async () => {
    const { db, decks } = await storeWithMiniDeck('deck-store-page')

    await decks.openPage(miniDeck.id)
    expect(decks.status).toBe('ready')
    expect(decks.page?.deck.entities).toEqual(miniDeck.entities)
    expect(decks.page?.cards).toBeUndefined()
    // The count comes with the deck's opening, the cards stay in the question service.
    await vi.waitFor(() => expect(decks.page?.cardCount).toBeGreaterThan(0))
    expect(decks.page?.cards).toBeUndefined()

    // One row per card, the same as the generator's questions make, however the service read them.
    const cards = await decks.pageCards(miniDeck.id)
    expect(decks.page?.cards).toBe(cards)
    expect(cards).toEqual(cardRows(generateQuestions(miniDeck, { seed: deckSeed(miniDeck.id) })))
    expect(decks.page?.cardCount).toBe(cards.length)

    // Renamed: the page takes the new title and keeps its cards.
    decks.retitle(miniDeck.id, 'Renamed')
    expect(decks.page?.deck.title).toBe('Renamed')
    expect(decks.page?.cards).toBe(cards)

    // Saved again with a fact more: the page reads the deck and its cards again.
    const more: Deck = {
      ...miniDeck,
      facts: [
        ...miniDeck.facts,
        // A copy of John VII's birth, for Irene: a fact more of the same shape.
        { ...miniDeck.facts.find((f) => f.id === 'born:j7')!, id: 'born:ig', subject: 'ig', alternatives: [] },
      ] as Deck['facts'],
    }
    await db.decks.save(more, { origin: 'user', now: Date.now() })
    await decks.reload(miniDeck.id)
    expect(decks.page?.deck.facts).toHaveLength(more.facts.length)
    const after = cardRows(generateQuestions(more, { seed: deckSeed(miniDeck.id) }))
    expect(after.length).toBeGreaterThan(cards.length)
    expect(decks.page?.cards).toEqual(after)
    expect(decks.page?.cardCount).toBe(after.length)

    decks.invalidate(miniDeck.id)
    expect(decks.page).toBeUndefined()
    db.close()
  })
})
