// The open world, checked by an oracle that knows more than the generator: a random family (the
// "world": everyone's gender, birth, death, both parents and marriages, parents alive when their
// children are born) is drawn, facts are left out at random, and questions are generated from
// what is left. Every wrong option (multiple choice, and the value of a false true/false
// statement) must be false in the world — one completion of the deck consistent with its facts —
// by plain set logic written here, not the generator's kinship or proof code. Every option must
// also be of the right sex and generation as far as the deck itself says.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deck, Fact, Gender } from '../../../src/domain/deck/types'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { createRandom, randomInt, type Random } from '../../../src/domain/random'
import { DeckBuilder } from './fixtures'

const RUNS = { numRuns: 60, seed: 1204 }
const KIN = new Set(['father', 'mother', 'parent', 'child', 'spouse', 'sibling', 'grandparent', 'grandchild'])
KIN.add('uncle-aunt').add('cousin')

interface Person {
  id: string
  name: string
  gender: Gender
  born: number
  died: number
  father?: string
  mother?: string
}

interface World {
  people: Person[]
  spouses: Array<[string, string]>
}

const GIVEN = ['Anna', 'Basil', 'Cyril', 'Daria', 'Elias', 'Fotini', 'Georgios', 'Helena', 'Ioannis', 'Kyra']

/** A family over four or five generations, every fact known. */
function world(seed: number): World {
  const random = createRandom(seed)
  const people: Person[] = []
  const spouses: Array<[string, string]> = []
  const add = (gender: Gender, born: number, father?: Person, mother?: Person): Person => {
    const i = people.length
    const p: Person = {
      id: `w${i}`,
      name: `${GIVEN[i % GIVEN.length]} ${['Doukas', 'Komnenos', 'Laskaris'][randomInt(random, 3)]} ${i}`,
      gender,
      born,
      died: born + 30 + randomInt(random, 50),
      ...(father ? { father: father.id } : {}),
      ...(mother ? { mother: mother.id } : {}),
    }
    people.push(p)
    return p
  }
  const gender = (r: Random): Gender => (r() < 0.5 ? 'male' : 'female')
  for (let i = 0; i < 4; i++) add(i % 2 ? 'female' : 'male', 1200 + randomInt(random, 25))
  const target = 10 + randomInt(random, 12)
  while (people.length < target) {
    const fathers = people.filter((p) => p.gender === 'male')
    const mothers = people.filter((p) => p.gender === 'female')
    const father = fathers[randomInt(random, fathers.length)] as Person
    const mother = mothers[randomInt(random, mothers.length)] as Person
    if (father.father !== undefined && father.father === mother.father) {
      add(gender(random), 1200 + randomInt(random, 120))
      continue
    }
    const born = Math.max(father.born, mother.born) + 18 + randomInt(random, 15)
    // Parents alive at the birth: their deaths move later if need be.
    father.died = Math.max(father.died, born + 1)
    mother.died = Math.max(mother.died, born + 1)
    if (!spouses.some(([a, b]) => a === father.id && b === mother.id)) spouses.push([father.id, mother.id])
    add(gender(random), born, father, mother)
  }
  // A few second marriages between contemporaries.
  for (let k = 0; k < 3; k++) {
    const a = people[randomInt(random, people.length)] as Person
    const b = people[randomInt(random, people.length)] as Person
    if (a.gender !== b.gender && Math.abs(a.born - b.born) < 15 && (a.father === undefined || a.father !== b.father))
      spouses.push(a.gender === 'male' ? [a.id, b.id] : [b.id, a.id])
  }
  return { people, spouses }
}

/** The deck a teacher might write about the world: each fact kept or left out at random. */
function partialDeck(w: World, seed: number, keep: number): Deck {
  const random = createRandom(seed)
  const kept = () => random() < keep
  const b = new DeckBuilder('open-world')
  for (const p of w.people) {
    b.person(p.id, p.name, kept() ? { gender: p.gender } : {})
    if (kept()) b.born(p.id, p.born)
    if (kept()) b.died(p.id, p.died)
  }
  for (const p of w.people) {
    if (p.father && kept()) b.parent(p.id, p.father, random() < 0.5 ? 'father' : undefined)
    if (p.mother && kept()) b.parent(p.id, p.mother, random() < 0.5 ? 'mother' : undefined)
  }
  for (const [a, c] of w.spouses) if (kept()) b.spouse(a, c)
  return b.build()
}

/** The world's relations, by plain set logic. */
class Oracle {
  private readonly byId = new Map<string, Person>()
  private readonly byName = new Map<string, Person>()
  constructor(private readonly w: World) {
    for (const p of w.people) {
      this.byId.set(p.id, p)
      this.byName.set(p.name, p)
    }
  }
  idOf = (name: string): string | undefined => this.byName.get(name)?.id
  private parents = (id: string): string[] => {
    const p = this.byId.get(id)
    return [p?.father, p?.mother].filter((x): x is string => !!x)
  }
  private siblings = (id: string): string[] =>
    this.w.people
      .filter((o) => o.id !== id && this.parents(o.id).some((x) => this.parents(id).includes(x)))
      .map((o) => o.id)
  private spouses = (id: string): string[] => this.w.spouses.flatMap(([a, b]) => (a === id ? [b] : b === id ? [a] : []))

