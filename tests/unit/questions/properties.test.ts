// Properties over random valid decks (fast-check): every choice question has exactly one right
// option and distinct options; no wrong option is true of the subject (checked against a naive
// reading of the facts, independent of the generator); ids stay when facts are shuffled or other
// facts edited; typed matching accepts every alias and rejects other people's names.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DateFact, Deck, Fact, PlaceFact, RelationFact, TenureFact } from '../../../src/domain/deck/types'
import { checkTypedAnswer } from '../../../src/domain/questions/check'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { shuffled, createRandom } from '../../../src/domain/random'
import { deckArbitrary } from './arbitraries'

// Fixed seeds keep CI deterministic (each property was also run 400 times with random seeds).
const RUNS = { numRuns: 100, seed: 1453 }

/** What any source says, read naively from the deck: the oracle for "is this option true?". */
class Truth {
  private readonly names = new Map<string, string>()
  private readonly parents = new Map<string, Set<string>>()
  private readonly children = new Map<string, Set<string>>()
  private readonly spouses = new Map<string, Set<string>>()
  private readonly stated = new Map<string, Set<string>>()

  constructor(private readonly deck: Deck) {
    for (const e of deck.entities) this.names.set(e.id, e.name)
    const add = (map: Map<string, Set<string>>, a: string, b: string) => map.set(a, (map.get(a) ?? new Set()).add(b))
    for (const f of deck.facts) {
      if (f.type !== 'relation') continue
      for (const v of [f.value, ...f.alternatives.map((a) => a.value)]) {
        // Birth and adoptive parents alike: an adoptive father is a father, an adopted son's son a grandson.
        if (f.key === 'parent' || f.key === 'adoptiveParent') {
          add(this.parents, f.subject, v)
          add(this.children, v, f.subject)
        }
        if (f.key === 'spouse') {
          add(this.spouses, f.subject, v)
          add(this.spouses, v, f.subject)
        }
        if (f.key === 'sibling') {
          add(this.stated, f.subject, v)
          add(this.stated, v, f.subject)
        }
      }
    }
  }

  private statedOf = (ids: Iterable<string>) => new Set([...ids].flatMap((id) => [...(this.stated.get(id) ?? [])]))

  /** Spouses of the subject any source names, with the marriage fact that links them. */
  private marriages(subject: string): Array<{ id: string; fact: RelationFact }> {
    return this.deck.facts.flatMap((f) =>
      f.type === 'relation' && f.key === 'spouse' && (f.subject === subject || f.value === subject)
        ? [f.value, ...f.alternatives.map((a) => a.value)].map((v) => ({
            id: f.subject === subject ? v : f.subject,
            fact: f,
          }))
        : [],
    )
  }

  private marriageTruth(subject: string, relation: string, q: Question): Set<string> {
    const asked = this.factsOf(subject, q).concat(
      this.deck.facts.filter((f) => f.type === 'relation' && f.value === subject && q.factIds.includes(f.id)),
    ) as RelationFact[]
    const orderOf = (f: RelationFact) => (f.subject === subject ? f.marriage?.subjectOrder : f.marriage?.valueOrder)
    if (relation === 'marriage-order') {
      const n = orderOf(asked[0] as RelationFact)
      return new Set(
        this.marriages(subject)
          .filter((m) => orderOf(m.fact) === n)
          .map((m) => m.id),
      )
    }
    const year = asked[0]?.marriage?.start?.start.year
    return new Set(
      this.marriages(subject)
        .filter((m) => {
          const start = m.fact.marriage?.start
          if (!start || m.fact.alternatives.length) return true
          const last = start.kind === 'range' ? (start.end?.year ?? start.start.year) : start.start.year
          return start.kind === 'before'
            ? (year as number) <= last
            : start.kind === 'after'
              ? (year as number) >= start.start.year
              : start.start.year <= (year as number) && (year as number) <= last
        })
        .map((m) => m.id),
    )
  }

  private up = (ids: Iterable<string>) => new Set([...ids].flatMap((id) => [...(this.parents.get(id) ?? [])]))
  private down = (ids: Iterable<string>) => new Set([...ids].flatMap((id) => [...(this.children.get(id) ?? [])]))
  private without = (set: Set<string>, ...others: Iterable<string>[]) =>
    new Set([...set].filter((x) => !others.some((o) => [...o].includes(x))))

