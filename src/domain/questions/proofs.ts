// Why a wrong option is wrong, read from the deck's facts in an open world: a deck never holds
// every fact, so what it does not state is unknown, not false. A functional fact (one father,
// one mother, one birth date) makes every other value wrong; a relation that can hold many times
// (child, sibling, uncle, cousin, spouse) is wrong only when the facts rule it out: the option's
// own parents are known and are someone else, or the two lives cannot overlap. Each proof is one
// sentence a teacher can check ("Manuel II Palaiologos's father was John V Palaiologos").
import type { Gender, HistoricalDate } from '../deck/types'
import { addYears, datePhrase } from './dates'
import type { DeckIndex } from './deck-index'
import type { DerivedRelation } from './kinship'
import { joinList } from './prompts'

/** The relatives a card asks for whose wrong options are proven by parent links: a child or a derived relative. */
export type ProvenRelation = DerivedRelation | 'child'

type Slot = 'father' | 'mother'
const SLOTS: readonly Slot[] = ['father', 'mother']

/** Years a date may stand for: "c. 1370" is 1360–1380, "1377?" 1372–1382, "before 1397" ≤ 1397. */
export function yearBounds(date: HistoricalDate): { min: number; max: number } {
  const y = date.start.year
  const slack = date.circa ? 10 : date.uncertain ? 5 : 0
  if (date.kind === 'range') return { min: addYears(y, -slack), max: addYears(date.end?.year ?? y, slack) }
  if (date.kind === 'before') return { min: -Infinity, max: addYears(y, slack) }
  if (date.kind === 'after') return { min: addYears(y, -slack), max: Infinity }
  return { min: addYears(y, -slack), max: addYears(y, slack) }
}

/** A person's birth or death as every source gives it: the widest span of years. */
interface LifeDate {
  min: number
  max: number
  /** The years as written (1370 for "c. 1370"): what plausibility goes by. */
  low: number
  high: number
  /** `low` and `high` as astronomical years (see astro), for comparisons across 1 BC / AD 1. */
  astroLow: number
  astroHigh: number
  /** "in 1370", "in 1370 or 1373". */
  phrase: string
}

/** Historical years as numbers that subtract correctly across 1 BC / AD 1. */
const astro = (year: number): number => (year < 0 ? year + 1 : year)

/** A sentence, or how to write it (only written when it is shown). */
type Words = string | (() => string)

/** What a proof reads when only whether one exists is asked (see Proofs.deciding). */
const PROVEN = 'proven'

/**
 * What the proofs read about one person (or an id the deck names but does not define), gathered
 * once: a proof looks a person up once and then reads fields, which matters when the distractor
 * search asks millions of times. Parents are filled in on first use.
 */
interface Person {
  readonly id: string
  readonly name: string
  readonly gender: Gender | undefined
  readonly born: LifeDate | undefined
  readonly died: LifeDate | undefined
  /** Parents by slot, every source's values; `loose` are parents whose slot the deck does not tell. */
  slots: Slots | undefined
  /** The walk (see Proofs.generation) that last reached the person, and the generations it gave. */
  walk: number
  gens: readonly number[]
  /** During a walk: the level that reached the person, and the generations it gives. */
  levelWalk: number
  level: number[] | undefined
  /**
   * Everyone any source links the person to, as the walk reads them (filled in on first walk):
   * spouses and siblings first (same generation), parents from `kinUp`, children from `kinDown`.
   */
  kin: Person[] | undefined
  kinUp: number
  kinDown: number
}

/** A person's record as a caller may keep it (see Proofs.recordOf): nothing to read, only to hand back. */
export interface ProofRecord {
  readonly id: string
}

interface Slots {
  father?: Person[]
  mother?: Person[]
  loose: Person[]
  /** Father, mother and loose parents in one list when both slots are known (for cousins). */
  all: Person[] | undefined
}

const NONE: readonly number[] = Object.freeze([])

/** A walk reaches six links at most: one generation, as a shared frozen list, for each it can give. */
const ONE_GENERATION: ReadonlyArray<readonly number[]> = Array.from({ length: 17 }, (_, i) => Object.freeze([i - 8]))
const oneGeneration = (g: number): number[] => (ONE_GENERATION[g + 8] ?? [g]) as number[]
/** The reasons of a proof found while deciding: none written. */
const DECIDED: readonly string[] = Object.freeze([])

