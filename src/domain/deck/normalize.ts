// File format → fact model. Takes a structurally valid deck file (schema.ts) and builds the
// normalized Deck (types.ts): short forms expanded, dates parsed, stable fact ids, links declared
// on both sides merged. It reports what it finds while building (invalid dates, alternatives
// without a value, duplicate ids) and records where everything came from (DeckTrace), so that
// validate.ts can check references, sources and consistency and point at the right line.
import { digest } from '../random'
import { parseDate } from './dates'
import type { IssueList, Path } from './issues'
import type {
  CardFile,
  DateFile,
  DeckFile,
  EntityFile,
  ImageFile,
  RelationFile,
  SiblingFile,
  SourceRefsFile,
  SpouseFile,
  SuccessionFile,
  TenureFile,
  TextFactFile,
} from './schema'
import type {
  Alternative,
  CoRuler,
  DateFact,
  Deck,
  DeckImage,
  Entity,
  Fact,
  HandCard,
  HistoricalDate,
  Marriage,
  PlaceFact,
  RelationFact,
  Source,
  Succession,
  Tenure,
  TenureFact,
  TextFact,
} from './types'

/** Where a fact was declared: the node, its value, and for tenures the start and end. */
export interface FactTrace {
  path: Path
  value: Path
  start?: Path
  end?: Path
}

/** A reference to an entity, checked by validate.ts (exists, right kind). */
export interface RefUse {
  id: string
  path: Path
  field: string
  /** Kinds the target may have; any kind when absent. */
  kinds?: readonly string[]
}

export interface DeckTrace {
  entities: Map<string, Path>
  facts: Map<string, FactTrace>
  cards: Map<string, Path>
  refs: RefUse[]
  sources: Array<{ id: string; path: Path }>
  /** Every `order:` of a marriage, on the side of the person it counts for. */
  orders: Array<{ person: string; order: number; path: Path; fact: string }>
}

export interface NormalizeResult {
  deck: Deck
  trace: DeckTrace
}

const PERSON = ['person'] as const
const PLACE = ['place'] as const

/** Order of facts within one subject, so that a deck reads the same however its links were declared. */
const KEY_ORDER = [
  'born',
  'bornAt',
  'died',
  'diedAt',
  'ageAtDeath',
  'parent',
  'adoptiveParent',
  'spouse',
  'sibling',
  'dynasty',
  'title',
  'tenure',
  'event',
  'location',
  'participant',
  'caption',
  'outcome',
  'note',
]
const ROLE_ORDER = ['father', 'mother', undefined]

/** A copy without the holes that invalid items leave in lists (see structure.ts). */
const present = <T>(list: readonly T[]): T[] => list.filter(() => true)

export const isDateValue = (value: unknown): value is DateFile => typeof value === 'string' || typeof value === 'number'

/** `{{c1::text}}` and `{{c1::text::hint}}` (Anki) become `{{text}}`. */
export const normalizeCloze = (text: string): string => text.replace(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/gs, '{{$1}}')

export function defaultCardId(card: CardFile): string {
  const text = 'front' in card ? card.front : 'question' in card ? card.question : normalizeCloze(card.cloze)
  return `card-${digest(text)}`
}

interface Declared {
  fact: Fact
  seq: number
  /** Entity whose block declared it (links may be declared on both sides). */
  from: string
}

/** The shared parts of a long-form fact: sources, note, alternatives. */
interface LongForm<V> {
  sources: string[]
  note?: string
  alternatives: Alternative<V>[]
}

class Normalizer {
  private readonly facts = new Map<string, Declared>()
  private seq = 0
  readonly trace: DeckTrace = {
    entities: new Map(),
    facts: new Map(),
    cards: new Map(),
    refs: [],
    sources: [],
    orders: [],
  }

  constructor(private readonly issues: IssueList) {}

