// Wrong options: of the same kind and role as the answer, drawn from the deck first (people near
// the answer's generation, places, titles, dates of the same precision in a plausible window),
// then generated (dates, numbers). Never a value the facts make true: callers pass what to exclude.
// Pools are indexed once (sorted by year, binary search for the window), so each question costs
// O(log n + k) and the whole deck stays near linear.
import { formatDate, precisionOf } from '../deck/dates'
import type { DatePoint, DatePrecision, Entity, HistoricalDate } from '../deck/types'
import type { Difficulty } from './types'
import { randomInt, type Random } from '../random'
import { NOTHING_PROVES_WRONG, type PoolName } from './ask'
import { normalizeAnswer, isExactToken } from './answers'
import { dayBounds, edgeDay, laterDay, movePoint, samePoint, shiftDate, truncatePoint } from './dates'
import type { DeckIndex } from './deck-index'
import { proofsOf, type ProofRecord } from './proofs'

/** A wrong option and how close it is to the answer (0 far … 1 very close). */
export interface Scored {
  text: string
  score: number
  id?: string
  /** For dates: the wrong date itself (true/false statements phrase it). */
  date?: HistoricalDate
  /** Why the option is wrong, from the deck's facts. */
  why?: string
}

/** Options per multiple-choice question: the answer and up to three distractors. */
export const DISTRACTORS = 3
const CANDIDATES = 8

export function difficultyOf(scores: readonly number[]): Difficulty {
  if (!scores.length) return 'easy'
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length
  return mean >= 0.55 ? 'hard' : mean >= 0.3 ? 'medium' : 'easy'
}

/** The closest candidates are likelier, with some variety: a random pick among the best. */
export function pickBest<T extends Scored>(candidates: T[], random: Random, count = DISTRACTORS): T[] {
  candidates.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1))
  const top = Math.min(candidates.length, Math.max(count, count * 2))
  // A partial Fisher–Yates over the best `top`, in place.
  const n = Math.min(count, top)
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(random, top - i)
    const tmp = candidates[i] as T
    candidates[i] = candidates[j] as T
    candidates[j] = tmp
  }
  candidates.length = n
  return candidates
}

// ── Entities ────────────────────────────────────────────────────────────────

/** An entity as a candidate option, with what scoring needs computed once. */
interface Candidate {
  id: string
  text: string
  /** Normalized name: two options never read the same. */
  key: string
  year: number | undefined
  /** Index of the dynasty, or -1. */
  dynasty: number
  /** First and last name words ("andronikos", "palaiologos"). */
  first: string
  last: string
  /** What the proofs read about the entity, once a wrong option's proof has asked. */
  record?: ProofRecord
}

/** How many valid candidates are scored per question: the nearest in time. */
const NEAR = 6

/** Entities of one role, sorted by year for a binary search of the plausible window. */
class EntityPool {
  private readonly keyed: Candidate[]
  private readonly years: Float64Array
  private readonly unkeyed: Candidate[]

