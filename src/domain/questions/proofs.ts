// Why a wrong option is wrong, read from the deck's facts in an open world: a deck never holds
// every fact, so what it does not state is unknown, not false. A functional fact (one father,
// one mother, one birth date) makes every other value wrong; a relation that can hold many times
// (child, sibling, uncle, cousin, spouse) is wrong only when the facts rule it out: the option's
// own parents are known and are someone else, or the two lives cannot overlap. Each proof is one
// sentence a teacher can check ("Manuel II Palaiologos's father was John V Palaiologos").
import type { Gender, HistoricalDate } from '../deck/types'
import { addYears, datePhrase } from './dates'
import type { DeckIndex } from './deck-index'
import { joinList } from './prompts'

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
  /** "in 1370", "in 1370 or 1373". */
  phrase: string
}

/** Historical years as numbers that subtract correctly across 1 BC / AD 1. */
const astro = (year: number): number => (year < 0 ? year + 1 : year)

/** A sentence, or how to write it (only written when it is shown). */
type Words = string | (() => string)

/** What a proof reads when only whether one exists is asked (see Proofs.deciding). */
const PROVEN = 'proven'

export class Proofs {
  private readonly lives = new Map<string, { born?: LifeDate; died?: LifeDate }>()
  private readonly slots = new Map<string, { father?: string[]; mother?: string[]; loose: string[] }>()

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

  /** The sentence, or PROVEN while deciding. */
  private say(words: Words): string {
    return !this.writing ? PROVEN : typeof words === 'string' ? words : words()
  }

  name = (id: string): string => this.index.entities.get(id)?.name ?? id

  /** The gender the deck gives, or the parent role it states for the person elsewhere. */
  gender(id: string): Gender | undefined {
    const stated = this.index.entities.get(id)?.gender
    if (stated) return stated
    const { knownFathers, knownMothers } = this.index
    if (knownFathers.has(id) && !knownMothers.has(id)) return 'male'
    if (knownMothers.has(id) && !knownFathers.has(id)) return 'female'
    return undefined
  }

  // ── Lives ────────────────────────────────────────────────────────────────

  life(id: string): { born?: LifeDate; died?: LifeDate } {
    let life = this.lives.get(id)
    if (life) return life
    const of = (
      fact: { value: HistoricalDate; alternatives: ReadonlyArray<{ value: HistoricalDate }> } | undefined,
    ) => {
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
      return { min, max, low, high, phrase: joinList(dates.map(datePhrase), 'or') }
    }
    const born = of(this.index.born.get(id))
    const died = of(this.index.died.get(id))
    life = { ...(born ? { born } : {}), ...(died ? { died } : {}) }
    this.lives.set(id, life)
    return life
  }

  /** "born in 1420, after 1408" when every source has the person born after `year`. */
  bornAfter(id: string, year: number, what: Words): string | undefined {
    const born = this.life(id).born
    return born && born.min > year
      ? this.say(() => `${this.name(id)} was born ${born.phrase}, after ${typeof what === 'string' ? what : what()}`)
      : undefined
  }

  /** "died in 1385, before 1390" when every source has the person dead before `year`. */
  diedBefore(id: string, year: number, what: Words): string | undefined {
    const died = this.life(id).died
    return died && died.max < year
      ? this.say(() => `${this.name(id)} died ${died.phrase}, before ${typeof what === 'string' ? what : what()}`)
      : undefined
  }

  /**
   * True when the option could be alive and grown at `year` as far as the deck says: not born
   * after it (or less than `minAge` years before it) and not dead before it (more than `deadSince`
   * years). For plausibility, not proof (years as written): an option that fails is absurd.
   */
  aliveAt(id: string, year: number, minAge = 0, deadSince = 0): boolean {
    const { born, died } = this.life(id)
    if (born && astro(born.low) > astro(year) - minAge) return false
    if (died && astro(died.high) < astro(year) - deadSince) return false
    return true
  }

