// An Ask is one card in the abstract: what is asked about whom, the right answers and what must
// never be offered as a wrong one. variants.ts turns it into the card's question kinds
// (multiple choice, typed, true/false, date). Generators per topic only build Asks.
import type { Entity, Fact, HistoricalDate } from '../deck/types'
import type { Duration } from './dates'
import type { QuestionImage } from './types'

/** Where distractors for an entity answer come from, in order of preference. */
export type PoolName =
  | 'person'
  | 'male'
  | 'female'
  | 'place'
  | 'dynasty'
  | 'title'
  | 'event'
  | `holders:${string}`
  | `kind:${string}`
  | `spouses:${string}`
  /** People who held an office or title in the deck (or are named as someone's predecessor or successor). */
  | 'rulers:male'
  | 'rulers:female'
  | 'rulers:person'

/**
 * The `wrongBecause` of a card no fact can prove any other option wrong for (a title the deck may
 * not list, a cousin whose parents it does not give): the distractor search is skipped, and the
 * card is asked typed only.
 */
export const NOTHING_PROVES_WRONG = (_id: string): string | undefined => undefined

export interface EntityAnswer {
  type: 'entity'
  /** Right answers (one for a father; several for "a child of"). */
  correct: readonly string[]
  /** Also accepted when typed: the other side of a dispute. */
  alsoAccepted?: readonly string[]
  /** Never offered as a wrong option: every value true by any source, and the subject. */
  exclude: ReadonlySet<string>
  pools: readonly PoolName[]
  /** The year near which distractors are most plausible (the answer's birth, the tenure's start). */
  year?: number
  /**
   * Why an option is wrong, from the deck's facts (shown to the learner and the teacher), or
   * undefined when the facts do not prove it wrong (open world: an unstated relation may be true)
   * or the option would be absurd (not alive at the date, wrong generation). Such an option is
   * never offered; with fewer than two proven wrong options the card is asked typed only.
   */
  wrongBecause: (id: string) => string | undefined
}

export interface DateAnswer {
  type: 'date'
  date: HistoricalDate
  /** The other sides of a dispute: accepted too. */
  alternatives: readonly HistoricalDate[]
  /** Years outside which a wrong date would be absurd (born after death). */
  minYear?: number
  maxYear?: number
  /**
   * Dates a wrong date may not lie wholly before or after, to the day: the sides of the death date
   * for something a person did ("reign ended 1 August 1425" for a man who died on 21 July 1425),
   * the start of a tenure for its end.
   */
  notBefore?: readonly HistoricalDate[]
  notAfter?: readonly HistoricalDate[]
}

export interface NumberAnswer {
  type: 'number'
  /** Every accepted value (several when the precision or a dispute allows more than one). */
  duration: Duration
  /** Other values given by disputing sources: accepted too. */
  alsoAccepted?: readonly number[]
  /** Not accepted, but never offered as wrong either (an age the dates allow besides the stated one). */
  notWrong?: readonly number[]
  /** Plausible range for wrong values. */
  min: number
  max: number
}

export interface TextAnswer {
  type: 'text'
  text: string
  /** Texts never offered as wrong options (other gaps of the same sentence). */
  exclude: readonly string[]
  /** The sentence as displayed: nothing it already names is offered as a wrong option. */
  context?: string
}

export type AskAnswer = EntityAnswer | DateAnswer | NumberAnswer | TextAnswer

export interface Ask {
  /** Card key: relation + subject + what identifies the fact, e.g. `parent.father/john-vii`. */
  key: string
  subject: Entity
  /** Relation or fact key asked: `father`, `born`, `successor`, `caption`, … */
  relation: string
  /** Facts the answer depends on (ids, sources and fingerprint come from them). */
  facts: readonly Fact[]
  /** The question for choice, typed and date kinds. */
  prompt: string
  /** The question for the typed kind when it differs ("Name a child of …"). */
  typedPrompt?: string
  /** A statement with `{}` for the value, for true/false ("{} was the father of John VII."). */
  statement?: string
  explanation: string
  /** Set when sources disagree: the card is then asked only in kinds that accept every side. */
  dispute?: string
  /** The picture the question is about (a caption's). */
  image?: QuestionImage
  answer: AskAnswer
}
