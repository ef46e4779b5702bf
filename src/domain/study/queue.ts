// Building a study session: which cards, in which order, asked as which question variant.
import type { Question, QuestionKind } from '../questions/types'
import { randomInt, type Random } from '../random'
import type { CardState } from '../scheduling/types'
import { DAY_MS, startOfDay } from '../time/days'
import { isSetAside } from './card-status'
import type { CardProgress, SessionQueue } from './types'

/** Most recognisable first: true/false only when nothing better exists (half the answers are guesses). */
export const RECOGNITION_KINDS: readonly QuestionKind[] = ['multiple-choice', 'choice', 'true-false']
export const RECALL_KINDS: readonly QuestionKind[] = ['typed', 'date', 'cloze', 'basic']
export const DEFAULT_NEW_PER_DAY = 20
/** Like Anki's learn-ahead limit: a card in learning steps due within this time is shown again in the same session. */
export const LEARN_AHEAD_MS = 20 * 60_000

/** What the queue reads of a question: its card and kind (a whole question, or a stub of one). */
export type Queueable = Pick<Question, 'cardId' | 'kind'>

/**
 * A deck's questions card by card (see QuestionStubs): cards numbered in the order of their first
 * question, each card's variants in deck order. Lets the queue read a big deck's questions without
 * an object per question.
 */
export interface CardVariants<Q extends Queueable> {
  readonly cardCount: number
  cardId(card: number): string
  /** The card's questions, in deck order (at least one). */
  variants(card: number): readonly Q[]
}

export interface StudyQueueOptions<Q extends Queueable = Question> {
  /** Stored progress of the deck's cards (retired, suspended and buried ones are skipped). */
  cards: readonly CardProgress[]
  /** Every question of the deck (several variants per card), or the same read card by card. */
  questions: readonly Q[] | CardVariants<Q>
  now: number
  /** Local time minus UTC in minutes (minus the browser's `getTimezoneOffset()`), for "due today". Default 0. */
  utcOffsetMinutes?: number
  /** The local midnight ending today (wins over `utcOffsetMinutes`; right through daylight-saving changes). */
  endOfDay?: number
  /** Default 20. */
  newPerDay?: number
  /** New cards already introduced today (see countNewIntroduced). */
  newIntroducedToday?: number
  /** Default true. */
  recognitionFirst?: boolean
  random: Random
  /**
   * Ids of every stored card of the deck, when `cards` holds only some of them (e.g. only the due
   * ones, read through an index): a card id in this set but not in `cards` is neither due nor new.
   */
  knownCardIds?: ReadonlySet<string>
}

export interface StudyQueueItem<Q extends Queueable = Question> {
  cardId: string
  question: Q
  isNew: boolean
  /** Absent for a card never studied. */
  state?: CardState
}

export interface StudyQueue<Q extends Queueable = Question> {
  /** Due cards (most overdue first), then new cards in deck order up to the daily limit. */
  items: StudyQueueItem<Q>[]
  dueCount: number
  newCount: number
  /** New cards in the deck not yet studied, before the daily limit. */
  newAvailable: number
  /** The deck was still being generated: `newAvailable` counts the new cards made so far (see prefixStudyQueue). */
  newAvailableSoFar?: true
}

export function buildStudyQueue<Q extends Queueable = Question>(options: StudyQueueOptions<Q>): StudyQueue<Q> {
  const { now, random } = options
  const recognitionFirst = options.recognitionFirst ?? true
  const newLimit = Math.max(0, (options.newPerDay ?? DEFAULT_NEW_PER_DAY) - (options.newIntroducedToday ?? 0))
  const cutoff = options.endOfDay ?? endOfToday(now, options.utcOffsetMinutes)
  const progress = new Map(options.cards.map((c) => [c.cardId, c]))
  const variants = isCardVariants(options.questions) ? options.questions : variantsByCard(options.questions)
  const known = options.knownCardIds

  // Cards by number (a new card's state, if it has one, beside it): most are new, and 100,000 of them
  // need no object each.
  const due: Array<{ card: number; cardId: string; state: CardState }> = []
  const fresh: number[] = []
  const freshStates = new Map<number, CardState>()
  for (let c = 0; c < variants.cardCount; c++) {
    const cardId = variants.cardId(c)
    const card = progress.get(cardId)
    if (!card) {
      if (!known?.has(cardId)) fresh.push(c)
      continue
    }
    // Retired, suspended and buried cards are neither due nor new.
    if (isSetAside(card, now)) continue
    if (card.state.phase === 'new') {
      freshStates.set(c, card.state)
      fresh.push(c)
    } else if (isDue(card.state, now, cutoff)) due.push({ card: c, cardId, state: card.state })
  }
  due.sort((a, b) => a.state.due - b.state.due || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0))

  const item = (card: number, isNew: boolean, state?: CardState): StudyQueueItem<Q> => ({
    cardId: variants.cardId(card),
    question: chooseVariant(variants.variants(card), state, recognitionFirst, random),
    isNew,
    ...(state ? { state } : {}),
  })
  const newItems = fresh.slice(0, newLimit).map((c) => item(c, true, freshStates.get(c)))
  const items = [
    ...due.map((d) => item(d.card, false, d.state)),
    ...(recognitionFirst ? recognisableFirst(newItems) : newItems),
  ]
  return { items, dueCount: due.length, newCount: Math.min(newLimit, fresh.length), newAvailable: fresh.length }
}

