// "Who belongs in this box?": the prompt names the box's relatives in words; exactly one choice
// fits; people whom the description does not single out get no study question.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Fact } from '../../../src/domain/deck/types'
import {
  boxDescription,
  familyTreeBoxQuestions,
  familyTreeQuestions,
} from '../../../src/domain/questions/family-tree-box'
import { deckOf, parent, person, spouse } from '../layout/deck-builder'

const deck = deckOf(
  [
    person('j5', 'John V'),
    person('hk', 'Helena Kantakouzene'),
    person('a4', 'Andronikos IV'),
    person('k', 'Keratsa of Bulgaria'),
    person('m2', 'Manuel II', 'male'),
    person('j7', 'John VII'),
    person('ig', 'Irene Gattilusio'),
    person('a5', 'Andronikos V'),
    person('j8', 'John VIII'),
    person('ad', 'Andronikos'),
  ],
  [
    spouse('j5', 'hk'),
    { ...parent('a4', 'j5'), role: 'father' },
    { ...parent('a4', 'hk'), role: 'mother' },
    parent('m2', 'j5'),
    parent('m2', 'hk'),
    spouse('a4', 'k'),
    { ...parent('j7', 'k'), role: 'mother' },
    { ...parent('j7', 'a4'), role: 'father' },
    spouse('j7', 'ig'),
    parent('a5', 'j7'),
    parent('a5', 'ig', true),
    parent('j8', 'm2'),
    parent('ad', 'm2'),
  ],
)
const byPerson = (questions: ReturnType<typeof familyTreeQuestions>) => new Map(questions.map((q) => [q.subjectId, q]))

describe('familyTreeQuestions', () => {
  const questions = byPerson(familyTreeQuestions(deck, { seed: 1 }))

  it('describes the box by parents (father first), spouse and children', () => {
    const q = questions.get('j7')!
    expect(q.prompt).toBe(
      'Who belongs in this box? (child of Andronikos IV and Keratsa of Bulgaria; spouse of Irene Gattilusio; parent of Andronikos V)',
    )
    expect(q).toMatchObject({
      kind: 'multiple-choice',
      relation: 'family-tree-box',
      answer: 'John VII',
      id: 'test/family-tree-box/j7/multiple-choice',
      cardId: 'test/family-tree-box/j7',
      deckId: 'test',
    })
    expect(q.choices).toContain('John VII')
    // Ruled out by their fathers; nobody else's parents are known.
    expect(q.choices!.slice().sort()).toEqual(['Andronikos', 'John VII', 'John VIII', 'Manuel II'])
    expect(q.why!.slice().sort((a, b) => (a.option < b.option ? -1 : 1))).toEqual([
      { option: 'Andronikos', proof: "Andronikos's father was Manuel II" },
      { option: 'John VIII', proof: "John VIII's father was Manuel II" },
      { option: 'Manuel II', proof: "Manuel II's father was John V" },
    ])
    expect(q.factIds).toEqual(['parent:a4:j7', 'parent:j7:a5', 'parent:k:j7', 'spouse:ig:j7'])
    expect(q.sources).toEqual([{ id: 's', title: 'S' }])
  })

  it('leaves disputed links out of the description', () => {
    // Andronikos V's mother is disputed here: only his father describes him.
    expect(questions.get('a5')!.prompt).toBe('Who belongs in this box? (child of John VII)')
    // "spouse of John VII" alone: anyone may have married him too, as far as the deck says.
    expect(questions.has('ig')).toBe(false)
  })

  it('asks nothing when someone else fits the description too', () => {
    // John VIII and Andronikos are both just "child of Manuel II".
    expect(questions.has('j8')).toBe(false)
    expect(questions.has('ad')).toBe(false)
    // Manuel II is "child of John V and Helena" like Andronikos IV, but also parent of two: unique.
    expect(questions.get('m2')!.prompt).toBe(
      'Who belongs in this box? (child of John V and Helena Kantakouzene; parent of John VIII and Andronikos)',
    )
  })

  it('is stable for a seed and changes the order with another', () => {
    expect(familyTreeQuestions(deck, { seed: 1 })).toEqual(familyTreeQuestions(deck, { seed: 1 }))
    const orders = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => byPerson(familyTreeQuestions(deck, { seed })).get('j7')!.choices!.join()),
    )
    expect(orders.size).toBeGreaterThan(1)
  })

  it('keeps the fingerprint when unrelated facts change', () => {
    const edited = { ...deck, facts: deck.facts.filter((f) => f.id !== 'parent:m2:j8') }
    expect(byPerson(familyTreeQuestions(edited, { seed: 1 })).get('j7')!.fingerprint).toBe(
      questions.get('j7')!.fingerprint,
    )
    const changed = { ...deck, facts: deck.facts.filter((f) => f.id !== 'spouse:ig:j7') }
    expect(byPerson(familyTreeQuestions(changed, { seed: 1 })).get('j7')!.fingerprint).not.toBe(
      questions.get('j7')!.fingerprint,
    )
  })
})