export class Proofs {
  private readonly people = new Map<string, Person>()

  /** False while `deciding`: proofs are found but not written. */
  private writing = true

  constructor(private readonly index: DeckIndex) {}

  /**
   * Runs `decide` with proofs found but not written: every proof then reads PROVEN, so that a
   * caller that only keeps or drops options (most are dropped) builds no sentences. Whether a
   * proof exists never depends on its wording, so the same calls outside give the sentences.
   */
  deciding<T>(decide: () => T): T {
    if (!this.writing) return decide()
    this.writing = false
    try {
      return decide()
    } finally {
      this.writing = true
    }
  }

  /**
   * Whether `wrongBecause` proves `id` wrong, without writing the proof (as `deciding`, with no
   * closure per call). `record`, the option's (see recordOf), spares looking it up by id.
   */
  proves(wrongBecause: (id: string) => string | undefined, id: string, record?: ProofRecord): boolean {
    const writing = this.writing
    this.option = record as Person | undefined
    this.writing = false
    try {
      return wrongBecause(id) !== undefined
    } finally {
      this.writing = writing
      this.option = undefined
    }
  }

  /** What the proofs read about `id`, for a caller that asks about it again and again (see proves). */
  recordOf(id: string): ProofRecord {
    return this.person(id)
  }

  name = (id: string): string => this.index.entities.get(id)?.name ?? id

  /** The last two people looked up: a proof asks about its subject and one option, again and again. */
  private recent: Person | undefined
  private before: Person | undefined

  /** The option `proves` is asking about, while it asks. */
  private option: Person | undefined

  private person(id: string): Person {
    const option = this.option
    if (option !== undefined && option.id === id) return option
    const recent = this.recent
    if (recent !== undefined && recent.id === id) return recent
    const before = this.before
    if (before !== undefined && before.id === id) {
      this.before = recent
      this.recent = before
      return before
    }
    const person = this.people.get(id) ?? this.newPerson(id)
    this.before = recent
    this.recent = person
    return person
  }

  private newPerson(id: string): Person {
    const entity = this.index.entities.get(id)
    const person: Person = {
      id,
      name: entity?.name ?? id,
      gender: this.statedGender(id, entity?.gender),
      born: lifeDate(this.index.born.get(id)),
      died: lifeDate(this.index.died.get(id)),
      slots: undefined,
      walk: 0,
      gens: NONE,
      levelWalk: 0,
      level: undefined,
      kin: undefined,
      kinUp: 0,
      kinDown: 0,
    }
    this.people.set(id, person)
    return person
  }

  private statedGender(id: string, stated: Gender | undefined): Gender | undefined {
    if (stated) return stated
    const { knownFathers, knownMothers } = this.index
    if (knownFathers.has(id) && !knownMothers.has(id)) return 'male'
    if (knownMothers.has(id) && !knownFathers.has(id)) return 'female'
    return undefined
  }

  /** The gender the deck gives, or the parent role it states for the person elsewhere. */
  gender(id: string): Gender | undefined {
    return this.person(id).gender
  }

  /**
   * False when no option can be proven this relative of the subject, whoever it is, by what the
   * deck gives about the subject alone: a cousin needs the subject's father and mother, an uncle
   * both parent slots, a grandparent a birth date or both parent slots, a spouse a birth or a death,
   * a parent a father's or mother's slot or a birth. (notCousin, notUncleAunt, notGrandparent,
   * notSpouse and notParent with the subject first then return undefined for every option but the
   * subject itself.) True when it depends on the option.
   */
  mayProve(relation: string, subject: string): boolean {
    const p = this.person(subject)
    switch (relation) {
      case 'cousin':
        return this.slotsOf(p).all !== undefined
      case 'uncle-aunt': {
        const s = this.slotsOf(p)
        return s.father !== undefined && s.mother !== undefined
      }
      case 'grandparent': {
        const s = this.slotsOf(p)
        return p.born !== undefined || (s.father !== undefined && s.mother !== undefined)
      }
      case 'spouse':
        return p.born !== undefined || p.died !== undefined
      case 'parent': {
        const s = this.slotsOf(p)
        return p.born !== undefined || s.father !== undefined || s.mother !== undefined
      }
      default:
        return true
    }
  }

