import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { Deck } from '../domain/deck/types'
import { generateQuestions } from '../domain/questions/generate'
import type { Question } from '../domain/questions/types'
import { seedFrom } from '../domain/random'
import { describeDeckChanges, type DeckChangeSummary } from '../domain/study/deck-diff'
import { builtInDecks } from '../generated/decks'
import { useClock } from './clock'
import { useStorageStore } from './storage'

export interface LoadedDeck {
  deck: Deck
  /** Every question the deck generates, with a seed fixed per deck so ids and wording stay put. */
  questions: Question[]
  /** What changed since the deck was last opened (empty on the first opening). */
  changes: DeckChangeSummary
}

export class DeckNotFoundError extends Error {
  override name = 'DeckNotFoundError'
  constructor(readonly deckId: string) {
    super(`There is no deck "${deckId}" in your library.`)
  }
}

/** The seed a deck's questions are generated with: fixed per deck, so a reload asks the same questions. */
export const deckSeed = (deckId: string) => seedFrom('deck', deckId)

/** The open deck: its facts, its questions, and what changed since last time. Loaded decks are cached. */
export const useDeckStore = defineStore('deck', () => {
  const current = shallowRef<LoadedDeck>()
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<string>()
  /** "3 facts updated, 1 added" for the deck just opened, shown once. */
  const changeMessage = ref('')
  const cache = new Map<string, Promise<LoadedDeck>>()
  /** Change messages not yet shown, by deck: each is shown once, when the deck is next opened. */
  const unannounced = new Map<string, string>()

  /** Decks read and their questions generated, by deck id: the part that needs no storage. */
  const generated = new Map<string, Promise<{ deck: Deck; questions: Question[] }>>()

  function generate(deckId: string, read: () => Promise<Deck>) {
    let pending = generated.get(deckId)
    if (!pending) {
      pending = read().then((deck) => ({ deck, questions: generateQuestions(deck, { seed: deckSeed(deck.id) }) }))
      pending.catch(() => generated.delete(deckId))
      generated.set(deckId, pending)
    }
    return pending
  }

  /**
   * Starts reading a built-in deck and generating its questions before storage is open, so a deep
   * link to a deck or its study view does both at once. Other decks live in storage: nothing to do.
   */
  function prepare(deckId: string): void {
    const builtIn = builtInDecks.find((d) => d.id === deckId)
    if (builtIn) void generate(deckId, builtIn.load).catch(() => undefined)
  }

  async function readSaved(deckId: string): Promise<Deck> {
    const saved = await useStorageStore().db().decks.get(deckId)
    if (!saved) throw new DeckNotFoundError(deckId)
    return saved
  }

  /** Reads a deck, generates its questions and syncs them with stored progress, once per deck. */
  function get(deckId: string): Promise<LoadedDeck> {
    let loading = cache.get(deckId)
    if (!loading) {
      loading = (async () => {
        const builtIn = builtInDecks.find((d) => d.id === deckId)
        const { deck, questions } = await generate(deckId, builtIn ? builtIn.load : () => readSaved(deckId))
        const changes = await useStorageStore()
          .db()
          .syncDeckQuestions(deck.id, questions, useClock().now(), { title: deck.title, version: deck.version })
        const message = describeDeckChanges(changes)
        if (message) unannounced.set(deck.id, message)
        return markRaw({ deck: markRaw(deck), questions: markRaw(questions), changes })
      })()
      loading.catch(() => cache.delete(deckId))
      cache.set(deckId, loading)
    }
    return loading
  }

  async function open(deckId: string): Promise<void> {
    if (current.value?.deck.id === deckId && status.value === 'ready') return
    status.value = 'loading'
    error.value = undefined
    changeMessage.value = ''
    try {
      const loaded = await get(deckId)
      current.value = loaded
      changeMessage.value = unannounced.get(deckId) ?? ''
      unannounced.delete(deckId)
      status.value = 'ready'
    } catch (e) {
      if (useStorageStore().report(e)) return
      error.value = e instanceof Error ? e.message : String(e)
      status.value = 'error'
    }
  }

  /** Forget a deck's cached questions, e.g. after it was re-imported with new content. */
  function invalidate(deckId: string) {
    cache.delete(deckId)
    generated.delete(deckId)
    if (current.value?.deck.id === deckId) current.value = undefined
  }

  return { current, status, error, changeMessage, prepare, get, open, invalidate }
})