describe('distractors', () => {
  it('are of the answer’s gender when the deck gives it', () => {
    const family = deckOf(
      [
        person('p'),
        person('a', 'A', 'male'),
        person('b', 'B', 'female'),
        person('c', 'C', 'female'),
        person('d', 'D', 'male'),
        person('e', 'E', 'male'),
        person('f', 'F'),
        person('z'),
      ],
      [...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => parent(id, 'p')), parent('z', 'a')],
    )
    for (const seed of [1, 2, 3, 4]) {
      const q = byPerson(familyTreeQuestions(family, { seed })).get('a')!
      // F, of unknown gender, may be z's other parent; p and z are named in the prompt.
      expect(q.choices!.sort()).toEqual(['A', 'D', 'E'])
      expect(q.why!.map((w) => w.proof).sort()).toEqual(["z's father was A", "z's father was A"])
    }
  })
  it('are of the other gender when too few of the answer’s can be proven wrong', () => {
    // A is "child of P": only D, B and C, whose parents are others, are provably not; X and Y are not.
    const family = deckOf(
      [
        person('p'),
        person('a', 'A', 'male'),
        person('d', 'D', 'male'),
        person('b', 'B', 'female'),
        person('c', 'C', 'female'),
        person('x', 'X', 'male'),
        person('y', 'Y', 'female'),
      ],
      [
        parent('a', 'p'),
        ...['d', 'b', 'c'].flatMap((id) => [
          { ...parent(id, 'x'), role: 'father' as const },
          { ...parent(id, 'y'), role: 'mother' as const },
        ]),
      ],
    )
    for (const seed of [1, 2, 3, 4]) {
      const q = byPerson(familyTreeQuestions(family, { seed })).get('a')!
      expect(q.choices!.sort()).toEqual(['A', 'B', 'C', 'D'])
      expect(q.why!.map((w) => w.proof).sort()).toEqual([
        "B's parents were X and Y",
        "C's parents were X and Y",
        "D's parents were X and Y",
      ])
    }
  })
})

