// Wrong options: of the same kind and role as the answer, drawn from the deck first (people near
// the answer's generation, places, titles, dates of the same precision in a plausible window),
// then generated (dates, numbers). Never a value the facts make true: callers pass what to exclude.
// Pools are indexed once (sorted by year, binary search for the window), so each question costs
// O(log n + k) and the whole deck stays near linear.
import { precisionOf } from '../deck/dates'
import type { DatePoint, DatePrecision, Entity, HistoricalDate } from '../deck/types'
import type { Difficulty } from './types'
import { randomInt, shuffled, type Random } from '../random'
import type { PoolName } from './ask'
import { normalizeAnswer, isExactToken } from './answers'
import { dayNumber, samePoint, shiftDate } from './dates'
import type { DeckIndex } from './deck-index'

/** A wrong option and how close it is to the answer (0 far … 1 very close). */
export interface Scored {
  text: string
  score: number
  id?: string
  /** For dates: the wrong date itself (true/false statements phrase it). */
  date?: HistoricalDate
}

/** Options per multiple-choice question: the answer and up to three distractors. */
export const DISTRACTORS = 3
const CANDIDATES = 16

export function difficultyOf(scores: readonly number[]): Difficulty {
  if (!scores.length) return 'easy'
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length
  return mean >= 0.55 ? 'hard' : mean >= 0.3 ? 'medium' : 'easy'
}

/** The closest candidates are likelier, with some variety: a random pick among the best. */
export function pickBest(candidates: Scored[], random: Random, count = DISTRACTORS): Scored[] {
  candidates.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1))
  const top = candidates.slice(0, Math.max(count, Math.min(candidates.length, count * 2)))
  return shuffled(random, top).slice(0, count)
}

// ── Entities ────────────────────────────────────────────────────────────────

interface Candidate {
  id: string
  text: string
  year: number | undefined
}

/** Entities of one role, sorted by year for a binary search of the plausible window. */
class EntityPool {
  readonly keyed: Candidate[]
  private readonly years: Float64Array
  readonly unkeyed: Candidate[]

  constructor(candidates: Candidate[]) {
    this.keyed = candidates.filter((c) => c.year !== undefined).sort((a, b) => (a.year as number) - (b.year as number))
    this.years = Float64Array.from(this.keyed, (c) => c.year as number)
    this.unkeyed = candidates.filter((c) => c.year === undefined)
  }

