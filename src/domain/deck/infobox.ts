// Builds the deck overview's infoboxes from a deck's facts: plain data for DeckEntityCard to draw.
// Display only: it reads facts as they are and never derives a fact the deck does not state,
// except children, which are the parent facts seen from the other side.
import type { Alternative, Deck, Entity, Fact, HistoricalDate, Succession, Tenure, TenureFact } from './types'
import { stripCloze } from '../text/format'
import { ITEMS_PER_STEP, runSteps, type Steps } from '../steps'

/** A value shown in an infobox, with its sources and, when disputed, the other values given. */
export interface InfoboxValue {
  text: string
  /** Entity to link to, when the value names one. */
  entityId?: string
  sources: string[]
  note?: string
  alternatives: Array<{ text: string; sources: string[]; note?: string }>
}

export interface InfoboxRow {
  label: string
  values: InfoboxValue[]
}

export interface InfoboxTenure {
  id: string
  /** The office and when: "Byzantine emperor, 14 April 1390 – 17 September 1390". */
  office: InfoboxValue
  rows: InfoboxRow[]
}

export interface Infobox {
  entity: Entity
  rows: InfoboxRow[]
  tenures: InfoboxTenure[]
}

/** The deck's main person, whom the deck is about: its first person (the built-in deck's John VII). */
export function mainPersonId(deck: Pick<Deck, 'entities'>): string | undefined {
  return deck.entities.find((e) => e.kind === 'person')?.id
}

const KIND_ORDER = ['person', 'event', 'office', 'title', 'dynasty', 'place', 'artefact']

/**
 * A deck's infoboxes, each built when first asked for: the Facts tab draws a page of a 10,000-entity
 * deck without building the other 9,900 (the search builds them all, at its first query).
 */
export interface InfoboxBuilder {
  /** The deck's entities in the order their infoboxes show: people first, then by kind. */
  readonly entities: readonly Entity[]
  /** The entity's infobox (the same object at every call). */
  box(entity: Entity): Infobox
  /** Every infobox, in order. */
  all(): Infobox[]
}

/** Every infobox of the deck, in order (see infoboxBuilder for some of them). */
export function buildInfoboxes(deck: Deck): Infobox[] {
  return infoboxBuilder(deck).all()
}

export function infoboxBuilder(deck: Deck): InfoboxBuilder {
  return runSteps(infoboxBuilderSteps(deck))
}

/** infoboxBuilder in steps: indexing a 100,000-fact deck's facts at once holds a page some 30 ms. */
export function* infoboxBuilderSteps(deck: Deck): Steps<InfoboxBuilder> {
  const names = new Map<string, string>()
  const genders = new Map<string, Entity['gender']>()
  let done = 0
  for (const e of deck.entities) {
    if (++done % (4 * ITEMS_PER_STEP) === 0) yield
    names.set(e.id, e.name)
    genders.set(e.id, e.gender)
  }
  const parentRole = (f: PlainFact) => {
    if (f.type !== 'relation' || f.key !== 'parent') return undefined
    const gender = genders.get(f.value)
    return f.role ?? (gender === 'male' ? 'father' : gender === 'female' ? 'mother' : 'parent')
  }
  const name = (id: string) => names.get(id) ?? id
  // Facts by subject, children by parent and marriages by either spouse, in one pass over the facts
  // (in deck order): an entity's rows then cost its own facts, not the deck's.
  const bySubject = new Map<string, Fact[]>()
  const childrenOf = new Map<string, Fact[]>()
  const spousesOf = new Map<string, Fact[]>()
  const add = (map: Map<string, Fact[]>, id: string, fact: Fact) => {
    const list = map.get(id)
    if (list) list.push(fact)
    else map.set(id, [fact])
  }
  for (const fact of deck.facts) {
    if (++done % (4 * ITEMS_PER_STEP) === 0) yield
    add(bySubject, fact.subject, fact)
    if (fact.type === 'relation' && fact.key === 'parent') add(childrenOf, fact.value, fact)
    if (fact.type === 'relation' && fact.key === 'spouse') {
      add(spousesOf, fact.subject, fact)
      if (fact.value !== fact.subject) add(spousesOf, fact.value, fact)
    }
  }

  // People first, then by kind, each kind in deck order: a bucket per kind (no sort of 10,000).
  const byRank: Entity[][] = Array.from({ length: KIND_ORDER.length + 1 }, () => [])
  for (const entity of deck.entities) (byRank[rank(entity.kind)] as Entity[]).push(entity)
  const entities = byRank.flat()
  const built = new Map<string, Infobox>()
  const make = (entity: Entity): Infobox => {
    const facts = (bySubject.get(entity.id) ?? []).filter((f): f is PlainFact => f.type !== 'tenure')
    const rows: InfoboxRow[] = []
    const row = (label: string, pick: (f: PlainFact) => boolean, show: (f: PlainFact) => InfoboxValue) => {
      const values = facts.filter(pick).map(show)
      if (values.length) rows.push({ label, values })
    }
    const asDate = (f: PlainFact) => valueOf(f, (v) => (v as HistoricalDate).text)
    const asText = (f: PlainFact) => valueOf(f, (v) => stripCloze(String(v)))
    const asEntity = (f: PlainFact) => valueOf(f, (v) => name(String(v)), String(f.value))
    const is = (type: Fact['type'], key: string) => (f: PlainFact) => f.type === type && 'key' in f && f.key === key

    if (entity.aliases.length) rows.push({ label: 'Also known as', values: [plainValue(entity.aliases.join(', '))] })
    row('Born', is('date', 'born'), asDate)
    row('Birthplace', is('place', 'bornAt'), asEntity)
    row('Died', is('date', 'died'), asDate)
    row('Place of death', is('place', 'diedAt'), asEntity)
    row('Age at death', (f) => f.type === 'number', asText)
    row('Date', (f) => f.type === 'date' && f.key === 'event' && !f.label, asDate)
    row('Location', is('place', 'location'), asEntity)
    row('Father', (f) => parentRole(f) === 'father', asEntity)
    row('Mother', (f) => parentRole(f) === 'mother', asEntity)
    row('Parent', (f) => parentRole(f) === 'parent', asEntity)
    const spouses = spousesOf.get(entity.id) ?? []
    const other = (f: Fact) => (f.subject === entity.id ? String(f.value) : f.subject)
    if (spouses.length)
      rows.push({
        label: 'Spouse',
        values: spouses.map((f) => valueOf(f as PlainFact, () => name(other(f)), other(f))),
      })
    const children = childrenOf.get(entity.id) ?? []
    if (children.length)
      rows.push({
        label: 'Children',
        values: children.map((f) => valueOf(f as PlainFact, () => name(f.subject), f.subject)),
      })
    row('Dynasty', is('relation', 'dynasty'), asEntity)
    row('Titles', is('relation', 'title'), asEntity)
    row('Participants', is('relation', 'participant'), asEntity)
    row(
      'Events',
      (f) => f.type === 'date' && f.key === 'event' && !!f.label,
      (f) => valueOf(f, (v) => `${f.type === 'date' ? f.label : ''} (${(v as HistoricalDate).text})`),
    )
    row('Caption', is('text', 'caption'), asText)
    row('Outcome', is('text', 'outcome'), asText)
    row('Note', is('text', 'note'), asText)
    const tenures = (bySubject.get(entity.id) ?? [])
      .filter((f): f is TenureFact => f.type === 'tenure')
      .map((f) => tenureOf(f, name))
    return { entity, rows, tenures }
  }
  const box = (entity: Entity): Infobox => {
    let made = built.get(entity.id)
    if (!made) built.set(entity.id, (made = make(entity)))
    return made
  }
  return { entities, box, all: () => entities.map(box) }
}

