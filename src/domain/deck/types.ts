// The fact model: what a validated deck is once its file has been parsed and normalized.
// Every other layer (question generator, storage, views, layouts) works on these types only;
// the file format (YAML/JSON as a teacher writes it) is described in docs/deck-format.md and
// turned into these types by src/domain/deck/normalize.ts.
//
// Dates are kept as written (see HistoricalDate); they are never converted through JS Date.

/** A point in history. `year` is the historical year: 1370 is AD 1370, -44 is 44 BC (there is no year 0). */
export interface DatePoint {
  year: number
  /** 1–12, present when the source gives the month. */
  month?: number
  /** 1–31, present when the source gives the day (month is then present too). */
  day?: number
}

export type DatePrecision = 'year' | 'month' | 'day'

/**
 * A historical date as the source gives it.
 * - `on`: a single point ("1370", "September 1408", "22 September 1408", "c. 1370", "1377?").
 * - `range`: somewhere between `start` and `end` ("1408–1410"); not a duration.
 * - `before` / `after`: bounded on one side ("before August 1397").
 * Dates before 1582 are Julian, as written: never converted.
 */
export interface HistoricalDate {
  kind: 'on' | 'range' | 'before' | 'after'
  start: DatePoint
  /** Only for `range`. */
  end?: DatePoint
  /** "c. 1370" */
  circa: boolean
  /** "1377?" — the source doubts it. */
  uncertain: boolean
  /** Canonical display text, e.g. "c. 1370", "22 September 1408", "1408–1410", "44 BC". */
  text: string
}

export type EntityKind = 'person' | 'place' | 'office' | 'title' | 'dynasty' | 'event' | 'artefact' | (string & {})
export type Gender = 'male' | 'female'

export interface Entity {
  /** Slug, unique in the deck: `john-vii`. */
  id: string
  kind: EntityKind
  /** Best-known name, used in prompts and answers. */
  name: string
  /** Other spellings and names, accepted in typed answers. */
  aliases: string[]
  /** Only where the source gives it. Prompts say "he"/"she" only when present. */
  gender?: Gender
  /** Optional short description shown in the deck overview ("Byzantine emperor"). */
  description?: string
  /** For a place: the preposition the sources use before it ("on Lemnos"); "in" when absent. */
  preposition?: 'in' | 'on'
  /**
   * For an office or title: what its holders are called by gender ("King of England" and
   * "Queen of England" for the office "Monarch of England"). Prompts about a holder of known
   * gender use it; the office's own `name` stays its name everywhere else.
   */
  gendered?: { male?: string; female?: string }
  /** A picture of the entity (a coin, a portrait), with its licence and credit. */
  image?: DeckImage
}

/**
 * A picture with its licence and credit: a file beside the deck (`file`) or a web address (`url`),
 * never both. The app shows a file only once the build has made its resized copy (`src`, for the
 * decks built into the app); a web address is linked, not shown (the app loads nothing from other
 * sites, so it works offline and tells no other site who studies).
 */
export interface DeckImage {
  file?: string
  url?: string
  licence: string
  credit: string
  /** What it shows, for people who cannot see it. */
  alt?: string
  /**
   * Set by the build: the resized copy, relative to the app's base URL
   * (`deck-images/coin-1a2b3c4d.webp`), with its size in pixels.
   */
  src?: string
  width?: number
  height?: number
}

export interface Source {
  /** Key used by facts: `infobox`, `w-j7`. */
  id: string
  title: string
  /** A short name where space is tight ("infobox", "Britannica"): a dispute's one line. */
  short?: string
  url?: string
  note?: string
}

/** One side of a dispute: another value for the same fact, with its own sources. */
export interface Alternative<V> {
  value: V
  sources: string[]
  note?: string
}

interface FactBase<V> {
  /**
   * Stable id derived from what the fact is about, never from its position in the file:
   * `born:john-vii`, `died:john-vii`, `diedAt:john-vii`, `parent:andronikos-iv:john-vii`,
   * `spouse:irene-gattilusio:john-vii` (the two ids sorted), `tenure:john-vii:byzantine-emperor:1390`
   * (the start year, or `1`, `2`… when there is no start), `event:john-vii:proclaimed-co-emperor`,
   * `text:caption:coin-half-stavraton`, `ageAtDeath:john-vii`, `dynasty:john-vii:palaiologos`,
   * `title:john-vii:emperor-and-autocrat`, `participant:treaty-of-gallipoli:john-vii`.
   */
  id: string
  /** Entity the fact is about. */
  subject: string
  /** Deck-level source ids; at least one (a fact without one gets a validation warning). */
  sources: string[]
  value: V
  /** Non-empty when sources disagree: then the fact must not be asked as settled. */
  alternatives: Alternative<V>[]
  /** Free text shown with the answer ("the article's body calls the year possible"). */
  note?: string
}

export type DateKey = 'born' | 'died' | 'event'