/** The count a queued card starts in: new, learning (learning or relearning steps) or review. */
export function queueOf(item: Pick<StudyQueueItem, 'isNew' | 'state'>): SessionQueue {
  if (item.isNew || !item.state || item.state.phase === 'new') return 'new'
  return item.state.phase === 'review' ? 'review' : 'learning'
}

/** End (exclusive) of the local day containing `now`. */
export function endOfToday(now: number, utcOffsetMinutes = 0): number {
  return startOfDay(now, utcOffsetMinutes) + DAY_MS
}

/**
 * As in Anki: a card in long-term review is due for the whole day it falls due (its interval is
 * in days, the hour is an accident of when it was last studied); a card in learning steps is due
 * only once its step has passed.
 */
export function isDue(state: CardState, now: number, endOfDay: number): boolean {
  if (state.phase === 'new') return false
  return state.phase === 'review' ? state.due < endOfDay : state.due <= now
}

/**
 * True while recognition first asks this card as multiple choice or true/false: while it is new
 * and in its (re)learning steps. Once in review it is known, and asked as typed or date entry.
 */
export function inRecognitionStage(state: CardState | undefined): boolean {
  return !state || state.phase !== 'review'
}

/**
 * Today's new cards, those that can be recognised first (in deck order), then those asked only
 * typed (a disputed date): a learner's first card of a deck is one to recognise, and the days
 * still introduce cards in deck order.
 */
function recognisableFirst<Q extends Queueable>(items: StudyQueueItem<Q>[]): StudyQueueItem<Q>[] {
  const recognisable = items.filter((i) => RECOGNITION_KINDS.includes(i.question.kind))
  if (recognisable.length === items.length || !recognisable.length) return items
  return [...recognisable, ...items.filter((i) => !RECOGNITION_KINDS.includes(i.question.kind))]
}

/**
 * Picks the variant of one card to ask. Recognition stage: the first available kind of
 * RECOGNITION_KINDS. Otherwise (or with recognition first off): a random recall kind. Falls back to
 * the other group, then to any variant, so a card with one kind is still asked.
 */
export function chooseVariant<Q extends Queueable>(
  variants: readonly Q[],
  state: CardState | undefined,
  recognitionFirst: boolean,
  random: Random,
): Q {
  if (variants.length === 0) throw new Error('chooseVariant: a card needs at least one question')
  const ofKind = (kinds: readonly QuestionKind[]) => variants.filter((q) => kinds.includes(q.kind))
  const recognition = ofKind(RECOGNITION_KINDS).sort(
    (a, b) => RECOGNITION_KINDS.indexOf(a.kind) - RECOGNITION_KINDS.indexOf(b.kind),
  )
  const recall = ofKind(RECALL_KINDS)
  const pick = (qs: readonly Q[]) => qs[randomInt(random, qs.length)] as Q
  if (recognitionFirst && inRecognitionStage(state)) {
    return recognition[0] ?? (recall.length ? pick(recall) : pick(variants))
  }
  if (recall.length) return pick(recall)
  return recognition[0] ?? pick(variants)
}

/** After a review: show the card again in this session (a learning step due within LEARN_AHEAD_MS)? */
export function shouldRepeatInSession(state: CardState, now: number, learnAheadMs = LEARN_AHEAD_MS): boolean {
  return (state.phase === 'learning' || state.phase === 'relearning') && state.due - now <= learnAheadMs
}

function isCardVariants<Q extends Queueable>(questions: readonly Q[] | CardVariants<Q>): questions is CardVariants<Q> {
  return !Array.isArray(questions)
}

/** A list of questions read card by card (see CardVariants). */
export function variantsByCard<Q extends Queueable>(questions: readonly Q[]): CardVariants<Q> {
  const groups = [...groupByCard(questions)]
  return {
    cardCount: groups.length,
    cardId: (card) => (groups[card] as [string, Q[]])[0],
    variants: (card) => (groups[card] as [string, Q[]])[1],
  }
}

/** Questions grouped by card id, in the order the cards first appear. */
export function groupByCard<Q extends Queueable>(questions: readonly Q[]): Map<string, Q[]> {
  const out = new Map<string, Q[]>()
  for (const q of questions) {
    const list = out.get(q.cardId)
    if (list) list.push(q)
    else out.set(q.cardId, [q])
  }
  return out
}