  // Sorted by year, then id: the search never depends on the order of the deck's file.
  constructor(candidates: Candidate[]) {
    const byId = (a: Candidate, b: Candidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    this.keyed = candidates
      .filter((c) => c.year !== undefined)
      .sort((a, b) => (a.year as number) - (b.year as number) || byId(a, b))
    this.years = Float64Array.from(this.keyed, (c) => c.year as number)
    this.unkeyed = candidates.filter((c) => c.year === undefined).sort(byId)
  }

  /** Add up to `limit` candidates that pass `ok` to `out`: nearest to `year`, or from a random place. */
  near(year: number | undefined, limit: number, ok: (c: Candidate) => boolean, random: Random, out: Candidate[]): void {
    const target = out.length + limit
    const budget = limit * 4 + 16
    let examined = 0
    const { keyed, years } = this
    if (keyed.length) {
      let right = year === undefined ? randomInt(random, keyed.length) : lowerBound(years, year)
      let left = right - 1
      let toggle = false
      while (out.length < target && examined < budget && (left >= 0 || right < keyed.length)) {
        let goLeft: boolean
        if (left < 0) goLeft = false
        else if (right >= keyed.length) goLeft = true
        else if (year === undefined) goLeft = toggle = !toggle
        else goLeft = year - (years[left] as number) <= (years[right] as number) - year
        const c = keyed[goLeft ? left-- : right++] as Candidate
        examined++
        if (ok(c)) out.push(c)
      }
    }
    const rest = this.unkeyed
    if (rest.length && out.length < target) {
      const start = randomInt(random, rest.length)
      for (let i = 0; i < rest.length && out.length < target && examined < budget * 2; i++, examined++) {
        const c = rest[(start + i) % rest.length] as Candidate
        if (ok(c)) out.push(c)
      }
    }
  }
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as number) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

const STOP_WORDS = new Set(['of', 'the', 'and', 'in', 'de', 'von', 'van', 'a'])

export class Pools {
  private readonly pools = new Map<PoolName, EntityPool>()
  private readonly candidates = new Map<string, Candidate>()
  private readonly dynasties = new Map<string, number>()

  constructor(private readonly index: DeckIndex) {}

  /** The entity as a candidate (one object per entity, shared by every pool). */
  private candidate(entity: Entity, year = this.index.yearOf.get(entity.id)): Candidate {
    let c = this.candidates.get(entity.id)
    if (c) return c
    const key = normalizeAnswer(entity.name)
    const words = key.split(' ').filter((t) => t && !STOP_WORDS.has(t) && !isExactToken(t))
    const dynastyId = this.index.dynastyOf.get(entity.id)
    let dynasty = -1
    if (dynastyId !== undefined) {
      dynasty = this.dynasties.get(dynastyId) ?? this.dynasties.size
      this.dynasties.set(dynastyId, dynasty)
    }
    c = {
      id: entity.id,
      text: entity.name,
      key,
      year,
      dynasty,
      first: words[0] ?? '',
      last: words.length > 1 ? (words[words.length - 1] as string) : '',
    }
    this.candidates.set(entity.id, c)
    return c
  }

  private pool(name: PoolName): EntityPool {
    let pool = this.pools.get(name)
    if (!pool) this.pools.set(name, (pool = this.build(name)))
    return pool
  }

  private build(name: PoolName): EntityPool {
    const { index } = this
    const of = (keep: (e: Entity) => boolean) => index.deck.entities.filter(keep).map((e) => this.candidate(e))
    const person = (e: Entity) => e.kind === 'person'
    // A mother's distractors are women or known mothers; a father's, men or known fathers.
    const male = (e: Entity) =>
      person(e) && (e.gender === 'male' || (!e.gender && index.knownFathers.has(e.id) && !index.knownMothers.has(e.id)))
    const female = (e: Entity) =>
      person(e) &&
      (e.gender === 'female' || (!e.gender && index.knownMothers.has(e.id) && !index.knownFathers.has(e.id)))
    if (name === 'person') return new EntityPool(of(person))
    if (name === 'male') return new EntityPool(of(male))
    if (name === 'female') return new EntityPool(of(female))
    // Another ruler is a likely wrong predecessor; a man who held nothing is padding.
    if (name.startsWith('rulers:')) {
      const rulers = rulersOf(index)
      const sex = name === 'rulers:male' ? male : name === 'rulers:female' ? female : person
      return new EntityPool(of((e) => rulers.has(e.id) && sex(e)))
    }
    if (name === 'place') return new EntityPool(of((e) => e.kind === 'place'))
    if (name === 'dynasty') return new EntityPool(of((e) => e.kind === 'dynasty'))
    if (name === 'title') return new EntityPool(of((e) => e.kind === 'title' || e.kind === 'office'))
    if (name === 'event') return new EntityPool(of((e) => e.kind === 'event'))
    if (name.startsWith('kind:')) return new EntityPool(of((e) => e.kind === name.slice('kind:'.length)))
    // The other spouses of a person: the likeliest wrong answers to "Who was his third wife?".
    if (name.startsWith('spouses:')) {
      const spouses = new Set(index.kin.spousesOf(name.slice('spouses:'.length)).map((l) => l.id))
      return new EntityPool(of((e) => spouses.has(e.id)))
    }
    // Holders of an office, placed by the start of their first tenure.
    const seen = new Set<string>()
    const holders: Candidate[] = []
    for (const t of index.tenuresByOffice.get(name.slice('holders:'.length)) ?? []) {
      const entity = index.entities.get(t.subject)
      if (seen.has(t.subject) || !entity) continue
      seen.add(t.subject)
      holders.push({ ...this.candidate(entity), year: t.value.start?.start.year })
    }
    return new EntityPool(holders)
  }