  run(file: DeckFile): Deck {
    const deck: Deck = {
      id: file.id,
      title: file.title,
      language: file.language ?? 'en',
      version: String(file.version ?? '1'),
      sources: [],
      entities: [],
      facts: [],
      cards: [],
    }
    if (file.description !== undefined) deck.description = file.description
    if (file.author !== undefined) deck.author = file.author
    if (file.licence !== undefined) deck.licence = file.licence

    for (const [id, source] of Object.entries(file.sources ?? {})) {
      const out: Source = typeof source === 'string' ? { id, title: source } : { id, title: source.title }
      if (typeof source !== 'string' && source.short !== undefined) out.short = source.short
      if (typeof source !== 'string' && source.url !== undefined) out.url = source.url
      if (typeof source !== 'string' && source.note !== undefined) out.note = source.note
      deck.sources.push(out)
    }
    const entityFiles = Object.entries(file.entities ?? {})
    for (const [id, entity] of entityFiles) {
      deck.entities.push(this.entity(id, entity))
      this.trace.entities.set(id, ['entities', id])
    }
    for (const [id, entity] of entityFiles) this.entityFacts(id, entity, ['entities', id])
    deck.facts = this.sortedFacts(deck.entities)
    deck.cards = this.cards(file.cards ?? [])
    return deck
  }

  private entity(id: string, file: EntityFile): Entity {
    const aliases =
      file.aliases === undefined ? [] : typeof file.aliases === 'string' ? [file.aliases] : present(file.aliases)
    const entity: Entity = { id, kind: file.kind, name: file.name, aliases }
    if (file.gender !== undefined) entity.gender = file.gender
    if (file.gendered !== undefined) {
      const gendered: { male?: string; female?: string } = {}
      if (file.gendered.male !== undefined) gendered.male = file.gendered.male
      if (file.gendered.female !== undefined) gendered.female = file.gendered.female
      entity.gendered = gendered
    }
    if (file.description !== undefined) entity.description = file.description
    if (file.preposition !== undefined) entity.preposition = file.preposition
    const image = file.image && this.image(file.image, ['entities', id, 'image'])
    if (image) entity.image = image
    return entity
  }

  /** A picture: exactly one of `file` and `url`; a web address is linked, not shown (a warning says so). */
  private image(file: ImageFile, path: Path): DeckImage | undefined {
    if (file.file !== undefined && file.url !== undefined) {
      this.issues.error('invalid-value', [...path, 'url'], 'an image is a `file` or a `url`, not both', {
        target: 'key',
        hint: 'keep `file` (a copy beside the deck, shown offline) and remove `url`',
      })
      return undefined
    }
    if (file.file === undefined && file.url === undefined) {
      // A `file` or `url` the structure check refused is already reported.
      if (this.issues.hasAt(path)) return undefined
      this.issues.error('missing-field', [...path, 'file'], 'missing `file` (or `url`)', {
        expected: 'a file name like `coin.jpg`, or a web address',
        hint: 'put the picture beside the deck and write `file: coin.jpg`',
      })
      return undefined
    }
    if (file.url !== undefined)
      this.issues.warning('image-url-linked', [...path, 'url'], 'a picture on the web is linked, not shown', {
        hint: 'the app shows only pictures it can keep offline: if the licence allows, save it beside the deck and write `file:` instead of `url:`',
      })
    const image: DeckImage = { licence: file.licence, credit: file.credit }
    if (file.file !== undefined) image.file = file.file
    if (file.url !== undefined) image.url = file.url
    if (file.alt !== undefined) image.alt = file.alt
    return image
  }

  private sortedFacts(entities: Entity[]): Fact[] {
    const index = new Map(entities.map((entity, i) => [entity.id, i]))
    const rank = (d: Declared) => [
      index.get(d.fact.subject) ?? entities.length,
      KEY_ORDER.indexOf(d.fact.type === 'tenure' ? 'tenure' : d.fact.key),
      d.fact.type === 'relation' ? ROLE_ORDER.indexOf(d.fact.role) : 0,
      d.seq,
    ]
    return [...this.facts.values()]
      .map((d) => ({ d, r: rank(d) }))
      .sort((a, b) => {
        for (let i = 0; i < a.r.length; i++) {
          const diff = (a.r[i] as number) - (b.r[i] as number)
          if (diff) return diff
        }
        return 0
      })
      .map(({ d }) => d.fact)
  }

  // ---- small readers -------------------------------------------------------------------------

  private sources(refs: SourceRefsFile, path: Path): string[] {
    const list = typeof refs === 'string' ? [refs] : refs
    list.forEach((id, i) => this.trace.sources.push({ id, path: typeof refs === 'string' ? path : [...path, i] }))
    return present(list)
  }

  private ref(id: string, path: Path, field: string, kinds?: readonly string[]): string {
    const use: RefUse = { id, path, field }
    if (kinds) use.kinds = kinds
    this.trace.refs.push(use)
    return id
  }