/** born / died, or a dated event in the subject's life (`label` says what happened). */
export interface DateFact extends FactBase<HistoricalDate> {
  type: 'date'
  key: DateKey
  /** For `event`: a slug unique for this subject, e.g. `proclaimed-co-emperor`. */
  event?: string
  /**
   * For `event`: what happened, written to follow the subject's name: "was proclaimed co-emperor".
   * For an event entity's own date (subject is an event), absent.
   */
  label?: string
  /** Optional full question written by the teacher; `{name}` stands for the subject. */
  ask?: string
}

/** Where the subject was born / died, or where an event took place. */
export interface PlaceFact extends FactBase<string> {
  type: 'place'
  key: 'bornAt' | 'diedAt' | 'location'
}

/**
 * A link between two entities; `value` is the other entity's id.
 * - `parent`: subject is the child, value the parent; `role` says father or mother when the deck says so
 *   (otherwise derive it from the parent's gender, if any). Children declared on a parent become
 *   `parent` facts of the child. Grandparents, cousins… are derived, never stored; siblings are derived or stated.
 * - `adoptiveParent`: subject is the adopted child, value the adoptive parent; `role` as for `parent`.
 *   Kept apart from `parent`: a birth father and an adoptive father are both right, each as such.
 * - `spouse`: symmetric; stored once, subject is the smaller id; `marriage` holds dates, ending, order.
 * - `sibling`: stated directly (when the parents are not in the deck); symmetric, subject the smaller id.
 * - `dynasty`, `title`: value is a dynasty / title entity.
 * - `participant`: subject is an event, value a participant.
 */
export interface RelationFact extends FactBase<string> {
  type: 'relation'
  key: 'parent' | 'adoptiveParent' | 'spouse' | 'sibling' | 'dynasty' | 'title' | 'participant'
  role?: 'father' | 'mother'
  /** For `spouse`: what the deck says about the marriage (all optional: a spouse may be just a name). */
  marriage?: Marriage
  /** For `sibling`: true for half-siblings, false for full siblings, absent when the deck does not say. */
  half?: boolean
}

export type MarriageEnding = 'death' | 'divorce' | 'annulment'

/**
 * A marriage of `subject` and `value` (a spouse fact). The order is per side: Catherine Parr
 * was the sixth wife of Henry VIII, and he was her third husband.
 */
export interface Marriage {
  start?: HistoricalDate
  end?: HistoricalDate
  ended?: MarriageEnding
  /** Which marriage of `subject` this is (1 = first). */
  subjectOrder?: number
  /** Which marriage of `value` this is. */
  valueOrder?: number
}

/** Who came before or after a tenure. */
export type Succession =
  { who: string; as?: string } | { vacant: string; lastHeldBy?: string; lastHeld?: HistoricalDate }

export interface CoRuler {
  who: string
  start?: HistoricalDate
  end?: HistoricalDate
}

export interface Tenure {
  /** Office or title entity. */
  office: string
  start?: HistoricalDate
  end?: HistoricalDate
  predecessor?: Succession
  successor?: Succession
  coRulers: CoRuler[]
}

/** A tenure of an office. A person may hold one office several times (John V three times). */
export interface TenureFact extends Omit<FactBase<Tenure>, 'alternatives'> {
  type: 'tenure'
  /** Disputes name only the fields that differ ("the start is given as 19 November or 15 June 1341"). */
  alternatives: Alternative<Partial<Tenure>>[]
}

/** A number stated by the deck, e.g. age at death (then the generator uses it instead of computing). */
export interface NumberFact extends FactBase<number> {
  type: 'number'
  key: 'ageAtDeath'
}

/**
 * A short text fact, e.g. a picture's caption, or an event's outcome.
 * `value` may mark answerable parts as `{{Christ Pantocrator}}`: the generator asks them as cloze;
 * displays strip the braces.
 */
export interface TextFact extends FactBase<string> {
  type: 'text'
  key: 'caption' | 'outcome' | 'note'
  /** The picture the text is about (a caption's picture), when the fact names one of its own. */
  image?: DeckImage
}

export type Fact = DateFact | PlaceFact | RelationFact | TenureFact | NumberFact | TextFact
export type FactType = Fact['type']

/** Hand-written cards, for teachers with a plain list of questions. */
export type HandCard =
  | { type: 'basic'; id: string; front: string; back: string; sources: string[] }
  | { type: 'choice'; id: string; prompt: string; options: string[]; answer: string; sources: string[] }
  /** `text` holds one or more `{{…}}` gaps (Anki's `{{c1::…}}` is accepted too and normalized to `{{…}}`). */
  | { type: 'cloze'; id: string; text: string; sources: string[] }

export interface DeckMeta {
  /** Slug, unique across the library: progress is keyed by it. */
  id: string
  title: string
  description?: string
  /** BCP 47, e.g. `en`. */
  language: string
  author?: string
  licence?: string
  version: string
}

export interface Deck extends DeckMeta {
  sources: Source[]
  entities: Entity[]
  facts: Fact[]
  cards: HandCard[]
}
