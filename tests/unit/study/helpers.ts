import type { Question, QuestionKind } from '../../../src/domain/questions/types'
import { newCardState } from '../../../src/domain/scheduling'
import type { CardPhase, CardState } from '../../../src/domain/scheduling'
import type { CardProgress } from '../../../src/domain/study'

export const NOW = Date.UTC(2025, 2, 10, 9, 0, 0)
export const MINUTE = 60_000
export const DAY = 86_400_000

/** A minimal question: only what scheduling and quiz assembly look at is meaningful. */
export function question(
  cardKey: string,
  kind: QuestionKind,
  fingerprint = `fp-${cardKey}`,
  deckId = 'deck',
): Question {
  const cardId = `${deckId}/${cardKey}`
  return {
    id: `${cardId}/${kind}`,
    cardId,
    deckId,
    kind,
    prompt: `Prompt for ${cardKey}`,
    answer: 'answer',
    sources: [],
    explanation: '',
    factIds: [cardKey],
    fingerprint,
  }
}

/** The usual variants of a generated fact. */
export const variants = (cardKey: string, fingerprint?: string): Question[] =>
  (['multiple-choice', 'typed', 'true-false'] as const).map((kind) => question(cardKey, kind, fingerprint))

export function card(
  cardKey: string,
  state: Partial<CardState> & { phase: CardPhase },
  extra: Partial<CardProgress> = {},
): CardProgress {
  return {
    cardId: `deck/${cardKey}`,
    deckId: 'deck',
    fingerprint: `fp-${cardKey}`,
    retired: false,
    state: { ...newCardState(NOW), ...(state.phase === 'new' ? {} : { reps: 3, lastReview: NOW - DAY }), ...state },
    ...extra,
  }
}