  private date(value: DateFile, path: Path): HistoricalDate | undefined {
    const result = parseDate(value)
    if (result.ok) return result.date
    this.issues.error('invalid-date', path, `invalid date: ${result.message}`, {
      expected: 'a date like `22 September 1408`, `1370` or `c. 1370`',
      ...(result.hint ? { hint: result.hint } : {}),
    })
    return undefined
  }

  /** Sources, note and alternatives of a long form; `pick` reads one alternative's value. */
  private longForm<V, A extends { source: SourceRefsFile; note?: string }>(
    form: { source?: SourceRefsFile; note?: string; disputed?: A[] } | undefined,
    path: Path,
    defaults: string[],
    pick: (alternative: A, path: Path) => V | undefined,
  ): LongForm<V> {
    const out: LongForm<V> = {
      sources: form?.source !== undefined ? this.sources(form.source, [...path, 'source']) : [...defaults],
      alternatives: [],
    }
    if (form?.note !== undefined) out.note = form.note
    form?.disputed?.forEach((alternative, i) => {
      const altPath = [...path, 'disputed', i]
      const value = pick(alternative, altPath)
      if (value === undefined) return
      const alt: Alternative<V> = { value, sources: this.sources(alternative.source, [...altPath, 'source']) }
      if (alternative.note !== undefined) alt.note = alternative.note
      out.alternatives.push(alt)
    })
    return out
  }

  private noValue(path: Path, fields: string): undefined {
    this.issues.error('alternative-without-value', path, 'this alternative gives no value', {
      expected: `${fields}, with the \`source\` that gives it`,
    })
    return undefined
  }

  private declare(fact: Fact, trace: FactTrace, from: string, what: string): void {
    const existing = this.facts.get(fact.id)
    if (!existing) {
      this.facts.set(fact.id, { fact, seq: this.seq++, from })
      this.trace.facts.set(fact.id, trace)
      return
    }
    const mergeable = fact.type === 'relation' && MERGEABLE.has(fact.key) && existing.from !== from
    if (!mergeable) {
      this.issues.error('duplicate-id', trace.path, `${what} is declared twice`, {
        hint: 'remove one of them (sources that disagree go under `disputed`)',
      })
      return
    }
    // The same link written on both sides (a child's `father` and the father's `children`): one fact.
    const into = existing.fact as RelationFact
    const other = fact as RelationFact
    for (const source of other.sources) if (!into.sources.includes(source)) into.sources.push(source)
    if (into.role === undefined && other.role !== undefined) into.role = other.role
    if (into.note === undefined && other.note !== undefined) into.note = other.note
    if (into.half === undefined && other.half !== undefined) into.half = other.half
    else if (other.half !== undefined && other.half !== into.half)
      this.issues.error('conflicting-sides', trace.path, `the two sides of ${what} disagree on \`half\``, {
        hint: 'write `half` on one side only',
      })
    if (other.marriage) this.mergeMarriage(into, other.marriage, trace, what)
    for (const alternative of other.alternatives) into.alternatives.push(alternative)
  }

  /** A marriage written on both sides: each side may add what the other leaves out, never contradict it. */
  private mergeMarriage(into: RelationFact, other: Marriage, trace: FactTrace, what: string): void {
    const target: Marriage = (into.marriage ??= {})
    const clash: string[] = []
    const same = (a: HistoricalDate | undefined, b: HistoricalDate | undefined) => !a || !b || a.text === b.text
    if (!same(target.start, other.start)) clash.push('`from`')
    if (!same(target.end, other.end)) clash.push('`to`')
    if (target.ended && other.ended && target.ended !== other.ended) clash.push('`ended`')
    if (target.subjectOrder && other.subjectOrder && target.subjectOrder !== other.subjectOrder) clash.push('`order`')
    if (target.valueOrder && other.valueOrder && target.valueOrder !== other.valueOrder) clash.push('`order`')
    if (clash.length) {
      this.issues.error(
        'conflicting-sides',
        trace.path,
        `the two sides of ${what} disagree on ${clash.join(' and ')}`,
        {
          hint: 'write the dates and the ending on one side only; `order` on each side counts that person’s marriages',
        },
      )
      return
    }
    if (!target.start && other.start) target.start = other.start
    if (!target.end && other.end) target.end = other.end
    if (!target.ended && other.ended) target.ended = other.ended
    if (!target.subjectOrder && other.subjectOrder) target.subjectOrder = other.subjectOrder
    if (!target.valueOrder && other.valueOrder) target.valueOrder = other.valueOrder
    const known = this.trace.facts.get(into.id)
    if (known) {
      if (!known.start && trace.start) known.start = trace.start
      if (!known.end && trace.end) known.end = trace.end
    }
  }