  /**
   * Up to three wrong entities for an answer, from the pools in order, never one in `exclude`,
   * never the subject asked about, never one `reject` refuses by name, never one `wrongBecause`
   * cannot prove wrong, and never one whose name reads like another option's. Scored by closeness
   * in time, dynasty and shared name words.
   */
  pickEntities(
    answerId: string,
    pools: readonly PoolName[],
    exclude: ReadonlySet<string>,
    year: number | undefined,
    random: Random,
    subjectId?: string,
    reject?: (name: string) => boolean,
    wrongBecause?: (id: string) => string | undefined,
  ): Scored[] {
    // Every candidate would be dropped: no search (the card's random source is not used after it).
    if (wrongBecause === NOTHING_PROVES_WRONG) return []
    const entity = this.index.entities.get(answerId)
    const answer = entity ? this.candidate(entity) : undefined
    const keys = [answer?.key ?? answerId]
    // Most candidates examined are dropped: whether each is provably wrong is decided without
    // writing the proof, which is written for the options kept only.
    const proofs = proofsOf(this.index)
    const ok = (c: Candidate) => {
      if (c.id === answerId || c.id === subjectId || exclude.has(c.id) || keys.includes(c.key) || reject?.(c.text))
        return false
      if (wrongBecause && !proofs.proves(wrongBecause, c.id, (c.record ??= proofs.recordOf(c.id)))) return false
      keys.push(c.key)
      return true
    }
    const found: Candidate[] = []
    // Holders of the office come first: another emperor is the likely confusion, not a foreign king.
    let holders = 0
    for (const name of pools) {
      if (found.length >= NEAR) break
      this.pool(name).near(year, NEAR - found.length, ok, random, found)
      if (name.startsWith('holders:')) holders = found.length
    }
    const scored = found.map((c, i): Scored => {
      let score =
        year !== undefined && c.year !== undefined ? 0.5 * Math.max(0, 1 - Math.abs(year - c.year) / 50) : 0.12
      if (i < holders) score += 0.3
      if (answer) {
        if (answer.dynasty >= 0 && answer.dynasty === c.dynasty) score += 0.2
        if (answer.first && answer.first === c.first) score += 0.15
        if (answer.last && answer.last === c.last) score += 0.15
      }
      return { id: c.id, text: c.text, score }
    })
    const picked = pickBest(scored, random)
    if (wrongBecause) for (const option of picked) option.why = wrongBecause(option.id as string)
    return picked
  }
}

/** Everyone who held an office or title in the deck, or is named as a holder's predecessor or successor. */
export function rulersOf(index: DeckIndex): Set<string> {
  const out = new Set(index.heldBy.keys())
  for (const tenures of index.tenuresByOffice.values())
    for (const t of tenures)
      for (const side of [t.value.predecessor, t.value.successor]) {
        if (!side) continue
        if ('who' in side) out.add(side.who)
        else if (side.lastHeldBy) out.add(side.lastHeldBy)
      }
  return out
}

// ── Dates ───────────────────────────────────────────────────────────────────

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 }
/** Half-width of the plausible window, in years. */
const DATE_WINDOW = 15
const POINT_BITS = 2 ** 20