  /** The ids an option may name truthfully for this relation of this subject. */
  private ids(subject: string, relation: string, q: Question): Set<string> {
    // Any source's links, and nobody subtracted but the subject: a parent by one source may be
    // an uncle by another, and is then a true option for both.
    const self = [subject]
    const parents = this.up(self)
    const born = this.down(parents)
    // Siblings the deck states, and theirs: a sister's stated sister is a sister too.
    const siblings = this.without(
      new Set([...born, ...this.statedOf(self), ...this.statedOf([...born, ...this.statedOf(self)])]),
      self,
    )
    const unclesAunts = this.without(new Set([...this.down(this.up(parents)), ...this.statedOf(parents)]), self)
    switch (relation.replace(/^adoptive-/, '')) {
      case 'father':
      case 'mother':
      case 'parent':
        return parents
      case 'child':
      case 'adopted-child':
        return this.down(self)
      case 'half-sibling':
        return siblings
      case 'marriage-order':
      case 'marriage-year':
        return this.marriageTruth(subject, relation, q)
      case 'spouse':
        return this.spouses.get(subject) ?? new Set()
      case 'grandparent':
        return this.up(parents)
      case 'grandchild':
        return this.down(this.down(self))
      case 'sibling':
        return siblings
      case 'uncle-aunt':
        return unclesAunts
      case 'cousin':
        return this.without(this.down(unclesAunts), self)
      case 'bornAt':
      case 'diedAt':
      case 'dynasty':
      case 'title':
        return new Set(
          this.factsOf(subject, q).flatMap((f) => [f.value as string, ...f.alternatives.map((a) => a.value as string)]),
        )
      case 'predecessor':
      case 'successor':
      case 'holder':
      case 'coRuler':
        return this.tenureTruth(relation, q)
      default:
        throw new Error(`no oracle for relation ${relation}`)
    }
  }

  private factsOf(subject: string, q: Question): Fact[] {
    return this.deck.facts.filter((f) => f.subject === subject && q.factIds.includes(f.id))
  }

  private tenureTruth(relation: string, q: Question): Set<string> {
    const fact = this.deck.facts.find(
      (f): f is TenureFact => f.type === 'tenure' && q.factIds.includes(f.id),
    ) as TenureFact
    const { office, start, end, predecessor, successor, coRulers } = fact.value
    const others = this.deck.facts.filter((f): f is TenureFact => f.type === 'tenure' && f.value.office === office)
    const out = new Set<string>()
    if (relation === 'predecessor') {
      if (predecessor && 'who' in predecessor) out.add(predecessor.who)
      for (const o of others)
        if (o.value.end && start && o.value.end.start.year === start.start.year) out.add(o.subject)
    } else if (relation === 'successor') {
      if (successor && 'who' in successor) out.add(successor.who)
      for (const o of others)
        if (o.value.start && end && o.value.start.start.year === end.start.year) out.add(o.subject)
    } else if (relation === 'coRuler') for (const c of coRulers) out.add(c.who)
    else
      for (const o of others) {
        const overlaps =
          (o.value.start?.start.year ?? -Infinity) <= (end?.start.year ?? Infinity) &&
          (o.value.end?.start.year ?? Infinity) >= (start?.start.year ?? -Infinity)
        if (overlaps) out.add(o.subject)
      }
    return out
  }

  /** The texts (names, dates) that are true for the question's relation of its subject; undefined if not checkable. */
  trueTexts(q: Question): Set<string> | undefined {
    if (!q.subjectId || !q.relation) return undefined
    if (['born', 'died', 'event', 'reignStart', 'reignEnd', 'marriage-date'].includes(q.relation)) {
      const dates = this.deck.facts
        .filter((f) => q.factIds.includes(f.id))
        .flatMap((f) =>
          f.type === 'date'
            ? [f.value, ...f.alternatives.map((a) => a.value)]
            : f.type === 'tenure'
              ? [q.relation === 'reignStart' ? f.value.start : f.value.end]
              : f.type === 'relation' && f.marriage?.start
                ? [f.marriage.start]
                : [],
        )
      return new Set(dates.map((d) => d?.text as string))
    }
    if (['ageAtDeath', 'reignLength', 'caption', 'note', 'outcome'].includes(q.relation)) return undefined
    if (q.relation === 'family-tree-box') return new Set([...this.boxFits(q)].map((id) => this.names.get(id) ?? id))
    return new Set([...this.ids(q.subjectId, q.relation, q)].map((id) => this.names.get(id) ?? id))
  }

  /** Everyone with (by any source) every relative a "Who belongs in this box?" question describes. */
  private boxFits(q: Question): Set<string> {
    const subject = q.subjectId as string
    const described = this.deck.facts.filter(
      (f): f is RelationFact => f.type === 'relation' && q.factIds.includes(f.id),
    )
    const fits = (x: string) =>
      described.every((f) => {
        const v = f.value
        if (f.key === 'parent') return f.subject === subject ? this.up([x]).has(v) : this.up([f.subject]).has(x)
        const other = f.subject === subject ? v : f.subject
        return other !== x && (this.spouses.get(x)?.has(other) ?? false)
      })
    return new Set([...this.names.keys()].filter(fits))
  }

  /** Options of a choice question that are true. */
  trueOptions(q: Question): string[] {
    const truths = this.trueTexts(q)
    return (q.choices ?? []).filter((c) => (truths ? truths.has(c) : c === q.answer))
  }
}

