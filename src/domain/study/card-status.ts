// Where a stored card stands: set aside (suspended, buried, retired) or in one of FSRS's phases.
// The study queue, the due counts and the card browser read it from here, so they agree.
import type { CardProgress } from './types'

export type CardStatus = 'new' | 'learning' | 'review' | 'suspended' | 'buried'

/** Not to be studied now: retired, suspended, or buried until later than `now`. */
export function isSetAside(card: Pick<CardProgress, 'retired' | 'suspended' | 'buriedUntil'>, now: number): boolean {
  return card.retired || card.suspended === true || (card.buriedUntil ?? 0) > now
}

/** The status the card browser filters by; a card never studied (no progress) is new. */
export function cardStatus(card: CardProgress | undefined, now: number): CardStatus {
  if (!card) return 'new'
  if (card.suspended) return 'suspended'
  if ((card.buriedUntil ?? 0) > now) return 'buried'
  const phase = card.state.phase
  return phase === 'new' ? 'new' : phase === 'review' ? 'review' : 'learning'
}
