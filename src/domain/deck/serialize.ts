// Fact model → file format, for the teachers' export and the editor. Writes short forms where it
// can (`born: 1370`, `father: andronikos-iv`), every link on the side of its subject (a child
// names its father), and an entity's most common sources as its default `source`, so that
// validateDeckObject(deckToFileObject(deck)) gives back the same deck.
//
// The file format keeps one `source` and one `note` for born+bornAt, died+diedAt+ageAtDeath and an
// event's date+location: if a deck built elsewhere gives them different ones, the date's win.
import { defaultCardId } from './normalize'
import type { CardFile, DeckFile } from './schema'
import type {
  Alternative,
  DateFact,
  Deck,
  DeckImage,
  Entity,
  Fact,
  HandCard,
  HistoricalDate,
  RelationFact,
  Succession,
  Tenure,
  TenureFact,
  TextFact,
} from './types'

type Obj = Record<string, unknown>

/** A plain year is written as a number (`1370`); anything else as its canonical text. */
export function dateToFile(date: HistoricalDate): string | number {
  const plainYear =
    date.kind === 'on' && !date.circa && !date.uncertain && date.start.month === undefined && date.start.year > 0
  return plainYear ? date.start.year : date.text
}

const sourcesToFile = (sources: readonly string[]): string | string[] =>
  sources.length === 1 ? (sources[0] as string) : [...sources]
const sameSources = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((s, i) => s === b[i])

/** Things written on one entity that share a `source`: one fact, or born+bornAt etc. */
interface Unit {
  sources: string[]
  write: (defaults: string[]) => unknown
}

/** Adds `source` (unless it is the entity default), `note` and `disputed` to a long form. */
function finishLong(out: Obj, fact: { sources: string[]; note?: string }, defaults: string[], disputed: Obj[]): Obj {
  if (fact.sources.length && !sameSources(fact.sources, defaults)) out.source = sourcesToFile(fact.sources)
  if (fact.note !== undefined) out.note = fact.note
  if (disputed.length) out.disputed = disputed
  return out
}

const isShort = (fact: { sources: string[]; note?: string; alternatives: unknown[] }, defaults: string[]) =>
  sameSources(fact.sources, defaults) && fact.note === undefined && fact.alternatives.length === 0

function alternativesToFile<V>(alternatives: readonly Alternative<V>[], write: (value: V) => Obj): Obj[] {
  return alternatives.map((alt) => {
    const out: Obj = { ...write(alt.value), source: sourcesToFile(alt.sources) }
    if (alt.note !== undefined) out.note = alt.note
    return out
  })
}

function relationUnit(fact: {
  value: string
  sources: string[]
  note?: string
  alternatives: Alternative<string>[]
}): Unit {
  return {
    sources: fact.sources,
    write: (defaults) =>
      isShort(fact, defaults)
        ? fact.value
        : finishLong(
            { id: fact.value },
            fact,
            defaults,
            alternativesToFile(fact.alternatives, (id) => ({ id })),
          ),
  }
}

/** A picture as the file writes it: what the build adds (`src`, size) is not part of the file. */
export function imageToFile(image: DeckImage): Obj {
  const out: Obj = {}
  if (image.file !== undefined) out.file = image.file
  if (image.url !== undefined) out.url = image.url
  out.licence = image.licence
  out.credit = image.credit
  if (image.alt !== undefined) out.alt = image.alt
  return out
}

function textUnit(fact: TextFact): Unit {
  return {
    sources: fact.sources,
    write: (defaults) =>
      isShort(fact, defaults) && fact.image === undefined
        ? fact.value
        : finishLong(
            { text: fact.value, ...(fact.image ? { image: imageToFile(fact.image) } : {}) },
            fact,
            defaults,
            alternativesToFile(fact.alternatives, (text) => ({ text })),
          ),
  }
}

