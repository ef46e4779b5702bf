// Timeline layout: lifespans and office tenures as bars on one axis in years, events as points.
// Sections: "Lives", then one per office (so a succession reads along a lane), then "Events".
// Within a section, items are packed into lanes greedily by start; each item keeps room for its
// label (at `pxPerYear`), so neither bars nor labels overlap in a lane.
import type { DateFact, Deck, Entity, HistoricalDate, TenureFact } from '../deck/types'
import { axisTicks, datePeriod, type AxisTick } from './time-scale'
import { ITEMS_PER_STEP, runSteps, type Steps } from '../steps'

export interface TimelineOptions {
  /** Years either side of a circa or doubted date. */
  circaYears?: number
  /** How far a bar with a missing date fades out, in years. */
  openYears?: number
  /** The scale the lanes are packed for: a label needs `chars × charWidth / pxPerYear` years. */
  pxPerYear?: number
  charWidth?: number
  /** Room between two items in a lane, in pixels at `pxPerYear`. */
  gapPx?: number
  tickCount?: number
}

/** One end of a bar (or an event's place). Positions are axis years (see time-scale.ts). */
export interface TimelineEnd {
  /** The stated date's position (the middle of the period for ranges and events). */
  at: number
  /** The span the date may fall in; the bar fades over it. `min === max` for an exact end. */
  min: number
  max: number
  circa: boolean
  uncertain: boolean
  /** No date: the bar fades out over `openYears`. */
  open: boolean
  /** Where disputing sources put this end instead, and how they write it. */
  disputed: { at: number; text: string }[]
  /** The date as written; empty when open. */
  text: string
}

export type TimelineKind = 'life' | 'tenure' | 'event'

export interface TimelineBar {
  /** `life:<person>` or the tenure fact's id. */
  id: string
  kind: 'life' | 'tenure'
  /** The person whose life or tenure it is. */
  entityId: string
  label: string
  sectionId: string
  /** Row from the top, counting section headings (see TimelineSection.row). */
  row: number
  start: TimelineEnd
  end: TimelineEnd
  disputed: boolean
  factIds: string[]
  /** "1370 – 22 September 1408" */
  text: string
}

export interface TimelinePoint {
  id: string
  kind: 'event'
  entityId: string
  label: string
  sectionId: string
  row: number
  at: TimelineEnd
  disputed: boolean
  factIds: string[]
  text: string
}

export interface TimelineSection {
  id: string
  kind: TimelineKind
  title: string
  /** The heading's row; the section's lanes are the `lanes` rows below it. */
  row: number
  lanes: number
}

export interface TimelineLayout {
  /** Axis domain in years, with a little room on both sides. */
  start: number
  end: number
  rows: number
  sections: TimelineSection[]
  bars: TimelineBar[]
  points: TimelinePoint[]
  ticks: AxisTick[]
  /** People and tenures without any date, for the text alternative. */
  undated: { id: string; label: string }[]
}

const DEFAULTS: Required<TimelineOptions> = {
  circaYears: 2,
  openYears: 8,
  pxPerYear: 8,
  charWidth: 6.5,
  gapPx: 8,
  tickCount: 10,
}

/** An item, its row still to be placed, and what it covers in its lane (see extent). */
interface Item {
  item: TimelineBar | TimelinePoint
  from: number
  to: number
}

export function layoutTimeline(deck: Deck, options: TimelineOptions = {}): TimelineLayout {
  return runSteps(timelineSteps(deck, options))
}

