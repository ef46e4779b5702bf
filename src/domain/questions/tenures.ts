// Cards about tenures of offices and titles: when a reign began and ended, how long it lasted,
// who preceded and succeeded whom (the tenure named by its year, "Who succeeded John VII as
// Byzantine emperor in 1390?"), who last held a vacant office, who was co-ruler, and who held
// the office at the time. Anyone whose own tenure makes a wrong option true is excluded.
import { dateSortKey } from '../deck/dates'
import type { DatePrecision, Entity, Gender, HistoricalDate, Tenure, TenureFact } from '../deck/types'
import { NOTHING_PROVES_WRONG, type Ask, type PoolName } from './ask'
import { datePhrase, lengthBetween, samePoint, spanPhrase, durationRangeText, type Duration } from './dates'
import type { DeckIndex } from './deck-index'
import { describeDispute } from './dispute'
import { genderPools, lifeEnd, withNote } from './life'
import { proofsOf } from './proofs'
import { capitalize, joinList, officeTitle, ordinal, possessive } from './prompts'

type Emit = (ask: Ask) => void

const SOVEREIGN =
  /\b(emperor|empress|king|queen|tsar|czar|sultan|caliph|pharaoh|despot|prince|princess|duke|duchess|khan|shah|monarch|basileus|augustus|doge|pope|ruler|lord)\b/i

/** Who held each office when: answers "whose tenure makes this option true too?" without scanning every tenure. */
export class OfficeTimelines {
  private readonly byOffice = new Map<
    string,
    { byEndYear: Map<number, string[]>; byStartYear: Map<number, string[]>; maxSpan: number; undated: string[] }
  >()

  constructor(private readonly index: DeckIndex) {}

  private timeline(office: string) {
    let t = this.byOffice.get(office)
    if (t) return t
    t = { byEndYear: new Map(), byStartYear: new Map(), maxSpan: 0, undated: [] }
    for (const fact of this.index.tenuresByOffice.get(office) ?? []) {
      const { start, end } = fact.value
      for (const v of [fact.value, ...fact.alternatives.map((a) => a.value)]) {
        if (v.end) push(t.byEndYear, v.end.start.year, fact.subject)
        if (v.start) push(t.byStartYear, v.start.start.year, fact.subject)
      }
      if (!start || !end) t.undated.push(fact.subject)
      else t.maxSpan = Math.max(t.maxSpan, dateSortKey(end, 'end') - dateSortKey(start))
    }
    this.byOffice.set(office, t)
    return t
  }

  /** Holders whose tenure of the office ended in that year (any could have preceded someone then). */
  endedIn = (office: string, year: number): readonly string[] => this.timeline(office).byEndYear.get(year) ?? []
  startedIn = (office: string, year: number): readonly string[] => this.timeline(office).byStartYear.get(year) ?? []

  /** Holders (and their co-rulers) whose tenure overlaps [start, end], undated tenures included. */
  overlapping(office: string, start: HistoricalDate | undefined, end: HistoricalDate | undefined): Set<string> {
    const t = this.timeline(office)
    const out = new Set<string>(t.undated)
    const list = this.index.tenuresByOffice.get(office) ?? []
    const from = start ? dateSortKey(start) : -Infinity
    const to = end ? dateSortKey(end, 'end') : Infinity
    // Sorted by start: only tenures starting before `to`, and not before `from − maxSpan`, can overlap.
    let hi = list.length
    let lo = 0
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const s = list[mid]?.value.start
      if (s && dateSortKey(s) <= to) lo = mid + 1
      else hi = mid
    }
    for (let i = lo - 1; i >= 0; i--) {
      const other = list[i] as TenureFact
      const s = other.value.start ? dateSortKey(other.value.start) : -Infinity
      if (s < from - t.maxSpan) break
      const e = other.value.end ? dateSortKey(other.value.end, 'end') : Infinity
      if (e >= from) {
        out.add(other.subject)
        for (const c of other.value.coRulers) out.add(c.who)
      }
    }
    return out
  }
}

