// Deck updates keep progress: compare a deck's new questions with what was known before.
import type { Question } from '../questions/types'
import { newCardState } from '../scheduling/new-card'
import { deckFingerprints, fingerprintsByCard, type SyncedQuestions } from './fingerprints'
import type { CardProgress } from './types'

export { deckFingerprints }

export interface DeckChangeSummary {
  /** Cards new to the deck (a card that comes back after being removed counts as added). */
  added: string[]
  /** Cards whose fact changed: their progress restarts. */
  changed: string[]
  /** Cards no longer in the deck: retired, their reviews kept. */
  removed: string[]
  unchanged: string[]
  /** Nothing was known about the deck before (first install or import): nothing to tell the user. */
  firstSync: boolean
}

export interface DeckSyncPlan {
  summary: DeckChangeSummary
  /** Stored cards to write back: restarted, retired or restored. */
  updates: CardProgress[]
  /** card id → fingerprint for the deck as it is now: what to remember for the next sync. */
  fingerprints: Record<string, string>
}

export interface DeckSyncInput {
  /** card id → fingerprint remembered from the previous sync (empty the first time). */
  known: Readonly<Record<string, string>>
  /** Stored progress of the deck's cards, retired ones included. */
  stored: readonly CardProgress[]
  questions: SyncedQuestions
  now: number
}

/**
 * A card is unchanged when its stored fingerprint is one of its current variants' fingerprints
 * (the variants of one fact normally share one). Stored progress overrides the remembered
 * fingerprints, since that is what the learner's progress was earned on.
 */
export function planDeckSync({ known, stored, questions, now }: DeckSyncInput): DeckSyncPlan {
  // card id → its questions' fingerprints, its first question's first.
  const cards = fingerprintsByCard(questions)
  const current = new Map<string, readonly string[]>()
  for (let c = 0; c < cards.cardCount; c++) current.set(cards.cardId(c), cards.fingerprints(c))
  const fingerprints = deckFingerprints(cards)
  const previous = new Map(Object.entries(known))
  for (const c of stored) {
    if (c.retired) previous.delete(c.cardId)
    else previous.set(c.cardId, c.fingerprint)
  }

  const summary: DeckChangeSummary = {
    added: [],
    changed: [],
    removed: [],
    unchanged: [],
    firstSync: previous.size === 0,
  }
  for (const [cardId, fps] of current) {
    const before = previous.get(cardId)
    if (before === undefined) summary.added.push(cardId)
    else if (fps.includes(before)) summary.unchanged.push(cardId)
    else summary.changed.push(cardId)
  }
  for (const cardId of previous.keys()) if (!current.has(cardId)) summary.removed.push(cardId)

  const updates: CardProgress[] = []
  for (const card of stored) {
    const fps = current.get(card.cardId)
    if (!fps) {
      if (!card.retired) updates.push({ ...card, retired: true })
    } else if (!fps.includes(card.fingerprint)) {
      updates.push({
        ...card,
        retired: false,
        fingerprint: fps[0] as string,
        state: newCardState(now),
      })
    } else if (card.retired) {
      updates.push({ ...card, retired: false })
    }
  }
  return { summary, updates, fingerprints }
}

/** "3 facts updated, 1 added", "1 fact removed"; empty when nothing changed or on the first sync. */
export function describeDeckChanges(summary: DeckChangeSummary): string {
  if (summary.firstSync) return ''
  const parts = (
    [
      [summary.changed.length, 'updated'],
      [summary.added.length, 'added'],
      [summary.removed.length, 'removed'],
    ] as const
  ).filter(([n]) => n > 0)
  return parts
    .map(([n, verb], i) => (i === 0 ? `${n} ${n === 1 ? 'fact' : 'facts'} ${verb}` : `${n} ${verb}`))
    .join(', ')
}

/** What an update would do to progress, before it is applied (counts of cards). */
export interface ProgressEffect {
  /** Cards whose question is unchanged: their progress is kept. */
  kept: number
  /** Cards whose fact changed: they start again. */
  restarted: number
  added: number
  removed: number
}

/** The effect on progress of replacing a deck whose questions were `before` by one whose questions are `after`. */
export function progressEffect(
  before: readonly Pick<Question, 'cardId' | 'fingerprint'>[],
  after: readonly Pick<Question, 'cardId' | 'fingerprint'>[],
): ProgressEffect {
  const { summary } = planDeckSync({ known: deckFingerprints(before), stored: [], questions: after, now: 0 })
  return {
    kept: summary.unchanged.length,
    restarted: summary.changed.length,
    added: summary.added.length,
    removed: summary.removed.length,
  }
}
