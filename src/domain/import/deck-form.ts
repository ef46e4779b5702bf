// The editor's forms write into the deck's YAML document (not a copy of it), so comments, key
// order and everything the form does not show survive a form edit. Names typed where an entity is
// expected (a father, a birthplace, an office) become that entity, created if it is new.
import { type Document, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import { nameKey } from '../text/invisible'
import { slugify } from './text'

export type Gender = '' | 'male' | 'female'

export interface DeckMetaForm {
  id: string
  title: string
  description: string
  author: string
  licence: string
}

export interface PersonForm {
  id: string
  name: string
  aliases: string[]
  gender: Gender
  description: string
  /** Dates as the deck format writes them: "1370", "22 September 1408", "c. 1370". */
  born: string
  /** An entity id or a new place's name. */
  bornPlace: string
  died: string
  diedPlace: string
  father: string
  mother: string
  spouses: string[]
  /** Default sources of the person's facts. */
  sources: string[]
}

export interface TenureForm {
  person: string
  /** An office entity id or a new office's name. */
  office: string
  from: string
  to: string
  predecessor: string
  successor: string
  sources: string[]
  note: string
}

export interface SourceForm {
  id: string
  title: string
  url: string
}

export type CardForm =
  | { type: 'basic'; front: string; back: string }
  | { type: 'choice'; question: string; choices: string[]; answer: string }
  | { type: 'cloze'; text: string }

export interface EntitySummary {
  id: string
  name: string
  kind: string
}

export type DeckDocument = Document

export function parseDeckDocument(text: string): DeckDocument {
  return parseDocument(text, { keepSourceTokens: false })
}

export function emptyPerson(): PersonForm {
  return {
    id: '',
    name: '',
    aliases: [],
    gender: '',
    description: '',
    born: '',
    bornPlace: '',
    died: '',
    diedPlace: '',
    father: '',
    mother: '',
    spouses: [],
    sources: [],
  }
}

export function newDeckYaml(meta: Pick<DeckMetaForm, 'id' | 'title'> & Partial<DeckMetaForm>): string {
  const doc = parseDeckDocument('')
  writeDeckMeta(doc, { description: '', author: '', licence: '', ...meta })
  doc.setIn(['sources'], doc.createNode({}))
  doc.setIn(['entities'], doc.createNode({}))
  return doc.toString()
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value))

function plainValue(doc: DeckDocument, path: readonly unknown[]): unknown {
  const node = doc.getIn(path, true)
  return isScalar(node) ? node.value : node === undefined ? undefined : (node as { toJSON(): unknown }).toJSON()
}

function setOrDelete(doc: DeckDocument, path: readonly unknown[], value: unknown): void {
  const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0)
  if (empty) {
    if (doc.hasIn(path)) doc.deleteIn(path)
  } else doc.setIn(path, Array.isArray(value) ? doc.createNode(value, { flow: true }) : value)
}

/** "1370" is written as the number 1370 (a year), everything else as text. */
function dateValue(date: string): string | number {
  const trimmed = date.trim()
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : trimmed
}

function oneOrList(values: string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : values
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value))
    return value.map((v) => (v && typeof v === 'object' ? text((v as { id?: unknown }).id) : text(v))).filter(Boolean)
  if (value && typeof value === 'object') return [text((value as { id?: unknown }).id)].filter(Boolean)
  return value === undefined || value === null || value === '' ? [] : [text(value)]
}

export function deckMeta(doc: DeckDocument): DeckMetaForm {
  const get = (key: string): string => text(plainValue(doc, [key]))
  return {
    id: get('id'),
    title: get('title'),
    description: get('description'),
    author: get('author'),
    licence: get('licence'),
  }
}

export function writeDeckMeta(doc: DeckDocument, form: DeckMetaForm): void {
  for (const key of ['id', 'title', 'description', 'author', 'licence'] as const)
    setOrDelete(doc, [key], form[key].trim())
}

