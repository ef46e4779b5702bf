// The editor's forms write into the deck's YAML document (not a copy of it), so comments, key
// order and everything the form does not show survive a form edit. Names typed where an entity is
// expected (a father, a birthplace, an office) become that entity, created if it is new.
import { type Document, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import { MARRIAGE_ENDINGS } from '../deck/schema'
import { nameKey } from '../text/invisible'
import { slugify } from './text'

export type Gender = '' | 'male' | 'female'
export type MarriageEndingForm = '' | (typeof MARRIAGE_ENDINGS)[number]
export type SiblingHalfForm = '' | 'full' | 'half'

/** One marriage, as written on the person the form edits. */
export interface MarriageForm {
  /** An entity id (the form picks people of the deck by name) or a new person's name. */
  spouse: string
  /** When they married and when the marriage ended: dates as the deck format writes them. */
  from: string
  to: string
  ended: MarriageEndingForm
  /** Which marriage of this person it is ("1" = first); '' when the source does not say. */
  order: string
}

export interface SiblingForm {
  sibling: string
  /** '' when the source does not say whether they shared both parents. */
  half: SiblingHalfForm
}

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
  marriages: MarriageForm[]
  adoptiveFather: string
  adoptiveMother: string
  adoptedChildren: string[]
  siblings: SiblingForm[]
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
  /** '' when the deck gives none. */
  description: string
  gender: Gender
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
    marriages: [],
    adoptiveFather: '',
    adoptiveMother: '',
    adoptedChildren: [],
    siblings: [],
    sources: [],
  }
}

export const emptyMarriage = (): MarriageForm => ({ spouse: '', from: '', to: '', ended: '', order: '' })
export const emptySibling = (): SiblingForm => ({ sibling: '', half: '' })

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
    const gender = value.gender === 'male' || value.gender === 'female' ? value.gender : ''
    return { id, name: text(value.name) || id, kind: text(value.kind), description: text(value.description), gender }
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
    ...readFamily(doc, id),
    sources: listOf(person.source),
  }
}

type Entry = Record<string, unknown>
type FamilyForm = Pick<PersonForm, 'marriages' | 'adoptiveFather' | 'adoptiveMother' | 'adoptedChildren' | 'siblings'>

/** Every entity's raw value, by id (a Map: ids are deck text). */
function rawEntities(doc: DeckDocument): Map<string, Entry> {
  const raw = plainValue(doc, ['entities'])
  const out = new Map<string, Entry>()
  if (raw && typeof raw === 'object' && !Array.isArray(raw))
    for (const [id, value] of Object.entries(raw))
      if (value && typeof value === 'object' && !Array.isArray(value)) out.set(id, value as Entry)
  return out
}

/** The entry of `field` on `owner` that names `id`. */
const entryNaming = (owner: Entry | undefined, field: string, id: string): Entry | undefined =>
  owner ? entries(owner[field]).find((e) => text(e.id) === id) : undefined

const MARRIAGE_FIELDS = ['from', 'to', 'ended'] as const
const hasAny = (entry: Entry | undefined, keys: readonly string[]) =>
  entry !== undefined && keys.some((k) => entry[k] !== undefined)

/**
 * A person's marriages, siblings and adoptions as the deck states them, written on either side:
 * the format needs one side only (a saved deck writes a marriage's dates on one spouse, an
 * adoption on the child), so the form of each person shows them all.
 */
function readFamily(doc: DeckDocument, id: string): FamilyForm {
  const all = rawEntities(doc)
  const self = all.get(id) ?? {}
  const others = [...all].filter(([other]) => other !== id)
  const linked = (field: string): string[] => {
    const own = entries(self[field]).map((e) => text(e.id))
    const theirs = others.filter(([, e]) => entryNaming(e, field, id)).map(([other]) => other)
    return [...new Set([...own, ...theirs])].filter(Boolean)
  }
  const marriages = linked('spouse').map((spouse) => {
    const own = entryNaming(self, 'spouse', spouse)
    const theirs = entryNaming(all.get(spouse), 'spouse', id)
    const dated = hasAny(own, MARRIAGE_FIELDS) || !theirs ? (own ?? {}) : theirs
    return readMarriage({ id: spouse, from: dated.from, to: dated.to, ended: dated.ended, order: own?.order })
  })
  const siblings = linked('siblings').map((sibling) => {
    const own = entryNaming(self, 'siblings', sibling)
    const theirs = entryNaming(all.get(sibling), 'siblings', id)
    return readSibling({ ...(own?.half === undefined && theirs ? theirs : own), id: sibling })
  })
  // Adoption: on the child (adoptiveFather, adoptiveMother, adoptiveParents) or on the parent (adoptedChildren).
  const adoptersOnTheirSide = others.filter(([, e]) => entryNaming(e, 'adoptedChildren', id))
  const adopter = (field: 'adoptiveFather' | 'adoptiveMother', gender: string) =>
    listOf(self[field])[0] ?? adoptersOnTheirSide.find(([, e]) => e.gender === gender)?.[0] ?? ''
  const adoptedByThem = others
    .filter(([, e]) => ['adoptiveFather', 'adoptiveMother', 'adoptiveParents'].some((f) => entryNaming(e, f, id)))
    .map(([child]) => child)
  return {
    marriages,
    adoptiveFather: adopter('adoptiveFather', 'male'),
    adoptiveMother: adopter('adoptiveMother', 'female'),
    adoptedChildren: [...new Set([...listOf(self.adoptedChildren), ...adoptedByThem])],
    siblings,
  }
}

