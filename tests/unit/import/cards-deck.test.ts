// Decks built by the card importers are exactly what the deck format makes of the same cards:
// same defaults and the same card ids, so a re-import after export lines up with stored progress.
import { describe, expect, it } from 'vitest'
import { validateDeckObject } from '../../../src/domain/deck/validate'
import { deckFromCards } from '../../../src/domain/import/cards-deck'

describe('deckFromCards', () => {
  it('matches validateDeckObject on the equivalent deck file', () => {
    const { deck } = deckFromCards({ id: 'mixed', title: 'Mixed' }, [
      { type: 'basic', front: 'Stavraton', back: 'A silver coin' },
      { type: 'choice', prompt: 'Capital?', options: ['Rome', 'Constantinople'], answer: 'Constantinople' },
      { type: 'cloze', text: 'John VII ruled {{Thessalonica}}.' },
    ])
    const file = {
      id: 'mixed',
      title: 'Mixed',
      cards: [
        { front: 'Stavraton', back: 'A silver coin' },
        { question: 'Capital?', choices: ['Rome', 'Constantinople'], answer: 'Constantinople' },
        { cloze: 'John VII ruled {{Thessalonica}}.' },
      ],
    }
    const validated = validateDeckObject(file)
    expect(validated.issues).toEqual([])
    expect(deck).toEqual(validated.deck)
  })
})