type PlainFact = Exclude<Fact, TenureFact>

function plainValue(text: string, entityId?: string): InfoboxValue {
  return { text, entityId, sources: [], alternatives: [] }
}

function rank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind)
  return index < 0 ? KIND_ORDER.length : index
}

function valueOf(fact: PlainFact, show: (value: unknown) => string, entityId?: string): InfoboxValue {
  return {
    text: show(fact.value),
    entityId,
    sources: fact.sources,
    note: fact.note,
    alternatives: (fact.alternatives as Alternative<unknown>[]).map((alt) => ({
      text: show(alt.value),
      sources: alt.sources,
      note: alt.note,
    })),
  }
}

function period(start?: HistoricalDate, end?: HistoricalDate): string {
  if (!start && !end) return 'dates not given'
  return `${start?.text ?? '?'} – ${end?.text ?? '?'}`
}

function tenureOf(fact: TenureFact, name: (id: string) => string): InfoboxTenure {
  const t = fact.value
  const succession = (s?: Succession): InfoboxValue[] => {
    if (!s) return []
    if ('who' in s) return [plainValue(name(s.who) + (s.as ? ` (as ${s.as})` : ''), s.who)]
    const last = s.lastHeldBy ? ` (last held by ${name(s.lastHeldBy)}${s.lastHeld ? `, ${s.lastHeld.text}` : ''})` : ''
    return [plainValue(`Vacant: ${s.vacant}${last}`)]
  }
  const rows: InfoboxRow[] = [
    { label: 'Predecessor', values: succession(t.predecessor) },
    { label: 'Successor', values: succession(t.successor) },
    {
      label: t.coRulers.length > 1 ? 'Co-rulers' : 'Co-ruler',
      values: t.coRulers.map((c) =>
        plainValue(name(c.who) + (c.start || c.end ? ` (${period(c.start, c.end)})` : ''), c.who),
      ),
    },
  ].filter((row) => row.values.length > 0)
  return {
    id: fact.id,
    office: {
      text: `${name(t.office)}, ${period(t.start, t.end)}`,
      entityId: t.office,
      sources: fact.sources,
      note: fact.note,
      alternatives: fact.alternatives.map((alt) => ({
        text: describePartialTenure(alt.value, name),
        sources: alt.sources,
        note: alt.note,
      })),
    },
    rows,
  }
}

/** "start 15 June 1341", "end 1402": only the fields a dispute names. */
function describePartialTenure(value: Partial<Tenure>, name: (id: string) => string): string {
  const parts: string[] = []
  if (value.office) parts.push(`office ${name(value.office)}`)
  if (value.start) parts.push(`start ${value.start.text}`)
  if (value.end) parts.push(`end ${value.end.text}`)
  if (value.predecessor && 'who' in value.predecessor) parts.push(`predecessor ${name(value.predecessor.who)}`)
  if (value.successor && 'who' in value.successor) parts.push(`successor ${name(value.successor.who)}`)
  return parts.join(', ') || 'other details'
}