/** A field that holds one reference or a list of them, each short (an id) or long (a mapping). */
function entries(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]
  return list.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>) : { id: text(item) }))
}

function readMarriage(entry: Record<string, unknown>): MarriageForm {
  const ended = text(entry.ended)
  return {
    spouse: text(entry.id),
    from: text(entry.from),
    to: text(entry.to),
    ended: (MARRIAGE_ENDINGS as readonly string[]).includes(ended) ? (ended as MarriageEndingForm) : '',
    order: text(entry.order),
  }
}

function readSibling(entry: Record<string, unknown>): SiblingForm {
  return { sibling: text(entry.id), half: entry.half === true ? 'half' : entry.half === false ? 'full' : '' }
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
  writeFamily(doc, id, form)
}

interface LinkWrite {
  id: string
  /** The fields the form shows; '' removes one. Fields it does not show (source, note, disputed) are kept. */
  fields: Record<string, string | number | boolean>
}

/**
 * A list of references (spouses, siblings, adopted children) in the order of the form. An entry
 * that still names the same person keeps its node, so its source, note, dispute and comments
 * survive; an entry with nothing but an id is written short (`anne-boleyn`), others as a flow
 * mapping (`{ id: anne-boleyn, from: 1533 }`). `one`: a single entry is written without a list.
 */
function writeLinks(doc: DeckDocument, path: string[], links: LinkWrite[], shape: 'one' | 'list'): void {
  const existing = doc.getIn(path, true)
  const old = isSeq(existing) ? [...existing.items] : existing === undefined ? [] : [existing]
  const used = new Set<unknown>()
  const items = links
    .filter((link) => link.id !== '')
    .map((link) => {
      const node = old.find((item) => !used.has(item) && isMap(item) && text(item.get('id')) === link.id)
      if (isMap(node)) {
        used.add(node)
        for (const [key, value] of Object.entries(link.fields))
          if (value === '') node.delete(key)
          else node.set(key, value)
        return node
      }
      const fields = Object.entries(link.fields).filter(([, value]) => value !== '')
      return fields.length === 0
        ? link.id
        : doc.createNode({ id: link.id, ...Object.fromEntries(fields) }, { flow: true })
    })
  if (items.length === 0) setOrDelete(doc, path, '')
  else if (items.length === 1 && shape === 'one') doc.setIn(path, items[0])
  else doc.setIn(path, doc.createNode(items, { flow: items.every((item) => typeof item === 'string') }))
}

const orderValue = (order: string): string | number =>
  /^\d+$/.test(order.trim()) ? Number(order.trim()) : order.trim()
const dateOrEmpty = (date: string): string | number => (date.trim() === '' ? '' : dateValue(date))

/**
 * Marriages, siblings and adoptions, each written where it already is: an edit of a marriage
 * whose dates are on the other spouse changes them there (writing them on both sides could make
 * them disagree); a new one is written on this person; a removed one is removed from both sides.
 */
