// What the question generator produces and the study/quiz screens consume.
import type { DatePoint, DatePrecision } from '../deck/types'

export type GeneratedKind = 'multiple-choice' | 'true-false' | 'typed' | 'date' | 'ordering' | 'matching'
/** Hand-written cards pass through under their own kinds. */
export type HandKind = 'basic' | 'choice' | 'cloze'
export type QuestionKind = GeneratedKind | HandKind
export type Difficulty = 'easy' | 'medium' | 'hard'

/**
 * The picture a question asks about, with its licence and credit. `src`: the app's own resized
 * copy (relative to the app's base URL), shown offline; `url`: a picture on the web, linked only.
 * `alt` never gives the answer away.
 */
export interface QuestionImage {
  src?: string
  url?: string
  width?: number
  height?: number
  alt: string
  licence: string
  credit: string
}

export interface QuestionSource {
  id: string
  title: string
  url?: string
}

export interface Question {
  /**
   * Stable id from what is asked: `${deckId}/${cardKey}/${kind}` (e.g.
   * `john-vii-palaiologos/parent.father/john-vii/multiple-choice`). Independent of the seed,
   * of the order of facts and of edits to unrelated facts.
   */
  id: string
  /**
   * The card this question is a variant of: `${deckId}/${cardKey}`. FSRS state is kept per card;
   * the multiple-choice, typed, true-false and date variants of one fact share a card, so a
   * new fact can be asked first as multiple choice, then as typed recall.
   */
  cardId: string
  deckId: string
  kind: QuestionKind
  prompt: string
  /** Display text of the correct answer; an array for ordering (in order) and matching ("left → right"). */
  answer: string | string[]
  /** Options shown, answer included, for multiple-choice, true-false and choice. */
  choices?: string[]
  /**
   * Why each wrong option is wrong, from the deck's own facts ("Manuel II's father was John V",
   * "born 1350, after the succession of 1341"): one entry per wrong option of a multiple-choice
   * question, and for a false true/false statement the value it puts in. A generated wrong option
   * always has one; hand-written cards have none.
   */
  why?: WrongOptionProof[]
  /** Typed forms accepted (answer, aliases, alternatives of a disputed fact). */
  accept?: string[]
  /**
   * For `typed`: the deck's spelling each `accept` form stands for (same order), so that a
   * tolerated alias or typo can say "spelled Andronikos IV here". Absent: `answer`.
   */
  acceptAs?: string[]
  /** Name of the entity asked about. */
  subject?: string
  subjectId?: string
  /** Relation or fact key asked: `father`, `born`, `successor`, `caption`, … */
  relation?: string
  difficulty?: Difficulty
  sources: QuestionSource[]
  explanation: string
  /**
   * Shown with the answer when the facts behind the question are disputed: a short first line
   * ("Sources differ: 1370 (infobox) · c. 1366 (other encyclopedias)"), then a line with the
   * sources' full titles and notes (`disputeParts` splits them).
   */
  dispute?: string
  /** Ids of the facts the question is built from. */
  factIds: string[]
  /**
   * Hash of the facts the answer depends on (their values, alternatives and sources), not of
   * distractors: when it changes, the card's progress restarts; unrelated edits keep it.
   */
  fingerprint: string
  /** For `date`: the precision asked and every accepted point (several when disputed). */
  date?: { precision: DatePrecision; accept: DatePoint[] }
  /** For `ordering`: the items, shuffled for display; `answer` holds them in order. */
  items?: string[]
  /** For `matching`: left items and right items (shuffled); `answer` holds "left → right" pairs. */
  pairs?: { left: string[]; right: string[] }
  /** The picture a caption question asks about. */
  image?: QuestionImage
}

/** A wrong option and the facts that make it wrong. */
export interface WrongOptionProof {
  /** The option as shown (for true/false, the value the false statement puts in). */
  option: string
  /** One sentence a teacher can check against the deck: "John VII's father was Andronikos IV". */
  proof: string
}

/** Result of checking a learner's typed answer. */
export interface AnswerCheck {
  correct: boolean
  /** "Accepted: Andronicus IV — spelled Andronikos IV here" when a typo or alias was tolerated. */
  message?: string
}