describe('familyTreeBoxQuestions', () => {
  const boxes = familyTreeBoxQuestions(deck, { seed: 3 })

  it('asks about a box even when a sibling looks alike, and keeps the sibling out of the choices', () => {
    const q = boxes.get('j8')!
    expect(q.prompt).toBe('Who belongs in this box? (child of Manuel II)')
    expect(boxDescription(q)).toBe('child of Manuel II')
    expect(q.choices).toContain('John VIII')
    expect(q.choices).not.toContain('Andronikos')
  })

  it('asks about every box whose wrong choices the facts rule out, and the study questions are among them', () => {
    // Irene is only "spouse of John VII": nothing rules out anyone else.
    expect([...boxes.keys()].sort()).toEqual(
      deck.entities
        .map((e) => e.id)
        .filter((id) => id !== 'ig')
        .sort(),
    )
    for (const q of familyTreeQuestions(deck, { seed: 3 })) expect(boxes.get(q.subjectId!)).toEqual(q)
    expect(familyTreeBoxQuestions(deckOf([person('a'), person('b')], []), { seed: 1 }).size).toBe(0)
  })

  it('never offers someone who fits the box by a disputed link ("Quiz me" too)', () => {
    // b's father is a; c's father is z, or a by another source: c fits "child of a" as well.
    const disputedFather: Fact = { ...parent('c', 'z'), alternatives: [{ value: 'a', sources: ['s'] }] }
    const people = [
      person('a', 'Alexios', 'male'),
      person('z', 'Zeno', 'male'),
      person('b', 'Basil', 'male'),
      person('c', 'Constantine', 'male'),
      person('d', 'Demetrios', 'male'),
      person('e', 'Eudokios', 'male'),
    ]
    const disputed = deckOf(people, [parent('b', 'a'), disputedFather, parent('d', 'z'), parent('e', 'z')])
    for (let seed = 1; seed <= 20; seed++) {
      const q = familyTreeBoxQuestions(disputed, { seed }).get('b')!
      expect(q.prompt).toBe('Who belongs in this box? (child of Alexios)')
      expect(q.choices).not.toContain('Constantine')
    }
    expect(familyTreeQuestions(disputed, { seed: 1 }).map((q) => q.subjectId)).not.toContain('b')
    const settled = deckOf(people, [parent('b', 'a'), parent('c', 'z'), parent('d', 'z'), parent('e', 'z')])
    expect(familyTreeQuestions(settled, { seed: 1 }).map((q) => q.subjectId)).toContain('b')
  })
})

describe('familyTreeQuestions on random families', () => {
  it('always has exactly one choice that fits the description', () => {
    const links = fc.array(fc.tuple(fc.nat(20), fc.nat(20), fc.boolean()), { maxLength: 40 })
    fc.assert(
      fc.property(links, fc.integer(), (pairs, seed) => {
        const facts = new Map<string, Fact>()
        for (const [a, b, isSpouse] of pairs) {
          if (a === b) continue
          const f = isSpouse ? spouse(`p${a}`, `p${b}`) : parent(`p${Math.max(a, b)}`, `p${Math.min(a, b)}`)
          facts.set(f.id, f)
        }
        const d = deckOf(
          Array.from({ length: 21 }, (_, i) => person(`p${i}`, `Person ${i % 15}`)),
          [...facts.values()],
        )
        const relatives = (id: string, key: string, side: 'subject' | 'value') =>
          new Set(
            [...facts.values()]
              .filter(
                (f) =>
                  f.type === 'relation' && f.key === key && (f[side] === id || (key === 'spouse' && f.value === id)),
              )
              .map((f) =>
                key === 'spouse'
                  ? [f.subject, f.value as string].find((x) => x !== id)!
                  : side === 'subject'
                    ? (f.value as string)
                    : f.subject,
              ),
          )
        for (const q of familyTreeQuestions(d, { seed })) {
          const id = q.subjectId!
          const want = {
            parents: relatives(id, 'parent', 'subject'),
            children: relatives(id, 'parent', 'value'),
            spouses: relatives(id, 'spouse', 'subject'),
          }
          const fits = (other: string) =>
            [...want.parents].every((p) => relatives(other, 'parent', 'subject').has(p)) &&
            [...want.children].every((c) => relatives(other, 'parent', 'value').has(c)) &&
            [...want.spouses].every((s) => relatives(other, 'spouse', 'subject').has(s))
          const fitting = d.entities.filter((e) => fits(e.id)).map((e) => e.name)
          expect(fitting).toEqual([q.answer])
          expect(q.choices!.filter((c) => fitting.includes(c))).toEqual([q.answer])
          expect(new Set(q.choices).size).toBe(q.choices!.length)
        }
      }),
      { numRuns: 200, seed: 5 },
    )
  })
})