  // ---- facts of one entity -------------------------------------------------------------------

  private entityFacts(id: string, entity: EntityFile, path: Path): void {
    const defaults = entity.source !== undefined ? this.sources(entity.source, [...path, 'source']) : []
    if (entity.born !== undefined) this.lifeDate('born', id, entity.born, [...path, 'born'], defaults)
    if (entity.died !== undefined) this.lifeDate('died', id, entity.died, [...path, 'died'], defaults)
    if (entity.father !== undefined) this.parent(id, entity.father, [...path, 'father'], defaults, 'father')
    if (entity.mother !== undefined) this.parent(id, entity.mother, [...path, 'mother'], defaults, 'mother')
    entity.parents?.forEach((p, i) => this.parent(id, p, [...path, 'parents', i], defaults))
    entity.children?.forEach((c, i) => this.child(id, entity, c, [...path, 'children', i], defaults))
    if (entity.adoptiveFather !== undefined)
      this.parent(id, entity.adoptiveFather, [...path, 'adoptiveFather'], defaults, 'father', 'adoptiveParent')
    if (entity.adoptiveMother !== undefined)
      this.parent(id, entity.adoptiveMother, [...path, 'adoptiveMother'], defaults, 'mother', 'adoptiveParent')
    entity.adoptiveParents?.forEach((p, i) =>
      this.parent(id, p, [...path, 'adoptiveParents', i], defaults, undefined, 'adoptiveParent'),
    )
    entity.adoptedChildren?.forEach((c, i) =>
      this.child(id, entity, c, [...path, 'adoptedChildren', i], defaults, 'adoptiveParent'),
    )
    entity.siblings?.forEach((s, i) => this.sibling(id, s, [...path, 'siblings', i], defaults))
    if (entity.spouse !== undefined) {
      const list = Array.isArray(entity.spouse) ? entity.spouse : [entity.spouse]
      list.forEach((s, i) =>
        this.spouse(id, s, Array.isArray(entity.spouse) ? [...path, 'spouse', i] : [...path, 'spouse'], defaults),
      )
    }
    if (entity.dynasty !== undefined)
      this.relation(id, 'dynasty', entity.dynasty, [...path, 'dynasty'], defaults, ['dynasty'])
    entity.titles?.forEach((t, i) =>
      this.relation(id, 'title', t, [...path, 'titles', i], defaults, ['title', 'office']),
    )
    this.tenures(id, entity.held ?? [], [...path, 'held'], defaults)
    if (entity.date !== undefined) this.eventDate(id, entity.date, [...path, 'date'], defaults)
    if (entity.place !== undefined) this.relation(id, 'location', entity.place, [...path, 'place'], defaults, PLACE)
    entity.events?.forEach((e, i) => this.personEvent(id, e, [...path, 'events', i], defaults))
    entity.participants?.forEach((p, i) => this.relation(id, 'participant', p, [...path, 'participants', i], defaults))
    if (entity.caption !== undefined) this.text(id, 'caption', entity.caption, [...path, 'caption'], defaults)
    if (entity.outcome !== undefined) this.text(id, 'outcome', entity.outcome, [...path, 'outcome'], defaults)
    if (entity.note !== undefined) this.text(id, 'note', entity.note, [...path, 'note'], defaults)
  }

