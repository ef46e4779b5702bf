// The family graph from `parent` and `spouse` facts, and the relatives derived from it
// (grandparents, grandchildren, siblings, uncles and aunts, cousins). Two views: the settled
// links (undisputed facts: what is asked) and every link any source gives (values and disputed
// alternatives: what must never be offered as a wrong answer).
import type { Fact, RelationFact } from '../deck/types'

export interface Link {
  /** The other person. */
  id: string
  fact: RelationFact
}

export type DerivedRelation = 'grandparent' | 'grandchild' | 'sibling' | 'uncle-aunt' | 'cousin'
export const DERIVED_RELATIONS: readonly DerivedRelation[] = ['grandparent', 'grandchild', 'sibling', 'uncle-aunt', 'cousin']

/** Words for a relative: [male, female, neutral]. */
export const KIN_WORDS: Record<'father' | 'mother' | 'parent' | 'spouse' | 'child' | DerivedRelation, readonly [string, string, string]> = {
  father: ['father', 'father', 'father'],
  mother: ['mother', 'mother', 'mother'],
  parent: ['father', 'mother', 'parent'],
  spouse: ['husband', 'wife', 'spouse'],
  child: ['son', 'daughter', 'child'],
  sibling: ['brother', 'sister', 'sibling'],
  grandparent: ['grandfather', 'grandmother', 'grandparent'],
  grandchild: ['grandson', 'granddaughter', 'grandchild'],
  'uncle-aunt': ['uncle', 'aunt', 'uncle or aunt'],
  cousin: ['cousin', 'cousin', 'cousin'],
}

export interface Relatives {
  ids: string[]
  /** The parent facts the answer depends on. */
  facts: RelationFact[]
}

const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const EMPTY: never[] = []

export class Kinship {
  /** Settled links: child → parents, parent → children, person → spouses. */
  readonly parents = new Map<string, Link[]>()
  readonly children = new Map<string, Link[]>()
  readonly spouses = new Map<string, Link[]>()
  /** Every link a source gives, disputed ones included. */
  private readonly anyParents = new Map<string, string[]>()
  private readonly anyChildren = new Map<string, string[]>()
  private readonly anySpouses = new Map<string, string[]>()
  private disputedLinks = false

  constructor(facts: readonly Fact[]) {
    for (const fact of facts) {
      if (fact.type !== 'relation' || (fact.key !== 'parent' && fact.key !== 'spouse')) continue
      const values = [fact.value, ...fact.alternatives.map((a) => a.value)]
      if (fact.alternatives.length) this.disputedLinks = true
      if (fact.key === 'parent') {
        if (!fact.alternatives.length) {
          push(this.parents, fact.subject, { id: fact.value, fact })
          push(this.children, fact.value, { id: fact.subject, fact })
        }
        for (const v of values) {
          push(this.anyParents, fact.subject, v)
          push(this.anyChildren, v, fact.subject)
        }
      } else {
        if (!fact.alternatives.length) {
          push(this.spouses, fact.subject, { id: fact.value, fact })
          push(this.spouses, fact.value, { id: fact.subject, fact })
        }
        for (const v of values) {
          push(this.anySpouses, fact.subject, v)
          push(this.anySpouses, v, fact.subject)
        }
      }
    }
  }

  parentsOf = (id: string): readonly Link[] => this.parents.get(id) ?? EMPTY
  childrenOf = (id: string): readonly Link[] => this.children.get(id) ?? EMPTY
  spousesOf = (id: string): readonly Link[] => this.spouses.get(id) ?? EMPTY

  /** Everyone any source names as a parent / child / spouse of the person. */
  anyParentsOf = (id: string): readonly string[] => this.anyParents.get(id) ?? EMPTY
  anyChildrenOf = (id: string): readonly string[] => this.anyChildren.get(id) ?? EMPTY
  anySpousesOf = (id: string): readonly string[] => this.anySpouses.get(id) ?? EMPTY

  /** Settled relatives of one derived kind, with the facts that make them so. */
  derived(id: string, relation: DerivedRelation): Relatives {
    const facts = new Set<RelationFact>()
    const up = (ids: Iterable<string>) => step(ids, this.parents, facts)
    const down = (ids: Iterable<string>) => step(ids, this.children, facts)
    const result = derive(id, relation, up, down)
    return { ids: [...result], facts: [...facts] }
  }

  /** Everyone who is this kind of relative by any link a source gives: never a wrong option. */
  anyDerived(id: string, relation: DerivedRelation): Set<string> {
    if (!this.disputedLinks) return new Set(this.derived(id, relation).ids)
    const up = (ids: Iterable<string>) => stepAny(ids, this.anyParents)
    const down = (ids: Iterable<string>) => stepAny(ids, this.anyChildren)
    return derive(id, relation, up, down)
  }
}

function step(ids: Iterable<string>, links: Map<string, Link[]>, facts: Set<RelationFact>): Set<string> {
  const out = new Set<string>()
  for (const id of ids)
    for (const link of links.get(id) ?? EMPTY) {
      out.add(link.id)
      facts.add(link.fact)
    }
  return out
}

function stepAny(ids: Iterable<string>, links: Map<string, string[]>): Set<string> {
  const out = new Set<string>()
  for (const id of ids) for (const other of links.get(id) ?? EMPTY) out.add(other)
  return out
}

type Step = (ids: Iterable<string>) => Set<string>

function derive(id: string, relation: DerivedRelation, up: Step, down: Step): Set<string> {
  const self = [id]
  const minus = (set: Set<string>, ...others: Iterable<string>[]) => {
    for (const other of others) for (const x of other) set.delete(x)
    set.delete(id)
    return set
  }
  switch (relation) {
    case 'grandparent':
      return minus(up(up(self)))
    case 'grandchild':
      return minus(down(down(self)))
    case 'sibling':
      return minus(down(up(self)))
    case 'uncle-aunt': {
      const parents = up(self)
      return minus(down(up(parents)), parents)
    }
    case 'cousin': {
      const parents = up(self)
      const unclesAunts = minus(down(up(parents)), parents)
      return minus(down(unclesAunts), down(parents))
    }
  }
}
