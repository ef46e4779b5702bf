// Editing one hand-written card in place: the edit is validated as an import would be (each problem
// names its field; nothing changes on error), the card keeps its id, and its questions carry the
// fingerprint handCardFingerprint computes (which is what lets storage keep the card's progress).
import { describe, expect, it } from 'vitest'
import { editHandCard } from '../../../src/domain/deck/edit-card'
import type { Deck } from '../../../src/domain/deck/types'
import { deckFromCards } from '../../../src/domain/import/cards-deck'
import { handCardFingerprint } from '../../../src/domain/questions/cards'
import { generateQuestions } from '../../../src/domain/questions/generate'

const deck: Deck = {
  ...deckFromCards(
    { id: 'words', title: 'Words' },
    [
      ['ephemeral', 'lasting a very short time'],
      ['laconic', 'using very few words'],
      ['serene', 'calm and untroubled'],
      ['candid', 'truthful and straightforward'],
    ].map(([front, back]) => ({ type: 'basic' as const, front: front as string, back: back as string })),
  ).deck,
}
const withOthers: Deck = {
  ...deck,
  cards: [
    ...deck.cards,
    {
      type: 'choice',
      id: 'metal',
      prompt: 'A stavraton is made of…',
      options: ['silver', 'gold'],
      answer: 'silver',
      sources: [],
    },
    { type: 'cloze', id: 'coin', text: 'The {{stavraton}} was a silver coin.', sources: [] },
  ],
}
const first = deck.cards[0]!

describe('editHandCard', () => {
  it('changes only that card, keeps its id, and trims the text', () => {
    const result = editHandCard(deck, first.id, {
      type: 'basic',
      front: ' ephemeral ',
      back: 'lasting only a short while',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.changed).toBe(true)
    expect(result.card).toEqual({ ...first, back: 'lasting only a short while' })
    expect(result.deck.cards.map((c) => c.id)).toEqual(deck.cards.map((c) => c.id))
    expect(result.deck.cards.slice(1)).toEqual(deck.cards.slice(1))
    expect(deck.cards[0]).toBe(first) // the deck given is not changed
  })

  it('says when nothing changed', () => {
    const result = editHandCard(deck, first.id, {
      type: 'basic',
      front: first.type === 'basic' ? first.front : '',
      back: first.type === 'basic' ? first.back : '',
    })
    expect(result).toMatchObject({ ok: true, changed: false })
  })

  it('refuses blank sides, naming the field', () => {
    const result = editHandCard(deck, first.id, { type: 'basic', front: 'ephemeral', back: '   ' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ field: 'back', message: expect.stringMatching(/^Answer: .*not blank/) })
  })

  it('checks choice and cloze cards with the deck rules: the answer among the choices, a gap in the text', () => {
    const choice = editHandCard(withOthers, 'metal', {
      type: 'choice',
      prompt: 'Made of?',
      options: ['silver'],
      answer: 'gold',
    })
    expect(choice.ok).toBe(false)
    if (!choice.ok) {
      expect(choice.issues.map((i) => i.field)).toContain('options')
      expect(choice.issues.every((i) => i.message.length > 0)).toBe(true)
    }
    const cloze = editHandCard(withOthers, 'coin', { type: 'cloze', text: 'A silver coin with no gap.' })
    expect(cloze.ok).toBe(false)
    if (!cloze.ok)
      expect(cloze.issues[0]).toMatchObject({ field: 'text', message: expect.stringMatching(/^Sentence: /) })
    const fixed = editHandCard(withOthers, 'coin', { type: 'cloze', text: 'The {{stavraton}} was a coin of silver.' })
    expect(fixed).toMatchObject({ ok: true, card: { id: 'coin', text: 'The {{stavraton}} was a coin of silver.' } })
  })

  it('refuses a card that is not in the deck, or a change of kind', () => {
    expect(editHandCard(deck, 'nope', { type: 'basic', front: 'a', back: 'b' })).toMatchObject({ ok: false })
    expect(editHandCard(withOthers, 'coin', { type: 'basic', front: 'a', back: 'b' })).toMatchObject({ ok: false })
  })

  it('gives the edited card the fingerprint its questions carry', () => {
    const result = editHandCard(deck, first.id, { type: 'basic', front: 'ephemeral', back: 'short-lived' })
    if (!result.ok) throw new Error('refused')
    const questions = generateQuestions(result.deck, { seed: 1 }).filter((q) => q.cardId === `words/card/${first.id}`)
    expect(questions.length).toBeGreaterThan(1)
    expect(new Set(questions.map((q) => q.fingerprint))).toEqual(new Set([handCardFingerprint(result.card)]))
    // And the wording is part of it: the old card's fingerprint differs.
    expect(handCardFingerprint(first)).not.toBe(handCardFingerprint(result.card))
  })
})
