// Wikidata items become a deck: births and deaths with their places, parents, spouses (with the
// marriage's start, end and end cause), children, siblings, positions held (start, end, replaces,
// replaced by), noble titles, family and sex. wikibase-sdk reads the entity JSON (ranks,
// qualifiers, references); this module reads what the deck can say. Only best-ranked statements
// count (preferred if any, else normal; deprecated never): when several of them disagree on a
// value that has one answer (a birth date, a father), the fact is disputed, each value with its
// own sources. Every fact cites the item on Wikidata, and the references of its statement
// (stated in, reference URL) become sources too. What is not read is listed for the teacher.
// Loaded on demand.
import { simplifyPropertyClaims } from 'wikibase-sdk'
import { parseDeckText } from '../deck/parse'
import { objectToYaml } from '../deck/yaml'
import { freeId } from './deck-form'
import { type ImportIssue, fileError } from './issues'
import type { PersonDeckResult, SkippedLine } from './person-deck'
import { type DateReading, type WikidataTime, readWikidataTime } from './wikidata-dates'

/** A value of a statement or qualifier: an item, or a date already read. */
export type WikidataValue = { item: string } | { date: DateReading }

export interface WikidataReference {
  /** P248 "stated in": an item. */
  statedIn?: string
  /** P854 "reference URL". */
  url?: string
}

export interface WikidataStatement {
  value: WikidataValue
  qualifiers: Map<string, WikidataValue[]>
  references: WikidataReference[]
}

export interface WikidataItem {
  id: string
  label?: string
  description?: string
  aliases: string[]
  statements: Map<string, WikidataStatement[]>
  /** Properties the item has that the deck does not read. */
  unread: string[]
}

/** What a reader found: items with statements, labels of other items, what it could not read. */
export interface WikidataData {
  items: Map<string, WikidataItem>
  labels: Map<string, string>
  skipped: SkippedLine[]
}

export interface WikidataImportOptions {
  /** File name used in messages ("Wikidata", "q37106.json"). */
  file: string
  /** Language of labels (with fallback to its base language, then `mul`, then English). */
  language?: string
  /** The items the deck is about; by default every item read. Others only name people and date them. */
  subjects?: readonly string[]
  takenDeckIds?: readonly string[]
  deckId?: string
  title?: string
}

export interface WikidataImportResult extends PersonDeckResult {
  skipped: SkippedLine[]
  title: string
}

export const PROPERTIES = {
  born: 'P569',
  died: 'P570',
  bornAt: 'P19',
  diedAt: 'P20',
  father: 'P22',
  mother: 'P25',
  spouse: 'P26',
  child: 'P40',
  sibling: 'P3373',
  position: 'P39',
  title: 'P97',
  family: 'P53',
  sex: 'P21',
} as const

/** Statements of these are read; of every other property, only its id is listed. */
export const READ_PROPERTIES: readonly string[] = Object.values(PROPERTIES)

const START = 'P580'
const END = 'P582'
const END_CAUSE = 'P1534'
const REPLACES = 'P1365'
const REPLACED_BY = 'P1366'
const SOURCING = 'P1480'
const STATED_IN = 'P248'
const REFERENCE_URL = 'P854'
const QUALIFIERS_READ = new Set([START, END, END_CAUSE, REPLACES, REPLACED_BY, SOURCING])

const MALE = 'Q6581097'
const FEMALE = 'Q6581072'

const PROPERTY_NAMES = new Map<string, string>([
  ['P569', 'date of birth'],
  ['P570', 'date of death'],
  ['P19', 'place of birth'],
  ['P20', 'place of death'],
  ['P22', 'father'],
  ['P25', 'mother'],
  ['P26', 'spouse'],
  ['P40', 'child'],
  ['P3373', 'sibling'],
  ['P39', 'position held'],
  ['P97', 'noble title'],
  ['P53', 'family'],
  ['P21', 'sex or gender'],
  [START, 'start time'],
  [END, 'end time'],
  [END_CAUSE, 'end cause'],
  [REPLACES, 'replaces'],
  [REPLACED_BY, 'replaced by'],
  [SOURCING, 'sourcing circumstances'],
])