  // ── Lives ────────────────────────────────────────────────────────────────

  life(id: string): { readonly born?: LifeDate | undefined; readonly died?: LifeDate | undefined } {
    return this.person(id)
  }

  /** "born in 1420, after 1408" when every source has the person born after `year`. */
  bornAfter(id: string, year: number, what: Words): string | undefined {
    return this.bornAfterP(this.person(id), year, what)
  }

  private bornAfterP(p: Person, year: number, what: Words): string | undefined {
    const born = p.born
    if (!born || born.min <= year) return undefined
    return this.writing
      ? `${p.name} was born ${born.phrase}, after ${typeof what === 'string' ? what : what()}`
      : PROVEN
  }

  /** "died in 1385, before 1390" when every source has the person dead before `year`. */
  diedBefore(id: string, year: number, what: Words): string | undefined {
    const p = this.person(id)
    const died = p.died
    if (!died || died.max >= year) return undefined
    return this.writing ? `${p.name} died ${died.phrase}, before ${typeof what === 'string' ? what : what()}` : PROVEN
  }

  /**
   * True when the option could be alive and grown at `year` as far as the deck says: not born
   * after it (or less than `minAge` years before it) and not dead before it (more than `deadSince`
   * years). For plausibility, not proof (years as written): an option that fails is absurd.
   */
  aliveAt(id: string, year: number, minAge = 0, deadSince = 0): boolean {
    const { born, died } = this.person(id)
    if (born && born.astroLow > astro(year) - minAge) return false
    if (died && died.astroHigh < astro(year) - deadSince) return false
    return true
  }

  /** Birth years of two people differ by at most `years` (or either is unknown). */
  bornWithin(a: string, b: string, years: number): boolean {
    return bornWithinP(this.person(a), this.person(b), years)
  }

  /** `older` born at least `years` before `younger` by every source (true when either is unknown). */
  bornBefore(older: string, younger: string, years: number): boolean {
    return bornBeforeP(this.person(older), this.person(younger), years)
  }

  /** `p` died more than `years` before `other` was born, by every source. */
  diedYearsBeforeBirth(p: string, other: string, years: number): boolean {
    return diedYearsBeforeBirthP(this.person(p), this.person(other), years)
  }

  // ── Options for a relative, one check each ───────────────────────────────
  // What the distractor search asks of every candidate: the subject and the option are looked up
  // once, and the conditions (which must all hold, so their order changes nothing) are read from
  // their records, the cheapest first.

  /**
   * A parent option alive and grown when the child was born, as far as the deck says, and of the
   * generation above the child (or the family does not tell).
   */
  plausibleParent(parent: string, child: string): boolean {
    const p = this.person(parent)
    const c = this.person(child)
    return bornBeforeP(p, c, 14) && !diedYearsBeforeBirthP(p, c, 1) && this.ofGenerationP(c, p, -1, 1)
  }

  /**
   * Why `option` is not this relative of `subject` (open world), or undefined when the facts leave
   * it possible, or when the option is of another generation or age: an absurd option, not a
   * plausible wrong one.
   */
  wrongRelative(relation: ProvenRelation, subject: string, option: string): string | undefined {
    const s = this.person(subject)
    const o = this.person(option)
    switch (relation) {
      case 'child':
        return bornBeforeP(s, o, 14) && this.ofGenerationP(s, o, 1, 1) ? this.notParentP(o, s) : undefined
      case 'grandparent':
        return bornBeforeP(o, s, 30) && this.ofGenerationP(s, o, -2, 1) ? this.notGrandparentP(s, o) : undefined
      case 'grandchild':
        return bornBeforeP(s, o, 30) && this.ofGenerationP(s, o, 2, 1) ? this.notGrandparentP(o, s) : undefined
      case 'sibling':
        return bornWithinP(s, o, 20) && this.ofGenerationP(s, o, 0, 1) ? this.notSiblingP(s, o) : undefined
      case 'uncle-aunt':
        return bornBeforeP(o, s, -10) && bornWithinP(s, o, 60) && this.ofGenerationP(s, o, -1, 1)
          ? this.notUncleAuntP(s, o, 0)
          : undefined
      case 'cousin':
        // Without both of the option's parent slots no proof exists: the walk is not needed.
        return bornWithinP(s, o, 25) && this.slotsOf(o).all !== undefined && this.ofGenerationP(s, o, 0, 1)
          ? this.notCousinP(s, o)
          : undefined
    }
  }