function writeFamily(doc: DeckDocument, id: string, form: PersonForm): void {
  const before = readFamily(doc, id)
  const path = ['entities', id]
  const resolve = (typed: string) => resolveEntity(doc, typed, 'person')
  const marriages = form.marriages.map((m) => ({ ...m, spouse: resolve(m.spouse) })).filter((m) => m.spouse !== '')
  const siblings = form.siblings.map((s) => ({ ...s, sibling: resolve(s.sibling) })).filter((s) => s.sibling !== '')
  const children = [...new Set(form.adoptedChildren.map(resolve).filter(Boolean))]

  for (const m of before.marriages)
    if (!marriages.some((n) => n.spouse === m.spouse)) removeEntry(doc, ['entities', m.spouse, 'spouse'], id)
  for (const s of before.siblings)
    if (!siblings.some((n) => n.sibling === s.sibling)) removeEntry(doc, ['entities', s.sibling, 'siblings'], id)

  const all = rawEntities(doc)
  const own: LinkWrite[] = []
  for (const m of marriages) {
    const dates = { from: dateOrEmpty(m.from), to: dateOrEmpty(m.to), ended: m.ended }
    const order = orderValue(m.order)
    const mine = entryNaming(all.get(id), 'spouse', m.spouse)
    const theirs = entryNaming(all.get(m.spouse), 'spouse', id)
    const theirPath = ['entities', m.spouse, 'spouse']
    if (theirs && hasAny(theirs, MARRIAGE_FIELDS) && !hasAny(mine, MARRIAGE_FIELDS)) {
      setEntryFields(doc, theirPath, id, dates)
      if (mine || order !== '') own.push({ id: m.spouse, fields: { from: '', to: '', ended: '', order } })
    } else {
      if (theirs) setEntryFields(doc, theirPath, id, { from: '', to: '', ended: '' })
      const said = Object.values(dates).some((v) => v !== '') || order !== ''
      if (!theirs || mine || said) own.push({ id: m.spouse, fields: { ...dates, order } })
    }
  }
  writeLinks(doc, [...path, 'spouse'], own, 'one')

  const ownSiblings: LinkWrite[] = []
  for (const s of siblings) {
    const half = s.half === '' ? '' : s.half === 'half'
    const mine = entryNaming(all.get(id), 'siblings', s.sibling)
    const theirs = entryNaming(all.get(s.sibling), 'siblings', id)
    if (theirs && !mine) setEntryFields(doc, ['entities', s.sibling, 'siblings'], id, { half })
    else {
      if (theirs) setEntryFields(doc, ['entities', s.sibling, 'siblings'], id, { half: '' })
      ownSiblings.push({ id: s.sibling, fields: { half } })
    }
  }
  writeLinks(doc, [...path, 'siblings'], ownSiblings, 'list')

  const self = all.get(id) ?? {}
  for (const field of ['adoptiveFather', 'adoptiveMother'] as const) {
    const next = resolve(form[field])
    const had = before[field]
    if (self[field] === undefined && next === had) continue
    if (self[field] === undefined && had !== '') removeEntry(doc, ['entities', had, 'adoptedChildren'], id)
    writeRef(doc, [...path, field], next)
  }
  for (const child of before.adoptedChildren) {
    if (children.includes(child)) continue
    const entry = all.get(child) ?? {}
    for (const field of ['adoptiveFather', 'adoptiveMother'])
      if (listOf(entry[field])[0] === id) doc.deleteIn(['entities', child, field])
    removeEntry(doc, ['entities', child, 'adoptiveParents'], id)
  }
  const onTheirSide = (child: string) =>
    ['adoptiveFather', 'adoptiveMother', 'adoptiveParents'].some((f) => entryNaming(all.get(child), f, id))
  writeLinks(
    doc,
    [...path, 'adoptedChildren'],
    children
      .filter((child) => !onTheirSide(child) || listOf(self.adoptedChildren).includes(child))
      .map((child) => ({ id: child, fields: {} })),
    'list',
  )
}

/** The node of a reference field (one entry or a list) that names `id`, with how to replace it. */
const namesId = (node: unknown, id: string): boolean =>
  isMap(node) ? text(node.get('id')) === id : isScalar(node) ? text(node.value) === id : false

function entryNode(
  doc: DeckDocument,
  path: string[],
  id: string,
): { node: unknown; replace: (next: unknown) => void } | undefined {
  const field = doc.getIn(path, true)
  const names = (node: unknown) => namesId(node, id)
  if (isSeq(field)) {
    const index = field.items.findIndex(names)
    return index === -1 ? undefined : { node: field.items[index], replace: (next) => field.set(index, next) }
  }
  return names(field) ? { node: field, replace: (next) => doc.setIn(path, next) } : undefined
}

function setEntryFields(doc: DeckDocument, path: string[], id: string, fields: Record<string, unknown>): void {
  const found = entryNode(doc, path, id)
  if (!found) return
  const { node } = found
  if (isMap(node)) {
    for (const [key, value] of Object.entries(fields))
      if (value === '') node.delete(key)
      else node.set(key, value)
    return
  }
  const set = Object.entries(fields).filter(([, value]) => value !== '')
  if (set.length) found.replace(doc.createNode({ id, ...Object.fromEntries(set) }, { flow: true }))
}

function removeEntry(doc: DeckDocument, path: string[], id: string): void {
  const field = doc.getIn(path, true)
  if (isSeq(field)) {
    field.items = field.items.filter((item) => !namesId(item, id))
    if (field.items.length === 0) doc.deleteIn(path)
  } else if (entryNode(doc, path, id)) doc.deleteIn(path)
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

/**
 * How a person is named in the forms' pickers: by name, with the description (or a number) added
 * when two people share it, so that the two Julias can be told apart without showing ids.
 */
export function pickerLabels(people: readonly EntitySummary[]): Map<string, string> {
  const byName = new Map<string, EntitySummary[]>()
  for (const p of people) {
    const key = nameKey(p.name).toLowerCase()
    byName.set(key, [...(byName.get(key) ?? []), p])
  }
  const labels = new Map<string, string>()
  for (const same of byName.values())
    same.forEach((p, n) =>
      labels.set(
        p.id,
        same.length === 1 ? p.name : p.description ? `${p.name} — ${p.description}` : `${p.name} (${n + 1})`,
      ),
    )
  return labels
}