/** layoutTimeline in steps: a 100,000-fact deck's timeline, made at once, holds a page some 150 ms. */
export function* timelineSteps(deck: Deck, options: TimelineOptions = {}): Steps<TimelineLayout> {
  const o = { ...DEFAULTS, ...options }
  let done = 0
  /** True every ITEMS_PER_STEP items: time to yield. */
  const due = () => ++done % ITEMS_PER_STEP === 0
  const entities = new Map<string, Entity>(deck.entities.map((e) => [e.id, e]))
  const nameOf = (id: string) => entities.get(id)?.name ?? id
  const born = new Map<string, DateFact>()
  const died = new Map<string, DateFact>()
  const tenures: TenureFact[] = []
  const events: DateFact[] = []
  for (const fact of deck.facts) {
    if (due()) yield
    if (fact.type === 'tenure') tenures.push(fact)
    else if (fact.type === 'date') {
      if (fact.key === 'event') events.push(fact)
      else (fact.key === 'born' ? born : died).set(fact.subject, fact)
    }
  }
  const undated: { id: string; label: string }[] = []
  const labelYears = (label: string) => (label.length * o.charWidth + o.gapPx) / o.pxPerYear
  const sections = new Map<string, { kind: TimelineKind; title: string; items: Item[] }>()
  const add = (
    sectionId: string,
    kind: TimelineKind,
    title: string,
    item: TimelineBar | TimelinePoint,
    covers: { from: number; to: number },
  ) => {
    let section = sections.get(sectionId)
    if (!section) sections.set(sectionId, (section = { kind, title, items: [] }))
    section.items.push({ item, from: covers.from, to: covers.to })
  }
  sections.set('lives', { kind: 'life', title: 'Lives', items: [] })

  for (const person of deck.entities) {
    if (person.kind !== 'person') continue
    if (due()) yield
    const b = born.get(person.id)
    const d = died.get(person.id)
    const bar = barBetween(b?.value, d?.value, alternativesOf(b), alternativesOf(d), o)
    if (!bar) {
      undated.push({ id: `life:${person.id}`, label: person.name })
      continue
    }
    const facts = [b, d].filter((f): f is DateFact => f !== undefined)
    add(
      'lives',
      'life',
      'Lives',
      {
        id: `life:${person.id}`,
        kind: 'life',
        entityId: person.id,
        label: person.name,
        sectionId: 'lives',
        row: 0,
        ...bar,
        disputed: facts.some((f) => f.alternatives.length > 0),
        factIds: facts.map((f) => f.id),
      },
      extent([bar.start, bar.end], labelYears(person.name)),
    )
  }
  const byStart = tenures
    .map((fact) => ({ fact, bar: barBetween(fact.value.start, fact.value.end, starts(fact), ends(fact), o) }))
    .sort((a, b) => (a.bar?.start.min ?? Infinity) - (b.bar?.start.min ?? Infinity))
  yield
  for (const { fact, bar } of byStart) {
    if (due()) yield
    const office = fact.value.office
    const label = nameOf(fact.subject)
    if (!bar) {
      undated.push({ id: fact.id, label: `${label}: ${nameOf(office)}` })
      continue
    }
    const sectionId = `office:${office}`
    add(
      sectionId,
      'tenure',
      nameOf(office),
      {
        id: fact.id,
        kind: 'tenure',
        entityId: fact.subject,
        label,
        sectionId,
        row: 0,
        ...bar,
        disputed: fact.alternatives.length > 0,
        factIds: [fact.id],
      },
      extent([bar.start, bar.end], labelYears(label)),
    )
  }
  // Co-rulers named on a tenure, unless they have a tenure of that office of their own.
  const holds = new Set(tenures.map((t) => `${t.subject}\u0000${t.value.office}`))
  for (const fact of tenures) {
    if (due()) yield
    for (const co of fact.value.coRulers) {
      if (holds.has(`${co.who}\u0000${fact.value.office}`)) continue
      const bar = barBetween(co.start ?? fact.value.start, co.end ?? fact.value.end, [], [], o)
      if (!bar) continue
      const sectionId = `office:${fact.value.office}`
      const label = `${nameOf(co.who)} (co-ruler)`
      add(
        sectionId,
        'tenure',
        nameOf(fact.value.office),
        {
          id: `${fact.id}:co:${co.who}`,
          kind: 'tenure',
          entityId: co.who,
          label,
          sectionId,
          row: 0,
          ...bar,
          disputed: false,
          factIds: [fact.id],
        },
        extent([bar.start, bar.end], labelYears(label)),
      )
    }
  }
  for (const fact of events) {
    if (due()) yield
    const at = endOf(fact.value, 'middle', alternativesOf(fact), o)
    const subject = entities.get(fact.subject)
    const label = fact.label ? `${nameOf(fact.subject)} ${fact.label}` : (subject?.name ?? fact.subject)
    add(
      'events',
      'event',
      'Events',
      {
        id: fact.id,
        kind: 'event',
        entityId: fact.subject,
        label,
        sectionId: 'events',
        row: 0,
        at,
        disputed: fact.alternatives.length > 0,
        factIds: [fact.id],
        text: fact.value.text,
      },
      extent([at], labelYears(label)),
    )
  }
  return yield* assemble(sections, undated, o)
}

/** What an item covers in its lane: its ends, disputed marks and its label after the start. */
function extent(ends: TimelineEnd[], labelYears: number): { from: number; to: number } {
  let from = Infinity
  let to = -Infinity
  for (const end of ends) {
    from = Math.min(from, end.min)
    to = Math.max(to, end.max)
    for (const { at } of end.disputed) {
      from = Math.min(from, at)
      to = Math.max(to, at)
    }
  }
  return { from, to: Math.max(to, ends[0]!.min + labelYears) }
}

function alternativesOf(fact: DateFact | undefined): HistoricalDate[] {
  return fact?.alternatives.map((a) => a.value) ?? []
}

const starts = (fact: TenureFact) => fact.alternatives.flatMap((a) => (a.value.start ? [a.value.start] : []))
const ends = (fact: TenureFact) => fact.alternatives.flatMap((a) => (a.value.end ? [a.value.end] : []))