  /** Why `option` cannot have married `subject`, or undefined; also when the two are of different generations or ages. */
  wrongSpouse(subject: string, option: string): string | undefined {
    const s = this.person(subject)
    const o = this.person(option)
    if (!this.writing)
      return this.notSpouseP(s, o) !== undefined && bornWithinP(s, o, 30) && this.ofGenerationP(s, o, 0, 0)
        ? PROVEN
        : undefined
    return this.ofGenerationP(s, o, 0, 0) && bornWithinP(s, o, 30) ? this.notSpouseP(s, o) : undefined
  }

  // ── Generations ──────────────────────────────────────────────────────────

  private generationsFrom: string | undefined
  /** Numbers the walks: a person's `gens` are the last walk's when their `walk` is this one. */
  private walks = 0

  /**
   * How many generations `other` stands below `from` in the deck's family (−1 a parent's, 1 a
   * child's, 0 a spouse's or sibling's), by the shortest chains of links any source gives, birth or
   * adoptive: every generation those chains give, none when the family does not connect them. For
   * plausibility: a great-grandfather is no likely wrong answer for "Who was the father of …?",
   * even where no dates tell so.
   */
  generation(from: string, other: string): readonly number[] {
    return this.generationP(this.person(from), this.person(other))
  }

  private generationP(from: Person, other: Person): readonly number[] {
    if (this.generationsFrom !== from.id) {
      this.generationsFrom = from.id
      this.walkGenerations(from)
    }
    return other.walk === this.walks ? other.gens : NONE
  }

  /**
   * The option may be within `slack` generations of `gap` below the subject, or the family does not
   * tell: a grandfather is a fair wrong answer for a father (slack 1), a great-grandfather is not.
   */
  ofGeneration(subject: string, option: string, gap: number, slack = 1): boolean {
    return this.ofGenerationP(this.person(subject), this.person(option), gap, slack)
  }

  private ofGenerationP(subject: Person, option: Person, gap: number, slack: number): boolean {
    const gens = this.generationP(subject, option)
    if (!gens.length) return true
    for (const g of gens) if (Math.abs(g - gap) <= slack) return true
    return false
  }

  // Breadth first, a whole level at a time, so that the result never depends on the order of the
  // deck's facts: a person first reached at one depth gets every generation the chains of that
  // depth give (intermarriage can give two).
  private walkGenerations(start: Person): void {
    const walk = ++this.walks
    start.walk = walk
    start.gens = oneGeneration(0)
    let frontier: Person[] = [start]
    // Six links reach second cousins and great-great-grandparents: far enough for every question.
    for (let depth = 0; depth < 6 && frontier.length; depth++) {
      const level: Person[] = []
      for (const p of frontier) {
        const { gens } = p
        const linked = (p.kin ??= this.kinOf(p))
        for (let i = 0; i < linked.length; i++) {
          const other = linked[i] as Person
          if (other.walk === walk) continue
          const step = i < p.kinUp ? 0 : i < p.kinDown ? -1 : 1
          let set = other.level
          let from = 0
          if (other.levelWalk !== walk || !set) {
            // Nearly everyone is reached at one generation: a shared list, copied when a second comes.
            other.levelWalk = walk
            other.level = set = oneGeneration((gens[0] as number) + step)
            level.push(other)
            from = 1
          }
          // A handful of generations at most: a list, each once, in the order first reached.
          for (let k = from; k < gens.length; k++) {
            const g = (gens[k] as number) + step
            if (set.includes(g)) continue
            if (Object.isFrozen(set)) other.level = set = [...set]
            set.push(g)
          }
        }
      }
      for (const p of level) {
        p.walk = walk
        p.gens = p.level as number[]
        p.level = undefined
      }
      frontier = level
    }
  }