/** A spouse: the subject's side carries the marriage; the other side only its own `order`. */
function spouseUnit(fact: RelationFact, self: string): Unit {
  const { marriage } = fact
  if (self !== fact.subject) {
    return {
      sources: fact.sources,
      write: (defaults) => finishLong({ id: fact.subject, order: marriage?.valueOrder }, fact, defaults, []),
    }
  }
  const plain = relationUnit(fact)
  const extra: Obj = {}
  if (marriage?.start) extra.from = dateToFile(marriage.start)
  if (marriage?.end) extra.to = dateToFile(marriage.end)
  if (marriage?.ended) extra.ended = marriage.ended
  if (marriage?.subjectOrder) extra.order = marriage.subjectOrder
  if (!Object.keys(extra).length) return plain
  return {
    sources: fact.sources,
    write: (defaults) =>
      finishLong(
        { id: fact.value, ...extra },
        fact,
        defaults,
        alternativesToFile(fact.alternatives, (id) => ({ id })),
      ),
  }
}

function siblingUnit(fact: RelationFact): Unit {
  if (fact.half === undefined) return relationUnit(fact)
  return {
    sources: fact.sources,
    write: (defaults) =>
      finishLong(
        { id: fact.value, half: fact.half },
        fact,
        defaults,
        alternativesToFile(fact.alternatives, (id) => ({ id })),
      ),
  }
}

/** born / died: a date, a place and (for died) an age, written as one field. */
function lifeUnit(parts: { date?: DateFact; place?: Fact; age?: Fact }): Unit {
  const main = (parts.date ?? parts.place ?? parts.age) as Fact
  return {
    sources: main.sources,
    write: (defaults) => {
      const { date, place, age } = parts
      if (date && !place && !age && isShort(date, defaults)) return dateToFile(date.value)
      const out: Obj = {}
      if (date) out.date = dateToFile(date.value)
      if (place) out.place = place.value
      if (age) out.age = age.value
      const disputed = [
        ...alternativesToFile((date?.alternatives ?? []) as Alternative<HistoricalDate>[], (d) => ({
          date: dateToFile(d),
        })),
        ...alternativesToFile((place?.alternatives ?? []) as Alternative<string>[], (p) => ({ place: p })),
        ...alternativesToFile((age?.alternatives ?? []) as Alternative<number>[], (a) => ({ age: a })),
      ]
      return finishLong(out, main, defaults, disputed)
    },
  }
}

function successionToFile(succession: Succession): unknown {
  if ('who' in succession)
    return succession.as === undefined ? succession.who : { id: succession.who, as: succession.as }
  const out: Obj = { vacant: succession.vacant }
  if (succession.lastHeldBy !== undefined) out.lastHeldBy = succession.lastHeldBy
  if (succession.lastHeld !== undefined) out.lastHeld = dateToFile(succession.lastHeld)
  return out
}

function tenureFields(tenure: Partial<Tenure>): Obj {
  const out: Obj = {}
  if (tenure.office !== undefined) out.office = tenure.office
  if (tenure.start) out.from = dateToFile(tenure.start)
  if (tenure.end) out.to = dateToFile(tenure.end)
  if (tenure.predecessor) out.predecessor = successionToFile(tenure.predecessor)
  if (tenure.successor) out.successor = successionToFile(tenure.successor)
  if (tenure.coRulers?.length) {
    out.coRulers = tenure.coRulers.map((co) => {
      if (!co.start && !co.end) return co.who
      const ruler: Obj = { id: co.who }
      if (co.start) ruler.from = dateToFile(co.start)
      if (co.end) ruler.to = dateToFile(co.end)
      return ruler
    })
  }
  return out
}

function tenureUnit(fact: TenureFact): Unit {
  return {
    sources: fact.sources,
    write: (defaults) =>
      finishLong(tenureFields(fact.value), fact, defaults, alternativesToFile(fact.alternatives, tenureFields)),
  }
}

