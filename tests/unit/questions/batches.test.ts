// The generator step by step (questionBatches): its batches, concatenated, are generateQuestions'
// output, and a card's questions always come in one batch, so the cards made so far are whole.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import { DeckQuestionMaker, generateQuestions, questionBatches } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'
import { deckArbitrary } from './arbitraries'
import { builtInDeck } from './fixtures'

/** Ids of the cards found in more than one batch. */
function cardsSplit(batches: readonly Question[][]): string[] {
  const batchOf = new Map<string, number>()
  const split = new Set<string>()
  batches.forEach((batch, i) => {
    for (const q of batch) {
      const seen = batchOf.get(q.cardId)
      if (seen !== undefined && seen !== i) split.add(q.cardId)
      batchOf.set(q.cardId, i)
    }
  })
  return [...split]
}

function expectBatchesOf(deck: Deck, seed: number, entitiesPerBatch: number) {
  const batches = [...questionBatches(deck, { seed, entitiesPerBatch })]
  expect(batches.flat()).toEqual(generateQuestions(deck, { seed }))
  expect(cardsSplit(batches)).toEqual([])
  return batches
}

describe('questionBatches', () => {
  it('gives the built-in deck its questions, a card in one batch, even a batch per entity', () => {
    const batches = expectBatchesOf(builtInDeck(), 1, 1)
    expect(batches.filter((b) => b.length > 0).length).toBeGreaterThan(10)
  })

  it('gives a large synthetic deck its questions, a card in one batch', () => {
    const deck = syntheticDynasty(3_000, 4)
    const batches = expectBatchesOf(deck, 9, 7)
    expect(batches.length).toBeGreaterThan(deck.entities.length / 7)
  })

  it('for any deck, seed and batch size', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.nat(), fc.integer({ min: 1, max: 5 }), (deck, seed, size) => {
        expectBatchesOf(deck, seed, size)
      }),
      { numRuns: 60 },
    )
  })
})

/** The questions of the cards named, as the whole deck has them, in deck order. */
function asTheWholeDeckHas(whole: readonly Question[], cardIds: ReadonlySet<string>): Question[] {
  return whole.filter((q) => cardIds.has(q.cardId))
}

describe('DeckQuestionMaker.ofCards', () => {
  const deck = syntheticDynasty(3_000, 4)
  const whole = generateQuestions(deck, { seed: 5 })
  const cardIds = [...new Set(whole.map((q) => q.cardId))]

  it('makes any cards of a big deck as the whole deck has them, without the rest', () => {
    fc.assert(
      fc.property(fc.subarray(cardIds, { minLength: 1, maxLength: 12 }), (picked) => {
        const made = new DeckQuestionMaker(deck, { seed: 5 }).ofCards(picked)
        expect(made).toEqual(asTheWholeDeckHas(whole, new Set(picked)))
      }),
      { numRuns: 25 },
    )
  })

  it('answers while the deck is made batch by batch, and leaves the batches as they were', () => {
    const maker = new DeckQuestionMaker(deck, { seed: 5 })
    const batches: Question[][] = []
    const late = cardIds.slice(-40).concat(cardIds.slice(cardIds.length / 2, cardIds.length / 2 + 5))
    let asked = 0
    for (const batch of maker.batches(10)) {
      batches.push(batch)
      // Asked between batches, early, midway and among the deck-wide ones.
      if (batches.length % 15 === 1) {
        expect(maker.ofCards(late)).toEqual(asTheWholeDeckHas(whole, new Set(late)))
        asked++
      }
    }
    expect(asked).toBeGreaterThan(3)
    expect(batches.flat()).toEqual(whole)
  })

  it('made step by step, a group at a time, while batches are made between the steps', () => {
    const maker = new DeckQuestionMaker(deck, { seed: 5 })
    const spread = cardIds.filter((_, i) => i % 97 === 0)
    const steps = maker.cardsOf(spread)
    const batches: Question[][] = []
    let result: Question[] | undefined
    let stepsTaken = 0
    for (const batch of maker.batches(3)) {
      batches.push(batch)
      if (result) continue
      const step = steps.next()
      if (step.done) result = step.value
      else stepsTaken++
    }
    expect(stepsTaken).toBeGreaterThan(5)
    expect(result).toEqual(asTheWholeDeckHas(whole, new Set(spread)))
    expect(batches.flat()).toEqual(whole)
  })

  it('makes nothing when the cards are spread over more groups than allowed', () => {
    const maker = new DeckQuestionMaker(deck, { seed: 5 })
    const spread = cardIds.filter((_, i) => i % 50 === 0)
    expect(maker.cardsOf(spread, maker.groupCount / 2).next()).toEqual({ done: true, value: undefined })
    expect(maker.cardsOf(spread.slice(0, 2), maker.groupCount / 2).next().done).toBe(false)
  })

  it('finds deck-wide cards (orderings, matchings, family-tree boxes) and leaves out cards the deck lacks', () => {
    const deckWide = cardIds.filter((id) => /\/(order|match|family-tree-box)/.test(id))
    expect(deckWide.length).toBeGreaterThan(2)
    const gone = `${deck.id}/born/no-such-person`
    const made = new DeckQuestionMaker(deck, { seed: 5 }).ofCards([...deckWide, gone, 'other-deck/born/x'])
    expect(made).toEqual(asTheWholeDeckHas(whole, new Set(deckWide)))
  })

  it('for any deck and seed, every card named gives the whole deck', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.nat(), (any, seed) => {
        const all = generateQuestions(any, { seed })
        expect(new DeckQuestionMaker(any, { seed }).ofCards(all.map((q) => q.cardId))).toEqual(all)
      }),
      { numRuns: 40 },
    )
  })
})