  /** The people any source links `p` to, in the walk's order (sets `kinUp` and `kinDown`). */
  private kinOf(p: Person): Person[] {
    const { kin } = this.index
    const { id } = p
    const out: Person[] = []
    const add = (ids: readonly string[]) => {
      for (const other of ids) out.push(this.person(other))
    }
    add(kin.anySpousesOf(id))
    add(kin.anyStatedSiblingsOf(id))
    p.kinUp = out.length
    add(kin.anyParentsOf(id))
    add(kin.anyAdoptiveParentsOf(id))
    p.kinDown = out.length
    add(kin.anyChildrenOf(id))
    add(kin.anyAdoptedChildrenOf(id))
    return out
  }

  // ── Parents, open world ──────────────────────────────────────────────────

  private slotsOf(p: Person): Slots {
    return (p.slots ??= this.parentSlots(p.id))
  }

  /** Parents by slot, every source's values; `loose` are parents whose slot the deck does not tell. */
  private parentSlots(id: string): Slots {
    const out: Slots = { loose: [], all: undefined }
    for (const f of this.index.factsBySubject.get(id) ?? []) {
      if (f.type !== 'relation' || f.key !== 'parent') continue
      for (const value of [f.value, ...f.alternatives.map((a) => a.value)]) {
        const parent = this.person(value)
        const g = f.role ?? (parent.gender === 'male' ? 'father' : parent.gender === 'female' ? 'mother' : '')
        if (g === 'father' || g === 'mother') {
          const list = (out[g] ??= [])
          if (!list.includes(parent)) list.push(parent)
        } else if (!out.loose.includes(parent)) out.loose.push(parent)
      }
    }
    if (out.father && out.mother) out.all = [...out.father, ...out.mother, ...out.loose]
    return out
  }

  private slotPhrase(child: Person, slot: Slot, parents: readonly Person[]): string {
    return this.writing ? `${child.name}'s ${slot} was ${joinList(parents.map(nameOf), 'or')}` : PROVEN
  }

  /** Reasons joined into one proof, each sentence once (a reason may hold several, split on "; "). */
  private joined(reasons: readonly string[] | undefined, split: boolean): string {
    if (!reasons) return PROVEN
    // Written as it goes: no list of the split sentences, no copy of the set.
    const seen = new Set<string>()
    let out = ''
    const add = (sentence: string) => {
      if (seen.has(sentence)) return
      seen.add(sentence)
      out = seen.size === 1 ? sentence : `${out}; ${sentence}`
    }
    for (const reason of reasons)
      if (!split) add(reason)
      else for (const sentence of reason.split('; ')) add(sentence)
    return out
  }

  /** Why `p` is not a parent of `child`, or undefined when the facts leave it possible (or true). */
  notParent(child: string, p: string): string | undefined {
    return this.notParentP(this.person(child), this.person(p))
  }

  private notParentP(child: Person, p: Person): string | undefined {
    if (child === p) return this.writing ? `${p.name} cannot be their own parent` : PROVEN
    const s = this.slotsOf(child)
    if (s.loose.includes(p) || s.father?.includes(p) || s.mother?.includes(p)) return undefined
    const g = p.gender
    const slot: Slot | undefined = g === 'male' ? 'father' : g === 'female' ? 'mother' : undefined
    if (slot) {
      // Two loose parents and the other slot known: cannot tell which is which.
      const known = s[slot]
      if (known) return this.slotPhrase(child, slot, known)
    } else if (s.father && s.mother) {
      if (!this.writing) return PROVEN
      return `${child.name}'s parents were ${joinList([...s.father, ...s.mother].map(nameOf))}`
    }
    const childBorn = child.born
    if (childBorn) {
      const born = p.born
      if (born && born.min > childBorn.max)
        return this.writing
          ? `${p.name} was born ${born.phrase}, after ${child.name} (born ${childBorn.phrase})`
          : PROVEN
      // A father may die before his child is born, not a year before.
      const margin = slot === 'mother' ? 0 : 1
      const died = p.died
      if (died && astro(died.max) < astro(childBorn.min) - margin)
        return this.writing
          ? `${p.name} died ${died.phrase}, before ${child.name} was born (${childBorn.phrase})`
          : PROVEN
    }
    return undefined
  }