  private lifeDate(
    which: 'born' | 'died',
    subject: string,
    value: NonNullable<EntityFile['born'] | EntityFile['died']>,
    path: Path,
    defaults: string[],
  ): void {
    const long = isDateValue(value) ? { date: value } : value
    const age = isDateValue(value) ? undefined : (value as { age?: number }).age
    const base = isDateValue(value) ? undefined : (value as LongFormFile<Alt>)
    type Alt = { date?: DateFile; place?: string; age?: number; source: SourceRefsFile; note?: string }
    const alts = (base?.disputed ?? []) as Alt[]
    alts.forEach((alt, i) => {
      if (alt.date === undefined && alt.place === undefined && alt.age === undefined)
        this.noValue([...path, 'disputed', i], which === 'born' ? '`date` or `place`' : '`date`, `place` or `age`')
    })
    const orphan = (field: 'date' | 'place' | 'age', present: boolean) => {
      if (present) return
      alts.forEach((alt, i) => {
        if (alt[field] !== undefined)
          this.issues.error(
            'invalid-value',
            [...path, 'disputed', i, field],
            `this alternative disputes \`${field}\`, but \`${which}\` gives no ${field}`,
            {
              hint: `add the ${field} the main source gives to \`${which}\``,
            },
          )
      })
    }
    orphan('date', long.date !== undefined)
    orphan('place', long.place !== undefined)
    orphan('age', age !== undefined)

    if (long.date !== undefined) {
      const datePath = isDateValue(value) ? path : [...path, 'date']
      const date = this.date(long.date, datePath)
      const form = this.longForm<HistoricalDate, Alt>(base, path, defaults, (alt, p) =>
        alt.date === undefined ? undefined : this.date(alt.date, [...p, 'date']),
      )
      if (date)
        this.declare(
          { type: 'date', key: which, id: `${which}:${subject}`, subject, value: date, ...form },
          { path, value: datePath },
          subject,
          `\`${which}\``,
        )
    }
    if (long.place !== undefined) {
      const key = which === 'born' ? 'bornAt' : 'diedAt'
      const place = this.ref(long.place, [...path, 'place'], `${which}.place`, PLACE)
      const form = this.longForm<string, Alt>(base, path, defaults, (alt, p) =>
        alt.place === undefined ? undefined : this.ref(alt.place, [...p, 'place'], 'place', PLACE),
      )
      const fact: PlaceFact = { type: 'place', key, id: `${key}:${subject}`, subject, value: place, ...form }
      this.declare(fact, { path, value: [...path, 'place'] }, subject, `\`${which}.place\``)
    }
    if (age !== undefined) {
      const form = this.longForm<number, Alt>(base, path, defaults, (alt) => alt.age)
      this.declare(
        { type: 'number', key: 'ageAtDeath', id: `ageAtDeath:${subject}`, subject, value: age, ...form },
        { path, value: [...path, 'age'] },
        subject,
        '`died.age`',
      )
    }
  }

  /** Read a Relation (an id, or `{ id, source, note, disputed }`). */
  private relationForm(rel: RelationFile, path: Path, field: string, defaults: string[], kinds?: readonly string[]) {
    const long = typeof rel === 'string' ? undefined : rel
    const idPath = long ? [...path, 'id'] : path
    const value = this.ref(long ? long.id : (rel as string), idPath, field, kinds)
    const form = this.longForm<string, { id?: string; source: SourceRefsFile; note?: string }>(
      long,
      path,
      defaults,
      (alt, p) => {
        if (alt.id === undefined) return this.noValue(p, '`id`')
        return this.ref(alt.id, [...p, 'id'], field, kinds)
      },
    )
    const trace: FactTrace = { path, value: idPath }
    return { value, form, trace }
  }

  private parent(
    child: string,
    rel: RelationFile,
    path: Path,
    defaults: string[],
    role?: 'father' | 'mother',
    key: 'parent' | 'adoptiveParent' = 'parent',
  ): void {
    const { value, form, trace } = this.relationForm(rel, path, lastField(path), defaults, PERSON)
    const fact: RelationFact = {
      type: 'relation',
      key,
      id: `${key}:${child}:${value}`,
      subject: child,
      value,
      ...form,
    }
    if (role) fact.role = role
    this.selfLink(child, value, trace)
    this.declare(fact, trace, child, `\`${value}\` as ${KIN_PHRASE[key]} parent of \`${child}\``)
  }

  private child(
    parentId: string,
    parent: EntityFile,
    rel: RelationFile,
    path: Path,
    defaults: string[],
    key: 'parent' | 'adoptiveParent' = 'parent',
  ): void {
    const { value: child, form, trace } = this.relationForm(rel, path, lastField(path), defaults, PERSON)
    const fact: RelationFact = {
      type: 'relation',
      key,
      id: `${key}:${child}:${parentId}`,
      subject: child,
      value: parentId,
      ...form,
    }
    if (parent.gender) fact.role = parent.gender === 'male' ? 'father' : 'mother'
    this.selfLink(parentId, child, trace)
    this.declare(fact, trace, parentId, `\`${child}\` as ${KIN_PHRASE[key]} child of \`${parentId}\``)
  }