function push(map: Map<number, string[]>, key: number, value: string) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Alternatives of one tenure field, or [] when no source disputes it. */
function altsOf<K extends keyof Tenure>(
  fact: TenureFact,
  field: K,
): Array<{ value: NonNullable<Tenure[K]>; sources: string[]; note?: string }> {
  return fact.alternatives
    .filter((a) => a.value[field] !== undefined)
    .map((a) => ({
      value: a.value[field] as NonNullable<Tenure[K]>,
      sources: a.sources,
      ...(a.note ? { note: a.note } : {}),
    }))
}

/** The year every source agrees on, for naming a tenure ("in 1390"). */
function agreedYear(date: HistoricalDate | undefined, alternatives: readonly HistoricalDate[]): number | undefined {
  if (!date || date.circa || date.uncertain || date.kind !== 'on') return undefined
  return alternatives.every((a) => a.kind === 'on' && a.start.year === date.start.year) ? date.start.year : undefined
}

/** The date text every source agrees with at its precision, for a span in a prompt. */
function agreedDate(
  date: HistoricalDate | undefined,
  alternatives: readonly HistoricalDate[],
): HistoricalDate | undefined | null {
  if (!date) return undefined
  if (date.uncertain) return null
  const precision: DatePrecision =
    date.start.day !== undefined ? 'day' : date.start.month !== undefined ? 'month' : 'year'
  return alternatives.every((a) => samePoint(a.start, date.start, precision)) ? date : null
}

export function tenureAsks(index: DeckIndex, timelines: OfficeTimelines, holder: Entity, emit: Emit): void {
  const perOffice = index.tenuresByHolder.get(holder.id)
  if (!perOffice) return
  for (const [officeId, list] of perOffice) {
    const office = index.entities.get(officeId)
    if (!office) continue
    list.forEach((fact, i) =>
      tenureFactAsks(index, timelines, holder, office, fact, list.length > 1 ? i + 1 : 0, list, emit),
    )
  }
}

