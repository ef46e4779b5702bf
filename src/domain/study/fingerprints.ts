// What a sync of a deck's questions remembers of them (see deck-diff.ts), apart from the sync
// itself so storage can use it without loading the scheduler.
import type { Question } from '../questions/types'
import { digest } from '../random'

/**
 * A deck's questions card by card, as a sync reads them (see QuestionStubs): cards numbered in the
 * order of their first question. Lets a sync read a big deck without an object per question.
 */
export interface CardFingerprints {
  readonly cardCount: number
  cardId(card: number): string
  /** The fingerprint of the card's first question. */
  cardFingerprint(card: number): string
  /** Its questions' fingerprints, its first question's first (one that several share may be given once). */
  fingerprints(card: number): readonly string[]
}

/** What a sync reads: every question of the deck, or the same card by card. */
export type SyncedQuestions = readonly Pick<Question, 'cardId' | 'fingerprint'>[] | CardFingerprints

/** The questions card by card. */
export function fingerprintsByCard(questions: SyncedQuestions): CardFingerprints {
  if (!Array.isArray(questions)) return questions as CardFingerprints
  const byCard = new Map<string, string[]>()
  for (const q of questions as readonly Pick<Question, 'cardId' | 'fingerprint'>[]) {
    const prints = byCard.get(q.cardId)
    if (prints) prints.push(q.fingerprint)
    else byCard.set(q.cardId, [q.fingerprint])
  }
  const cards = [...byCard]
  const at = (card: number) => cards[card] as [string, string[]]
  return {
    cardCount: cards.length,
    cardId: (card) => at(card)[0],
    cardFingerprint: (card) => at(card)[1][0] as string,
    fingerprints: (card) => at(card)[1],
  }
}

/** card id → fingerprint of its first variant: what a sync remembers about the deck. */
export function deckFingerprints(questions: SyncedQuestions): Record<string, string> {
  const cards = fingerprintsByCard(questions)
  // Card ids come from deck text: a Map, then own properties only (`constructor` is a valid id).
  const out = new Map<string, string>()
  for (let c = 0; c < cards.cardCount; c++) out.set(cards.cardId(c), cards.cardFingerprint(c))
  return Object.fromEntries(out)
}

/**
 * A digest of what a sync remembers (card id → fingerprint, in any order): two equal digests mean
 * the same fingerprints, so comparing the digest stored with a deck's sync against the one stored
 * with its cached questions tells whether a sync would change anything, without reading either.
 */
export function fingerprintsDigest(fingerprints: Readonly<Record<string, string>>): string {
  const ids = Object.keys(fingerprints).sort()
  return digest(ids.map((id) => `${id}\u0000${fingerprints[id] as string}`).join('\n'))
}
