// A query service result (application/sparql-results+json) read as Wikidata items, for the same
// deck as entity JSON. wikibase-sdk simplifies the rows (`?father` with `?fatherLabel` becomes
// `{ value: 'Q…', label: '…' }`); this module maps the columns to properties by name: a property
// id (`?P569`) or the names below (`?born`, `?father`, `?position`…). Truthy values (wdt:) are
// already the best-ranked ones, so several values of a one-answer fact are a dispute. A date
// column may come with its precision and calendar (`?bornPrecision`, `?bornCalendar`, from
// wikibase:timePrecision / wikibase:timeCalendarModel); a spouse or position with its start and
// end (`?spouseStart`, `?positionEnd`), a position with `?positionReplaces` / `?positionReplacedBy`.
import { simplifySparqlResults } from 'wikibase-sdk'
import type { SkippedLine } from './person-deck'
import { readQueryTime } from './wikidata-dates'
import { PROPERTIES, type WikidataData, type WikidataItem, type WikidataValue } from './wikidata'

const COLUMNS = new Map<string, string>([
  ['born', PROPERTIES.born],
  ['birth', PROPERTIES.born],
  ['dateofbirth', PROPERTIES.born],
  ['birthdate', PROPERTIES.born],
  ['died', PROPERTIES.died],
  ['death', PROPERTIES.died],
  ['dateofdeath', PROPERTIES.died],
  ['deathdate', PROPERTIES.died],
  ['birthplace', PROPERTIES.bornAt],
  ['placeofbirth', PROPERTIES.bornAt],
  ['deathplace', PROPERTIES.diedAt],
  ['placeofdeath', PROPERTIES.diedAt],
  ['father', PROPERTIES.father],
  ['mother', PROPERTIES.mother],
  ['spouse', PROPERTIES.spouse],
  ['child', PROPERTIES.child],
  ['children', PROPERTIES.child],
  ['sibling', PROPERTIES.sibling],
  ['position', PROPERTIES.position],
  ['positionheld', PROPERTIES.position],
  ['office', PROPERTIES.position],
  ['title', PROPERTIES.title],
  ['nobletitle', PROPERTIES.title],
  ['dynasty', PROPERTIES.family],
  ['family', PROPERTIES.family],
  ['house', PROPERTIES.family],
  ['sex', PROPERTIES.sex],
  ['gender', PROPERTIES.sex],
])

const QUALIFIER_FIELDS = new Map<string, string>([
  ['start', 'P580'],
  ['end', 'P582'],
  ['endcause', 'P1534'],
  ['replaces', 'P1365'],
  ['replacedby', 'P1366'],
])

const SUBJECT_COLUMNS = ['item', 'person', 'human', 'subject', 'entity']
const ITEM_ID = /^Q[1-9]\d*$/
const DATE_PROPERTIES = new Set<string>([PROPERTIES.born, PROPERTIES.died])

type Obj = Record<string, unknown>
const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value)

/** True for a SPARQL JSON result: `head.vars` and `results.bindings`. */
export function isSparqlResults(json: unknown): boolean {
  return (
    isObject(json) &&
    isObject(json.head) &&
    Array.isArray(json.head.vars) &&
    isObject(json.results) &&
    Array.isArray(json.results.bindings)
  )
}

function propertyOf(column: string): string | undefined {
  if (/^P[1-9]\d*$/.test(column)) return column
  return COLUMNS.get(column.toLowerCase().replace(/[_-]/g, ''))
}

const parts = (cell: unknown): { value: unknown; extra: Obj } =>
  isObject(cell) ? { value: cell.value, extra: cell } : { value: cell, extra: {} }

function dateValue(literal: unknown, extra: Obj, prefix = ''): WikidataValue | undefined {
  if (typeof literal !== 'string') return undefined
  const field = (name: string) => (prefix ? `${prefix}${name}` : name.toLowerCase())
  const precision = extra[field('Precision')]
  const calendar = extra[field('Calendar')] ?? extra[prefix ? `${prefix}CalendarModel` : 'calendarModel']
  const reading = readQueryTime(
    literal,
    typeof precision === 'number' ? precision : typeof precision === 'string' ? Number(precision) : undefined,
    typeof calendar === 'string' ? calendar : undefined,
  )
  return { date: reading }
}

export interface SparqlRead {
  data: WikidataData
  /** The items of the subject column, in the order of the rows. */
  subjects: string[]
}

