import { defineStore } from 'pinia'
import type { DeletedDeck } from '../storage'
import { useUndoStore } from './undo'
import { useClock } from './clock'
import { useDeckStore } from './deck'
import { useStorageStore } from './storage'

/**
 * What the learner does to a whole deck: rename, reset its progress, delete it (with Undo for a
 * few seconds, useUndoStore). Each is one storage transaction.
 */
export const useDeckActionsStore = defineStore('deck-actions', () => {
  /** Deletes the deck and everything it holds; the app then offers Undo for a few seconds. */
  async function remove(deckId: string): Promise<DeletedDeck> {
    const result = await useStorageStore().db().deleteDeck(deckId)
    useDeckStore().invalidate(deckId)
    useUndoStore().offer(result)
    return result
  }

  async function rename(deckId: string, title: string): Promise<void> {
    await useStorageStore().db().renameDeck(deckId, title)
    useDeckStore().retitle(deckId, title.trim())
  }

  /** Every card of the deck back to new (the review log stays). Returns how many cards had progress. */
  async function reset(deckId: string): Promise<number> {
    return useStorageStore().db().resetProgress(deckId, useClock().now())
  }

  return { remove, rename, reset }
})