  /** Nobody is their own parent, spouse or sibling. */
  private selfLink(a: string, b: string, trace: FactTrace): void {
    if (a !== b) return
    this.issues.error('invalid-value', trace.value, `\`${a}\` is linked to themselves`, {
      hint: 'name another person here',
    })
  }

  private spouse(self: string, rel: SpouseFile, path: Path, defaults: string[]): void {
    const { value: other, form, trace } = this.relationForm(rel, path, 'spouse', defaults, PERSON)
    const [subject, value] = self < other ? [self, other] : [other, self]
    const fact: RelationFact = {
      type: 'relation',
      key: 'spouse',
      id: `spouse:${subject}:${value}`,
      subject,
      value,
      ...form,
    }
    if (typeof rel !== 'string') {
      const marriage: Marriage = {}
      if (rel.from !== undefined) {
        const date = this.date(rel.from, [...path, 'from'])
        if (date) marriage.start = date
        trace.start = [...path, 'from']
      }
      if (rel.to !== undefined) {
        const date = this.date(rel.to, [...path, 'to'])
        if (date) marriage.end = date
        trace.end = [...path, 'to']
      }
      if (rel.ended !== undefined) marriage.ended = rel.ended
      if (rel.order !== undefined) {
        if (self === subject) marriage.subjectOrder = rel.order
        else marriage.valueOrder = rel.order
        this.trace.orders.push({ person: self, order: rel.order, path: [...path, 'order'], fact: fact.id })
      }
      if (Object.keys(marriage).length) fact.marriage = marriage
    }
    this.selfLink(self, other, trace)
    // Alternatives of a spouse name the other person, whichever side wrote them.
    this.declare(fact, trace, self, `\`${other}\` as a spouse of \`${self}\``)
  }

  private sibling(self: string, rel: SiblingFile, path: Path, defaults: string[]): void {
    const { value: other, form, trace } = this.relationForm(rel, path, 'siblings', defaults, PERSON)
    const [subject, value] = self < other ? [self, other] : [other, self]
    const fact: RelationFact = {
      type: 'relation',
      key: 'sibling',
      id: `sibling:${subject}:${value}`,
      subject,
      value,
      ...form,
    }
    if (typeof rel !== 'string' && rel.half !== undefined) fact.half = rel.half
    this.selfLink(self, other, trace)
    this.declare(fact, trace, self, `\`${other}\` as a sibling of \`${self}\``)
  }

  private relation(
    subject: string,
    key: 'dynasty' | 'title' | 'participant' | 'location',
    rel: RelationFile,
    path: Path,
    defaults: string[],
    kinds?: readonly string[],
  ): void {
    const { value, form, trace } = this.relationForm(rel, path, lastField(path), defaults, kinds)
    if (key === 'location') {
      const fact: PlaceFact = { type: 'place', key, id: `location:${subject}`, subject, value, ...form }
      this.declare(fact, trace, subject, '`place`')
      return
    }
    const fact: RelationFact = { type: 'relation', key, id: `${key}:${subject}:${value}`, subject, value, ...form }
    this.declare(
      fact,
      trace,
      subject,
      `\`${value}\` in \`${key === 'title' ? 'titles' : key === 'participant' ? 'participants' : key}\``,
    )
  }

  private text(subject: string, key: TextFact['key'], value: TextFactFile, path: Path, defaults: string[]): void {
    const long = typeof value === 'string' ? undefined : value
    const form = this.longForm<string, { text?: string; source: SourceRefsFile; note?: string }>(
      long,
      path,
      defaults,
      (alt, p) => (alt.text === undefined ? this.noValue(p, '`text`') : alt.text),
    )
    const fact: TextFact = {
      type: 'text',
      key,
      id: `text:${key}:${subject}`,
      subject,
      value: long ? long.text : (value as string),
      ...form,
    }
    const image = long?.image && this.image(long.image, [...path, 'image'])
    if (image) fact.image = image
    this.declare(fact, { path, value: long ? [...path, 'text'] : path }, subject, `\`${key}\``)
  }

  private eventDate(subject: string, value: NonNullable<EntityFile['date']>, path: Path, defaults: string[]): void {
    const long = isDateValue(value) ? undefined : value
    const datePath = long ? [...path, 'date'] : path
    const date = this.date(long ? long.date : (value as DateFile), datePath)
    const form = this.longForm<HistoricalDate, { date?: DateFile; source: SourceRefsFile; note?: string }>(
      long,
      path,
      defaults,
      (alt, p) => (alt.date === undefined ? this.noValue(p, '`date`') : this.date(alt.date, [...p, 'date'])),
    )
    if (date)
      this.declare(
        { type: 'date', key: 'event', id: `event:${subject}`, subject, value: date, ...form },
        { path, value: datePath },
        subject,
        '`date`',
      )
  }