/** Reads the rows of a query result into items; a string when there is no item column. */
export function readSparqlResults(json: unknown): SparqlRead | string {
  if (!isSparqlResults(json)) return 'This is not a SPARQL JSON result: no `head.vars` and `results.bindings`.'
  let rows: Obj[]
  try {
    rows = simplifySparqlResults(json as never) as Obj[]
  } catch (error) {
    return `The SPARQL result cannot be read: ${(error as Error).message}`
  }
  const vars = ((json as { head: { vars: unknown[] } }).head.vars ?? []).filter(
    (v): v is string => typeof v === 'string',
  )
  const subjectColumn =
    vars.find((v) => SUBJECT_COLUMNS.includes(v.toLowerCase())) ??
    vars.find((v) => rows.some((r) => ITEM_ID.test(String(parts(r[v]).value))) && propertyOf(v) === undefined)
  if (subjectColumn === undefined)
    return 'The SPARQL result has no column of items: name the column of people `?item` (with `?itemLabel`).'
  const data: WikidataData = { items: new Map(), labels: new Map(), skipped: [] }
  const subjects: string[] = []
  const unknown = new Set<string>()
  const seen = new Map<string, Set<string>>()
  for (const row of rows) {
    const subject = parts(row[subjectColumn])
    const id = String(subject.value)
    if (!ITEM_ID.test(id)) continue
    let item = data.items.get(id)
    if (!item) {
      item = { id, aliases: [], statements: new Map(), unread: [] }
      const label = subject.extra.label
      if (typeof label === 'string' && label.trim() && label !== id) {
        item.label = label.trim()
        data.labels.set(id, item.label)
      }
      if (typeof subject.extra.description === 'string') item.description = subject.extra.description
      data.items.set(id, item)
      subjects.push(id)
    }
    for (const column of Object.keys(row)) {
      if (column === subjectColumn) continue
      const property = propertyOf(column)
      if (property === undefined) {
        unknown.add(column)
        continue
      }
      const cell = parts(row[column])
      const value = DATE_PROPERTIES.has(property)
        ? dateValue(cell.value, cell.extra)
        : typeof cell.value === 'string' && ITEM_ID.test(cell.value)
          ? { item: cell.value }
          : undefined
      if (!value) continue
      if ('item' in value && typeof cell.extra.label === 'string' && cell.extra.label !== value.item)
        data.labels.set(value.item, cell.extra.label)
      addStatement(item, property, value, cell.extra, seen)
    }
  }
  if (unknown.size)
    data.skipped.push({
      line: 0,
      text: `columns ${[...unknown].map((c) => `?${c}`).join(', ')}`,
      reason: 'not a property the deck reads (name columns like ?born, ?father, ?spouse, or by property id: ?P569)',
    })
  for (const item of data.items.values()) noteCoarseDates(item, data.skipped)
  return { data, subjects }
}

/** One value per distinct (value, qualifiers): rows repeat values when several columns vary. */
function addStatement(
  item: WikidataItem,
  property: string,
  value: WikidataValue,
  extra: Obj,
  seen: Map<string, Set<string>>,
): void {
  const qualifiers = new Map<string, WikidataValue[]>()
  for (const [field, raw] of Object.entries(extra)) {
    const q = QUALIFIER_FIELDS.get(field.toLowerCase())
    if (q === undefined || typeof raw !== 'string') continue
    const id = raw.replace(/^https?:\/\/www\.wikidata\.org\/entity\//, '')
    const v: WikidataValue | undefined =
      q === 'P580' || q === 'P582' ? dateValue(raw, extra, field) : ITEM_ID.test(id) ? { item: id } : undefined
    if (v) qualifiers.set(q, [v])
  }
  const key = `${property}|${JSON.stringify(value)}|${JSON.stringify([...qualifiers])}`
  const known = seen.get(item.id) ?? new Set<string>()
  seen.set(item.id, known)
  if (known.has(key)) return
  known.add(key)
  const list = item.statements.get(property) ?? []
  list.push({ value, qualifiers, references: [] })
  item.statements.set(property, list)
}

function noteCoarseDates(item: WikidataItem, skipped: SkippedLine[]): void {
  for (const property of DATE_PROPERTIES)
    for (const s of item.statements.get(property) ?? [])
      if ('date' in s.value && s.value.date.ok && s.value.date.coarser)
        skipped.push({
          line: 0,
          text: `${item.label ?? item.id} (${item.id}): ${property === PROPERTIES.born ? 'born' : 'died'} ${s.value.date.text}`,
          reason:
            'the query gives no precision, so only what the value shows for certain is kept: add wikibase:timePrecision as ?bornPrecision / ?diedPrecision',
        })
}