  /** Why none of `parents` is a parent of `child` (one reason each), or undefined when one may be. */
  private noneParent(child: Person, parents: readonly Person[]): readonly string[] | undefined {
    const why: string[] | undefined = this.writing ? [] : undefined
    for (const x of parents) {
      const reason = this.notParentP(child, x)
      if (!reason) return undefined
      why?.push(reason)
    }
    return why ?? DECIDED
  }

  /** Why two people share no parent, or undefined when they might (or do). */
  notSibling(a: string, b: string): string | undefined {
    return this.notSiblingP(this.person(a), this.person(b))
  }

  private notSiblingP(a: Person, b: Person): string | undefined {
    if (a === b) return undefined
    const sa = this.slotsOf(a)
    const sb = this.slotsOf(b)
    // Only written proofs need their reasons: deciding allocates nothing.
    const reasons: string[] | undefined = this.writing ? [] : undefined
    for (const slot of SLOTS) {
      const ofA = sa[slot]
      const ofB = sb[slot]
      let reason: string | undefined
      if (ofA) {
        const why = this.noneParent(b, ofA)
        if (why) reason = this.writing ? `${this.slotPhrase(a, slot, ofA)}; ${this.joined(why, false)}` : PROVEN
      }
      if (!reason && ofB) {
        const why = this.noneParent(a, ofB)
        if (why) reason = this.writing ? `${this.slotPhrase(b, slot, ofB)}; ${this.joined(why, false)}` : PROVEN
      }
      if (!reason) return undefined
      reasons?.push(reason)
    }
    // Parents the deck gives no role or gender could sit in either slot: each must be ruled out.
    for (const loose of sa.loose) {
      const why = this.notParentP(b, loose)
      if (!why) return undefined
      reasons?.push(why)
    }
    for (const loose of sb.loose) {
      const why = this.notParentP(a, loose)
      if (!why) return undefined
      reasons?.push(why)
    }
    return this.joined(reasons, true)
  }

  /** Why `o` is not a grandparent of `x`. */
  notGrandparent(x: string, o: string): string | undefined {
    return this.notGrandparentP(this.person(x), this.person(o))
  }

  private notGrandparentP(px: Person, po: Person): string | undefined {
    // Only written proofs need their reasons: deciding allocates nothing.
    const reasons: string[] | undefined = this.writing ? [] : undefined
    const s = this.slotsOf(px)
    for (const slot of SLOTS) {
      const parents = s[slot]
      if (!parents) {
        // An unknown parent: only a birth after the grandchild's rules the option out.
        const born = px.born
        return born ? this.bornAfterP(po, born.max, () => `${px.name} (born ${born.phrase})`) : undefined
      }
      reasons?.push(this.slotPhrase(px, slot, parents))
      for (const p of parents) {
        const why = this.notParentP(p, po)
        if (!why) return undefined
        reasons?.push(why)
      }
    }
    for (const p of s.loose) {
      const why = this.notParentP(p, po)
      if (!why) return undefined
      reasons?.push(why)
    }
    return this.joined(reasons, false)
  }

  /** Why `o` is not a sibling of a parent of `x` (nor married to one who may be). */
  notUncleAunt(x: string, o: string): string | undefined {
    return this.notUncleAuntP(this.person(x), this.person(o), 0)
  }

  private notUncleAuntP(x: Person, o: Person, depth: number): string | undefined {
    // Only written proofs need their reasons: deciding allocates nothing.
    const reasons: string[] | undefined = this.writing ? [] : undefined
    const s = this.slotsOf(x)
    for (const slot of SLOTS) {
      const parents = s[slot]
      if (!parents) return undefined
      reasons?.push(this.slotPhrase(x, slot, parents))
      for (const p of parents) {
        if (p === o) return undefined
        const why = this.notSiblingP(p, o)
        if (!why) return undefined
        reasons?.push(why)
      }
    }
    for (const p of s.loose) {
      const why = this.notSiblingP(p, o)
      if (!why) return undefined
      reasons?.push(why)
    }
    // An aunt's husband is an uncle too, as people say it (only whether he may be counts here).
    if (depth === 0)
      for (const spouse of this.index.kin.anySpousesOf(o.id))
        if (!this.deciding(() => this.notUncleAuntP(x, this.person(spouse), 1))) return undefined
    return this.joined(reasons, true)
  }

