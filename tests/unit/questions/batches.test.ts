// The generator step by step (questionBatches): its batches, concatenated, are generateQuestions'
// output, and a card's questions always come in one batch, so the cards made so far are whole.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import { generateQuestions, questionBatches } from '../../../src/domain/questions/generate'
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
