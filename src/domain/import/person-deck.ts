// One person as an article describes them (names as written, dates as text), turned into a deck
// in the file format: the infobox importers (pasted text, wikitext) fill a PersonRecord, this
// module names the entities, links them and validates the result like any deck file, so an import
// is exactly what a teacher could have typed.
import { parseDeckText } from '../deck/parse'
import type { Deck, Gender, MarriageEnding } from '../deck/types'
import { objectToYaml } from '../deck/yaml'
import { freeId } from './deck-form'
import type { ImportIssue } from './issues'

export type RecordSuccession =
  { name: string; as?: string } | { vacant: string; lastHeldBy?: string; lastHeld?: string }

export interface RecordCoRuler {
  name: string
  from?: string
  to?: string
}

export interface RecordTenure {
  office: string
  officeAliases: string[]
  from?: string
  to?: string
  predecessor?: RecordSuccession
  successor?: RecordSuccession
  coRulers: RecordCoRuler[]
  note?: string
}

export interface RecordSpouse {
  name: string
  /** When they married, as a date: the marriage's `from`. */
  married?: string
  /** When the marriage ended ("died 1429", "div. 1430", "m. 1421–1426"): its `to`. */
  to?: string
  ended?: MarriageEnding
  /** What else the article says about the marriage. */
  note?: string
}

export interface RecordEvent {
  id: string
  what: string
  date: string
  place?: string
}

export interface RecordLife {
  date?: string
  place?: string
  /** What the article adds to the place ("now Istanbul, Turkey"). */
  placeNote?: string
  age?: number
}

export interface PersonRecord {
  name: string
  aliases: string[]
  gender?: Gender
  description?: string
  born?: RecordLife
  died?: RecordLife
  father?: string
  mother?: string
  /** Parents the article does not call father or mother. */
  parents: string[]
  spouses: RecordSpouse[]
  children: string[]
  dynasty?: string
  dynastyAliases: string[]
  titles: string[]
  events: RecordEvent[]
  tenures: RecordTenure[]
  notes: string[]
}

export interface RecordCaption {
  text: string
}

/** A line (or part of one) the importer did not turn into a fact, shown to the teacher. */
export interface SkippedLine {
  line: number
  text: string
  reason: string
}

export interface ArticleRef {
  title: string
  url?: string
}

export interface PersonDeckOptions {
  article: ArticleRef
  /** What the source entry says it is: `Infobox of the Wikipedia article "…"`. */
  sourceTitle: string
  /** Deck ids already in use (built-in and saved decks): the new deck gets another. */
  takenDeckIds?: readonly string[]
  deckId?: string
  deckTitle?: string
  /** File name used in messages. */
  file: string
  /** Comment lines written at the top of the YAML (lines not used…). */
  comments?: readonly string[]
}

export interface PersonDeckResult {
  deck?: Deck
  yaml: string
  issues: ImportIssue[]
}

export const emptyPerson = (name: string): PersonRecord => ({
  name,
  aliases: [],
  parents: [],
  spouses: [],
  children: [],
  dynastyAliases: [],
  titles: [],
  events: [],
  tenures: [],
  notes: [],
})

export const SOURCE_ID = 'infobox'

const MALE_WORDS =
  /\b(emperor|king|prince|duke|archduke|despot|tsar|czar|sultan|lord|count|baron|marquess|khan|pharaoh|caliph|shah|grand prince)\b/i
const FEMALE_WORDS =
  /\b(empress|queen|princess|duchess|archduchess|tsarina|tsaritsa|czarina|sultana|lady|countess|baroness|marchioness)\b/i

/**
 * The subject's gender where the article's own words give it: the titles and offices it names
 * ("Emperor and Autocrat of the Romans", "Queen of England"). Nothing when they say both or neither.
 */
export function genderFromTitles(person: PersonRecord): Gender | undefined {
  const words = [...person.titles, ...person.tenures.map((t) => t.office), person.description ?? ''].join(' | ')
  const male = MALE_WORDS.test(words)
  const female = FEMALE_WORDS.test(words)
  if (male === female) return undefined
  return male ? 'male' : 'female'
}

