// The family graph from `parent`, `adoptiveParent`, `spouse` and `sibling` facts, and the
// relatives derived from it (grandparents, grandchildren, siblings, uncles and aunts, cousins).
// Two views: the settled links (undisputed facts: what is asked) and every link any source gives
// (values and disputed alternatives: what must never be offered as a wrong answer). Relatives by
// birth are derived through birth parents only; relatives through an adoption anywhere on the
// way are "adoptive" (an adoptive grandson), and each kind is kept out of the other's wrong options.
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

/** Words for a relative through adoption: [male, female, neutral]. */
export const ADOPTIVE_WORDS: Record<
  'father' | 'mother' | 'parent' | 'child' | DerivedRelation,
  readonly [string, string, string]
> = {
  father: ['adoptive father', 'adoptive father', 'adoptive father'],
  mother: ['adoptive mother', 'adoptive mother', 'adoptive mother'],
  parent: ['adoptive father', 'adoptive mother', 'adoptive parent'],
  child: ['adopted son', 'adopted daughter', 'adopted child'],
  sibling: ['adoptive brother', 'adoptive sister', 'adoptive sibling'],
  grandparent: ['adoptive grandfather', 'adoptive grandmother', 'adoptive grandparent'],
  grandchild: ['adoptive grandson', 'adoptive granddaughter', 'adoptive grandchild'],
  'uncle-aunt': ['adoptive uncle', 'adoptive aunt', 'adoptive uncle or aunt'],
  cousin: ['adoptive cousin', 'adoptive cousin', 'adoptive cousin'],
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
  /** Settled adoptions: adopted child → adoptive parents, adoptive parent → adopted children. */
  readonly adoptiveParents = new Map<string, Link[]>()
  readonly adoptedChildren = new Map<string, Link[]>()
  /** Settled siblings the deck states directly (both directions). */
  readonly statedSiblings = new Map<string, Link[]>()
  /** Birth and adoptive parents together: the graph adoptive relatives are derived through. */
  private readonly allParents = new Map<string, Link[]>()
  private readonly allChildren = new Map<string, Link[]>()
  /** Every link a source gives, disputed ones included. */
  private readonly anyParents = new Map<string, string[]>()
  private readonly anyChildren = new Map<string, string[]>()
  private readonly anySpouses = new Map<string, string[]>()
  private readonly anyAdoptiveParents = new Map<string, string[]>()
  private readonly anyAdoptedChildren = new Map<string, string[]>()
  private readonly anySiblings = new Map<string, string[]>()
  private readonly anyAllParents = new Map<string, string[]>()
  private readonly anyAllChildren = new Map<string, string[]>()
  private disputedLinks = false
  private adoptions = false

  constructor(facts: readonly Fact[]) {
    for (const fact of facts) {
      if (fact.type !== 'relation') continue
      const { key } = fact
      if (key !== 'parent' && key !== 'spouse' && key !== 'adoptiveParent' && key !== 'sibling') continue
      const values = [fact.value, ...fact.alternatives.map((a) => a.value)]
      const settled = !fact.alternatives.length
      if (!settled) this.disputedLinks = true
      if (key === 'parent' || key === 'adoptiveParent') {
        const [up, down, anyUp, anyDown] =
          key === 'parent'
            ? [this.parents, this.children, this.anyParents, this.anyChildren]
            : [this.adoptiveParents, this.adoptedChildren, this.anyAdoptiveParents, this.anyAdoptedChildren]
        if (key === 'adoptiveParent') this.adoptions = true
        if (settled) {
          push(up, fact.subject, { id: fact.value, fact })
          push(down, fact.value, { id: fact.subject, fact })
          push(this.allParents, fact.subject, { id: fact.value, fact })
          push(this.allChildren, fact.value, { id: fact.subject, fact })
        }
        for (const v of values) {
          push(anyUp, fact.subject, v)
          push(anyDown, v, fact.subject)
          push(this.anyAllParents, fact.subject, v)
          push(this.anyAllChildren, v, fact.subject)
        }
      } else {
        const [links, any] =
          key === 'spouse' ? [this.spouses, this.anySpouses] : [this.statedSiblings, this.anySiblings]
        if (settled) {
          push(links, fact.subject, { id: fact.value, fact })
          push(links, fact.value, { id: fact.subject, fact })
        }
        for (const v of values) {
          push(any, fact.subject, v)
          push(any, v, fact.subject)
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
  adoptiveParentsOf = (id: string): readonly Link[] => this.adoptiveParents.get(id) ?? EMPTY
  adoptedChildrenOf = (id: string): readonly Link[] => this.adoptedChildren.get(id) ?? EMPTY
  anyAdoptiveParentsOf = (id: string): readonly string[] => this.anyAdoptiveParents.get(id) ?? EMPTY
  anyAdoptedChildrenOf = (id: string): readonly string[] => this.anyAdoptedChildren.get(id) ?? EMPTY
  statedSiblingsOf = (id: string): readonly Link[] => this.statedSiblings.get(id) ?? EMPTY
  anyStatedSiblingsOf = (id: string): readonly string[] => this.anySiblings.get(id) ?? EMPTY

  private cachedId: string | undefined
  private cached: Derivations | undefined

  private derivation(id: string): Derivations {
    if (this.cachedId !== id || !this.cached) {
      this.cachedId = id
      const settled = deriveAll(
        id,
        (ids, facts) => step(ids, this.parents, facts),
        (ids, facts) => step(ids, this.children, facts),
      )
      const any = this.disputedLinks
        ? deriveAll(
            id,
            (ids) => stepAny(ids, this.anyParents),
            (ids) => stepAny(ids, this.anyChildren),
          )
        : settled
      const all = this.adoptions
        ? deriveAll(
            id,
            (ids, facts) => step(ids, this.allParents, facts),
            (ids, facts) => step(ids, this.allChildren, facts),
          )
        : settled
      const anyAll =
        this.adoptions || this.disputedLinks
          ? deriveAll(
              id,
              (ids) => stepAny(ids, this.anyAllParents),
              (ids) => stepAny(ids, this.anyAllChildren),
            )
          : settled
      this.cached = { settled: this.withStatedSiblings(id, settled), any, all, anyAll: this.widened(id, anyAll) }
    }
    return this.cached
  }

  /** Settled siblings: those sharing a parent, and those the deck states. */
  private withStatedSiblings(id: string, settled: Derivation): Derivation {
    const stated = this.statedSiblingsOf(id)
    if (!stated.length) return settled
    const sibling = settled.exclusive.sibling
    const ids = [...sibling.ids]
    const facts = [...sibling.facts]
    for (const link of stated) {
      if (!ids.includes(link.id)) ids.push(link.id)
      facts.push(link.fact)
    }
    return { ...settled, exclusive: { ...settled.exclusive, sibling: { ids, facts } } }
  }

  /** The inclusive sets, widened by stated siblings (of the person, of a parent, of a child). */
  private widened(id: string, d: Derivation): Derivation {
    if (!this.anySiblings.size) return d
    const siblingsOf = (ids: Iterable<string>) => stepAny(ids, this.anySiblings)
    const parents = stepAny([id], this.anyAllParents)
    const parentSiblings = siblingsOf([...parents, ...stepAny(parents, this.anyAllParents)])
    const add = (set: Set<string>, more: Iterable<string>) => {
      const out = new Set(set)
      for (const x of more) if (x !== id) out.add(x)
      return out
    }
    const siblings = add(d.inclusive.sibling, siblingsOf([id]))
    const inclusive = {
      ...d.inclusive,
      sibling: add(siblings, siblingsOf(siblings)),
      'uncle-aunt': add(d.inclusive['uncle-aunt'], parentSiblings),
      cousin: add(d.inclusive.cousin, stepAny(parentSiblings, this.anyAllChildren)),
    }
    return { ...d, inclusive }
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
   * Relatives of this kind through an adoption somewhere on the way (an adopted son's son is an
   * adoptive grandson), who are not also this kind of relative by birth.
   */
  adoptiveDerived(id: string, relation: DerivedRelation): Relatives {
    const d = this.derivation(id)
    if (d.all === d.settled) return { ids: [], facts: [] }
    const byBirth = d.any.inclusive[relation]
    const stated = relation === 'sibling' ? this.anyStatedSiblingsOf(id) : EMPTY
    const found = d.all.exclusive[relation]
    const ids = found.ids.filter((x) => !byBirth.has(x) && !stated.includes(x))
    return { ids, facts: ids.length ? found.facts : [] }
  }

  /**
   * Everyone who could be this kind of relative by any link a source gives, by birth or
   * adoption, stated siblings included, without ruling anyone out (a parent by one source may
   * be an uncle by another): never a wrong option.
   */
  anyDerived(id: string, relation: DerivedRelation): Set<string> {
    return this.derivation(id).anyAll.inclusive[relation]
  }

  /**
   * Siblings who share exactly one parent: stated `half: true`, or derived when both people's
   * father and mother are settled in the deck and one of them differs.
   */
  halfSiblings(id: string): Relatives {
    const ids: string[] = []
    const facts: RelationFact[] = []
    for (const link of this.statedSiblingsOf(id))
      if (link.fact.half === true) {
        ids.push(link.id)
        facts.push(link.fact)
      }
    const own = this.parentPair(id)
    if (own) {
      for (const other of this.derived(id, 'sibling').ids) {
        const theirs = this.parentPair(other)
        if (!theirs || ids.includes(other)) continue
        const shared = (own.father.id === theirs.father.id ? 1 : 0) + (own.mother.id === theirs.mother.id ? 1 : 0)
        if (shared !== 1) continue
        ids.push(other)
        facts.push(own.father.fact, own.mother.fact, theirs.father.fact, theirs.mother.fact)
      }
    }
    return { ids, facts: [...new Set(facts)] }
  }

  /** The settled birth father and mother, when the deck gives exactly one of each and no dispute about either. */
  private parentPair(id: string): { father: Link; mother: Link } | undefined {
    if (this.anyParentsOf(id).length !== 2) return undefined
    const links = this.parentsOf(id)
    const father = links.filter((l) => l.fact.role === 'father')
    const mother = links.filter((l) => l.fact.role === 'mother')
    if (father.length !== 1 || mother.length !== 1) return undefined
    return { father: father[0] as Link, mother: mother[0] as Link }
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

interface Derivations {
  /** Birth links, settled (plus stated siblings). */
  settled: Derivation
  /** Birth links, any source. */
  any: Derivation
  /** Birth and adoptive links, settled. */
  all: Derivation
  /** Birth and adoptive links, any source, widened by stated siblings. */
  anyAll: Derivation
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
