import { defineStore } from 'pinia'
import { editHandCard, type CardEditIssue, type CardFields } from '../domain/deck/edit-card'
import type { HandCard } from '../domain/deck/types'
import { handCardFingerprint } from '../domain/questions/cards'
import { useClock } from './clock'
import { useDeckStore } from './deck'
import { useStorageStore } from './storage'

export type EditableCard =
  | { editable: true; card: HandCard }
  /** `generated`: written from the deck's facts; `built-in`: a deck that ships with the app; `missing`: gone. */
  | { editable: false; reason: 'generated' | 'built-in' | 'missing' }

export interface SaveCardOptions {
  /** Only the wording changed: the card keeps its progress (otherwise it starts again as new). */
  keepProgress: boolean
}

/** The card's own id in `deck.cards` from a `Question.cardId` (`${deckId}/card/${id}`). */
const handId = (deckId: string, cardId: string) => {
  const prefix = `${deckId}/card/`
  return cardId.startsWith(prefix) ? cardId.slice(prefix.length) : undefined
}

/**
 * Editing a hand-written card in place from the card browser: validated like an import (all or
 * nothing, each problem located in its field), saved in one transaction with the card's progress.
 */
export const useCardEditStore = defineStore('card-edit', () => {
  async function load(deckId: string, cardId: string): Promise<EditableCard> {
    const id = handId(deckId, cardId)
    if (id === undefined) return { editable: false, reason: 'generated' }
    const db = useStorageStore().db()
    const deck = await db.decks.get(deckId)
    if (!deck) return { editable: false, reason: 'built-in' }
    const card = deck.cards.find((c) => c.id === id)
    return card ? { editable: true, card } : { editable: false, reason: 'missing' }
  }

  /** Saves the card's new text; returns the problems found (none: saved) . */
  async function save(
    deckId: string,
    cardId: string,
    fields: CardFields,
    options: SaveCardOptions,
  ): Promise<CardEditIssue[]> {
    const id = handId(deckId, cardId)
    const db = useStorageStore().db()
    const deck = id === undefined ? undefined : await db.decks.get(deckId)
    if (!deck || id === undefined)
      return [{ message: 'Only hand-written cards of decks in your library can be edited.' }]
    const result = editHandCard(deck, id, fields)
    if (!result.ok) return result.issues
    if (!result.changed) return []
    await db.saveEditedCard(
      result.deck,
      { cardId, fingerprint: handCardFingerprint(result.card), keepProgress: options.keepProgress },
      useClock().now(),
    )
    await useDeckStore().reload(deckId)
    return []
  }

  return { load, save }
})
