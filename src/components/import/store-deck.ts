// Storing a deck from the editor or an import: the deck, then its questions synced with stored
// progress (unchanged questions keep theirs), then the deck cache refreshed. A deck deleted between
// the two (in another tab) stays deleted: the sync writes none of its cards.
import type { Deck } from '../../domain/deck/types'
import type { Question } from '../../domain/questions/types'
import { DeckDeletedError } from '../../storage/errors'
import { useClock } from '../../stores/clock'
import { useDeckStore } from '../../stores/deck'
import { useStorageStore } from '../../stores/storage'

export type StoreDeckResult = { ok: true } | { ok: false; message: string } | { ok: false; reported: true }

export async function storeDeck(
  deck: Deck,
  questions: readonly Question[],
  origin: 'user' | 'imported',
): Promise<StoreDeckResult> {
  const storage = useStorageStore()
  try {
    const now = useClock().now()
    const db = storage.db()
    await db.decks.save(deck, { origin, now })
    await db.syncDeckQuestions(deck.id, questions, now, { title: deck.title, version: deck.version, stored: true })
    useDeckStore().invalidate(deck.id)
    return { ok: true }
  } catch (error) {
    if (error instanceof DeckDeletedError) {
      useDeckStore().invalidate(deck.id)
      return {
        ok: false,
        message: `“${deck.title}” was deleted while it was being saved (in another tab?): nothing of it was kept. Save it again to keep it.`,
      }
    }
    // Full disk, blocked database…: the app shows its storage error screen.
    if (storage.report(error)) return { ok: false, reported: true }
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}