  /** Is `o` this relative of `s` in the world? Kin by blood, as the deck format derives it. */
  holds(relation: string, s: string, o: string): boolean {
    const parents = this.parents(s)
    switch (relation) {
      case 'father':
      case 'mother':
      case 'parent':
        return parents.includes(o)
      case 'child':
        return this.parents(o).includes(s)
      case 'spouse':
        return this.spouses(s).includes(o)
      case 'sibling':
        return this.siblings(s).includes(o)
      case 'grandparent':
        return parents.some((p) => this.parents(p).includes(o))
      case 'grandchild':
        return this.parents(o).some((p) => this.parents(p).includes(s))
      case 'uncle-aunt':
        return parents
          .flatMap(this.siblings)
          .filter((x) => !parents.includes(x))
          .includes(o)
      case 'cousin': {
        const grand = parents.flatMap(this.parents)
        return (
          o !== s &&
          !this.siblings(s).includes(o) &&
          this.parents(o).some((p) => this.parents(p).some((g) => grand.includes(g)))
        )
      }
    }
    throw new Error(`no oracle for ${relation}`)
  }
}

const MALE_WORDS = new Set(['son', 'brother', 'grandson', 'grandfather', 'husband', 'uncle'])
const GENDERED =
  /\b(son|daughter|brother|sister|grandson|granddaughter|grandfather|grandmother|husband|wife|uncle(?! or)|(?<!or )aunt)\b/

/** Wrong options of a question: the choices but the answer, or a false statement's value. */
const wrongOptions = (q: Question): string[] =>
  q.kind === 'true-false'
    ? q.answer === 'False'
      ? (q.why ?? []).map((w) => w.option)
      : []
    : (q.choices ?? []).filter((c) => c !== q.answer)

describe('wrong options in an open world', () => {
  it.each([0.5, 0.75, 0.9])('are false in the full family when only part of it (%s) is in the deck', (keep) => {
    let checked = 0
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), (worldSeed, deckSeed, seed) => {
        const w = world(worldSeed)
        const oracle = new Oracle(w)
        const deck = partialDeck(w, deckSeed, keep)
        for (const q of generateQuestions(deck, { seed })) {
          if (!q.relation || !KIN.has(q.relation) || !q.subjectId) continue
          if (q.kind !== 'multiple-choice' && q.kind !== 'true-false') continue
          const wrong = wrongOptions(q)
          expect(q.kind === 'multiple-choice' ? q.why?.map((x) => x.option).sort() : wrong).toEqual(
            q.kind === 'multiple-choice' ? wrong.slice().sort() : wrong,
          )
          for (const option of wrong) {
            const id = oracle.idOf(option)
            expect(id, option).toBeDefined()
            expect(oracle.holds(q.relation, q.subjectId, id as string), `${q.prompt} ${option}`).toBe(false)
            checked++
          }
        }
      }),
      RUNS,
    )
    // The property must have had something to check.
    expect(checked).toBeGreaterThan(50)
  })

  it('are of the sex the deck states for the role, and of a plausible generation', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), (worldSeed, deckSeed, seed) => {
        const deck = partialDeck(world(worldSeed), deckSeed, 0.75)
        const byName = new Map(deck.entities.map((e) => [e.name, e]))
        const born = new Map<string, number>()
        for (const f of deck.facts as Fact[])
          if (f.type === 'date' && f.key === 'born') born.set(f.subject, f.value.start.year)
        for (const q of generateQuestions(deck, { seed })) {
          if (q.kind !== 'multiple-choice' || !q.relation || !KIN.has(q.relation) || !q.subjectId) continue
          const answer = byName.get(q.answer as string)
          const s = born.get(q.subjectId)
          for (const option of wrongOptions(q)) {
            const o = byName.get(option)
            expect(o?.kind).toBe('person')
            if (q.relation === 'father') expect(o?.gender, option).not.toBe('female')
            if (q.relation === 'mother') expect(o?.gender, option).not.toBe('male')
            const word = GENDERED.exec(q.prompt)?.[1]
            const wanted = word
              ? MALE_WORDS.has(word)
                ? 'male'
                : 'female'
              : q.relation === 'spouse'
                ? answer?.gender
                : undefined
            if (wanted && o?.gender) expect(o.gender, `${q.prompt} ${option}`).toBe(wanted)
            const y = o ? born.get(o.id) : undefined
            if (s === undefined || y === undefined) continue
            if (['father', 'mother', 'parent'].includes(q.relation))
              expect(y, `${q.prompt} ${option}`).toBeLessThanOrEqual(s - 14)
            if (q.relation === 'grandparent') expect(y, `${q.prompt} ${option}`).toBeLessThanOrEqual(s - 30)
            if (q.relation === 'child') expect(y, `${q.prompt} ${option}`).toBeGreaterThanOrEqual(s + 14)
            if (q.relation === 'spouse' || q.relation === 'sibling') expect(Math.abs(y - s)).toBeLessThanOrEqual(30)
          }
        }
      }),
      RUNS,
    )
  })
})
