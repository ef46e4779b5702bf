// The compact form the question cache keeps reads back every question as generated: the stubs
// opening and queueing read (card, kind, fingerprint), the ids, and each whole question, for the
// built-in deck, a synthetic dynasty and random decks, in parts of any size.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import { CompactQuestions, compactQuestions, GeneratedQuestions } from '../../../src/domain/questions/compact'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'
import { deckArbitrary } from './arbitraries'
import { builtInDeck } from './fixtures'

/** The parts as stored and read back (plain strings), and which bodies were read. */
function stored(questions: Question[], size: number): { read: CompactQuestions; bodies: number[] } {
  const parts = JSON.parse(JSON.stringify(compactQuestions(questions, size))) as ReturnType<typeof compactQuestions>
  const bodies: number[] = []
  const read = new CompactQuestions(
    parts.map((p) => p.head),
    (part) => {
      bodies.push(part)
      return Promise.resolve(parts[part]!.body)
    },
  )
  return { read, bodies }
}

/** Every way of reading the questions back agrees with the questions themselves. */
async function expectSame(questions: Question[], size: number): Promise<void> {
  // One question alone reads its own part only.
  const last = questions.length - 1
  if (last >= 0) {
    const { read, bodies } = stored(questions, size)
    expect(await read.questions([last])).toEqual([questions[last]])
    expect(bodies).toEqual([Math.floor(last / size)])
  }
  const { read, bodies } = stored(questions, size)
  expect(read.stubs.toArray()).toEqual(
    questions.map((q, index) => ({ cardId: q.cardId, kind: q.kind, fingerprint: q.fingerprint, index })),
  )
  expect(read.stubs.toArray()).toEqual(new GeneratedQuestions(questions).stubs.toArray())
  // Opening reads no body.
  expect(bodies).toEqual([])
  questions.forEach((q, i) => {
    expect(read.id(i)).toBe(q.id)
    expect(read.indexOf(q.id)).toBe(i)
  })
  expect(await read.all()).toEqual(questions)
  expect(read.indexOf('no/such/question')).toBeUndefined()
}

describe('compact questions', () => {
  it('read back the built-in deck and a synthetic dynasty, whole and by part', async () => {
    const decks: Deck[] = [builtInDeck(), syntheticDynasty(600, 4)]
    for (const deck of decks) {
      const questions = generateQuestions(deck, { seed: 3 })
      for (const size of [1, 7, 5_000]) await expectSame(questions, size)
    }
  })

  it('keep ids that do not follow the card and fingerprints that differ within a card', async () => {
    const questions = generateQuestions(builtInDeck(), { seed: 3 }).map((q, i) =>
      i % 3 === 0 ? { ...q, id: `${q.id}#${i}` } : i % 5 === 0 ? { ...q, fingerprint: `${q.fingerprint}-${i}` } : q,
    )
    for (const size of [1, 4, 5_000]) await expectSame(questions, size)
  })

  it('read back random decks', async () => {
    await fc.assert(
      fc.asyncProperty(deckArbitrary, fc.integer({ min: 1, max: 40 }), async (deck, size) => {
        await expectSame(generateQuestions(deck, { seed: 1 }), size)
      }),
      { numRuns: 60, seed: 15 },
    )
  })

  it('no questions make one empty part', async () => {
    const parts = compactQuestions([], 10)
    expect(parts).toHaveLength(1)
    expect(await stored([], 10).read.all()).toEqual([])
  })
})