/** A bar from two dates; either may be missing (an open end), not both. */
function barBetween(
  start: HistoricalDate | undefined,
  end: HistoricalDate | undefined,
  startAlternatives: HistoricalDate[],
  endAlternatives: HistoricalDate[],
  o: Required<TimelineOptions>,
): Pick<TimelineBar, 'start' | 'end' | 'text'> | undefined {
  if (!start && !end) return undefined
  const s = start ? endOf(start, 'start', startAlternatives, o) : undefined
  const e = end ? endOf(end, 'end', endAlternatives, o) : undefined
  const open = (known: TimelineEnd, direction: 1 | -1): TimelineEnd => {
    const edge = direction > 0 ? known.max : known.min
    const far = edge + direction * o.openYears
    return {
      at: far,
      min: Math.min(edge, far),
      max: Math.max(edge, far),
      circa: false,
      uncertain: false,
      open: true,
      disputed: [],
      text: '',
    }
  }
  const first = s ?? open(e!, -1)
  const last = e ?? open(s!, 1)
  return { start: first, end: last, text: `${first.text || '?'} – ${last.text || '?'}` }
}

/** Where a date sits as a bar's start, end, or as a point (middle). */
function endOf(
  date: HistoricalDate,
  role: 'start' | 'end' | 'middle',
  alternatives: HistoricalDate[],
  o: Required<TimelineOptions>,
): TimelineEnd {
  const { lo, hi } = datePeriod(date, o.circaYears)
  const fuzzy = date.circa || date.uncertain
  const exact = date.kind === 'on'
  const at = !exact || role === 'middle' ? (lo + hi) / 2 : role === 'start' ? lo : hi
  let min = exact ? at : lo
  let max = exact ? at : hi
  if (fuzzy) {
    min -= o.circaYears
    max += o.circaYears
  }
  return {
    at,
    min,
    max,
    circa: date.circa,
    uncertain: date.uncertain,
    open: false,
    disputed: alternatives.map((a) => ({ at: endOf(a, role, [], o).at, text: a.text })),
    text: date.text,
  }
}

function* assemble(
  sections: Map<string, { kind: TimelineKind; title: string; items: Item[] }>,
  undated: TimelineLayout['undated'],
  o: Required<TimelineOptions>,
): Steps<TimelineLayout> {
  const gap = o.gapPx / o.pxPerYear
  const order = [...sections.entries()].sort(([, a], [, b]) => rank(a.kind) - rank(b.kind))
  const out: TimelineLayout = { start: 0, end: 0, rows: 0, sections: [], bars: [], points: [], ticks: [], undated }
  let lo = Infinity
  let hi = -Infinity
  for (const [id, section] of order) {
    if (section.items.length === 0) continue
    const row = out.rows
    const lanes = new Lanes()
    section.items.sort((a, b) => a.from - b.from || a.to - b.to)
    yield
    let placed = 0
    for (const { from, to, item } of section.items) {
      if (++placed % ITEMS_PER_STEP === 0) yield
      item.row = row + 1 + lanes.place(from, to, gap)
      if (item.kind === 'event') out.points.push(item)
      else out.bars.push(item)
      lo = Math.min(lo, from)
      hi = Math.max(hi, to)
    }
    out.sections.push({ id, kind: section.kind, title: section.title, row, lanes: lanes.count })
    out.rows = row + 1 + lanes.count
  }
  if (lo <= hi) {
    const pad = Math.max(1, (hi - lo) * 0.03)
    out.start = Math.floor(lo - pad)
    out.end = Math.ceil(hi + pad)
    out.ticks = axisTicks(out.start, out.end, o.tickCount)
  }
  return out
}

const rank = (kind: TimelineKind) => (kind === 'life' ? 0 : kind === 'tenure' ? 1 : 2)

/**
 * Lanes filled first fit: an item goes in the lowest lane whose last item ends at least `gap`
 * before it starts, or in a new lane. A tree of the lanes' least ends (each plus the gap) finds
 * that lane in log(lanes) steps: 17,000 lives in 6,500 lanes, searched lane by lane, took half a
 * second.
 */
export class Lanes {
  /** How many lanes there are. */
  count = 0
  /** Leaves (from `size`): each lane's end plus the gap (Infinity past the last lane); above, the least of two. */
  private tree = new Float64Array([Infinity, Infinity])
  private size = 1

  /** Places an item (from, to) and returns its lane. */
  place(from: number, to: number, gap: number): number {
    const { tree, size } = this
    let lane: number
    if (tree[1]! <= from) {
      let node = 1
      while (node < size) node = tree[2 * node]! <= from ? 2 * node : 2 * node + 1
      lane = node - size
    } else {
      if (this.count === size) this.grow()
      lane = this.count++
    }
    this.set(lane, to + gap)
    return lane
  }

  private set(lane: number, value: number): void {
    const { tree } = this
    let node = lane + this.size
    tree[node] = value
    for (node >>= 1; node >= 1; node >>= 1) tree[node] = Math.min(tree[2 * node]!, tree[2 * node + 1]!)
  }

  private grow(): void {
    const size = this.size * 2
    const tree = new Float64Array(2 * size).fill(Infinity)
    tree.set(this.tree.subarray(this.size, 2 * this.size), size)
    for (let node = size - 1; node >= 1; node--) tree[node] = Math.min(tree[2 * node]!, tree[2 * node + 1]!)
    this.tree = tree
    this.size = size
  }
}