function tenureFactAsks(
  index: DeckIndex,
  timelines: OfficeTimelines,
  holder: Entity,
  office: Entity,
  fact: TenureFact,
  nth: number,
  ownTenures: readonly TenureFact[],
  emit: Emit,
): void {
  const { start, end, predecessor, successor, coRulers } = fact.value
  const H = holder.name
  // The holder's own title: "Queen of England" for Mary I, where the office is "Monarch of England".
  // Questions about who came before or after keep the office's name: the other person's gender is the answer's.
  const O = officeTitle(office, holder)
  const tail = fact.id.replace(/^tenure:/, '').replaceAll(':', '/')
  const reign = SOVEREIGN.test(O) ? 'reign' : 'tenure'
  const time = nth ? ` for the ${ordinal(nth)} time` : ''
  const theReign = `the ${nth ? `${ordinal(nth)} ` : ''}${reign} of ${H} as ${O}`
  const startAlts = altsOf(fact, 'start')
  const endAlts = altsOf(fact, 'end')
  const born = index.born.get(holder.id)?.value.start.year
  const died = index.died.get(holder.id)?.value.start.year
  // A reign starts before it ends and ends, at the latest, when its holder dies.
  const deaths = lifeEnd(index, holder.id)
  const lifeSpan = deaths ? { notAfter: deaths } : {}
  const startYear = agreedYear(
    start,
    startAlts.map((a) => a.value),
  )
  const endYear = agreedYear(
    end,
    endAlts.map((a) => a.value),
  )
  const base = { subject: holder, facts: [fact] as const }
  const dateDispute = (main: HistoricalDate, alts: typeof startAlts) =>
    alts.length
      ? describeDispute(
          index,
          { text: main.text, sources: fact.sources },
          alts.map((a) => ({
            text: (a.value as HistoricalDate).text,
            sources: a.sources,
            ...(a.note ? { note: a.note } : {}),
          })),
        )
      : main.uncertain
        ? `The source gives this date with doubt (${main.text}).`
        : undefined

  if (start) {
    const statement = `${H} became ${O}${time} {}.`
    const dispute = dateDispute(start, startAlts)
    emit({
      ...base,
      key: `tenure.start/${tail}`,
      relation: 'reignStart',
      prompt: `When did ${H} become ${O}${time}?`,
      statement,
      explanation: withNote(statement.replace('{}', datePhrase(start)).replace(/\.$/, ''), fact),
      answer: {
        type: 'date',
        date: start,
        alternatives: startAlts.map((a) => a.value as HistoricalDate),
        ...(born !== undefined ? { minYear: born } : {}),
        ...(end ? { maxYear: end.start.year } : died !== undefined ? { maxYear: died } : {}),
        ...(end ? { notAfter: [end, ...endAlts.map((a) => a.value as HistoricalDate)] } : lifeSpan),
      },
      ...(dispute ? { dispute } : {}),
    })
  }
  if (end) {
    const statement = `${capitalize(theReign)} ended {}.`
    const dispute = dateDispute(end, endAlts)
    emit({
      ...base,
      key: `tenure.end/${tail}`,
      relation: 'reignEnd',
      prompt: `When did ${theReign} end?`,
      statement,
      explanation: withNote(statement.replace('{}', datePhrase(end)).replace(/\.$/, ''), fact),
      answer: {
        type: 'date',
        date: end,
        alternatives: endAlts.map((a) => a.value as HistoricalDate),
        ...(start ? { minYear: start.start.year } : born !== undefined ? { minYear: born } : {}),
        ...(died !== undefined ? { maxYear: died } : {}),
        ...(start ? { notBefore: [start, ...startAlts.map((a) => a.value as HistoricalDate)] } : {}),
        ...lifeSpan,
      },
      ...(dispute ? { dispute } : {}),
    })
  }
  if (start && end)
    lengthAsk(
      holder,
      fact,
      theReign,
      tail,
      startAlts.map((a) => a.value as HistoricalDate),
      endAlts.map((a) => a.value as HistoricalDate),
      emit,
    )

  const proofs = proofsOf(index)
  const his = possessive(holder.gender)
  // "in 1390" names the tenure unless another tenure of the holder starts or ends near it (John V
  // lost the throne in April 1390 and took it back in September): then the reign is named.
  const nearOwn = (year: number) =>
    ownTenures.some(
      (t) =>
        t !== fact && [t.value.start, t.value.end].some((d) => d && Math.abs(astro(d.start.year) - astro(year)) <= 1),
    )
  const ofReign = `${his ?? 'the'} ${ordinal(nth)} ${reign} (${spanYears(start, end)})`
  const dated = (year: number | undefined, edge: 'start' | 'end'): string | undefined =>
    year === undefined ? time : !nearOwn(year) ? ` in ${year}` : nth ? ` at the ${edge} of ${ofReign}` : undefined
  const inStart = dated(startYear, 'start')
  // A succession is dated by the successor's start, which may come after the end of this tenure.
  const next =
    successor && 'who' in successor ? successorTenure(index, office.id, holder.id, successor.who, end) : undefined
  const nextStart = next
    ? agreedYear(
        next.value.start,
        altsOf(next, 'start').map((a) => a.value as HistoricalDate),
      )
    : undefined
  const inEnd =
    nextStart !== undefined
      ? dated(nextStart, 'end')
      : endYear !== undefined && !nearOwn(endYear)
        ? ` after ${his ?? 'the'} ${reign} ended in ${endYear}`
        : nth && endYear !== undefined
          ? ` at the end of ${ofReign}`
          : endYear === undefined
            ? time
            : undefined
  // Options of the answer's sex, or of the sex every holder of the office has in the deck.
  const holderPools = (id: string): PoolName[] => [
    `holders:${office.id}`,
    ...genderPools(index.entities.get(id)?.gender ?? officeGender(index, office.id)).map(
      (pool): PoolName => `rulers:${pool as 'male' | 'female' | 'person'}`,
    ),
  ]

  if (predecessor && 'who' in predecessor && inStart !== undefined) {
    const alts = altsOf(fact, 'predecessor')
      .map((a) => a.value)
      .filter((s): s is { who: string } => 'who' in s)
    const P = index.entities.get(predecessor.who)?.name ?? predecessor.who
    const back = reign === 'reign' ? 'the throne' : 'the office'
    const tookBack =
      successor && 'who' in successor && successor.who === predecessor.who && end
        ? `, and took ${back} back ${datePhrase(end)}`
        : ''
    const exclude = new Set([
      holder.id,
      predecessor.who,
      ...alts.map((a) => a.who),
      ...(startYear !== undefined ? timelines.endedIn(office.id, startYear) : []),
    ])
    const proof = `${P} preceded ${H} as ${O}${inStart}`
    const year = start?.start.year
    emit({
      ...base,
      key: `tenure.predecessor/${tail}`,
      relation: 'predecessor',
      prompt: `Who preceded ${H} as ${office.name}${inStart}?`,
      statement: `{} preceded ${H} as ${office.name}${inStart}.`,
      explanation: withNote(
        `${P} preceded ${H} as ${office.name}${predecessor.as ? ` (as ${predecessor.as})` : ''}${tookBack}`,
        fact,
        H,
      ),
      answer: {
        type: 'entity',
        correct: [predecessor.who],
        ...(alts.length ? { alsoAccepted: alts.map((a) => a.who) } : {}),
        exclude,
        pools: holderPools(predecessor.who),
        // One predecessor per tenure; a plausible wrong one was alive just before it began.
        wrongBecause: (id) => (year === undefined || proofs.aliveAt(id, year, 0, 1) ? proof : undefined),
        ...(start ? { year: start.start.year } : {}),
      },
      ...successionDispute(index, fact, 'predecessor', predecessor.who, alts),
    })
  } else if (predecessor && 'vacant' in predecessor && predecessor.lastHeldBy) {
    const L = index.entities.get(predecessor.lastHeldBy)?.name ?? predecessor.lastHeldBy
    const exclude = new Set([holder.id, predecessor.lastHeldBy])
    emit({
      ...base,
      key: `tenure.lastHeld/${tail}`,
      relation: 'lastHeldBy',
      prompt: `Before ${H} became ${O}${inStart}, the office was vacant (${predecessor.vacant}). Who had last held it?`,
      statement: `{} had last held the office of ${office.name} before ${H}.`,
      explanation: withNote(
        `The office of ${office.name} was vacant before ${H} (${predecessor.vacant}); ${L} had last held it${predecessor.lastHeld ? `, ${datePhrase(predecessor.lastHeld)}` : ''}`,
        fact,
        H,
      ),
      answer: {
        type: 'entity',
        correct: [predecessor.lastHeldBy],
        exclude,
        pools: holderPools(predecessor.lastHeldBy),
        wrongBecause: (id) =>
          !predecessor.lastHeld || proofs.aliveAt(id, predecessor.lastHeld.start.year)
            ? `${L} had last held the office of ${O} before ${H}`
            : undefined,
        ...(predecessor.lastHeld ? { year: predecessor.lastHeld.start.year } : {}),
      },
    })
  }

  if (successor && 'who' in successor && inEnd !== undefined) {
    const alts = altsOf(fact, 'successor')
      .map((a) => a.value)
      .filter((s): s is { who: string } => 'who' in s)
    const N = index.entities.get(successor.who)?.name ?? successor.who
    const him = holder.gender === 'male' ? 'him' : holder.gender === 'female' ? 'her' : H
    const also =
      predecessor && 'who' in predecessor && predecessor.who === successor.who ? `, having also preceded ${him}` : ''
    const exclude = new Set([
      holder.id,
      successor.who,
      ...alts.map((a) => a.who),
      ...(endYear !== undefined ? timelines.startedIn(office.id, endYear) : []),
      ...(nextStart !== undefined ? timelines.startedIn(office.id, nextStart) : []),
    ])
    const when = next?.value.start ?? end
    const proof = `${N} succeeded ${H} as ${O}${inEnd}`
    emit({
      ...base,
      key: `tenure.successor/${tail}`,
      relation: 'successor',
      prompt: `Who succeeded ${H} as ${office.name}${inEnd}?`,
      statement: `{} succeeded ${H} as ${office.name}${inEnd}.`,
      explanation: withNote(
        `${N} succeeded ${H}${successor.as ? `, as ${successor.as},` : ` as ${office.name}`}${
          next?.value.start
            ? ` ${datePhrase(next.value.start)}`
            : end
              ? ` after ${theReign} ended ${datePhrase(end)}`
              : ''
        }${also}`,
        fact,
        H,
      ),
      answer: {
        type: 'entity',
        correct: [successor.who],
        ...(alts.length ? { alsoAccepted: alts.map((a) => a.who) } : {}),
        exclude,
        pools: holderPools(successor.who),
        // One successor per tenure; a plausible wrong one was alive when the successor took over.
        wrongBecause: (id) => (!when || proofs.aliveAt(id, when.start.year) ? proof : undefined),
        ...(when ? { year: when.start.year } : {}),
      },
      ...successionDispute(index, fact, 'successor', successor.who, alts),
    })
  }

  if (coRulers.length) {
    const ids = coRulers.map((c) => c.who)
    const exclude = timelines.overlapping(office.id, start, end)
    for (const id of ids) exclude.add(id)
    exclude.add(holder.id)
    const during = nth ? `during ${theReign}` : `with ${H} as ${O}`
    const spans = coRulers.map(
      (c) => `${index.entities.get(c.who)?.name ?? c.who}${c.start || c.end ? ` (${spanPhrase(c.start, c.end)})` : ''}`,
    )
    emit({
      ...base,
      key: `tenure.coRuler/${tail}`,
      relation: 'coRuler',
      prompt: ids.length === 1 ? `Who was co-ruler ${during}?` : `Which of these was co-ruler ${during}?`,
      typedPrompt: `Name a co-ruler ${during}.`,
      statement: `{} was co-ruler ${during}.`,
      explanation: withNote(`${joinList(spans)} ruled jointly with ${H} as ${O}`, fact, H),
      answer: {
        type: 'entity',
        correct: ids,
        exclude,
        pools: holderPools(ids[0] as string),
        // Anyone might have shared the rule without the deck saying so: asked typed only.
        wrongBecause: NOTHING_PROVES_WRONG,
        ...(start ? { year: start.start.year } : {}),
      },
    })
  }

  // "Who was Byzantine emperor from 14 April to 17 September 1390?" — only with dates every source agrees on.
  const s = agreedDate(
    start,
    startAlts.map((a) => a.value as HistoricalDate),
  )
  const e = agreedDate(
    end,
    endAlts.map((a) => a.value as HistoricalDate),
  )
  if ((s || e) && s !== null && e !== null) {
    const span = spanPhrase(s, e)
    const exclude = timelines.overlapping(office.id, start, end)
    exclude.add(holder.id)
    const proof = `${H} was ${O} ${span}`
    const from = start?.start.year
    const to = end?.start.year
    emit({
      ...base,
      key: `tenure.holder/${tail}`,
      relation: 'holder',
      prompt: `Who was ${O} ${span}?`,
      statement: `{} was ${O} ${span}.`,
      explanation: withNote(
        `${H} was ${O} ${span}${nth ? `: ${his ? `${his} ` : 'the '}${ordinal(nth)} ${reign}` : ''}`,
        fact,
      ),
      answer: {
        type: 'entity',
        correct: [holder.id],
        exclude,
        pools: holderPools(holder.id),
        // One holder at a time (co-rulers excluded above); a plausible wrong one was alive then.
        wrongBecause: (id) =>
          (to === undefined || !proofs.bornAfter(id, to, '')) &&
          (from === undefined || !proofs.diedBefore(id, from, ''))
            ? proof
            : undefined,
        ...(start ? { year: start.start.year } : {}),
      },
    })
  }
}