function eventUnit(date: DateFact, location: Fact | undefined): Unit {
  return {
    sources: date.sources,
    write: (defaults) => {
      const out: Obj = { id: date.event, what: date.label ?? '', date: dateToFile(date.value) }
      if (location) out.place = location.value
      if (date.ask !== undefined) out.ask = date.ask
      const disputed = [
        ...alternativesToFile(date.alternatives, (d) => ({ date: dateToFile(d) })),
        ...alternativesToFile((location?.alternatives ?? []) as Alternative<string>[], (p) => ({ place: p })),
      ]
      return finishLong(out, date, defaults, disputed)
    },
  }
}

function eventDateUnit(date: DateFact): Unit {
  return {
    sources: date.sources,
    write: (defaults) =>
      isShort(date, defaults)
        ? dateToFile(date.value)
        : finishLong(
            { date: dateToFile(date.value) },
            date,
            defaults,
            alternativesToFile(date.alternatives, (d) => ({ date: dateToFile(d) })),
          ),
  }
}

/** The sources most units share, if every unit has some (else a default would add sources to a fact that had none). */
function defaultSources(units: Unit[]): string[] {
  if (units.length === 0 || units.some((unit) => unit.sources.length === 0)) return []
  const counts = new Map<string, { sources: string[]; count: number }>()
  for (const unit of units) {
    const key = JSON.stringify(unit.sources)
    const entry = counts.get(key) ?? { sources: unit.sources, count: 0 }
    entry.count++
    counts.set(key, entry)
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.sources ?? []
}

function entityToFile(entity: Entity, facts: Fact[]): Obj {
  const of = <T extends Fact>(type: T['type'], key?: string) =>
    facts.filter((f): f is T => f.type === type && (key === undefined || ('key' in f && f.key === key)))
  const one = <T extends Fact>(type: T['type'], key: string) => of<T>(type, key)[0]

  const fields: Array<[string, Unit | Unit[]]> = []
  const add = (field: string, unit: Unit | Unit[] | undefined) => {
    if (unit && (!Array.isArray(unit) || unit.length)) fields.push([field, unit])
  }
  const life = (date?: DateFact, place?: Fact, age?: Fact) =>
    date || place || age ? lifeUnit({ ...(date && { date }), ...(place && { place }), ...(age && { age }) }) : undefined
  add('born', life(one<DateFact>('date', 'born'), one('place', 'bornAt')))
  add('died', life(one<DateFact>('date', 'died'), one('place', 'diedAt'), one('number', 'ageAtDeath')))

  const parents = of<RelationFact>('relation', 'parent')
  const fathers = parents.filter((p) => p.role === 'father')
  const mothers = parents.filter((p) => p.role === 'mother')
  add('father', fathers[0] && relationUnit(fathers[0]))
  add('mother', mothers[0] && relationUnit(mothers[0]))
  add('parents', [...fathers.slice(1), ...mothers.slice(1), ...parents.filter((p) => !p.role)].map(relationUnit))
  const adoptive = of<RelationFact>('relation', 'adoptiveParent')
  const adoptiveFathers = adoptive.filter((p) => p.role === 'father')
  const adoptiveMothers = adoptive.filter((p) => p.role === 'mother')
  add('adoptiveFather', adoptiveFathers[0] && relationUnit(adoptiveFathers[0]))
  add('adoptiveMother', adoptiveMothers[0] && relationUnit(adoptiveMothers[0]))
  add(
    'adoptiveParents',
    [...adoptiveFathers.slice(1), ...adoptiveMothers.slice(1), ...adoptive.filter((p) => !p.role)].map(relationUnit),
  )
  add('siblings', of<RelationFact>('relation', 'sibling').map(siblingUnit))
  const spouses = of<RelationFact>('relation', 'spouse').map((fact) => spouseUnit(fact, entity.id))
  add('spouse', spouses.length === 1 ? spouses[0] : spouses)
  add('dynasty', of<RelationFact>('relation', 'dynasty').map(relationUnit)[0])
  add('titles', of<RelationFact>('relation', 'title').map(relationUnit))
  add('held', of<TenureFact>('tenure').map(tenureUnit))

  const dates = of<DateFact>('date', 'event')
  const locations = of('place', 'location')
  const ownDate = dates.find((d) => d.event === undefined)
  add('date', ownDate && eventDateUnit(ownDate))
  const ownPlace = locations.find((l) => l.id === `location:${entity.id}`)
  add('place', ownPlace && relationUnit(ownPlace as unknown as RelationFact))
  add('participants', of<RelationFact>('relation', 'participant').map(relationUnit))
  add(
    'events',
    dates
      .filter((d) => d.event !== undefined)
      .map((d) =>
        eventUnit(
          d,
          locations.find((l) => l.id === `location:${entity.id}:${d.event}`),
        ),
      ),
  )
  add('caption', of<TextFact>('text', 'caption').map(textUnit)[0])
  add('outcome', of<TextFact>('text', 'outcome').map(textUnit)[0])
  add('note', of<TextFact>('text', 'note').map(textUnit)[0])

  const defaults = defaultSources(fields.flatMap(([, unit]) => unit))
  const out: Obj = { kind: entity.kind, name: entity.name }
  if (entity.aliases.length) out.aliases = entity.aliases.length === 1 ? entity.aliases[0] : [...entity.aliases]
  if (entity.gender !== undefined) out.gender = entity.gender
  if (entity.gendered !== undefined) out.gendered = { ...entity.gendered }
  if (entity.description !== undefined) out.description = entity.description
  if (entity.preposition !== undefined) out.preposition = entity.preposition
  if (entity.image !== undefined) out.image = imageToFile(entity.image)
  if (defaults.length) out.source = sourcesToFile(defaults)
  for (const [field, unit] of fields)
    out[field] = Array.isArray(unit) ? unit.map((u) => u.write(defaults)) : unit.write(defaults)
  return out
}

function cardToFile(card: HandCard): CardFile {
  let out: CardFile
  if (card.type === 'basic') out = { front: card.front, back: card.back }
  else if (card.type === 'choice') out = { question: card.prompt, choices: [...card.options], answer: card.answer }
  else out = { cloze: card.text }
  if (card.id !== defaultCardId(out)) out.id = card.id
  if (card.sources.length) out.source = sourcesToFile(card.sources)
  return out
}

/** The deck as a file object (YAML/JSON structure), short forms where possible. */
export function deckToFileObject(deck: Deck): DeckFile {
  const out: Obj = { id: deck.id, title: deck.title }
  if (deck.description !== undefined) out.description = deck.description
  if (deck.language !== 'en') out.language = deck.language
  if (deck.author !== undefined) out.author = deck.author
  if (deck.licence !== undefined) out.licence = deck.licence
  if (deck.version !== '1') out.version = deck.version
  if (deck.sources.length) {
    out.sources = Object.fromEntries(
      deck.sources.map((source) => {
        if (source.url === undefined && source.note === undefined && source.short === undefined)
          return [source.id, source.title]
        const value: Obj = { title: source.title }
        if (source.short !== undefined) value.short = source.short
        if (source.url !== undefined) value.url = source.url
        if (source.note !== undefined) value.note = source.note
        return [source.id, value]
      }),
    )
  }
  const bySubject = new Map<string, Fact[]>()
  // Every fact is written in its subject's block: a child names its parents, the smaller id its spouse.
  const file = (id: string, fact: Fact) => bySubject.set(id, [...(bySubject.get(id) ?? []), fact])
  for (const fact of deck.facts) {
    file(fact.subject, fact)
    // …except the order of a marriage for the other spouse, which only that spouse's block can say.
    if (fact.type === 'relation' && fact.marriage?.valueOrder) file(fact.value, fact)
  }
  if (deck.entities.length) {
    out.entities = Object.fromEntries(
      deck.entities.map((entity) => [entity.id, entityToFile(entity, bySubject.get(entity.id) ?? [])]),
    )
  }
  if (deck.cards.length) out.cards = deck.cards.map(cardToFile)
  return out as DeckFile
}