  private personEvent(
    subject: string,
    event: NonNullable<EntityFile['events']>[number],
    path: Path,
    defaults: string[],
  ): void {
    type Alt = { date?: DateFile; place?: string; source: SourceRefsFile; note?: string }
    event.disputed?.forEach((alt, i) => {
      if (alt.date === undefined && alt.place === undefined) this.noValue([...path, 'disputed', i], '`date` or `place`')
      if (alt.place !== undefined && event.place === undefined)
        this.issues.error(
          'invalid-value',
          [...path, 'disputed', i, 'place'],
          'this alternative disputes `place`, but the event gives no place',
          {
            hint: 'add the place the main source gives to the event',
          },
        )
    })
    const date = this.date(event.date, [...path, 'date'])
    const dateForm = this.longForm<HistoricalDate, Alt>(event, path, defaults, (alt, p) =>
      alt.date === undefined ? undefined : this.date(alt.date, [...p, 'date']),
    )
    const id = `event:${subject}:${event.id}`
    if (date) {
      const fact: DateFact = {
        type: 'date',
        key: 'event',
        id,
        subject,
        event: event.id,
        label: event.what,
        value: date,
        ...dateForm,
      }
      if (event.ask !== undefined) fact.ask = event.ask
      this.declare(fact, { path: [...path, 'id'], value: [...path, 'date'] }, subject, `event \`${event.id}\``)
    }
    if (event.place !== undefined) {
      const place = this.ref(event.place, [...path, 'place'], 'place', PLACE)
      const placeForm = this.longForm<string, Alt>(event, path, defaults, (alt, p) =>
        alt.place === undefined ? undefined : this.ref(alt.place, [...p, 'place'], 'place', PLACE),
      )
      const fact: PlaceFact = {
        type: 'place',
        key: 'location',
        id: `location:${subject}:${event.id}`,
        subject,
        value: place,
        ...placeForm,
      }
      this.declare(fact, { path: [...path, 'id'], value: [...path, 'place'] }, subject, `event \`${event.id}\``)
    }
  }

  private tenures(subject: string, held: TenureFile[], path: Path, defaults: string[]): void {
    const ordinals = new Map<string, number>()
    const used = new Set<string>()
    held.forEach((tenure, i) => {
      const at = [...path, i]
      const value = this.tenure(tenure, at)
      const form = this.longForm<Partial<Tenure>, NonNullable<TenureFile['disputed']>[number]>(
        tenure,
        at,
        defaults,
        (alt, p) => {
          const partial: Partial<Tenure> = {}
          if (alt.from !== undefined) this.assign(partial, 'start', this.date(alt.from, [...p, 'from']))
          if (alt.to !== undefined) this.assign(partial, 'end', this.date(alt.to, [...p, 'to']))
          if (alt.predecessor !== undefined)
            partial.predecessor = this.succession(alt.predecessor, [...p, 'predecessor'])
          if (alt.successor !== undefined) partial.successor = this.succession(alt.successor, [...p, 'successor'])
          if (Object.keys(partial).length > 0) return partial
          if (alt.from === undefined && alt.to === undefined)
            this.noValue(p, '`from`, `to`, `predecessor` or `successor`')
          return undefined
        },
      )
      // Ids come from the start year (or 1, 2… without one), never from the position in the list.
      let suffix: string
      if (value.start) suffix = String(value.start.start.year)
      else {
        const n = (ordinals.get(tenure.office) ?? 0) + 1
        ordinals.set(tenure.office, n)
        suffix = String(n)
      }
      let id = `tenure:${subject}:${tenure.office}:${suffix}`
      for (let k = 2; used.has(id); k++) id = `tenure:${subject}:${tenure.office}:${suffix}-${k}`
      used.add(id)
      const fact: TenureFact = { type: 'tenure', id, subject, value, ...form }
      const trace: FactTrace = { path: at, value: [...at, 'office'] }
      if (tenure.from !== undefined) trace.start = [...at, 'from']
      if (tenure.to !== undefined) trace.end = [...at, 'to']
      this.declare(fact, trace, subject, `tenure of \`${tenure.office}\``)
    })
  }

