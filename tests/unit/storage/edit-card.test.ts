// A hand-written card edited in place, through storage and the next sync of the deck's questions,
// as the app does it: a change of wording keeps the card's progress and its review log; an edit
// marked as a change of meaning restarts the card as new (its log kept); a built-in deck refuses.
import { describe, expect, it } from 'vitest'
import { editHandCard } from '../../../src/domain/deck/edit-card'
import type { Deck } from '../../../src/domain/deck/types'
import { deckFromCards } from '../../../src/domain/import/cards-deck'
import { handCardFingerprint } from '../../../src/domain/questions/cards'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { DAY, MINUTE, NOW, testDatabase } from './helpers'

const deck = deckFromCards(
  { id: 'words', title: 'Words' },
  [
    ['ephemeral', 'lasting a very short time'],
    ['laconic', 'using very few words'],
    ['serene', 'calm and untroubled'],
    ['candid', 'truthful and straightforward'],
  ].map(([front, back]) => ({ type: 'basic' as const, front: front as string, back: back as string })),
).deck
const card = deck.cards[0]!
const cardId = `words/card/${card.id}`

async function studied() {
  const storage = await testDatabase().open()
  await storage.decks.save(deck, { origin: 'imported', now: NOW - 3 * DAY })
  await storage.syncDeckQuestions(deck.id, generateQuestions(deck, { seed: 1 }), NOW - 3 * DAY)
  const fingerprint = handCardFingerprint(card)
  for (const [grade, at] of [
    [3, NOW - 2 * DAY],
    [3, NOW - 2 * DAY + 15 * MINUTE],
  ] as const)
    await storage.recordReview({ cardId, questionId: `${cardId}/basic`, deckId: deck.id, fingerprint, grade, now: at })
  return storage
}

function edited(back: string): { deck: Deck; fingerprint: string } {
  const result = editHandCard(deck, card.id, { type: 'basic', front: 'ephemeral', back })
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '))
  return { deck: result.deck, fingerprint: handCardFingerprint(result.card) }
}

describe('saveEditedCard', () => {
  it('keeps progress and the review log through the next sync when only the wording changed', async () => {
    const storage = await studied()
    const before = await storage.cards.get(cardId)
    expect(before?.state.phase).toBe('review')
    const edit = edited('lasting a very short while')
    await storage.saveEditedCard(edit.deck, { cardId, fingerprint: edit.fingerprint, keepProgress: true }, NOW)
    // The app syncs the edited deck's questions when it opens it again.
    const summary = await storage.syncDeckQuestions(deck.id, generateQuestions(edit.deck, { seed: 1 }), NOW)
    expect(summary.unchanged).toContain(cardId)
    expect(summary.changed).not.toContain(cardId)
    const after = await storage.cards.get(cardId)
    expect(after?.state).toEqual(before?.state)
    expect(after?.fingerprint).toBe(edit.fingerprint)
    expect(await storage.reviews.forCard(cardId)).toHaveLength(2)
    expect((await storage.decks.get(deck.id))?.cards[0]).toMatchObject({
      id: card.id,
      back: 'lasting a very short while',
    })
  })

  it('restarts the card as new, keeping its log, when the answer itself changed', async () => {
    const storage = await studied()
    const edit = edited('lasting forever')
    await storage.saveEditedCard(edit.deck, { cardId, fingerprint: edit.fingerprint, keepProgress: false }, NOW)
    const summary = await storage.syncDeckQuestions(deck.id, generateQuestions(edit.deck, { seed: 1 }), NOW)
    expect(summary.changed).toContain(cardId)
    expect((await storage.cards.get(cardId))?.state.phase).toBe('new')
    expect(await storage.reviews.forCard(cardId)).toHaveLength(2)
  })

  it('refuses a deck that is not in the library, changing nothing', async () => {
    const storage = await studied()
    const other = { ...edited('x').deck, id: 'john-vii-palaiologos' }
    await expect(storage.saveEditedCard(other, { cardId, fingerprint: 'x', keepProgress: true }, NOW)).rejects.toThrow(
      /Only decks in your library/,
    )
    expect((await storage.cards.get(cardId))?.fingerprint).toBe(handCardFingerprint(card))
  })
})