export function listEntities(doc: DeckDocument): EntitySummary[] {
  const entities = doc.getIn(['entities'], true)
  if (!isMap(entities)) return []
  return entities.items.map((pair) => {
    const id = text(isScalar(pair.key) ? pair.key.value : pair.key)
    const value = isMap(pair.value) ? (pair.value.toJSON() as Record<string, unknown>) : {}
    return { id, name: text(value.name) || id, kind: text(value.kind) }
  })
}

export function listSources(doc: DeckDocument): SourceForm[] {
  const sources = doc.getIn(['sources'], true)
  if (!isMap(sources)) return []
  return sources.items.map((pair) => {
    const id = text(isScalar(pair.key) ? pair.key.value : pair.key)
    const value =
      pair.value && isScalar(pair.value)
        ? { title: pair.value.value }
        : isMap(pair.value)
          ? (pair.value.toJSON() as Record<string, unknown>)
          : {}
    return { id, title: text(value.title), url: text(value.url) }
  })
}

/**
 * The id for what the user typed where an entity is expected: an existing id, the id of an entity
 * with that name, or a new entity of `kind` named so (created here). '' when nothing was typed.
 */
export function resolveEntity(doc: DeckDocument, typed: string, kind: string): string {
  // Zero-width and direction characters pasted along with a name are not part of it.
  const wanted = nameKey(typed)
  if (wanted === '') return ''
  const entities = listEntities(doc)
  const byId = entities.find((e) => e.id === wanted)
  if (byId) return byId.id
  // Compared without invisible characters: "John\u200B VII" is the John VII already there.
  const key = wanted.toLowerCase()
  const byName = entities.find((e) => nameKey(e.name).toLowerCase() === key)
  if (byName) return byName.id
  const id = freeId(
    entities.map((e) => e.id),
    wanted,
    kind,
  )
  doc.setIn(['entities', id], doc.createNode({ kind, name: wanted }))
  return id
}

export function readPerson(doc: DeckDocument, id: string): PersonForm {
  const raw = plainValue(doc, ['entities', id])
  const person = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  const life = (key: 'born' | 'died'): { date: string; place: string } => {
    const value = person[key]
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const long = value as Record<string, unknown>
      return { date: text(long.date), place: text(long.place) }
    }
    return { date: text(value), place: '' }
  }
  const gender = text(person.gender)
  return {
    id,
    name: text(person.name),
    aliases: listOf(person.aliases),
    gender: gender === 'male' || gender === 'female' ? gender : '',
    description: text(person.description),
    born: life('born').date,
    bornPlace: life('born').place,
    died: life('died').date,
    diedPlace: life('died').place,
    father: listOf(person.father)[0] ?? '',
    mother: listOf(person.mother)[0] ?? '',
    spouses: listOf(person.spouse),
    sources: listOf(person.source),
  }
}

/** born/died: short form (just the date) unless a place is given or the file already uses the long form. */
function writeLife(doc: DeckDocument, path: string[], date: string, place: string): void {
  const node = doc.getIn(path, true)
  if (isMap(node)) {
    setOrDelete(doc, [...path, 'date'], date === '' ? '' : dateValue(date))
    setOrDelete(doc, [...path, 'place'], place)
    if (node.items.length === 0) doc.deleteIn(path)
  } else if (place !== '') doc.setIn(path, doc.createNode(date === '' ? { place } : { date: dateValue(date), place }))
  else setOrDelete(doc, path, date === '' ? '' : dateValue(date))
}

/** A reference field keeps its long form ({ id, source, note }) when it still names the same entity. */
function writeRef(doc: DeckDocument, path: string[], id: string): void {
  const node = doc.getIn(path, true)
  if (isMap(node) && text(node.get('id')) === id) return
  setOrDelete(doc, path, id)
}