export const itemUrl = (id: string) => `https://www.wikidata.org/wiki/${id}`

const ITEM_ID = /^Q[1-9]\d*$/

type Obj = Record<string, unknown>
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The label in `language`, else its base language, `mul`, English, or any. */
export function pickLabel(terms: unknown, language: string): string | undefined {
  if (!isObject(terms)) return undefined
  const base = language.split('-')[0] as string
  for (const code of [language, base, 'mul', 'en']) {
    const term = Object.hasOwn(terms, code) ? terms[code] : undefined
    if (isObject(term) && typeof term.value === 'string' && term.value.trim()) return term.value.trim()
  }
  for (const term of Object.values(terms))
    if (isObject(term) && typeof term.value === 'string' && term.value.trim()) return term.value.trim()
  return undefined
}

function pickAliases(aliases: unknown, language: string): string[] {
  if (!isObject(aliases)) return []
  const list = Object.hasOwn(aliases, language) ? aliases[language] : undefined
  if (!Array.isArray(list)) return []
  return list.flatMap((a: unknown) => (isObject(a) && typeof a.value === 'string' && a.value.trim() ? [a.value] : []))
}

/** A simplified snak value (wikibase-sdk, rich values) as an item or a date. */
function snakValue(value: unknown): WikidataValue | undefined {
  if (typeof value === 'string' && ITEM_ID.test(value)) return { item: value }
  if (isObject(value) && typeof value.time === 'string' && typeof value.precision === 'number')
    return { date: readWikidataTime(value as unknown as WikidataTime) }
  return undefined
}

/** The entities of a wbgetentities answer, of Special:EntityData, a list of them, or one entity. */
function entitiesOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json.flatMap((part) => entitiesOf(part) ?? [])
  if (!isObject(json)) return undefined
  if (isObject(json.entities)) return Object.values(json.entities)
  if (typeof json.id === 'string' && (isObject(json.claims) || isObject(json.labels))) return [json]
  return undefined
}

/** True for JSON that holds Wikidata entities (with claims or labels). */
export function isWikidataEntities(json: unknown): boolean {
  const entities = entitiesOf(json)
  return !!entities?.length && entities.some((e) => isObject(e) && typeof e.id === 'string' && ITEM_ID.test(e.id))
}

const OPTIONS = {
  keepQualifiers: true,
  keepReferences: true,
  keepRichValues: true,
  keepSnaktypes: true,
  timeConverter: 'none',
} as const