  /** Why `x` and `o` share no grandparent. */
  notCousin(x: string, o: string): string | undefined {
    return this.notCousinP(this.person(x), this.person(o))
  }

  private notCousinP(a: Person, b: Person): string | undefined {
    const px = this.slotsOf(a).all
    if (!px) return undefined
    const po = this.slotsOf(b).all
    if (!po) return undefined
    // Only written proofs need their reasons: deciding allocates nothing.
    const reasons: string[] | undefined = this.writing
      ? [`${a.name}'s parents were ${joinList(px.map(nameOf))}`, `${b.name}'s parents were ${joinList(po.map(nameOf))}`]
      : undefined
    for (const p of px)
      for (const q of po) {
        if (p === q) return undefined
        const why = this.notSiblingP(p, q)
        if (!why) return undefined
        reasons?.push(why)
      }
    return this.joined(reasons, true)
  }

  /** Why two people cannot have married: their lives do not overlap. */
  notSpouse(x: string, o: string): string | undefined {
    return this.notSpouseP(this.person(x), this.person(o))
  }

  private notSpouseP(a: Person, b: Person): string | undefined {
    const { born: xBorn, died: xDied } = a
    const { born: oBorn, died: oDied } = b
    if (xBorn && oDied && astro(oDied.max) < astro(xBorn.min))
      return this.writing ? `${b.name} died ${oDied.phrase}, before ${a.name} was born (${xBorn.phrase})` : PROVEN
    if (xDied && oBorn && astro(oBorn.min) > astro(xDied.max))
      return this.writing ? `${b.name} was born ${oBorn.phrase}, after ${a.name} died (${xDied.phrase})` : PROVEN
    return undefined
  }
}

const nameOf = (p: Person): string => p.name

function bornWithinP(a: Person, b: Person, years: number): boolean {
  const x = a.born
  if (!x) return true
  const y = b.born
  if (!y) return true
  return x.astroLow - y.astroHigh <= years && y.astroLow - x.astroHigh <= years
}

function bornBeforeP(older: Person, younger: Person, years: number): boolean {
  const x = older.born
  if (!x) return true
  const y = younger.born
  if (!y) return true
  return x.astroHigh <= y.astroLow - years
}

function diedYearsBeforeBirthP(p: Person, other: Person, years: number): boolean {
  const died = p.died
  if (!died) return false
  const born = other.born
  return !!born && died.astroHigh < born.astroLow - years
}

/** A birth or death fact as a LifeDate: the widest span of years its sources give. */
function lifeDate(
  fact: { value: HistoricalDate; alternatives: ReadonlyArray<{ value: HistoricalDate }> } | undefined,
): LifeDate | undefined {
  if (!fact) return undefined
  const dates = [fact.value, ...fact.alternatives.map((a) => a.value)]
  let min = Infinity
  let max = -Infinity
  let low = Infinity
  let high = -Infinity
  for (const d of dates) {
    const b = yearBounds(d)
    min = Math.min(min, b.min)
    max = Math.max(max, b.max)
    low = Math.min(low, d.start.year)
    high = Math.max(high, d.kind === 'range' ? (d.end?.year ?? d.start.year) : d.start.year)
  }
  return {
    min,
    max,
    low,
    high,
    astroLow: astro(low),
    astroHigh: astro(high),
    phrase: joinList(dates.map(datePhrase), 'or'),
  }
}

const cache = new WeakMap<DeckIndex, Proofs>()
/** One Proofs per deck index (its caches are per person). */
export function proofsOf(index: DeckIndex): Proofs {
  let proofs = cache.get(index)
  if (!proofs) cache.set(index, (proofs = new Proofs(index)))
  return proofs
}
