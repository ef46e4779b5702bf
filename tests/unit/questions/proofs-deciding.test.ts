// Deciding whether an option is provably wrong without writing the proof (what the distractor
// search does for every candidate it examines) finds a proof exactly when writing it does.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deck } from '../../../src/domain/deck/types'
import { buildDeckIndex } from '../../../src/domain/questions/deck-index'
import { Proofs, type ProvenRelation } from '../../../src/domain/questions/proofs'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'
import { deckArbitrary } from './arbitraries'
import { builtInDeck } from './fixtures'

type Method = 'notParent' | 'notSibling' | 'notGrandparent' | 'notUncleAunt' | 'notCousin' | 'notSpouse'
const METHODS: readonly Method[] = [
  'notParent',
  'notSibling',
  'notGrandparent',
  'notUncleAunt',
  'notCousin',
  'notSpouse',
]

/** Every method on every ordered pair of the deck's first `limit` people: [written, decided] per call. */
function both(
  deck: Deck,
  limit: number,
): Array<{ call: string; written: string | undefined; decided: string | undefined }> {
  const proofs = new Proofs(buildDeckIndex(deck))
  const people = deck.entities.filter((e) => e.kind === 'person').slice(0, limit)
  const out = []
  for (const a of people)
    for (const b of people)
      for (const m of METHODS) {
        const written = proofs[m](a.id, b.id)
        const decided = proofs.deciding(() => proofs[m](a.id, b.id))
        out.push({ call: `${m}(${a.id}, ${b.id})`, written, decided })
      }
  return out
}

describe('deciding proofs without writing them', () => {
  it('finds a proof for the same pairs as writing one, in the built-in deck and a synthetic dynasty', () => {
    for (const deck of [builtInDeck(), syntheticDynasty(1_000, 5)]) {
      const calls = both(deck, 60)
      const found = calls.filter((c) => c.written !== undefined)
      // Both outcomes occur, so the comparison means something.
      expect(found.length).toBeGreaterThan(100)
      expect(found.length).toBeLessThan(calls.length)
      for (const c of calls) expect(c.decided === undefined, c.call).toBe(c.written === undefined)
      // Writing is untouched by deciding before it, and deciding writes nothing.
      for (const c of found) expect(c.written, c.call).toMatch(/^[A-Z]/)
      for (const c of found) expect(c.decided, c.call).not.toBe(c.written)
    }
  })

  it('finds a proof for the same pairs as writing one, in random decks', () => {
    fc.assert(
      fc.property(deckArbitrary, (deck) => {
        for (const c of both(deck, 12)) expect(c.decided === undefined, c.call).toBe(c.written === undefined)
      }),
      { numRuns: 40, seed: 15 },
    )
  })
})

/** The relations `mayProve` answers for, and the proof each one stands for. */
const BY_SUBJECT: ReadonlyArray<readonly [string, Method]> = [
  ['cousin', 'notCousin'],
  ['uncle-aunt', 'notUncleAunt'],
  ['grandparent', 'notGrandparent'],
  ['spouse', 'notSpouse'],
  ['parent', 'notParent'],
]

/** Subjects `mayProve` rules out, and every proof found for one of them and another person (there must be none). */
function ruledOut(deck: Deck, limit: number): { subjects: number; proofs: string[] } {
  const proofs = new Proofs(buildDeckIndex(deck))
  const people = deck.entities.filter((e) => e.kind === 'person').slice(0, limit)
  let subjects = 0
  const found: string[] = []
  for (const [relation, method] of BY_SUBJECT)
    for (const a of people) {
      if (proofs.mayProve(relation, a.id)) continue
      subjects++
      for (const b of people) {
        if (b === a) continue
        const proof = proofs[method](a.id, b.id)
        if (proof !== undefined) found.push(`${method}(${a.id}, ${b.id}): ${proof}`)
      }
    }
  return { subjects, proofs: found }
}

describe('subjects no option can be proven a wrong relative of', () => {
  it('get no proof for any option, in the built-in deck and a synthetic dynasty', () => {
    for (const deck of [builtInDeck(), syntheticDynasty(1_000, 5)]) {
      const { subjects, proofs } = ruledOut(deck, 80)
      // Some subjects are ruled out, so the search they skip is a real one.
      expect(subjects).toBeGreaterThan(5)
      expect(proofs).toEqual([])
    }
  })

  it('get no proof for any option, in random decks', () => {
    fc.assert(
      fc.property(deckArbitrary, (deck) => {
        expect(ruledOut(deck, 12).proofs).toEqual([])
      }),
      { numRuns: 60, seed: 16 },
    )
  })
})

