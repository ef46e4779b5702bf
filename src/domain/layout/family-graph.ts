// The family as a graph of person indices, read from a deck's `parent` and `spouse` facts.
// Shared by the family-tree layout and the "Who belongs in this box?" questions.
import type { Deck, Entity, RelationFact } from '../deck/types'
import { ITEMS_PER_STEP, runSteps, type Steps } from '../steps'

export interface FamilyLink {
  /** Person index of the other end. */
  other: number
  fact: RelationFact
}

export interface FamilyGraph {
  /** Every person of the deck, in deck order; indices below refer to this array. */
  people: Entity[]
  indexOf: Map<string, number>
  /** Per person: its parents (links to parent indices). */
  parents: FamilyLink[][]
  /** Per person: its children. */
  children: FamilyLink[][]
  /** Per person: its spouses (each pair appears on both sides). */
  spouses: FamilyLink[][]
}

export function isPerson(entity: Entity): boolean {
  return entity.kind === 'person'
}

/**
 * Builds the family graph. Facts naming a missing or non-person entity, a person as their own
 * parent or spouse, and repeated facts are ignored: the layout must not fail on a deck in progress.
 */
export function buildFamilyGraph(deck: Deck): FamilyGraph {
  return runSteps(familyGraphSteps(deck))
}

/** buildFamilyGraph in steps of ITEMS_PER_STEP facts or so. */
export function* familyGraphSteps(deck: Deck): Steps<FamilyGraph> {
  const people = deck.entities.filter(isPerson)
  const indexOf = new Map<string, number>()
  people.forEach((p, i) => {
    if (!indexOf.has(p.id)) indexOf.set(p.id, i)
  })
  const parents: FamilyLink[][] = people.map(() => [])
  const children: FamilyLink[][] = people.map(() => [])
  const spouses: FamilyLink[][] = people.map(() => [])
  const n = people.length
  const seen = new Set<number>()
  let read = 0
  for (const fact of deck.facts) {
    if (++read % (4 * ITEMS_PER_STEP) === 0) yield
    if (fact.type !== 'relation' || (fact.key !== 'parent' && fact.key !== 'spouse')) continue
    const a = indexOf.get(fact.subject)
    const b = indexOf.get(fact.value)
    if (a === undefined || b === undefined || a === b) continue
    // Parent links are ordered (child, parent); spouse links are not, and are kept apart by sign.
    const key = fact.key === 'parent' ? a * n + b : -(Math.min(a, b) * n + Math.max(a, b)) - 1
    if (seen.has(key)) continue
    seen.add(key)
    if (fact.key === 'parent') {
      parents[a]!.push({ other: b, fact })
      children[b]!.push({ other: a, fact })
    } else {
      spouses[a]!.push({ other: b, fact })
      spouses[b]!.push({ other: a, fact })
    }
  }
  return { people, indexOf, parents, children, spouses }
}

/** A small union-find over indices 0..n-1. */
export class UnionFind {
  private readonly parent: Int32Array
  constructor(n: number) {
    this.parent = new Int32Array(n)
    for (let i = 0; i < n; i++) this.parent[i] = i
  }
  find(i: number): number {
    let root = i
    while (this.parent[root] !== root) root = this.parent[root]!
    while (this.parent[i] !== root) {
      const next = this.parent[i]!
      this.parent[i] = root
      i = next
    }
    return root
  }
  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    // Keep the smaller index as the root so that group order follows deck order.
    if (ra < rb) this.parent[rb] = ra
    else if (rb < ra) this.parent[ra] = rb
  }
}
