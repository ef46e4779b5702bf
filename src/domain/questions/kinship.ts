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
export const DERIVED_RELATIONS: readonly DerivedRelation[] = [
  'grandparent',
  'grandchild',
  'sibling',
  'uncle-aunt',
  'cousin',
]

/** Words for a relative: [male, female, neutral]. */
export const KIN_WORDS: Record<
  'father' | 'mother' | 'parent' | 'spouse' | 'child' | DerivedRelation,
  readonly [string, string, string]
> = {
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

  private cachedId: string | undefined
  private cached: Derivation | undefined
  private cachedAny: Derivation | undefined

  private derivation(id: string): { settled: Derivation; any: Derivation } {
    if (this.cachedId !== id) {
      this.cachedId = id
      this.cached = deriveAll(
        id,
        (ids, facts) => step(ids, this.parents, facts),
        (ids, facts) => step(ids, this.children, facts),
      )
      this.cachedAny = this.disputedLinks
        ? deriveAll(
            id,
            (ids) => stepAny(ids, this.anyParents),
            (ids) => stepAny(ids, this.anyChildren),
          )
        : this.cached
    }
    return { settled: this.cached as Derivation, any: this.cachedAny as Derivation }
  }

  /** Settled relatives of every derived kind, with the facts that make them so (last person cached). */
  derivedAll(id: string): DerivedRelatives {
    return this.derivation(id).settled.exclusive
  }

  /** Settled relatives of one derived kind. */
  derived(id: string, relation: DerivedRelation): Relatives {
    return this.derivedAll(id)[relation]
  }

  /**
   * Everyone who could be this kind of relative by any link a source gives, without ruling
   * anyone out (a parent by one source may be an uncle by another): never a wrong option.
   */
  anyDerived(id: string, relation: DerivedRelation): Set<string> {
    return this.derivation(id).any.inclusive[relation]
  }

  /** This kind of relative by any source's links, the usual way (a parent is no uncle): for matching. */
  anyDerivedExclusive(id: string, relation: DerivedRelation): readonly string[] {
    return this.derivation(id).any.exclusive[relation].ids
  }
}

export type DerivedRelatives = Record<DerivedRelation, Relatives>

type Step = (ids: Iterable<string>, facts: RelationFact[] | undefined) => Set<string>

function step(ids: Iterable<string>, links: Map<string, Link[]>, facts: RelationFact[] | undefined): Set<string> {
  const out = new Set<string>()
  for (const id of ids)
    for (const link of links.get(id) ?? EMPTY) {
      out.add(link.id)
      facts?.push(link.fact)
    }
  return out
}

function stepAny(ids: Iterable<string>, links: Map<string, string[]>): Set<string> {
  const out = new Set<string>()
  for (const id of ids) for (const other of links.get(id) ?? EMPTY) out.add(other)
  return out
}

/** The facts of several steps, each once. */
function unique(...lists: RelationFact[][]): RelationFact[] {
  const set = new Set<RelationFact>()
  for (const list of lists) for (const f of list) set.add(f)
  return set.size === lists.reduce((n, l) => n + l.length, 0) ? lists.flat() : [...set]
}

interface Derivation {
  /** Each relative in the usual sense: an uncle is a parent's sibling who is not a parent. */
  exclusive: DerivedRelatives
  /** Anyone the links could make one: a superset, for what must never be offered as wrong. */
  inclusive: Record<DerivedRelation, Set<string>>
}

/** The five derived relations in one pass, sharing parents and grandparents. */
function deriveAll(id: string, up: Step, down: Step): Derivation {
  const toParents: RelationFact[] = []
  const parents = up([id], toParents)
  const toGrandparents: RelationFact[] = []
  const grandparents = up(parents, toGrandparents)
  const toSiblings: RelationFact[] = []
  const siblings = down(parents, toSiblings)
  const toParentSiblings: RelationFact[] = []
  const parentSiblings = down(grandparents, toParentSiblings)
  const toChildren: RelationFact[] = []
  const toGrandchildren: RelationFact[] = []
  const grandchildren = down(down([id], toChildren), toGrandchildren)
  const but = (set: Set<string>, ...others: Iterable<string>[]): Set<string> => {
    const out = new Set(set)
    for (const other of others) for (const x of other) out.delete(x)
    out.delete(id)
    return out
  }
  const unclesAunts = but(parentSiblings, parents)
  const toCousins: RelationFact[] = []
  const cousins = but(down(unclesAunts, toCousins), siblings)
  const inclusive = {
    grandparent: but(grandparents),
    grandchild: but(grandchildren),
    sibling: but(siblings),
    'uncle-aunt': but(parentSiblings),
    cousin: but(down(parentSiblings, undefined)),
  }
  return {
    inclusive,
    exclusive: {
      grandparent: {
        ids: [...inclusive.grandparent],
        facts: grandparents.size ? unique(toParents, toGrandparents) : [],
      },
      grandchild: {
        ids: [...inclusive.grandchild],
        facts: grandchildren.size ? unique(toChildren, toGrandchildren) : [],
      },
      sibling: { ids: [...inclusive.sibling], facts: inclusive.sibling.size ? unique(toParents, toSiblings) : [] },
      'uncle-aunt': {
        ids: [...unclesAunts],
        facts: unclesAunts.size ? unique(toParents, toGrandparents, toParentSiblings) : [],
      },
      cousin: {
        ids: [...cousins],
        facts: cousins.size ? unique(toParents, toGrandparents, toParentSiblings, toSiblings, toCousins) : [],
      },
    },
  }
}
