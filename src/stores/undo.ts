import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { DeletedDeck } from '../storage'
import { useStorageStore } from './storage'

/** How long "Undo" is offered after a deck is deleted. */
export const UNDO_MS = 10_000

/** The deck just deleted, while "Undo" is offered (light: the app shell shows it on every page). */
export const useUndoStore = defineStore('undo', () => {
  const deleted = shallowRef<DeletedDeck>()
  let timer: ReturnType<typeof setTimeout> | undefined

  function dismiss() {
    clearTimeout(timer)
    deleted.value = undefined
  }

  function offer(deck: DeletedDeck) {
    dismiss()
    deleted.value = deck
    timer = setTimeout(dismiss, UNDO_MS)
  }

  /** Puts the deleted deck back (one transaction); returns its id. */
  async function undo(): Promise<string | undefined> {
    const last = deleted.value
    if (!last) return undefined
    dismiss()
    await useStorageStore().db().restoreDeck(last)
    return last.deckId
  }

  return { deleted, offer, dismiss, undo }
})