  /** Up to `limit` candidates nearest to `year` (or from a random place) that pass `ok`. */
  near(year: number | undefined, limit: number, ok: (c: Candidate) => boolean, random: Random, out: Candidate[]): void {
    const budget = limit * 4 + 32
    let examined = 0
    const take = (c: Candidate | undefined) => {
      examined++
      if (c && ok(c)) out.push(c)
    }
    const keyed = this.keyed
    if (keyed.length) {
      let right = year === undefined ? randomInt(random, keyed.length) : lowerBound(this.years, year)
      let left = right - 1
      let toggle = false
      while (out.length < limit && examined < budget && (left >= 0 || right < keyed.length)) {
        let goLeft: boolean
        if (left < 0) goLeft = false
        else if (right >= keyed.length) goLeft = true
        else if (year === undefined) goLeft = toggle = !toggle
        else goLeft = year - (this.years[left] as number) <= (this.years[right] as number) - year
        take(goLeft ? keyed[left--] : keyed[right++])
      }
    }
    const rest = this.unkeyed
    if (rest.length && out.length < limit) {
      const start = randomInt(random, rest.length)
      for (let i = 0; i < rest.length && out.length < limit && examined < budget * 2; i++) take(rest[(start + i) % rest.length])
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

function nameTokens(name: string): string[] {
  return normalizeAnswer(name)
    .split(' ')
    .filter((t) => t && !STOP_WORDS.has(t) && !isExactToken(t))
}

function overlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0
  let shared = 0
  for (const t of a) if (b.includes(t)) shared++
  return shared / Math.max(a.length, b.length)
}

export class Pools {
  private readonly pools = new Map<PoolName, EntityPool>()
  private readonly tokens = new Map<string, string[]>()

  constructor(private readonly index: DeckIndex) {}

  private tokensOf(entity: Entity): string[] {
    let t = this.tokens.get(entity.id)
    if (!t) this.tokens.set(entity.id, (t = nameTokens(entity.name)))
    return t
  }

  pool(name: PoolName): EntityPool {
    let pool = this.pools.get(name)
    if (!pool) this.pools.set(name, (pool = this.build(name)))
    return pool
  }

  private build(name: PoolName): EntityPool {
    const { index } = this
    const people = (keep: (e: Entity) => boolean) =>
      index.deck.entities.filter((e) => e.kind === 'person' && keep(e)).map((e) => ({ id: e.id, text: e.name, year: index.yearOf.get(e.id) }))
    const ofKinds = (...kinds: string[]) =>
      index.deck.entities.filter((e) => kinds.includes(e.kind)).map((e) => ({ id: e.id, text: e.name, year: undefined }))
    if (name === 'person') return new EntityPool(people(() => true))
    // A mother's distractors are women or known mothers; a father's, men or known fathers.
    if (name === 'male') return new EntityPool(people((e) => e.gender === 'male' || (!e.gender && index.knownFathers.has(e.id) && !index.knownMothers.has(e.id))))
    if (name === 'female') return new EntityPool(people((e) => e.gender === 'female' || (!e.gender && index.knownMothers.has(e.id) && !index.knownFathers.has(e.id))))
    if (name === 'place') return new EntityPool(ofKinds('place'))
    if (name === 'dynasty') return new EntityPool(ofKinds('dynasty'))
    if (name === 'title') return new EntityPool(ofKinds('title', 'office'))
    if (name === 'event') return new EntityPool(ofKinds('event'))
    const office = name.slice('holders:'.length)
    const seen = new Set<string>()
    const holders: Candidate[] = []
    for (const t of index.tenuresByOffice.get(office) ?? []) {
      if (seen.has(t.subject)) continue
      seen.add(t.subject)
      holders.push({ id: t.subject, text: index.entities.get(t.subject)?.name ?? t.subject, year: t.value.start?.start.year })
    }
    return new EntityPool(holders)
  }

  /**
   * Up to three wrong entities for an answer, from the pools in order, never one in `exclude`
   * and never one whose name reads like the answer's. Scored by closeness in time, shared name
   * words and dynasty.
   */
  pickEntities(answerId: string, pools: readonly PoolName[], exclude: ReadonlySet<string>, year: number | undefined, random: Random): Scored[] {
    const answer = this.index.entities.get(answerId)
    const answerText = normalizeAnswer(answer?.name ?? answerId)
    const answerTokens = answer ? this.tokensOf(answer) : []
    const dynasty = this.index.dynastyOf.get(answerId)
    const seenText = new Set([answerText])
    const ok = (c: Candidate) => {
      if (exclude.has(c.id) || c.id === answerId) return false
      const text = normalizeAnswer(c.text)
      if (seenText.has(text)) return false
      seenText.add(text)
      return true
    }
    const found: Candidate[] = []
    for (const name of pools) {
      if (found.length >= CANDIDATES) break
      this.pool(name).near(year, CANDIDATES, ok, random, found)
    }
    const scored = found.map((c): Scored => {
      const entity = this.index.entities.get(c.id)
      const time = year !== undefined && c.year !== undefined ? Math.max(0, 1 - Math.abs(year - c.year) / 50) : 0.25
      const names = entity ? overlap(answerTokens, this.tokensOf(entity)) : 0
      const sameDynasty = dynasty !== undefined && this.index.dynastyOf.get(c.id) === dynasty ? 1 : 0
      return { id: c.id, text: c.text, score: 0.5 * time + 0.3 * names + 0.2 * sameDynasty }
    })
    return pickBest(scored, random)
  }
}

// ── Dates ───────────────────────────────────────────────────────────────────

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 }
/** Half-width of the plausible window, in years. */
const DATE_WINDOW = 15
const POINT_BITS = 2 ** 20

const fullPoint = (p: DatePoint): Required<DatePoint> => ({ year: p.year, month: p.month ?? 1, day: p.day ?? 1 })

/** Every plain dated point of the deck, sorted, for "dates of the same precision nearby". */
export class DatePool {
  private readonly keys: Float64Array
  private readonly points: DatePoint[]

  constructor(dates: Iterable<HistoricalDate>) {
    const points: DatePoint[] = []
    const keys: number[] = []
    for (const d of dates) {
      if (d.kind !== 'on' || d.circa || d.uncertain || points.length >= POINT_BITS) continue
      keys.push(dayNumber(fullPoint(d.start)) * POINT_BITS + points.length)
      points.push(d.start)
    }
    this.keys = Float64Array.from(keys).sort()
    this.points = points
  }