const choiceQuestions = (qs: Question[]) => qs.filter((q) => q.kind === 'multiple-choice')

describe('generated questions over random decks', () => {
  it('every choice question has distinct options and exactly one right one, which is the answer', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.integer(), (deck, seed) => {
        const truth = new Truth(deck)
        for (const q of choiceQuestions(generateQuestions(deck, { seed }))) {
          expect(new Set(q.choices).size, q.id).toBe(q.choices?.length)
          expect(q.choices?.length, q.id).toBeGreaterThanOrEqual(3)
          expect(truth.trueOptions(q), q.id).toEqual([q.answer])
        }
      }),
      RUNS,
    )
  })

  it('states a true fact in a "True" statement and no true value in a "False" one', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.integer(), (deck, seed) => {
        const truth = new Truth(deck)
        for (const q of generateQuestions(deck, { seed }).filter((x) => x.kind === 'true-false')) {
          const truths = truth.trueTexts(q)
          if (!truths) continue
          const stated = [...truths].filter((t) => q.prompt.includes(t))
          if (q.answer === 'True') expect(stated.length, q.prompt).toBeGreaterThan(0)
          else expect(stated, q.prompt).toEqual([])
        }
      }),
      RUNS,
    )
  })

  it('keeps every id when the facts and entities are shuffled', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.integer(), fc.integer(), (deck, seed, order) => {
        const random = createRandom(order)
        const reordered: Deck = {
          ...deck,
          facts: shuffled(random, deck.facts),
          entities: shuffled(random, deck.entities),
        }
        const before = new Map(generateQuestions(deck, { seed }).map((q) => [q.id, q.fingerprint]))
        const after = new Map(generateQuestions(reordered, { seed }).map((q) => [q.id, q.fingerprint]))
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
        for (const [id, fingerprint] of after) expect(before.get(id), id).toBe(fingerprint)
      }),
      RUNS,
    )
  })

  it('keeps the ids and fingerprints of questions that do not depend on an edited fact', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.integer(), fc.nat(), (deck, seed, which) => {
        const editable = deck.facts.filter((f): f is DateFact | PlaceFact => f.type === 'date' || f.type === 'place')
        fc.pre(editable.length > 0)
        const target = editable[which % editable.length] as DateFact | PlaceFact
        const edited: Fact =
          target.type === 'date'
            ? {
                ...target,
                value: {
                  ...target.value,
                  start: { year: target.value.start.year + 1 },
                  text: String(target.value.start.year + 1),
                },
              }
            : { ...target, value: target.value === 'place-0' ? 'place-1' : 'place-0' }
        const changed: Deck = { ...deck, facts: deck.facts.map((f) => (f === target ? edited : f)) }
        const after = new Map(generateQuestions(changed, { seed: seed + 1 }).map((q) => [q.id, q]))
        for (const q of generateQuestions(deck, { seed })) {
          if (q.kind === 'ordering' || q.kind === 'matching') continue
          const now = after.get(q.id)
          if (q.factIds.includes(target.id)) {
            if (now) expect(now.fingerprint, q.id).not.toBe(q.fingerprint)
            continue
          }
          // True/false may only appear or go as the seed balances it, multiple choice as the
          // edited fact proves fewer or more options wrong (a birth year rules someone out);
          // every other kind stays.
          if ((q.kind === 'true-false' || q.kind === 'multiple-choice') && !now) continue
          expect(now, q.id).toBeDefined()
          expect(now?.fingerprint, q.id).toBe(q.fingerprint)
        }
      }),
      RUNS,
    )
  })

  it('typed questions accept every accepted form and alias, and reject other people’s names', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.integer(), (deck, seed) => {
        const people = deck.entities.filter((e) => e.kind === 'person')
        for (const q of generateQuestions(deck, { seed }).filter(
          (x) => x.kind === 'typed' && x.accept?.some((a) => people.some((p) => p.name === a)),
        )) {
          for (const form of q.accept ?? []) expect(checkTypedAnswer(q, form).correct, `${q.id} ${form}`).toBe(true)
          for (const person of people) {
            const named = q.accept?.includes(person.name)
            for (const alias of named ? person.aliases : [])
              expect(checkTypedAnswer(q, alias).correct, `${q.id} ${alias}`).toBe(true)
            if (!named) expect(checkTypedAnswer(q, person.name).correct, `${q.id} ${person.name}`).toBe(false)
          }
        }
      }),
      RUNS,
    )
  })

  it('is deterministic: the same deck and seed give the same questions', () => {
    fc.assert(
      fc.property(deckArbitrary, fc.integer(), (deck, seed) => {
        expect(generateQuestions(deck, { seed })).toEqual(generateQuestions(structuredClone(deck), { seed }))
      }),
      { numRuns: 20, seed: 1453 },
    )
  })
})