  /** Birth years of two people differ by at most `years` (or either is unknown). */
  bornWithin(a: string, b: string, years: number): boolean {
    const x = this.life(a).born
    const y = this.life(b).born
    if (!x || !y) return true
    return astro(x.low) - astro(y.high) <= years && astro(y.low) - astro(x.high) <= years
  }

  /** `older` born at least `years` before `younger` by every source (true when either is unknown). */
  bornBefore(older: string, younger: string, years: number): boolean {
    const x = this.life(older).born
    const y = this.life(younger).born
    if (!x || !y) return true
    return astro(x.high) <= astro(y.low) - years
  }

  /** `p` died more than `years` before `other` was born, by every source. */
  diedYearsBeforeBirth(p: string, other: string, years: number): boolean {
    const died = this.life(p).died
    const born = this.life(other).born
    return !!died && !!born && astro(died.high) < astro(born.low) - years
  }

  // ── Generations ──────────────────────────────────────────────────────────

  private generationsFrom: string | undefined
  private generations = new Map<string, readonly number[]>()

  /**
   * How many generations `other` stands below `from` in the deck's family (−1 a parent's, 1 a
   * child's, 0 a spouse's or sibling's), by the shortest chains of links any source gives, birth or
   * adoptive: every generation those chains give, none when the family does not connect them. For
   * plausibility: a great-grandfather is no likely wrong answer for "Who was the father of …?",
   * even where no dates tell so.
   */
  generation(from: string, other: string): readonly number[] {
    if (this.generationsFrom !== from) {
      this.generationsFrom = from
      this.generations = this.walkGenerations(from)
    }
    return this.generations.get(other) ?? []
  }

  /**
   * The option may be within `slack` generations of `gap` below the subject, or the family does not
   * tell: a grandfather is a fair wrong answer for a father (slack 1), a great-grandfather is not.
   */
  ofGeneration(subject: string, option: string, gap: number, slack = 1): boolean {
    const gens = this.generation(subject, option)
    return !gens.length || gens.some((g) => Math.abs(g - gap) <= slack)
  }

  // Breadth first, a whole level at a time, so that the result never depends on the order of the
  // deck's facts: a person first reached at one depth gets every generation the chains of that
  // depth give (intermarriage can give two).
  private walkGenerations(from: string): Map<string, readonly number[]> {
    const { kin } = this.index
    const out = new Map<string, readonly number[]>([[from, [0]]])
    let frontier = [from]
    // Six links reach second cousins and great-great-grandparents: far enough for every question.
    for (let depth = 0; depth < 6 && frontier.length; depth++) {
      const level = new Map<string, Set<number>>()
      for (const id of frontier) {
        const gens = out.get(id) as readonly number[]
        const visit = (ids: readonly string[], step: number) => {
          for (const other of ids) {
            if (out.has(other)) continue
            let set = level.get(other)
            if (!set) level.set(other, (set = new Set()))
            for (const g of gens) set.add(g + step)
          }
        }
        visit(kin.anySpousesOf(id), 0)
        visit(kin.anyStatedSiblingsOf(id), 0)
        visit(kin.anyParentsOf(id), -1)
        visit(kin.anyAdoptiveParentsOf(id), -1)
        visit(kin.anyChildrenOf(id), 1)
        visit(kin.anyAdoptedChildrenOf(id), 1)
      }
      for (const [id, set] of level) out.set(id, [...set])
      frontier = [...level.keys()]
    }
    return out
  }

  // ── Parents, open world ──────────────────────────────────────────────────