/** Reads entity JSON (as wbgetentities gives it) into items. */
export function readEntities(json: unknown, language: string, into?: WikidataData): WikidataData | string {
  const entities = entitiesOf(json)
  if (!entities) return 'This is not Wikidata entity JSON: no `entities` and no entity with `id` and `claims`.'
  const data: WikidataData = into ?? { items: new Map(), labels: new Map(), skipped: [] }
  for (const entity of entities) {
    if (!isObject(entity) || typeof entity.id !== 'string' || !ITEM_ID.test(entity.id)) continue
    if ('missing' in entity) continue
    const id = entity.id
    const label = pickLabel(entity.labels, language)
    if (label !== undefined) data.labels.set(id, label)
    if (!isObject(entity.claims)) continue
    const item: WikidataItem = {
      id,
      ...(label === undefined ? {} : { label }),
      aliases: pickAliases(entity.aliases, language).filter((a) => a !== label),
      statements: new Map(),
      unread: [],
    }
    const description = pickLabel(entity.descriptions, language)
    if (description !== undefined) item.description = description
    for (const [property, claims] of Object.entries(entity.claims)) {
      if (!READ_PROPERTIES.includes(property)) {
        item.unread.push(property)
        continue
      }
      if (!Array.isArray(claims)) continue
      const statements: WikidataStatement[] = []
      let simplified: unknown[]
      try {
        simplified = simplifyPropertyClaims(claims, OPTIONS) as unknown[]
      } catch (error) {
        data.skipped.push(skip(id, label, property, 'statements', (error as Error).message))
        continue
      }
      for (const claim of simplified) {
        if (!isObject(claim)) continue
        if (claim.snaktype !== 'value') {
          const what = claim.snaktype === 'novalue' ? 'says there is none' : 'says the value is unknown'
          data.skipped.push(skip(id, label, property, 'a statement', `Wikidata ${what}`))
          continue
        }
        const value = snakValue(claim.value)
        if (!value) {
          data.skipped.push(skip(id, label, property, String(claim.value), 'not an item or a date'))
          continue
        }
        const qualifiers = new Map<string, WikidataValue[]>()
        for (const [q, values] of Object.entries(isObject(claim.qualifiers) ? claim.qualifiers : {})) {
          if (!Array.isArray(values)) continue
          if (!QUALIFIERS_READ.has(q)) {
            data.skipped.push(skip(id, label, property, `qualifier ${q}`, 'not read'))
            continue
          }
          const read = values.flatMap((v: unknown) => {
            const snak = isObject(v) ? v : {}
            const one = snak.snaktype === 'value' ? snakValue(snak.value) : undefined
            return one ? [one] : []
          })
          if (read.length) qualifiers.set(q, read)
        }
        const references = (Array.isArray(claim.references) ? claim.references : []).flatMap((ref: unknown) => {
          if (!isObject(ref)) return []
          const first = (p: string) => {
            const list = Object.hasOwn(ref, p) ? ref[p] : undefined
            const snak = Array.isArray(list) && isObject(list[0]) ? list[0] : undefined
            return snak?.snaktype === 'value' && typeof snak.value === 'string' ? snak.value : undefined
          }
          const statedIn = first(STATED_IN)
          const url = first(REFERENCE_URL)
          const out: WikidataReference = {}
          if (statedIn !== undefined && ITEM_ID.test(statedIn)) out.statedIn = statedIn
          if (url !== undefined && /^https?:\/\//i.test(url)) out.url = url
          return out.statedIn || out.url ? [out] : []
        })
        statements.push({ value, qualifiers, references })
      }
      if (statements.length) item.statements.set(property, statements)
    }
    data.items.set(id, item)
  }
  return data
}

function skip(id: string, label: string | undefined, property: string, text: string, reason: string): SkippedLine {
  const name = PROPERTY_NAMES.get(property) ?? property
  return { line: 0, text: `${label ?? id} (${id}): ${name} (${property}): ${text}`, reason }
}

/** Every item a deck from these items names: values, qualifiers, stated-in of references. */
export function referencedItems(
  data: WikidataData,
  subjects?: readonly string[],
): { people: string[]; other: string[] } {
  const people = new Set<string>()
  const other = new Set<string>()
  const personProps = new Set(['P22', 'P25', 'P26', 'P40', 'P3373'])
  const wanted = subjects ? new Set(subjects) : undefined
  for (const item of data.items.values()) {
    if (wanted && !wanted.has(item.id)) continue
    for (const [property, statements] of item.statements)
      for (const s of statements) {
        if ('item' in s.value && property !== 'P21') (personProps.has(property) ? people : other).add(s.value.item)
        for (const [q, values] of s.qualifiers)
          for (const v of values) if ('item' in v) (q === REPLACES || q === REPLACED_BY ? people : other).add(v.item)
        for (const r of s.references) if (r.statedIn) other.add(r.statedIn)
      }
  }
  for (const id of people) other.delete(id)
  return { people: [...people], other: [...other] }
}

// ——— the deck ———

interface SourceEntry {
  id: string
  title: string
  url?: string
}

class DeckBuilder {
  readonly entities = new Map<string, Obj>()
  private readonly byItem = new Map<string, string>()
  private readonly itemsById = new Map<string, string>()
  readonly sources = new Map<string, SourceEntry>()
  private readonly sourceKeys = new Map<string, string>()
  readonly skipped: SkippedLine[] = []

  constructor(
    readonly data: WikidataData,
    readonly subjects: ReadonlySet<string>,
  ) {}

  itemOf(entityId: string): string | undefined {
    return this.itemsById.get(entityId)
  }

  label(id: string): string | undefined {
    return this.data.items.get(id)?.label ?? this.data.labels.get(id)
  }

  /** The deck id of an item as an entity of `kind`, made on first use; undefined without a label. */
  entity(kind: string, item: string): string | undefined {
    const key = `${kind}\u0000${item}`
    const known = this.byItem.get(key)
    if (known !== undefined) return known
    const name = this.label(item)
    if (name === undefined) return undefined
    const id = freeId([...this.entities.keys()], name, kind)
    this.byItem.set(key, id)
    this.itemsById.set(id, item)
    this.entities.set(id, { kind, name })
    return id
  }

  itemSource(item: string): string {
    return this.source(`item:${item}`, () => ({
      title: `Wikidata: ${this.label(item) ?? item} (${item})`,
      url: itemUrl(item),
    }))
  }

  private source(key: string, make: () => { title: string; url?: string }): string {
    const known = this.sourceKeys.get(key)
    if (known !== undefined) return known
    const made = make()
    const id = freeId([...this.sources.keys()], made.title, 'source')
    this.sourceKeys.set(key, id)
    this.sources.set(id, { id, ...made })
    return id
  }

  /** The item's own source, then the statement's references. */
  citations(item: string, s: WikidataStatement): string[] {
    const ids = [this.itemSource(item)]
    for (const r of s.references) {
      const key = `ref:${r.statedIn ?? ''}|${r.url ?? ''}`
      const statedIn = r.statedIn === undefined ? undefined : (this.label(r.statedIn) ?? r.statedIn)
      const id = this.source(key, () => {
        if (statedIn !== undefined && r.url !== undefined) return { title: statedIn, url: r.url }
        if (statedIn !== undefined) return { title: statedIn, url: itemUrl(r.statedIn as string) }
        return { title: (r.url as string).replace(/^https?:\/\//i, '').replace(/\/$/, ''), url: r.url as string }
      })
      if (!ids.includes(id)) ids.push(id)
    }
    return ids
  }

  skip(item: string, property: string, text: string, reason: string): void {
    this.skipped.push(skip(item, this.label(item), property, text, reason))
  }
}

/** `source` written only when it says more than the entity's own default (the item). */
const withSources = (entry: Obj, sources: string[]): Obj => (sources.length > 1 ? { ...entry, source: sources } : entry)

interface Candidate<V> {
  value: V
  sources: string[]
  notes: string[]
}

/** Best-ranked values, the same value from several statements merged with all their sources. */
function merge<V>(list: Candidate<V>[], key: (v: V) => string): Candidate<V>[] {
  const out = new Map<string, Candidate<V>>()
  for (const c of list) {
    const k = key(c.value)
    const known = out.get(k)
    if (!known) out.set(k, { value: c.value, sources: [...c.sources], notes: [...c.notes] })
    else {
      for (const s of c.sources) if (!known.sources.includes(s)) known.sources.push(s)
      for (const n of c.notes) if (!known.notes.includes(n)) known.notes.push(n)
    }
  }
  return [...out.values()]
}

const noteOf = (notes: string[]) => (notes.length ? notes.join(' ') : undefined)

/** One value with the others as disputed alternatives (each with its sources). */
function disputedForm(field: string, list: Candidate<unknown>[]): Obj | undefined {
  const [main, ...others] = list
  if (!main) return undefined
  const out: Obj = withSources({ [field]: main.value }, main.sources)
  const note = noteOf(main.notes)
  if (note) out.note = note
  if (others.length)
    out.disputed = others.map((o) => {
      const alt: Obj = { [field]: o.value, source: o.sources }
      const n = noteOf(o.notes)
      if (n) alt.note = n
      return alt
    })
  return out
}

/** A plain year reads best as a number in the file: `born: 1370`. */
const yearValue = (text: string): string | number => (/^\d{3,4}$/.test(text) ? Number(text) : text)

function dateCandidates(b: DeckBuilder, item: string, property: string): Candidate<string | number>[] {
  const statements = b.data.items.get(item)?.statements.get(property) ?? []
  const list: Candidate<string>[] = []
  for (const s of statements) {
    if (!('date' in s.value)) continue
    const reading = s.value.date
    if (!reading.ok) {
      b.skip(item, property, 'a date', reading.reason)
      continue
    }
    const { text, notes } = qualified(b, s, reading)
    list.push({ value: text, sources: b.citations(item, s), notes })
  }
  return merge(list, (v) => v).map((c) => ({ ...c, value: yearValue(c.value) }))
}

/** A date with what "sourcing circumstances" add: circa, or a doubt. */
function qualified(
  b: DeckBuilder,
  s: WikidataStatement,
  reading: Extract<DateReading, { ok: true }>,
): { text: string; notes: string[] } {
  const notes = reading.note ? [reading.note] : []
  let text = reading.text
  for (const v of s.qualifiers.get(SOURCING) ?? []) {
    if (!('item' in v)) continue
    const label = b.label(v.item) ?? v.item
    if (/^(circa|about|approximately)$/i.test(label)) {
      if (!text.includes('–')) text = `c. ${text}`
    } else {
      if (!text.endsWith('?')) text = `${text}?`
      notes.push(`Wikidata qualifies the date as "${label}".`)
    }
  }
  return { text, notes }
}

function itemCandidates(b: DeckBuilder, item: string, property: string, kind: string): Candidate<string>[] {
  const statements = b.data.items.get(item)?.statements.get(property) ?? []
  const list: Candidate<string>[] = []
  for (const s of statements) {
    if (!('item' in s.value)) continue
    const id = b.entity(kind, s.value.item)
    if (id === undefined) {
      b.skip(item, property, s.value.item, 'no label for it: fetch it with the item, or add it by hand')
      continue
    }
    list.push({ value: id, sources: b.citations(item, s), notes: [] })
  }
  return merge(list, (v) => v)
}

/** One qualifier value as a date, with what could not be read listed. */
function qualifierDate(b: DeckBuilder, item: string, property: string, s: WikidataStatement, q: string) {
  const values = s.qualifiers.get(q) ?? []
  const dates = values.flatMap((v) => ('date' in v ? [v.date] : []))
  const first = dates[0]
  if (!first) return undefined
  if (!first.ok) {
    b.skip(item, property, PROPERTY_NAMES.get(q) ?? q, first.reason)
    return undefined
  }
  if (dates.length > 1) b.skip(item, property, `another ${PROPERTY_NAMES.get(q)}`, 'only the first is used')
  return yearValue(first.text)
}

function qualifierPerson(b: DeckBuilder, item: string, property: string, s: WikidataStatement, q: string) {
  const values = (s.qualifiers.get(q) ?? []).flatMap((v) => ('item' in v ? [v.item] : []))
  const first = values[0]
  if (first === undefined) return undefined
  if (values.length > 1) b.skip(item, property, `another ${PROPERTY_NAMES.get(q)}`, 'only the first is used')
  const id = b.entity('person', first)
  if (id === undefined) b.skip(item, property, `${PROPERTY_NAMES.get(q)} ${first}`, 'no label for it')
  return id
}

function life(b: DeckBuilder, item: string, which: 'born' | 'died'): Obj | undefined {
  const dates = dateCandidates(b, item, which === 'born' ? PROPERTIES.born : PROPERTIES.died)
  const places = b.subjects.has(item)
    ? itemCandidates(b, item, which === 'born' ? PROPERTIES.bornAt : PROPERTIES.diedAt, 'place')
    : []
  const date = disputedForm('date', dates)
  const place = disputedForm('place', places)
  if (!date && !place) return undefined
  // One `source` serves the date and the place: it names what supports both (always the item).
  const sources = [dates[0]?.sources, places[0]?.sources].filter((s): s is string[] => s !== undefined)
  const shared = (sources[0] ?? []).filter((s) => sources.every((list) => list.includes(s)))
  const out: Obj = {}
  if (date) out.date = date.date
  if (place) out.place = place.place
  if (shared.length > 1) out.source = shared
  const note = [date?.note, place?.note].filter(Boolean).join(' ')
  if (note) out.note = note
  const disputed = [...((date?.disputed as Obj[]) ?? []), ...((place?.disputed as Obj[]) ?? [])]
  if (disputed.length) out.disputed = disputed
  return out
}

const ENDINGS: [RegExp, string][] = [
  [/death/i, 'death'],
  [/divorce/i, 'divorce'],
  [/annul/i, 'annulment'],
]

function spouses(b: DeckBuilder, item: string, written: Set<string>): Obj[] {
  const out: Obj[] = []
  for (const s of b.data.items.get(item)?.statements.get(PROPERTIES.spouse) ?? []) {
    if (!('item' in s.value)) continue
    const pair = [item, s.value.item].sort().join('|')
    if (written.has(pair)) continue
    const id = b.entity('person', s.value.item)
    if (id === undefined) {
      b.skip(item, PROPERTIES.spouse, s.value.item, 'no label for it')
      continue
    }
    written.add(pair)
    const entry: Obj = { id }
    const from = qualifierDate(b, item, PROPERTIES.spouse, s, START)
    const to = qualifierDate(b, item, PROPERTIES.spouse, s, END)
    if (from !== undefined) entry.from = from
    if (to !== undefined) entry.to = to
    const cause = (s.qualifiers.get(END_CAUSE) ?? []).flatMap((v) => ('item' in v ? [v.item] : []))[0]
    if (cause !== undefined) {
      const label = b.label(cause) ?? cause
      const ended = ENDINGS.find(([re]) => re.test(label))?.[1]
      if (ended) entry.ended = ended
      else b.skip(item, PROPERTIES.spouse, `end cause "${label}"`, 'not death, divorce or annulment')
    }
    out.push(withSources(entry, b.citations(item, s)))
  }
  return out
}

function tenures(b: DeckBuilder, item: string): Obj[] {
  const out: Obj[] = []
  for (const s of b.data.items.get(item)?.statements.get(PROPERTIES.position) ?? []) {
    if (!('item' in s.value)) continue
    const office = b.entity('office', s.value.item)
    if (office === undefined) {
      b.skip(item, PROPERTIES.position, s.value.item, 'no label for it')
      continue
    }
    const entry: Obj = { office }
    const from = qualifierDate(b, item, PROPERTIES.position, s, START)
    const to = qualifierDate(b, item, PROPERTIES.position, s, END)
    if (from !== undefined) entry.from = from
    if (to !== undefined) entry.to = to
    const predecessor = qualifierPerson(b, item, PROPERTIES.position, s, REPLACES)
    const successor = qualifierPerson(b, item, PROPERTIES.position, s, REPLACED_BY)
    if (predecessor !== undefined && predecessor !== b.entity('person', item)) entry.predecessor = predecessor
    if (successor !== undefined && successor !== b.entity('person', item)) entry.successor = successor
    out.push(withSources(entry, b.citations(item, s)))
  }
  return out
}

function links(b: DeckBuilder, item: string, property: string, kind: string): Obj[] {
  return itemCandidates(b, item, property, kind).map((c) => withSources({ id: c.value }, c.sources))
}

const short = (entries: Obj[]): unknown[] => entries.map((e) => (Object.keys(e).length === 1 ? e.id : e))

function gender(b: DeckBuilder, item: string): string | undefined {
  const values = [
    ...new Set(
      (b.data.items.get(item)?.statements.get(PROPERTIES.sex) ?? []).flatMap((s) =>
        'item' in s.value ? [s.value.item] : [],
      ),
    ),
  ]
  if (values.length !== 1) {
    if (values.length > 1) b.skip(item, PROPERTIES.sex, values.join(', '), 'several values: no gender is written')
    return undefined
  }
  if (values[0] === MALE) return 'male'
  if (values[0] === FEMALE) return 'female'
  b.skip(item, PROPERTIES.sex, b.label(values[0] as string) ?? (values[0] as string), 'neither male nor female')
  return undefined
}

/** The people the subjects name, whose own items were read: their gender and dates. */
function describePerson(b: DeckBuilder, item: string, entry: Obj): void {
  const data = b.data.items.get(item)
  if (!data) return
  entry.source = b.itemSource(item)
  if (data.aliases.length) entry.aliases = data.aliases
  if (data.description) entry.description = data.description
  const g = gender(b, item)
  if (g) entry.gender = g
  const born = life(b, item, 'born')
  const died = life(b, item, 'died')
  const flat = (l: Obj | undefined) => (l && Object.keys(l).length === 1 && 'date' in l ? l.date : l)
  if (born) entry.born = flat(born)
  if (died) entry.died = flat(died)
}

function describeSubject(b: DeckBuilder, item: string, entry: Obj, spousePairs: Set<string>): void {
  describePerson(b, item, entry)
  const data = b.data.items.get(item)
  if (!data) return
  const parent = (property: string, role: 'father' | 'mother') => {
    const form = disputedForm('id', itemCandidates(b, item, property, 'person'))
    if (!form) return
    entry[role] = Object.keys(form).length === 1 ? form.id : form
    // A father is a man and a mother a woman: said so unless their own item says otherwise.
    const parentEntry = b.entities.get(form.id as string)
    if (parentEntry) parentEntry.gender ??= role === 'father' ? 'male' : 'female'
  }
  parent(PROPERTIES.father, 'father')
  parent(PROPERTIES.mother, 'mother')
  const married = spouses(b, item, spousePairs)
  if (married.length) entry.spouse = short(married)
  // A child whose own item names this parent says it already.
  const children = links(b, item, PROPERTIES.child, 'person').filter((c) => {
    const childItem = mapBack(b, c.id as string)
    const own = childItem ? b.data.items.get(childItem)?.statements : undefined
    const names = (p: string) => (own?.get(p) ?? []).some((s) => 'item' in s.value && s.value.item === item)
    return !(childItem && b.subjects.has(childItem) && (names(PROPERTIES.father) || names(PROPERTIES.mother)))
  })
  if (children.length) entry.children = short(children)
  const siblings = links(b, item, PROPERTIES.sibling, 'person').filter((s) => {
    const pair = [item, mapBack(b, s.id as string) ?? s.id].sort().join('|')
    if (spousePairs.has(`sibling:${pair}`)) return false
    spousePairs.add(`sibling:${pair}`)
    return true
  })
  if (siblings.length) entry.siblings = siblings
  const family = disputedForm('id', itemCandidates(b, item, PROPERTIES.family, 'dynasty'))
  if (family) entry.dynasty = Object.keys(family).length === 1 ? family.id : family
  const titles = links(b, item, PROPERTIES.title, 'title')
  if (titles.length) entry.titles = short(titles)
  const held = tenures(b, item)
  if (held.length) entry.held = held
}

function mapBack(b: DeckBuilder, entityId: string): string | undefined {
  return b.itemOf(entityId)
}

/**
 * What a file is about when nobody says: the items with statements that no other item in it names
 * (the others were fetched to name and date the people those items name); all of them in a circle.
 */
function defaultSubjects(data: WikidataData): string[] {
  const withStatements = [...data.items.values()].filter((i) => i.statements.size > 0).map((i) => i.id)
  const named = new Set<string>()
  for (const item of data.items.values())
    for (const statements of item.statements.values())
      for (const s of statements) if ('item' in s.value && s.value.item !== item.id) named.add(s.value.item)
  const roots = withStatements.filter((id) => !named.has(id))
  return roots.length ? roots : withStatements
}

/** The deck of the subjects (and the people they name) as YAML, validated like any deck file. */
export function wikidataDeck(data: WikidataData, options: WikidataImportOptions): WikidataImportResult {
  const subjects = (options.subjects ?? defaultSubjects(data)).filter((id) => data.items.has(id))
  const names = subjects.map((id) => data.items.get(id)?.label ?? id)
  const title =
    options.title ?? (names.length <= 1 ? (names[0] ?? 'Wikidata') : `${names[0]} and ${names.length - 1} more`)
  const file = options.file
  if (!subjects.length) {
    const issue: ImportIssue = fileError(
      'wikidata-no-items',
      'No Wikidata item with statements was found.',
      file,
      'Give item ids like Q37106, or a file of entities from wbgetentities or Special:EntityData.',
    )
    return { yaml: '', issues: [issue], skipped: data.skipped, title }
  }
  const b = new DeckBuilder(data, new Set(subjects))
  const pairs = new Set<string>()
  for (const id of subjects) {
    if (b.entity('person', id) === undefined) {
      data.labels.set(id, id)
      b.skip(id, 'label', id, 'the item has no label: it is named by its id')
      b.entity('person', id)
    }
  }
  for (const id of subjects) describeSubject(b, id, b.entities.get(b.entity('person', id) as string) as Obj, pairs)
  // People the subjects name whose items were read too (one step out): gender and dates.
  for (const [entityId, entry] of b.entities) {
    const item = b.itemOf(entityId)
    if (item && !b.subjects.has(item) && entry.kind === 'person' && data.items.has(item)) describePerson(b, item, entry)
  }
  for (const item of subjects) {
    const unread = data.items.get(item)?.unread ?? []
    if (unread.length)
      b.skipped.push({
        line: 0,
        text: `${b.label(item) ?? item} (${item}): ${unread.length} other properties (${unread.slice(0, 8).join(', ')}${unread.length > 8 ? ', …' : ''})`,
        reason: 'the deck does not ask about them',
      })
  }
  const skipped = [...data.skipped, ...b.skipped]
  const deckFile = {
    id: options.deckId ?? freeId(options.takenDeckIds ?? [], title, 'wikidata'),
    title,
    description: `Made from Wikidata: ${subjects.map((id) => `${b.label(id) ?? id} (${id})`).join(', ')}.`,
    language: options.language ?? 'en',
    licence: 'CC0 1.0 (Wikidata)',
    version: 1,
    sources: Object.fromEntries(
      [...b.sources.values()].map((s) => [
        s.id,
        s.url === undefined ? { title: s.title } : { title: s.title, url: s.url },
      ]),
    ),
    entities: Object.fromEntries(b.entities),
  }
  const comments = skippedLines(skipped)
  const body = objectToYaml(deckFile)
  const yaml = body.replace(/\n/, `\n${comments.map((c) => `# ${c}`.trimEnd()).join('\n')}\n`)
  const parsed = parseDeckText(yaml, { file })
  const result: WikidataImportResult = { yaml, issues: parsed.issues, skipped, title }
  if (parsed.deck && !parsed.issues.some((i) => i.severity === 'error')) result.deck = parsed.deck
  return result
}

function skippedLines(skipped: readonly SkippedLine[]): string[] {
  if (!skipped.length) return ['Made from Wikidata: every statement read was used. Check the facts.']
  return [
    'Made from Wikidata. Check the facts. Not used:',
    ...skipped.map((s) => `  ${s.text} (${s.reason})`.replace(/\s*[\r\n]+\s*/g, ' / ')),
  ]
}

/** Entity JSON (a wbgetentities answer, Special:EntityData, or a list of them) as a deck. */
export function importWikidataEntities(json: unknown, options: WikidataImportOptions): WikidataImportResult {
  const data = readEntities(json, options.language ?? 'en')
  if (typeof data === 'string')
    return {
      yaml: '',
      issues: [
        fileError(
          'wikidata-unreadable',
          data,
          options.file,
          'Save the answer of wbgetentities or Special:EntityData/Q….json, or a SPARQL result as JSON.',
        ),
      ],
      skipped: [],
      title: options.title ?? 'Wikidata',
    }
  return wikidataDeck(data, options)
}

/**
 * Wikidata as a file: entity JSON, or a SPARQL JSON result read row by row (offline). The SPARQL
 * reader is loaded with this module.
 */
export async function importWikidataText(text: string, options: WikidataImportOptions): Promise<WikidataImportResult> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      yaml: '',
      issues: [
        fileError(
          'wikidata-unreadable',
          `This is not JSON: ${(error as Error).message}`,
          options.file,
          'Save the Wikidata answer as it came (wbgetentities, Special:EntityData/Q….json, or a SPARQL result in JSON).',
        ),
      ],
      skipped: [],
      title: options.title ?? 'Wikidata',
    }
  }
  const sparql = await import('./wikidata-sparql')
  if (sparql.isSparqlResults(json)) {
    const read = sparql.readSparqlResults(json)
    if (typeof read === 'string')
      return {
        yaml: '',
        issues: [fileError('wikidata-unreadable', read, options.file)],
        skipped: [],
        title: options.title ?? 'Wikidata',
      }
    return wikidataDeck(read.data, { ...options, subjects: options.subjects ?? read.subjects })
  }
  return importWikidataEntities(json, options)
}