const approxDays = (p: DatePoint): number => p.year * 365.25 + ((p.month ?? 1) - 1) * 30.44 + (p.day ?? 1)
const pointKey = (p: DatePoint): number => p.year * 10000 + (p.month ?? 0) * 100 + (p.day ?? 0)

/** Every plain dated point of the deck, sorted, for "dates of the same precision nearby". */
export class DatePool {
  private readonly keys: Float64Array
  private readonly points: DatePoint[]

  constructor(dates: Iterable<HistoricalDate>) {
    const points: DatePoint[] = []
    for (const d of dates) if (d.kind === 'on' && !d.circa && !d.uncertain) points.push(d.start)
    // Canonical order (not the file's), then each key carries its point's index.
    points.sort((a, b) => pointKey(a) - pointKey(b))
    if (points.length > POINT_BITS) points.length = POINT_BITS
    this.keys = Float64Array.from(points, (p, i) => Math.round(approxDays(p)) * POINT_BITS + i).sort()
    this.points = points
  }

  /** Call `visit` with points within `years` of `point`, nearest first, until it returns true. */
  around(point: DatePoint, years: number, visit: (p: DatePoint) => boolean): void {
    const center = Math.round(approxDays(point))
    const span = years * 366
    const { keys, points } = this
    let right = lowerBound(keys, center * POINT_BITS)
    let left = right - 1
    for (let n = 0; n < 32; n++) {
      const leftDay = left >= 0 ? Math.floor((keys[left] as number) / POINT_BITS) : -Infinity
      const rightDay = right < keys.length ? Math.floor((keys[right] as number) / POINT_BITS) : Infinity
      const takeRight = rightDay - center <= center - leftDay
      if ((takeRight ? rightDay - center : center - leftDay) > span) return
      const at = takeRight ? right++ : left--
      if (
        visit(
          points[
            (keys[at] as number) % POINT_BITS < 0
              ? ((keys[at] as number) % POINT_BITS) + POINT_BITS
              : (keys[at] as number) % POINT_BITS
          ] as DatePoint,
        )
      )
        return
    }
  }
}

export interface DateSpec {
  date: HistoricalDate
  /** Every date some source gives: none of them is a wrong option. */
  correct: readonly HistoricalDate[]
  minYear?: number
  maxYear?: number
  /** A wrong date never lies wholly before the earliest day these allow (see DateAnswer). */
  notBefore?: readonly HistoricalDate[]
  /** A wrong date never lies wholly after the latest day these allow. */
  notAfter?: readonly HistoricalDate[]
}

// Generated moves (years, months, days) per precision: near ones make hard questions.
const MOVES: Record<DatePrecision | 'circa', ReadonlyArray<readonly [number, number, number]>> = {
  year: [
    [1, 0, 0],
    [-1, 0, 0],
    [2, 0, 0],
    [-2, 0, 0],
    [3, 0, 0],
    [-3, 0, 0],
    [5, 0, 0],
    [-5, 0, 0],
    [8, 0, 0],
    [-8, 0, 0],
  ],
  circa: [
    [5, 0, 0],
    [-5, 0, 0],
    [7, 0, 0],
    [-7, 0, 0],
    [10, 0, 0],
    [-10, 0, 0],
    [14, 0, 0],
    [-14, 0, 0],
  ],
  month: [
    [0, 1, 0],
    [0, -1, 0],
    [0, 3, 0],
    [0, -3, 0],
    [0, 6, 0],
    [1, 0, 0],
    [-1, 0, 0],
    [2, 0, 0],
    [-2, 0, 0],
  ],
  day: [
    [0, 0, 4],
    [0, 0, -4],
    [0, 0, 11],
    [0, 0, -11],
    [0, 1, 0],
    [0, -1, 0],
    [0, 2, 0],
    [0, -4, 0],
    [1, 0, 0],
    [-1, 0, 0],
    [3, 0, 0],
  ],
}