  /** Parents by slot, every source's values; `loose` are parents whose slot the deck does not tell. */
  private parentSlots(id: string): { father?: string[]; mother?: string[]; loose: string[] } {
    let slots = this.slots.get(id)
    if (slots) return slots
    const out: { father?: string[]; mother?: string[]; loose: string[] } = { loose: [] }
    for (const f of this.index.factsBySubject.get(id) ?? []) {
      if (f.type !== 'relation' || f.key !== 'parent') continue
      for (const value of [f.value, ...f.alternatives.map((a) => a.value)]) {
        const g = f.role ?? (this.gender(value) === 'male' ? 'father' : this.gender(value) === 'female' ? 'mother' : '')
        if (g === 'father' || g === 'mother') {
          const list = (out[g] ??= [])
          if (!list.includes(value)) list.push(value)
        } else if (!out.loose.includes(value)) out.loose.push(value)
      }
    }
    this.slots.set(id, (slots = out))
    return slots
  }

  /** The people who fill one parent slot by any source, or undefined when the deck cannot say. */
  private slot(id: string, slot: Slot): string[] | undefined {
    const s = this.parentSlots(id)
    const known = s[slot]
    if (known) return known
    // Two loose parents and the other slot known: cannot tell which is which.
    return undefined
  }

  private slotPhrase(child: string, slot: Slot, ids: readonly string[]): string {
    return this.say(() => `${this.name(child)}'s ${slot} was ${joinList(ids.map(this.name), 'or')}`)
  }

  /** Reasons joined into one proof, each sentence once (a reason may hold several, split on "; "). */
  private joined(reasons: readonly string[], split: boolean): string {
    return this.say(() => unique(split ? reasons.flatMap((r) => r.split('; ')) : reasons).join('; '))
  }

  /** Why `p` is not a parent of `child`, or undefined when the facts leave it possible (or true). */
  notParent(child: string, p: string): string | undefined {
    if (child === p) return this.say(() => `${this.name(p)} cannot be their own parent`)
    const s = this.parentSlots(child)
    if (s.loose.includes(p) || s.father?.includes(p) || s.mother?.includes(p)) return undefined
    const g = this.gender(p)
    const slot: Slot | undefined = g === 'male' ? 'father' : g === 'female' ? 'mother' : undefined
    if (slot) {
      const known = this.slot(child, slot)
      if (known) return this.slotPhrase(child, slot, known)
    } else if (s.father && s.mother) {
      const { father, mother } = s
      return this.say(() => `${this.name(child)}'s parents were ${joinList([...father, ...mother].map(this.name))}`)
    }
    const childBorn = this.life(child).born
    if (childBorn) {
      const late = this.bornAfter(p, childBorn.max, () => `${this.name(child)} (born ${childBorn.phrase})`)
      if (late) return late
      // A father may die before his child is born, not a year before.
      const margin = slot === 'mother' ? 0 : 1
      const died = this.life(p).died
      if (died && astro(died.max) < astro(childBorn.min) - margin)
        return this.say(
          () => `${this.name(p)} died ${died.phrase}, before ${this.name(child)} was born (${childBorn.phrase})`,
        )
    }
    return undefined
  }