type Obj = Record<string, unknown>

/** Entities by kind and name: the same name written twice is one entity. */
class EntityTable {
  private readonly ids = new Map<string, string>()
  readonly entries = new Map<string, Obj>()

  id(kind: string, name: string, extra: Obj = {}): string {
    const key = `${kind}\u0000${name}`
    const known = this.ids.get(key)
    if (known !== undefined) return known
    const id = freeId([...this.entries.keys()], name, kind)
    this.ids.set(key, id)
    this.entries.set(id, { kind, name, ...extra })
    return id
  }

  get(id: string): Obj {
    const entry = this.entries.get(id)
    if (!entry) throw new Error(`no entity ${id}`)
    return entry
  }

  addAliases(id: string, aliases: readonly string[]): void {
    const entry = this.get(id)
    const have = new Set([entry.name as string, ...((entry.aliases as string[] | undefined) ?? [])])
    const more = aliases.filter((a) => a && !have.has(a))
    if (more.length) entry.aliases = [...((entry.aliases as string[] | undefined) ?? []), ...more]
  }
}

const compact = (obj: Obj): Obj => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined))

function succession(table: EntityTable, s: RecordSuccession | undefined): unknown {
  if (!s) return undefined
  if ('vacant' in s)
    return compact({
      vacant: s.vacant,
      lastHeldBy: s.lastHeldBy === undefined ? undefined : table.id('person', s.lastHeldBy),
      lastHeld: dateValue(s.lastHeld),
    })
  const id = table.id('person', s.name)
  return s.as === undefined ? id : { id, as: s.as }
}

/** The caption's own wording up to its first aside: "Half-stavraton coin of John VII". */
function pictureName(caption: string): string {
  const cut = caption.split(/ \(|\. |, (?=[a-z])| – /)[0] ?? caption
  const words = cut.split(' ')
  return words.length > 10 ? `${words.slice(0, 10).join(' ')}…` : cut
}

/** "John VII Palaiologos" → itself and "John VII": how a caption names the article's subject. */
function nameForms(name: string): Set<string> {
  const regnal = /^(.+? [IVXL]+)\b/.exec(name)?.[1]
  return new Set(regnal ? [name, regnal] : [name])
}

const NAME_WORD = "(?:[A-Z][\\p{L}'’-]*[\\p{L}]|[IVXL]+)"
const PROPER_NAME = new RegExp(`${NAME_WORD}(?: (?:of |de |the |von |van )?${NAME_WORD})+`, 'gu')

/**
 * Marks what a caption asks as gaps, the way teachers mark them by hand: names of two words or more
 * ("Christ Pantocrator", "Extracts of History", "Manuel II") and years ("1422"), but not the subject
 * of the article, whom every caption names.
 */
export function markGaps(caption: string, own: ReadonlySet<string>): string {
  return caption
    .replace(PROPER_NAME, (match, offset: number) =>
      offset === 0 || [...own].some((name) => match.includes(name)) ? match : `{{${match}}}`,
    )
    .replace(/(^|[^\w{-])(\d{3,4})(?![\w-]|}})/g, '$1{{$2}}')
}

const dateValue = (date: string | undefined): string | number | undefined =>
  date !== undefined && /^\d{1,4}$/.test(date) ? Number(date) : date