/** Each relative's check as the separate public conditions spell it: plausible first, then the proof. */
const SEPARATE: Record<ProvenRelation | 'spouse', (p: Proofs, s: string, o: string) => string | undefined> = {
  child: (p, s, o) => (p.ofGeneration(s, o, 1) && p.bornBefore(s, o, 14) ? p.notParent(o, s) : undefined),
  grandparent: (p, s, o) => (p.ofGeneration(s, o, -2) && p.bornBefore(o, s, 30) ? p.notGrandparent(s, o) : undefined),
  grandchild: (p, s, o) => (p.ofGeneration(s, o, 2) && p.bornBefore(s, o, 30) ? p.notGrandparent(o, s) : undefined),
  sibling: (p, s, o) => (p.ofGeneration(s, o, 0) && p.bornWithin(s, o, 20) ? p.notSibling(s, o) : undefined),
  'uncle-aunt': (p, s, o) =>
    p.ofGeneration(s, o, -1) && p.bornBefore(o, s, -10) && p.bornWithin(s, o, 60) ? p.notUncleAunt(s, o) : undefined,
  cousin: (p, s, o) => (p.ofGeneration(s, o, 0) && p.bornWithin(s, o, 25) ? p.notCousin(s, o) : undefined),
  spouse: (p, s, o) => (p.ofGeneration(s, o, 0, 0) && p.bornWithin(s, o, 30) ? p.notSpouse(s, o) : undefined),
}
const RELATIVES = Object.keys(SEPARATE) as Array<keyof typeof SEPARATE>

/** Every relative's one-call check against the separate conditions, on ordered pairs of the first `limit` people. */
function oneCallMismatches(deck: Deck, limit: number): { found: number; calls: number; mismatches: string[] } {
  const proofs = new Proofs(buildDeckIndex(deck))
  const people = deck.entities.filter((e) => e.kind === 'person').slice(0, limit)
  const mismatches: string[] = []
  let found = 0
  let calls = 0
  for (const relation of RELATIVES)
    for (const a of people)
      for (const b of people) {
        const one = (s: string, o: string) =>
          relation === 'spouse' ? proofs.wrongSpouse(s, o) : proofs.wrongRelative(relation, s, o)
        const want = SEPARATE[relation](proofs, a.id, b.id)
        const got = one(a.id, b.id)
        const decided = proofs.deciding(() => one(a.id, b.id))
        const plausibleParent =
          proofs.ofGeneration(a.id, b.id, -1) &&
          proofs.bornBefore(b.id, a.id, 14) &&
          !proofs.diedYearsBeforeBirth(b.id, a.id, 1)
        calls++
        if (want !== undefined) found++
        if (got !== want) mismatches.push(`${relation}(${a.id}, ${b.id}) wrote ${got}, not ${want}`)
        if ((decided === undefined) !== (want === undefined)) mismatches.push(`${relation}(${a.id}, ${b.id}) decided`)
        if (proofs.plausibleParent(b.id, a.id) !== plausibleParent) mismatches.push(`plausibleParent(${b.id}, ${a.id})`)
      }
  return { found, calls, mismatches }
}

describe('one check per option for a relative', () => {
  it('gives the proof the separate conditions give, in the built-in deck and a synthetic dynasty', () => {
    for (const deck of [builtInDeck(), syntheticDynasty(1_000, 5)]) {
      const { found, calls, mismatches } = oneCallMismatches(deck, 50)
      // Both outcomes occur, so the comparison means something.
      expect(found).toBeGreaterThan(50)
      expect(found).toBeLessThan(calls)
      expect(mismatches).toEqual([])
    }
  })

  it('gives the proof the separate conditions give, in random decks', () => {
    fc.assert(
      fc.property(deckArbitrary, (deck) => {
        expect(oneCallMismatches(deck, 12).mismatches).toEqual([])
      }),
      { numRuns: 40, seed: 17 },
    )
  })
})