  /** Why two people share no parent, or undefined when they might (or do). */
  notSibling(a: string, b: string): string | undefined {
    if (a === b) return undefined
    const reasons: string[] = []
    for (const slot of SLOTS) {
      const ofA = this.slot(a, slot)
      const ofB = this.slot(b, slot)
      let reason: string | undefined
      if (ofA) {
        const why = ofA.map((x) => this.notParent(b, x))
        if (why.every(Boolean))
          reason = this.say(() => `${this.slotPhrase(a, slot, ofA)}; ${this.joined(why as string[], false)}`)
      }
      if (!reason && ofB) {
        const why = ofB.map((y) => this.notParent(a, y))
        if (why.every(Boolean))
          reason = this.say(() => `${this.slotPhrase(b, slot, ofB)}; ${this.joined(why as string[], false)}`)
      }
      if (!reason) return undefined
      reasons.push(reason)
    }
    // Parents the deck gives no role or gender could sit in either slot: each must be ruled out.
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const)
      for (const loose of this.parentSlots(x).loose) {
        const why = this.notParent(y, loose)
        if (!why) return undefined
        reasons.push(why)
      }
    return this.joined(reasons, true)
  }

  /** Why `o` is not a grandparent of `x`. */
  notGrandparent(x: string, o: string): string | undefined {
    const reasons: string[] = []
    const s = this.parentSlots(x)
    for (const slot of SLOTS) {
      const parents = this.slot(x, slot)
      if (!parents) {
        // An unknown parent: only a birth after the grandchild's rules the option out.
        const born = this.life(x).born
        const late = born ? this.bornAfter(o, born.max, () => `${this.name(x)} (born ${born.phrase})`) : undefined
        if (!late) return undefined
        return late
      }
      reasons.push(this.slotPhrase(x, slot, parents))
      for (const p of parents) {
        const why = this.notParent(p, o)
        if (!why) return undefined
        reasons.push(why)
      }
    }
    for (const p of s.loose) {
      const why = this.notParent(p, o)
      if (!why) return undefined
      reasons.push(why)
    }
    return this.joined(reasons, false)
  }

  /** Why `o` is not a sibling of a parent of `x` (nor married to one who may be). */
  notUncleAunt(x: string, o: string, depth = 0): string | undefined {
    const reasons: string[] = []
    const s = this.parentSlots(x)
    for (const slot of SLOTS) {
      const parents = this.slot(x, slot)
      if (!parents) return undefined
      reasons.push(this.slotPhrase(x, slot, parents))
      for (const p of parents) {
        if (p === o) return undefined
        const why = this.notSibling(p, o)
        if (!why) return undefined
        reasons.push(why)
      }
    }
    for (const p of s.loose) {
      const why = this.notSibling(p, o)
      if (!why) return undefined
      reasons.push(why)
    }
    // An aunt's husband is an uncle too, as people say it.
    if (depth === 0)
      for (const spouse of this.index.kin.anySpousesOf(o)) if (!this.notUncleAunt(x, spouse, 1)) return undefined
    return this.joined(reasons, true)
  }

  /** Why `x` and `o` share no grandparent. */
  notCousin(x: string, o: string): string | undefined {
    const parentsOf = (id: string): string[] | undefined => {
      const s = this.parentSlots(id)
      const f = this.slot(id, 'father')
      const m = this.slot(id, 'mother')
      return f && m ? [...f, ...m, ...s.loose] : undefined
    }
    const px = parentsOf(x)
    const po = parentsOf(o)
    if (!px || !po) return undefined
    const reasons = [
      this.say(() => `${this.name(x)}'s parents were ${joinList(px.map(this.name))}`),
      this.say(() => `${this.name(o)}'s parents were ${joinList(po.map(this.name))}`),
    ]
    for (const p of px)
      for (const q of po) {
        if (p === q) return undefined
        const why = this.notSibling(p, q)
        if (!why) return undefined
        reasons.push(why)
      }
    return this.joined(reasons, true)
  }

  /** Why two people cannot have married: their lives do not overlap. */
  notSpouse(x: string, o: string): string | undefined {
    const { born: xBorn, died: xDied } = this.life(x)
    const { born: oBorn, died: oDied } = this.life(o)
    if (xBorn && oDied && astro(oDied.max) < astro(xBorn.min))
      return this.say(() => `${this.name(o)} died ${oDied.phrase}, before ${this.name(x)} was born (${xBorn.phrase})`)
    if (xDied && oBorn && astro(oBorn.min) > astro(xDied.max))
      return this.say(() => `${this.name(o)} was born ${oBorn.phrase}, after ${this.name(x)} died (${xDied.phrase})`)
    return undefined
  }
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

const cache = new WeakMap<DeckIndex, Proofs>()
/** One Proofs per deck index (its caches are per person). */
export function proofsOf(index: DeckIndex): Proofs {
  let proofs = cache.get(index)
  if (!proofs) cache.set(index, (proofs = new Proofs(index)))
  return proofs
}
