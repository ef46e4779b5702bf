// Studying more once nothing is due, as Anki's Custom study: new cards beyond today's limit, the
// cards chosen in the card browser ("Study now"), or a practice session — by topic, question kind,
// person, or the cards failed today.
//
// More new cards and Study now are real study: each grade is a review that schedules the card, as
// in Anki (a raised new-card limit; a filtered deck that reschedules). Practice is not: its answers
// are kept in the session only (no review log, no card state), so a learner can drill a topic the
// evening before a test without pulling those cards forward or pushing them back. It is marked so
// on screen.
import { KIND_LABELS } from '../questions/kind-labels'
import type { Question, QuestionKind } from '../questions/types'
import type { Grade } from '../scheduling/types'
import { plural } from '../text/format'
import type { Random } from '../random'
import type { StudyQueue } from './queue'
import type { CardProgress, ReviewRecord } from './types'

/** Groups of related cards a practice session can be about. */
export type StudyTopic = 'dates' | 'family' | 'offices'
export const STUDY_TOPICS: readonly StudyTopic[] = ['dates', 'family', 'offices']
export const TOPIC_LABELS: Readonly<Record<StudyTopic, string>> = {
  dates: 'Dates',
  family: 'Family',
  offices: 'Offices and reigns',
}

/** Cards in a practice session when the learner does not say. */
export const DEFAULT_PRACTICE_SIZE = 20
/** New cards "Study more new cards" adds when the learner does not say (Anki's default too). */
export const DEFAULT_EXTRA_NEW = 10

export type CustomStudy =
  /** Practice the cards graded Again today (any source), in the order they were failed. */
  | { type: 'failed-today' }
  | { type: 'topic'; topic: StudyTopic }
  /** Practice the cards that can be asked as these kinds (kinds sharing a label are offered together). */
  | { type: 'kind'; kinds: readonly QuestionKind[] }
  /** Practice the cards about this person (`Question.subject`, as the card browser filters). */
  | { type: 'person'; subject: string }
  /** Study now (scheduled): exactly these cards, in this order, set-aside ones left out. */
  | { type: 'cards'; cardIds: readonly string[] }

/** In practice, Again brings the card back at the end of the session (nothing is scheduled). */
export const practiceRepeats = (grade: Grade): boolean => grade === 1

/** Practice never changes the schedule; Study now does. */
export const isPractice = (custom: CustomStudy): boolean => custom.type !== 'cards'

/** The title of a session with more new cards than today's limit. */
export const moreNewTitle = (count: number): string => `Study more: ${plural(count, 'new card')}`

/** What the session is called on screen: "Practice: Family", "Study now: 3 cards". */
export function customStudyTitle(custom: CustomStudy): string {
  switch (custom.type) {
    case 'failed-today':
      return 'Practice: cards failed today'
    case 'topic':
      return `Practice: ${TOPIC_LABELS[custom.topic]}`
    case 'kind':
      return `Practice: ${kindLabel(custom.kinds)}`
    case 'person':
      return `Practice: ${custom.subject}`
    case 'cards':
      return 'Study now: the chosen cards'
  }
}

const kindLabel = (kinds: readonly QuestionKind[]) => (kinds[0] ? KIND_LABELS[kinds[0]] : 'Any kind')

/** Cards graded Again at or after `since`, each once, in the order they were first failed. */
export function failedSince(log: readonly Pick<ReviewRecord, 'cardId' | 'at' | 'grade'>[], since: number): string[] {
  const ids = new Set<string>()
  for (const r of [...log].sort((a, b) => a.at - b.at)) if (r.at >= since && r.grade === 1) ids.add(r.cardId)
  return [...ids]
}

/**
 * Today's new-card limit raised by `extra`, as Anki's "Increase today's new card limit": `extra`
 * more new cards than have been introduced today, even when the learner already went past the
 * setting (the setting was lowered during the day).
 */
export function raisedNewLimit(newPerDay: number, newIntroducedToday: number, extra: number): number {
  return Math.max(newPerDay, newIntroducedToday) + Math.max(0, Math.floor(extra))
}

export interface CustomChoice<T> {
  value: T
  label: string
  /** Cards the session can draw from (set-aside cards not counted). */
  cards: number
}

export interface CustomStudyChoices {
  topics: CustomChoice<StudyTopic>[]
  /** One entry per label: Multiple choice covers generated and hand-written choice questions. */
  kinds: CustomChoice<QuestionKind[]>[]
  /** People (and other subjects) the cards are about, by name. */
  people: CustomChoice<string>[]
  failedToday: number
}

export interface CustomChoicesOptions {
  questions: readonly Question[]
  /** Stored progress of the deck's cards: set-aside ones are not offered. */
  cards: readonly CardProgress[]
  now: number
  /** See failedSince. */
  failedToday?: readonly string[]
}

export interface CustomQueueOptions {
  custom: CustomStudy
  questions: readonly Question[]
  /** Stored progress of the deck's cards (set-aside ones are left out; a card with none is new). */
  cards: readonly CardProgress[]
  now: number
  random: Random
  /** Default true: see chooseVariant. */
  recognitionFirst?: boolean
  /** For 'failed-today': see failedSince. */
  failedToday?: readonly string[]
  /** Most cards in a practice session (default DEFAULT_PRACTICE_SIZE); Study now takes every chosen card. */
  limit?: number
}

export interface CustomQueue extends StudyQueue {
  /** Cards asked for but left out because they are suspended, buried or retired. */
  setAside: number
}

export interface PracticeOption {
  /** Unique within the menu (a `<select>` value); never derived from deck text as an object key. */
  id: string
  label: string
  custom: CustomStudy
}

export interface PracticeGroup {
  label: string
  options: PracticeOption[]
}

/** The practice menu: failed cards first, then topics, question kinds and people, each with its cards. */
export function practiceMenu(choices: CustomStudyChoices): PracticeGroup[] {
  const cards = (n: number) => plural(n, 'card')
  const groups: PracticeGroup[] = []
  if (choices.failedToday > 0)
    groups.push({
      label: 'Mistakes',
      options: [
        { id: 'failed', label: `Cards failed today · ${cards(choices.failedToday)}`, custom: { type: 'failed-today' } },
      ],
    })
  const group = <T>(label: string, list: CustomChoice<T>[], custom: (value: T) => CustomStudy, prefix: string) => {
    if (list.length)
      groups.push({
        label,
        options: list.map((c, i) => ({
          id: `${prefix}${i}`,
          label: `${c.label} · ${cards(c.cards)}`,
          custom: custom(c.value),
        })),
      })
  }
  group('Topic', choices.topics, (topic) => ({ type: 'topic', topic }), 'topic-')
  group('Question kind', choices.kinds, (kinds) => ({ type: 'kind', kinds }), 'kind-')
  group('Person', choices.people, (subject) => ({ type: 'person', subject }), 'person-')
  return groups
}
