// The deck store against real storage and the real generator: a deck's questions are synced with
// stored progress when it opens, and an updated deck tells the learner what changed, once.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../src/domain/deck/types'
import { useDeckStore } from '../../src/stores/deck'
import { useStorageStore } from '../../src/stores/storage'
import { miniDeck } from './fixtures'

describe('deck store', () => {
  it('opens a saved deck with its questions, then reports an update once', async () => {
    setActivePinia(createPinia())
    const storage = useStorageStore()
    await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'deck-store' })
    const db = storage.db()
    await db.decks.save(miniDeck, { origin: 'user', now: Date.now() })
    const decks = useDeckStore()

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
})