/** The gender of the office's holders, when every holder whose gender the deck gives has the same. */
function officeGender(index: DeckIndex, office: string): Gender | undefined {
  let gender: Gender | undefined
  for (const t of index.tenuresByOffice.get(office) ?? []) {
    const g = index.entities.get(t.subject)?.gender
    if (g && gender && g !== gender) return undefined
    gender ??= g
  }
  return gender
}

/** Historical years as numbers that subtract correctly across 1 BC / AD 1. */
const astro = (year: number): number => (year < 0 ? year + 1 : year)

/** "1379–1390", "1390–1391", "from 1403". */
function spanYears(start: HistoricalDate | undefined, end: HistoricalDate | undefined): string {
  if (start && end) return `${start.start.year}–${end.start.year}`
  return start ? `from ${start.start.year}` : end ? `to ${end.start.year}` : 'undated'
}

/** The successor's tenure of the office that followed this one: the one naming the holder as predecessor, nearest the end. */
function successorTenure(
  index: DeckIndex,
  office: string,
  holder: string,
  successor: string,
  end: HistoricalDate | undefined,
): TenureFact | undefined {
  const list = index.tenuresByHolder.get(successor)?.get(office) ?? []
  const after = end ? astro(end.start.year) - 1 : -Infinity
  let best: TenureFact | undefined
  for (const t of list) {
    const p = t.value.predecessor
    if (!p || !('who' in p) || p.who !== holder || !t.value.start) continue
    if (astro(t.value.start.start.year) < after) continue
    if (!best || dateSortKey(t.value.start) < dateSortKey(best.value.start as HistoricalDate)) best = t
  }
  return best
}