/** A deck file object for one person and the pictures of their article. */
export function personDeckFile(
  person: PersonRecord,
  captions: readonly RecordCaption[],
  options: PersonDeckOptions,
): Obj {
  const table = new EntityTable()
  const subjectId = table.id('person', person.name)
  const subject = table.get(subjectId)
  const gender = person.gender ?? genderFromTitles(person)
  Object.assign(
    subject,
    compact({
      aliases: person.aliases.length ? person.aliases : undefined,
      gender,
      description: person.description,
      source: SOURCE_ID,
    }),
  )
  const place = (name: string | undefined, note?: string) =>
    name === undefined ? undefined : table.id('place', name, note === undefined ? {} : { description: note })
  const life = (l: RecordLife | undefined, age: boolean) => {
    if (!l || (l.date === undefined && l.place === undefined)) return undefined
    const placeId = place(l.place, l.placeNote)
    if (placeId === undefined && (!age || l.age === undefined)) return dateValue(l.date)
    return compact({ date: dateValue(l.date), place: placeId, age: age ? l.age : undefined })
  }
  subject.born = life(person.born, false)
  subject.died = life(person.died, true)
  if (person.father !== undefined) subject.father = table.id('person', person.father, { gender: 'male' })
  if (person.mother !== undefined) subject.mother = table.id('person', person.mother, { gender: 'female' })
  if (person.parents.length) subject.parents = person.parents.map((p) => table.id('person', p))
  const events: Obj[] = []
  if (person.spouses.length) {
    const spouses = person.spouses.map((s) => {
      const id = table.id('person', s.name)
      const marriage = compact({ from: dateValue(s.married), to: dateValue(s.to), ended: s.ended, note: s.note })
      return Object.keys(marriage).length ? { id, ...marriage } : id
    })
    subject.spouse = spouses.length === 1 ? spouses[0] : spouses
  }
  if (person.children.length) subject.children = person.children.map((c) => table.id('person', c))
  if (person.dynasty !== undefined) {
    subject.dynasty = table.id('dynasty', person.dynasty)
    table.addAliases(subject.dynasty as string, person.dynastyAliases)
  }
  if (person.titles.length) subject.titles = person.titles.map((t) => table.id('title', t))
  for (const e of person.events)
    events.push(compact({ id: e.id, what: e.what, date: dateValue(e.date), place: place(e.place) }))
  if (events.length) subject.events = events
  if (person.tenures.length)
    subject.held = person.tenures.map((t) => {
      const office = table.id('office', t.office)
      table.addAliases(office, t.officeAliases)
      return compact({
        office,
        from: dateValue(t.from),
        to: dateValue(t.to),
        predecessor: succession(table, t.predecessor),
        successor: succession(table, t.successor),
        coRulers: t.coRulers.length
          ? t.coRulers.map((c) => {
              const id = table.id('person', c.name)
              return c.from === undefined && c.to === undefined
                ? id
                : compact({ id, from: dateValue(c.from), to: dateValue(c.to) })
            })
          : undefined,
        note: t.note,
      })
    })
  if (person.notes.length) subject.note = person.notes.join(' ')
  const own = nameForms(person.name)
  for (const caption of captions) {
    const id = table.id('artefact', pictureName(caption.text), { source: SOURCE_ID })
    table.get(id).caption = markGaps(caption.text, own)
  }

  const source = compact({ title: options.sourceTitle, url: options.article.url })
  const deckId = options.deckId ?? freeId(options.takenDeckIds ?? [], options.article.title, 'infobox')
  return {
    id: deckId,
    title: options.deckTitle ?? options.article.title,
    description: `Made from the infobox of the article "${options.article.title}".`,
    language: 'en',
    version: 1,
    sources: { [SOURCE_ID]: source },
    entities: Object.fromEntries(table.entries),
  }
}

/** The deck file as YAML (what the editor opens and the deck tool writes), validated like any deck. */
export function personDeck(
  person: PersonRecord,
  captions: readonly RecordCaption[],
  options: PersonDeckOptions,
): PersonDeckResult {
  const file = personDeckFile(person, captions, options)
  const comments = (options.comments ?? []).map((line) => `# ${line}`.trimEnd())
  const body = objectToYaml(file)
  const yaml = comments.length ? body.replace(/\n/, `\n${comments.join('\n')}\n`) : body
  const parsed = parseDeckText(yaml, { file: options.file })
  const result: PersonDeckResult = { yaml, issues: parsed.issues }
  if (parsed.deck && !parsed.issues.some((i) => i.severity === 'error')) result.deck = parsed.deck
  return result
}