  /** Points within `years` of `point`, nearest first, alternating sides. */
  *around(point: DatePoint, years: number): Generator<DatePoint> {
    const center = dayNumber(fullPoint(point))
    const span = years * 366
    let right = lowerBound(this.keys, center * POINT_BITS)
    let left = right - 1
    const pointAt = (i: number) => this.points[((this.keys[i] as number) % POINT_BITS + POINT_BITS) % POINT_BITS] as DatePoint
    const dayAt = (i: number) => Math.floor((this.keys[i] as number) / POINT_BITS)
    for (let n = 0; n < 64; n++) {
      const leftOk = left >= 0 && center - dayAt(left) <= span
      const rightOk = right < this.keys.length && dayAt(right) - center <= span
      if (!leftOk && !rightOk) return
      if (rightOk && (!leftOk || dayAt(right) - center <= center - dayAt(left))) yield pointAt(right++)
      else yield pointAt(left--)
    }
  }
}

export interface DateSpec {
  date: HistoricalDate
  /** Every date some source gives: none of them is a wrong option. */
  correct: readonly HistoricalDate[]
  minYear?: number
  maxYear?: number
}

/**
 * Up to three wrong dates of the same kind, precision and style (circa stays circa), first from
 * the deck's own dates within the window, then generated. Circa dates keep at least 5 years apart.
 */
export function pickDates(spec: DateSpec, pool: DatePool, random: Random): Scored[] {
  const { date } = spec
  const precision = precisionOf(date.start)
  const minGap = date.circa ? 5 : 0
  const center = dayNumber(fullPoint(date.start))
  const seen = new Set([date.text])
  const out: Scored[] = []
  const consider = (candidate: HistoricalDate, fromDeck: boolean) => {
    if (seen.has(candidate.text)) return
    seen.add(candidate.text)
    const year = candidate.start.year
    if ((spec.minYear !== undefined && year < spec.minYear) || (spec.maxYear !== undefined && year > spec.maxYear)) return
    if (minGap && Math.abs(year - date.start.year) < minGap) return
    for (const right of spec.correct) {
      if (right.kind === 'range' && right.end && year >= right.start.year && year <= right.end.year) return
      if (samePoint(candidate.start, right.start, PRECISION_RANK[precisionOf(right.start)] < PRECISION_RANK[precision] ? precisionOf(right.start) : precision)) return
    }
    const distance = Math.abs(dayNumber(fullPoint(candidate.start)) - center) / (DATE_WINDOW * 365)
    out.push({ text: candidate.text, date: candidate, score: Math.max(0, 1 - distance) * 0.9 + (fromDeck ? 0.1 : 0) })
  }
  if (date.kind === 'on') {
    for (const p of pool.around(date.start, DATE_WINDOW)) {
      if (PRECISION_RANK[precisionOf(p)] < PRECISION_RANK[precision]) continue
      const point: DatePoint = precision === 'year' ? { year: p.year } : precision === 'month' ? { year: p.year, month: p.month as number } : p
      consider(shiftTo(date, point), true)
      if (out.length >= CANDIDATES / 2) break
    }
  }
  for (let attempt = 0; attempt < 24 && out.length < CANDIDATES; attempt++) consider(generatedDate(date, precision, random), false)
  return pickBest(out, random)
}

/** The answer's date moved to another point, keeping kind and circa. */
function shiftTo(date: HistoricalDate, point: DatePoint): HistoricalDate {
  const astro = (y: number) => (y < 0 ? y + 1 : y)
  const years = astro(point.year) - astro(date.start.year)
  const months = point.month !== undefined && date.start.month !== undefined ? point.month - date.start.month : 0
  const days = point.day !== undefined && date.start.day !== undefined ? point.day - date.start.day : 0
  return shiftDate(date, years, months, days)
}

function generatedDate(date: HistoricalDate, precision: DatePrecision, random: Random): HistoricalDate {
  const sign = random() < 0.5 ? -1 : 1
  if (precision === 'year' || date.kind !== 'on') return shiftDate(date, sign * (1 + randomInt(random, date.circa ? 12 : 10)))
  if (precision === 'month') return random() < 0.5 ? shiftDate(date, 0, sign * (1 + randomInt(random, 11))) : shiftDate(date, sign * (1 + randomInt(random, 6)))
  const r = random()
  if (r < 0.35) return shiftDate(date, 0, 0, sign * (1 + randomInt(random, 27)))
  if (r < 0.7) return shiftDate(date, 0, sign * (1 + randomInt(random, 11)))
  return shiftDate(date, sign * (1 + randomInt(random, 6)))
}

// ── Numbers and texts ───────────────────────────────────────────────────────

/** Wrong whole numbers near the answer, inside [min, max], none of them accepted. */
export function pickNumbers(value: number, accepted: readonly number[], min: number, max: number, random: Random): Scored[] {
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

/**
 * Wrong fillers for a gap: other gaps of the deck with the same shape (a year for a year, a name
 * for a name), or nearby years when the gap is a year.
 */
export function pickTexts(answer: string, exclude: readonly string[], gaps: readonly string[], random: Random): Scored[] {
  const normalizedAnswer = normalizeAnswer(answer)
  const excluded = new Set([normalizedAnswer, ...exclude.map(normalizeAnswer)])
  if (/^\d{3,4}$/.test(answer.trim())) {
    const year = Number(answer.trim())
    return pickNumbers(year, [], year - 40, year + 40, random).filter((s) => !excluded.has(s.text))
  }
  const out: Scored[] = []
  if (!gaps.length) return out
  const words = answer.trim().split(/\s+/).length
  const start = randomInt(random, gaps.length)
  for (let i = 0; i < Math.min(gaps.length, 64) && out.length < CANDIDATES; i++) {
    const text = gaps[(start + i) % gaps.length] as string
    const key = normalizeAnswer(text)
    if (excluded.has(key) || /^\d+$/.test(key)) continue
    excluded.add(key)
    const sameWords = text.trim().split(/\s+/).length === words ? 0.5 : 0
    const sameInitialCase = (text[0] === text[0]?.toUpperCase()) === (answer[0] === answer[0]?.toUpperCase()) ? 0.3 : 0
    out.push({ text, score: sameWords + sameInitialCase })
  }
  return pickBest(out, random)
}