/**
 * Up to three wrong dates of the same kind, precision and style (circa stays circa), first from
 * the deck's own dates within the window, then generated. Circa dates keep at least 5 years apart.
 */
export function pickDates(spec: DateSpec, pool: DatePool, random: Random): Scored[] {
  const { date } = spec
  const precision = precisionOf(date.start)
  const minGap = date.circa ? 5 : 0
  const center = approxDays(date.start)
  const seen = [pointKey(date.start)]
  const out: Array<Scored & { point: DatePoint }> = []
  const notBefore = spec.notBefore?.length ? edgeDay(spec.notBefore, 'earliest') : undefined
  const notAfter = spec.notAfter?.length ? edgeDay(spec.notAfter, 'latest') : undefined
  const consider = (point: DatePoint, fromDeck: boolean): boolean => {
    const key = pointKey(point)
    if (seen.includes(key)) return false
    seen.push(key)
    const year = point.year
    if ((spec.minYear !== undefined && year < spec.minYear) || (spec.maxYear !== undefined && year > spec.maxYear))
      return false
    if (minGap && Math.abs(year - date.start.year) < minGap) return false
    if (notBefore || notAfter) {
      const span = dayBounds({ kind: 'on', start: point, circa: false, uncertain: false, text: '' })
      if (span && notAfter && laterDay(span.earliest, notAfter)) return false
      if (span && notBefore && laterDay(notBefore, span.latest)) return false
    }
    for (const right of spec.correct) {
      if (right.kind === 'range' && right.end && year >= right.start.year && year <= right.end.year) return false
      const rp = precisionOf(right.start)
      if (samePoint(point, right.start, PRECISION_RANK[rp] < PRECISION_RANK[precision] ? rp : precision)) return false
    }
    const distance = Math.abs(approxDays(point) - center) / (DATE_WINDOW * 365)
    out.push({ text: '', point, score: Math.max(0, 1 - distance) * 0.9 + (fromDeck ? 0.1 : 0) })
    return out.length >= DISTRACTORS + 1
  }
  if (date.kind === 'on') {
    pool.around(
      date.start,
      DATE_WINDOW,
      (p) => PRECISION_RANK[precisionOf(p)] >= PRECISION_RANK[precision] && consider(truncatePoint(p, precision), true),
    )
  }
  for (const move of MOVES[date.circa ? 'circa' : precision]) {
    if (out.length >= DISTRACTORS * 2) break
    consider(movePoint(date.start, ...move), false)
  }
  return pickBest(out, random).map((c) => {
    const years = astronomical(c.point.year) - astronomical(date.start.year)
    // An exact date moves its point only; a range or a bound moves as a whole.
    const moved = date.kind === 'on' ? undefined : shiftDate(date, years)
    const value: HistoricalDate = {
      kind: date.kind,
      start: moved ? moved.start : c.point,
      circa: date.circa,
      uncertain: date.uncertain,
      text: '',
    }
    const end = moved ? moved.end : date.end
    if (end) value.end = end
    value.text = formatDate(value)
    return { text: value.text, date: value, score: c.score }
  })
}

const astronomical = (year: number): number => (year < 0 ? year + 1 : year)

// ── Numbers and texts ───────────────────────────────────────────────────────

/** Wrong whole numbers near the answer, inside [min, max], none of them accepted. */
export function pickNumbers(
  value: number,
  accepted: readonly number[],
  min: number,
  max: number,
  random: Random,
): Scored[] {
  const out: Scored[] = []
  const spread = Math.max(4, Math.round(value * 0.25))
  for (let d = 1; d <= spread * 2 && out.length < CANDIDATES; d++) {
    for (const v of [value - d, value + d]) {
      if (v < min || v > max || accepted.includes(v)) continue
      out.push({ text: String(v), score: Math.max(0, 1 - d / (spread * 2)) })
    }
  }
  return pickBest(out, random)
}
