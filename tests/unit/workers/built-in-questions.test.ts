// The built-in deck's questions are generated at build time (scripts/compile-decks.ts), so a fresh
// user's study view needs no generator. They must be exactly the questions the generator gives
// the deck as it is in content/ now, and stand for the deck only while their cache key matches: an
// edited deck (another key) is generated again.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import type { Deck } from '../../../src/domain/deck/types'
import { deckContentHash, deckQuestionsKey, deckSeed } from '../../../src/domain/questions/cache-key'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { builtInDecks } from '../../../src/generated/decks'
import { builtInQuestions } from '../../../src/stores/deck'
import { DeckQuestionService } from '../../../src/workers/deck-questions'
import { NOW, testDatabase } from '../storage/helpers'

const root = join(import.meta.dirname, '..', '..', '..')
const deck = parseDeckText(readFileSync(join(root, 'content', 'john-vii-palaiologos.yaml'), 'utf8')).deck as Deck
const seed = deckSeed(deck.id)
const generated = generateQuestions(deck, { seed })

describe('built-in questions made at build time', () => {
  it('are exactly the questions the generator gives the deck in content/, in order', async () => {
    expect(builtInDecks.map((d) => d.id)).toContain(deck.id)
    const bank = await builtInQuestions(deck.id, deckQuestionsKey(deckContentHash(deck), seed))
    expect(bank).toBeDefined()
    expect(generated.length).toBeGreaterThan(100)
    expect(await bank?.all()).toEqual(generated)
    expect(bank?.stubs.toArray().map((s) => [s.cardId, s.kind, s.fingerprint])).toEqual(
      generated.map((q) => [q.cardId, q.kind, q.fingerprint]),
    )
    // One question, read alone (its part only), is the generator's.
    const last = generated.length - 1
    expect(await bank?.questions([last])).toEqual([generated[last]])
  })

  it('are not used for another key or another deck', async () => {
    const edited: Deck = { ...deck, facts: deck.facts.slice(1) }
    expect(await builtInQuestions(deck.id, deckQuestionsKey(deckContentHash(edited), seed))).toBeUndefined()
    expect(await builtInQuestions('no-such-deck', deckQuestionsKey(deckContentHash(deck), seed))).toBeUndefined()
  })

  it('open the deck in the question service without generating; an edited deck is generated', async () => {
    const storage = await testDatabase().open()
    const service = new DeckQuestionService(async () => storage, '', builtInQuestions)
    const opened = await service.open(deck.id, NOW, deck)
    expect(opened).toMatchObject({ cached: true, questionCount: generated.length })
    expect(opened.changes.firstSync).toBe(true)
    expect(await service.all(deck.id, NOW)).toEqual(generated)

    const edited: Deck = { ...deck, facts: deck.facts.slice(1) }
    const other = new DeckQuestionService(async () => storage, '', builtInQuestions)
    const reopened = await other.open(deck.id, NOW + 1, edited)
    expect(reopened.cached).toBe(false)
    expect(await other.all(deck.id, NOW + 1)).toEqual(generateQuestions(edited, { seed }))
  })
})
