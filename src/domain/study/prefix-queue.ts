// A study queue before the whole deck is generated: from the questions made so far, when they
// provably give the queue the whole deck would give (see prefixStudyQueue).
import type { Question } from '../questions/types'
import type { CardFingerprints } from './fingerprints'
import type { CardProgress } from './types'
import {
  buildStudyQueue,
  DEFAULT_NEW_PER_DAY,
  type CardVariants,
  type Queueable,
  type StudyQueue,
  type StudyQueueOptions,
} from './queue'

/** What the prefix queue reads of a question: a queueable one, with its fingerprint. */
export type Fingerprinted = Queueable & Pick<Question, 'fingerprint'>

/** The first questions of a deck read card by card, with their fingerprints (see QuestionStubs). */
export type CardsSoFar<Q extends Fingerprinted> = CardVariants<Q> & CardFingerprints

/**
 * The study queue of a deck from its first questions (`options.questions`: the deck's questions in
 * deck order up to some card, each card's questions all there, as questionBatches gives them, in a
 * list or card by card), or undefined when the rest of the deck could change it. It is the queue
 * the whole deck gives once synced with its progress, but for `newAvailable` (the new cards so
 * far: a lower bound), when
 *   - every stored card of the deck (`stored`, retired ones included; `options.cards` when not
 *     given) and every card the request names has its questions here: the rest of the deck holds
 *     no card with progress, so none that is due;
 *   - none of them is retired and each has the fingerprint of one of its questions: syncing the
 *     deck leaves its progress as it is;
 *   - here are at least today's new cards: they are taken in deck order, before any card to come.
 */
export function prefixStudyQueue<Q extends Fingerprinted>(
  options: StudyQueueOptions<Q> & { questions: readonly Q[] | CardsSoFar<Q> },
  stored: readonly CardProgress[] = options.cards,
): (StudyQueue<Q> & { newAvailableSoFar: true }) | undefined {
  if (!keepsProgress(options, stored)) return undefined
  const queue = buildStudyQueue(options)
  const newLimit = Math.max(0, (options.newPerDay ?? DEFAULT_NEW_PER_DAY) - (options.newIntroducedToday ?? 0))
  return queue.newAvailable >= newLimit ? { ...queue, newAvailableSoFar: true } : undefined
}

/**
 * The study queue of a deck from all its questions, before they are synced with its progress, or
 * undefined when the sync could change that progress (the first two conditions of
 * prefixStudyQueue): then it is the queue the deck gives once synced.
 */
export function unsyncedStudyQueue<Q extends Fingerprinted>(
  options: StudyQueueOptions<Q> & { questions: readonly Q[] | CardsSoFar<Q> },
  stored: readonly CardProgress[] = options.cards,
): StudyQueue<Q> | undefined {
  return keepsProgress(options, stored) ? buildStudyQueue(options) : undefined
}

/** Every stored and named card has its questions here, with its fingerprint, and none is retired. */
function keepsProgress<Q extends Fingerprinted>(
  options: StudyQueueOptions<Q> & { questions: readonly Q[] | CardsSoFar<Q> },
  stored: readonly CardProgress[],
): boolean {
  const prints = new Map<string, Set<string>>()
  const { questions } = options
  if (Array.isArray(questions))
    for (const q of questions as readonly Q[]) {
      const set = prints.get(q.cardId)
      if (set) set.add(q.fingerprint)
      else prints.set(q.cardId, new Set([q.fingerprint]))
    }
  else {
    const cards = questions as CardsSoFar<Q>
    for (let c = 0; c < cards.cardCount; c++) prints.set(cards.cardId(c), new Set(cards.fingerprints(c)))
  }
  const synced = (card: CardProgress) => !card.retired && prints.get(card.cardId)?.has(card.fingerprint) === true
  if (!stored.every(synced) || !options.cards.every(synced)) return false
  for (const cardId of options.knownCardIds ?? []) if (!prints.has(cardId)) return false
  return true
}
