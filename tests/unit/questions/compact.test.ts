// The compact form the question cache keeps reads back every question as generated: the stubs
// opening and queueing read (card, kind, fingerprint), the ids, and each whole question, for the
// built-in deck, a synthetic dynasty and random decks, in parts of any size. Compacted batch by
// batch as they are generated, the questions make the same parts, and the questions so far read
// back at every batch.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import { CompactQuestions, type CompactPart } from '../../../src/domain/questions/compact'
import { compactQuestions, QuestionCompactor } from '../../../src/domain/questions/compact-write'
import { PackedParts } from '../../../src/domain/questions/packed-parts'
import { generateQuestions, questionBatches } from '../../../src/domain/questions/generate'
import { QuestionStubs } from '../../../src/domain/questions/stubs'
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
  expect(read.stubs.toArray()).toEqual(QuestionStubs.fromQuestions(questions).toArray())
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

  it('keep the lines of the last parts read only, and read any other part again', async () => {
    const questions = generateQuestions(syntheticDynasty(300, 4), { seed: 3 })
    const size = 50
    const { read, bodies } = stored(questions, size)
    const first = (part: number) => part * size
    // A call reads each part it needs once, however many of its questions it asks for.
    expect(await read.questions([0, 1, first(1), 2, first(1) + 1])).toEqual(
      [0, 1, first(1), 2, first(1) + 1].map((i) => questions[i]),
    )
    expect(bodies).toEqual([0, 1])
    // Parts 2 to 5 read after them: part 0 is no longer kept, part 1 neither, parts 2 to 5 are.
    for (const part of [2, 3, 4, 5]) await read.questions([first(part)])
    expect(bodies).toEqual([0, 1, 2, 3, 4, 5])
    expect(await read.questions([first(5) + 1, first(2) + 1])).toEqual([
      questions[first(5) + 1],
      questions[first(2) + 1],
    ])
    expect(bodies).toEqual([0, 1, 2, 3, 4, 5])
    expect(await read.questions([3])).toEqual([questions[3]])
    expect(bodies).toEqual([0, 1, 2, 3, 4, 5, 0])
    // Part 2 was read more recently than 3 (above), so 3 made way for part 0.
    await read.questions([first(2), first(4), first(5)])
    expect(bodies).toEqual([0, 1, 2, 3, 4, 5, 0])
    await read.questions([first(3)])
    expect(bodies).toEqual([0, 1, 2, 3, 4, 5, 0, 3])
    // A failed read is tried again.
    let fail = true
    const parts = compactQuestions(questions, size)
    const flaky = new CompactQuestions(
      parts.map((p) => p.head),
      (part) => (fail ? Promise.reject(new Error('gone')) : Promise.resolve(parts[part]!.body)),
    )
    await expect(flaky.questions([0])).rejects.toThrow('gone')
    fail = false
    expect(await flaky.questions([0])).toEqual([questions[0]])
  })

  it('keep ids that do not follow the card and fingerprints that differ within a card', async () => {
    const questions = generateQuestions(builtInDeck(), { seed: 3 }).map((q, i) =>
      i % 3 === 0 ? { ...q, id: `${q.id}#${i}` } : i % 5 === 0 ? { ...q, fingerprint: `${q.fingerprint}-${i}` } : q,
    )
    for (const size of [1, 4, 5_000]) await expectSame(questions, size)
  })

  it('keep what the questions of a card do not share, and proofs that are not one per wrong choice', async () => {
    const questions = generateQuestions(builtInDeck(), { seed: 3 })
    // Each change made to some question: a field its card's other questions do not have, or a
    // `why` other than one proof per wrong choice in order.
    const changes: Array<(q: Question, i: number) => Question> = [
      (q) => ({ ...q, sources: [{ id: 'other', title: 'Another source' }] }),
      (q) => ({ ...q, explanation: `${q.explanation} More.` }),
      (q) => ({ ...q, dispute: 'Sources differ.' }),
      (q) => ({ ...q, subject: undefined, subjectId: undefined }),
      (q) => ({ ...q, factIds: [...q.factIds] }),
      (q) => ({ ...q, image: { src: '/a.png', alt: 'A', licence: 'CC0', credit: 'Someone' } }),
      (q, i) => ({ ...q, deckId: `other-${i}` }),
      (q) => (q.why ? { ...q, why: [...q.why].reverse() } : q),
      (q) => (q.why ? { ...q, why: q.why.map((w, n) => ({ ...w, proof: `${w.proof} (${n})` })) } : q),
      (q) => (q.why ? { ...q, why: q.why.slice(1) } : q),
      (q) => (q.why ? { ...q, why: q.why.map((w) => ({ ...w, extra: 1 }) as typeof w) } : q),
      (q) => ({ ...q, why: [] }),
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(questions.length - 1), fc.nat(changes.length - 1)), { maxLength: 25 }),
        fc.integer({ min: 1, max: 60 }),
        async (picks, size) => {
          const changed = [...questions]
          for (const [i, c] of picks) changed[i] = changes[c]!(changed[i]!, i)
          await expectSame(changed, size)
        },
      ),
      { numRuns: 40, seed: 8 },
    )
  })

  it('write what the questions of a card share once per part, and proofs once', () => {
    const questions = generateQuestions(builtInDeck(), { seed: 3 })
    const parts = compactQuestions(questions, 5_000)
    expect(parts).toHaveLength(1)
    const { body } = parts[0]!
    const count = (text: string) => body.split(text).length - 1
    // Every card's explanation once (a card's questions share one), not once per question.
    const cards = new Map<string, string>()
    for (const q of questions)
      if (!cards.has(q.cardId)) cards.set(q.cardId, `"explanation":${JSON.stringify(q.explanation)}`)
    const explanations = new Map<string, number>()
    for (const text of cards.values()) explanations.set(text, (explanations.get(text) ?? 0) + 1)
    for (const [text, n] of explanations) expect(count(text), text).toBe(n)
    // A date's wrong options share one proof: its line has it once.
    const date = questions.find(
      (q) =>
        q.kind === 'multiple-choice' &&
        q.why &&
        q.why.length > 1 &&
        q.why.every((w) => w.proof === q.why![0]!.proof && w.proof !== q.explanation),
    )!
    const line = body.split('\n')[questions.indexOf(date)]!
    expect(line.split(JSON.stringify(date.why![0]!.proof)).length - 1).toBe(1)
    // Half the JSON of the questions or less.
    expect(body.length).toBeLessThan(0.6 * questions.map((q) => JSON.stringify(q)).join('\n').length)
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

/** The questions cut at these points (sorted, any of 0…length) into batches, some of them empty. */
function batches(questions: readonly Question[], cuts: readonly number[]): Question[][] {
  const at = [0, ...cuts, questions.length]
  return at.slice(1).map((end, i) => questions.slice(at[i], end))
}

/** The parts a compactor emits into `packed`, unpacked. */
const unpacked = (packed: PackedParts) => Array.from({ length: packed.count }, (_, i) => packed.part(i))

/**
 * Fed these batches, the compactor emits compactQuestions' parts, held packed as the worker holds
 * them, and the parts so far and the pending one read back the questions so far.
 */
async function expectSameBatched(questions: readonly Question[], cuts: readonly number[], size: number) {
  const packed = new PackedParts()
  const compactor = new QuestionCompactor(size, (part) => packed.push(part))
  let added = 0
  for (const batch of batches(questions, cuts)) {
    compactor.add(batch)
    added += batch.length
    expect(compactor.length).toBe(added)
    const soFar = packed.bank(compactor.pending())
    const prefix = questions.slice(0, added)
    expect(soFar.stubs.toArray()).toEqual(QuestionStubs.fromQuestions(prefix).toArray())
    if (added) expect(await soFar.questions([0, added - 1])).toEqual([prefix[0], prefix[added - 1]])
  }
  compactor.finish()
  const parts = unpacked(packed)
  expect(parts).toEqual(compactQuestions(questions, size))
  // Compact: the heads list only the ids and fingerprints that do not follow from the card.
  const heads = parts.map((p) => JSON.parse(p.head) as { ids: unknown[]; prints: unknown[] })
  const cardPrint = new Map<string, string>()
  for (const q of questions) if (!cardPrint.has(q.cardId)) cardPrint.set(q.cardId, q.fingerprint)
  expect(heads.reduce((n, head) => n + head.prints.length, 0)).toBe(
    questions.filter((q) => q.fingerprint !== cardPrint.get(q.cardId)).length,
  )
  expect(heads.reduce((n, head) => n + head.ids.length, 0)).toBe(
    questions.filter((q) => q.id !== `${q.cardId}/${q.kind}`).length,
  )
  // The bank over the packed parts reads what was compacted.
  expect(await packed.bank().all()).toEqual(questions)
}

describe('compacting batch by batch', () => {
  const questions = generateQuestions(syntheticDynasty(200, 2), { seed: 5 }).map((q, i) =>
    // Ids and fingerprints of their own, some on a card that spans two parts.
    i % 7 === 0 ? { ...q, id: `${q.id}#${i}` } : i % 11 === 0 ? { ...q, fingerprint: `${q.fingerprint}-${i}` } : q,
  )

  it('makes the parts of the whole list, whatever the part size and the batches', async () => {
    for (const size of [1, 3, 64, 100, questions.length, 5_000]) {
      // One batch; one per question; batches cut across the parts; batches of whole parts, and empty ones.
      await expectSameBatched(questions, [], size)
      await expectSameBatched(
        questions.slice(0, 150),
        Array.from({ length: 149 }, (_, i) => i + 1),
        size,
      )
      await expectSameBatched(questions, [17, 17, 250, 251, 600], size)
      await expectSameBatched(
        questions,
        [size, 2 * size].filter((n) => n <= questions.length),
        size,
      )
    }
  })

  it('makes the parts of the whole list for any batches (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.uniqueArray(fc.integer({ min: 0, max: questions.length }), { maxLength: 12 }),
        async (size, cuts) => {
          await expectSameBatched(
            questions,
            [...cuts].sort((a, b) => a - b),
            size,
          )
        },
      ),
      { numRuns: 40, seed: 3 },
    )
  })

  it('makes the parts of the generator’s own batches', () => {
    const deck = syntheticDynasty(400, 9)
    const parts: CompactPart[] = []
    const compactor = new QuestionCompactor(97, (part) => parts.push(part))
    for (const batch of questionBatches(deck, { seed: 2, entitiesPerBatch: 5 })) compactor.add(batch)
    compactor.finish()
    expect(parts).toEqual(compactQuestions(generateQuestions(deck, { seed: 2 }), 97))
  })

  it('no batches make the one empty part', async () => {
    const packed = new PackedParts()
    const compactor = new QuestionCompactor(10, (part) => packed.push(part))
    expect(compactor.pending()).toBeUndefined()
    expect(packed.bank(compactor.pending()).stubs.length).toBe(0)
    compactor.finish()
    expect(unpacked(packed)).toEqual(compactQuestions([], 10))
    expect(await packed.bank().all()).toEqual([])
  })
})
