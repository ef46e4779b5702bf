// The Library counts new cards of built-in decks from the card count the build records, without
// generating questions at start: that count must be the one the app's questions make.
// (Needs src/generated: `npm run build` or `npx tsx scripts/compile-decks.ts` first, as CI does.)
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../src/domain/questions/generate'
import { builtInDecks } from '../../src/generated/decks'
import { deckSeed } from '../../src/stores/deck'

describe('built-in deck card counts', () => {
  it.each(builtInDecks.map((d) => [d.id, d]))(
    '%s: the recorded count is the number of study cards',
    async (_id, info) => {
      const deck = await info.load()
      const cards = new Set(generateQuestions(deck, { seed: deckSeed(deck.id) }).map((q) => q.cardId))
      expect(info.studyCardCount).toBe(cards.size)
      expect(cards.size).toBeGreaterThan(0)
    },
  )
})