export function writePerson(doc: DeckDocument, form: PersonForm): void {
  const id = form.id.trim()
  const path = ['entities', id]
  if (!isMap(doc.getIn(path, true))) doc.setIn(path, doc.createNode({ kind: 'person', name: form.name.trim() }))
  doc.setIn([...path, 'kind'], 'person')
  doc.setIn([...path, 'name'], form.name.trim())
  setOrDelete(doc, [...path, 'aliases'], form.aliases.map((a) => a.trim()).filter(Boolean))
  setOrDelete(doc, [...path, 'gender'], form.gender)
  setOrDelete(doc, [...path, 'description'], form.description.trim())
  const sources = form.sources.filter(Boolean)
  setOrDelete(doc, [...path, 'source'], sources.length ? oneOrList(sources) : '')
  writeLife(doc, [...path, 'born'], form.born.trim(), resolveEntity(doc, form.bornPlace, 'place'))
  writeLife(doc, [...path, 'died'], form.died.trim(), resolveEntity(doc, form.diedPlace, 'place'))
  writeRef(doc, [...path, 'father'], resolveEntity(doc, form.father, 'person'))
  writeRef(doc, [...path, 'mother'], resolveEntity(doc, form.mother, 'person'))
  const spouses = form.spouses.map((s) => resolveEntity(doc, s, 'person')).filter(Boolean)
  const existing = doc.getIn([...path, 'spouse'], true)
  const keep = isSeq(existing)
    ? existing.items.filter((item) => isMap(item) && spouses.includes(text(item.get('id'))))
    : []
  const kept = new Set(keep.map((item) => text((item as { get(key: string): unknown }).get('id'))))
  const items = [...keep, ...spouses.filter((s) => !kept.has(s))]
  if (items.length === 0) setOrDelete(doc, [...path, 'spouse'], '')
  else if (items.length === 1 && typeof items[0] === 'string') doc.setIn([...path, 'spouse'], items[0])
  else doc.setIn([...path, 'spouse'], doc.createNode(items, { flow: keep.length === 0 }))
}

export function addTenure(doc: DeckDocument, form: TenureForm): void {
  const office = resolveEntity(doc, form.office, 'office')
  const tenure: Record<string, unknown> = { office }
  if (form.from.trim()) tenure.from = dateValue(form.from)
  if (form.to.trim()) tenure.to = dateValue(form.to)
  const predecessor = resolveEntity(doc, form.predecessor, 'person')
  const successor = resolveEntity(doc, form.successor, 'person')
  if (predecessor) tenure.predecessor = predecessor
  if (successor) tenure.successor = successor
  const sources = form.sources.filter(Boolean)
  if (sources.length) tenure.source = oneOrList(sources)
  if (form.note.trim()) tenure.note = form.note.trim()
  const path = ['entities', form.person, 'held']
  const held = doc.getIn(path, true)
  if (isSeq(held)) held.add(doc.createNode(tenure))
  else doc.setIn(path, doc.createNode([tenure]))
}

export function writeSource(doc: DeckDocument, form: SourceForm): void {
  const value: Record<string, string> = { title: form.title.trim() }
  if (form.url.trim()) value.url = form.url.trim()
  doc.setIn(['sources', form.id.trim()], doc.createNode(value))
}

export function addCard(doc: DeckDocument, form: CardForm): void {
  const card =
    form.type === 'basic'
      ? { front: form.front.trim(), back: form.back.trim() }
      : form.type === 'choice'
        ? {
            question: form.question.trim(),
            choices: form.choices.map((c) => c.trim()).filter(Boolean),
            answer: form.answer.trim(),
          }
        : { cloze: form.text.trim() }
  const cards = doc.getIn(['cards'], true)
  if (isSeq(cards)) cards.add(doc.createNode(card))
  else doc.setIn(['cards'], doc.createNode([card]))
}

/** A fresh id for a new entity or source named `name` (`john-vii`, `john-vii-2`, …). */
export function freeId(taken: readonly string[], name: string, fallback: string): string {
  const base = slugify(name, fallback)
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`
  return id
}
