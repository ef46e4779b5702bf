// Storing a deck from the editor or an import, with real storage (fake-indexeddb): the deck is kept
// and synced, and a deck deleted between its save and its questions' sync (another tab's delete,
// injected at that moment with the app's own deleteDeck) stays deleted, with a message saying so:
// the sync does not bring its head (or cards) back.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { storeDeck } from '../../src/components/import/store-deck'
import { deckFromCards } from '../../src/domain/import/cards-deck'
import { generateQuestions } from '../../src/domain/questions/generate'
import type { Storage } from '../../src/storage/types'
import { useStorageStore } from '../../src/stores/storage'

const deck = deckFromCards(
  { id: 'words', title: 'Words' },
  [
    ['polis', 'city'],
    ['thalassa', 'sea'],
    ['nomisma', 'gold coin'],
  ].map(([front, back]) => ({ type: 'basic' as const, front: front as string, back: back as string })),
).deck
const questions = generateQuestions(deck, { seed: 1 })

async function open(name: string): Promise<Storage> {
  setActivePinia(createPinia())
  await useStorageStore().open({ indexedDB: new IDBFactory(), IDBKeyRange, name, enableFuzz: false })
  return useStorageStore().db()
}
afterEach(() => useStorageStore().db().close())

describe('storeDeck', () => {
  it('keeps the deck, synced with its questions', async () => {
    const db = await open('store-deck')
    expect(await storeDeck(deck, questions, 'imported')).toEqual({ ok: true })
    expect((await db.decks.get(deck.id))?.title).toBe('Words')
    expect((await db.decks.head(deck.id))?.fingerprintsDigest).toEqual(expect.any(String))
  })

  it('keeps nothing of a deck deleted between its save and its sync, and says so', async () => {
    const db = await open('store-deck-deleted')
    const sync = db.syncDeckQuestions.bind(db)
    db.syncDeckQuestions = async (...args) => {
      await db.deleteDeck(deck.id)
      return sync(...args)
    }
    const result = await storeDeck(deck, questions, 'imported')
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/“Words” was deleted while it was being saved/),
    })
    expect(await db.decks.get(deck.id)).toBeUndefined()
    expect(await db.cards.forDeck(deck.id, { includeRetired: true })).toEqual([])
    expect(useStorageStore().status).toBe('ready')
  })
})