  private assign<K extends 'start' | 'end'>(
    target: { start?: HistoricalDate; end?: HistoricalDate },
    key: K,
    date: HistoricalDate | undefined,
  ): void {
    if (date) target[key] = date
  }

  private tenure(tenure: TenureFile, path: Path): Tenure {
    const value: Tenure = {
      office: this.ref(tenure.office, [...path, 'office'], 'office', ['office', 'title']),
      coRulers: [],
    }
    if (tenure.from !== undefined) this.assign(value, 'start', this.date(tenure.from, [...path, 'from']))
    if (tenure.to !== undefined) this.assign(value, 'end', this.date(tenure.to, [...path, 'to']))
    if (tenure.predecessor !== undefined)
      value.predecessor = this.succession(tenure.predecessor, [...path, 'predecessor'])
    if (tenure.successor !== undefined) value.successor = this.succession(tenure.successor, [...path, 'successor'])
    tenure.coRulers?.forEach((co, i) => {
      const at = [...path, 'coRulers', i]
      if (typeof co === 'string') {
        value.coRulers.push({ who: this.ref(co, at, 'coRulers', PERSON) })
        return
      }
      const out: CoRuler = { who: this.ref(co.id, [...at, 'id'], 'coRulers', PERSON) }
      if (co.from !== undefined) this.assign(out, 'start', this.date(co.from, [...at, 'from']))
      if (co.to !== undefined) this.assign(out, 'end', this.date(co.to, [...at, 'to']))
      value.coRulers.push(out)
    })
    return value
  }

  private succession(value: SuccessionFile, path: Path): Succession {
    const field = String(path[path.length - 1])
    if (typeof value === 'string') return { who: this.ref(value, path, field, PERSON) }
    if ('id' in value) {
      const out: Succession = { who: this.ref(value.id, [...path, 'id'], field, PERSON) }
      if (value.as !== undefined) out.as = value.as
      return out
    }
    const out: { vacant: string; lastHeldBy?: string; lastHeld?: HistoricalDate } = { vacant: value.vacant }
    if (value.lastHeldBy !== undefined)
      out.lastHeldBy = this.ref(value.lastHeldBy, [...path, 'lastHeldBy'], 'lastHeldBy', PERSON)
    if (value.lastHeld !== undefined) {
      const date = this.date(value.lastHeld, [...path, 'lastHeld'])
      if (date) out.lastHeld = date
    }
    return out
  }

  // ---- cards ---------------------------------------------------------------------------------

  private cards(cards: CardFile[]): HandCard[] {
    const out: HandCard[] = []
    const seen = new Set<string>()
    cards.forEach((card, i) => {
      const path: Path = ['cards', i]
      const id = card.id ?? defaultCardId(card)
      const sources = card.source !== undefined ? this.sources(card.source, [...path, 'source']) : []
      if (seen.has(id)) {
        this.issues.error(
          'duplicate-id',
          card.id !== undefined ? [...path, 'id'] : path,
          `card id \`${id}\` is used twice`,
          {
            hint:
              card.id !== undefined
                ? 'give each card its own `id`'
                : 'this card repeats an earlier one; remove it or give it an `id`',
          },
        )
        return
      }
      seen.add(id)
      this.trace.cards.set(id, path)
      if ('front' in card) out.push({ type: 'basic', id, front: card.front, back: card.back, sources })
      else if ('question' in card)
        out.push({
          type: 'choice',
          id,
          prompt: card.question,
          options: present(card.choices),
          answer: card.answer,
          sources,
        })
      else out.push({ type: 'cloze', id, text: normalizeCloze(card.cloze), sources })
    })
    return out
  }
}

/** Links that may be written on both sides and are then one fact. */
const MERGEABLE = new Set<RelationFact['key']>(['parent', 'adoptiveParent', 'spouse', 'sibling'])
const KIN_PHRASE = { parent: 'a', adoptiveParent: 'an adoptive' } as const

const lastField = (path: Path): string => String([...path].reverse().find((p) => typeof p === 'string'))

type LongFormFile<A> = { source?: SourceRefsFile; note?: string; disputed?: A[] }

/** Build the normalized deck from a structurally valid file; problems found on the way go to `issues`. */
export function normalizeDeckFile(file: DeckFile, issues: IssueList): NormalizeResult {
  const normalizer = new Normalizer(issues)
  const deck = normalizer.run(file)
  return { deck, trace: normalizer.trace }
}