function successionDispute(
  index: DeckIndex,
  fact: TenureFact,
  field: 'predecessor' | 'successor',
  who: string,
  alts: ReadonlyArray<{ who: string }>,
): { dispute?: string } {
  if (!alts.length) return {}
  const name = (id: string) => index.entities.get(id)?.name ?? id
  const sides = altsOf(fact, field).filter((a) => 'who' in a.value)
  return {
    dispute: describeDispute(
      index,
      { text: name(who), sources: fact.sources },
      sides.map((a) => ({
        text: name((a.value as { who: string }).who),
        sources: a.sources,
        ...(a.note ? { note: a.note } : {}),
      })),
    ),
  }
}

/** "How long was the reign of …?": whole years (months or days when short and dated to the day). */
function lengthAsk(
  holder: Entity,
  fact: TenureFact,
  theReign: string,
  tail: string,
  startAlts: HistoricalDate[],
  endAlts: HistoricalDate[],
  emit: Emit,
): void {
  const { start, end } = fact.value as Required<Pick<Tenure, 'start' | 'end'>>
  const main = lengthBetween(start, end)
  if (!main) return
  let { min, max } = main
  for (const s of [start, ...startAlts])
    for (const e of [end, ...endAlts]) {
      const d = lengthBetween(s, e)
      if (!d || d.unit !== main.unit) return
      min = Math.min(min, d.min)
      max = Math.max(max, d.max)
    }
  if (max - min > 3) return
  const disputed = startAlts.length > 0 || endAlts.length > 0
  // "About 11 years" only when the dates are settled; disputed dates give a range instead.
  const duration: Duration = !disputed && main.about !== undefined ? main : { unit: main.unit, min, max }
  const ceiling = main.unit === 'years' ? max + 20 : main.unit === 'months' ? 23 : 60
  const reason =
    duration.exact !== undefined
      ? ` (${duration.exact})`
      : min === max
        ? ''
        : disputed
          ? ', as the sources give the dates differently'
          : ', as the dates are not given to the day'
  emit({
    key: `tenure.length/${tail}`,
    subject: holder,
    relation: 'reignLength',
    facts: [fact],
    prompt: `How long was ${theReign}?`,
    statement: `${capitalize(theReign)} lasted {}.`,
    explanation: `From ${start.text} to ${end.text}: ${durationRangeText(duration)}${reason}.`,
    answer: { type: 'number', duration, min: 1, max: Math.max(ceiling, 5) },
    ...(disputed ? { dispute: `The sources give the dates of ${theReign} differently.` } : {}),
  })
}
