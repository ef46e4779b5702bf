// What a sync of a deck's questions remembers of them (see deck-diff.ts), apart from the sync
// itself so storage can use it without loading the scheduler.
import type { Question } from '../questions/types'
import { digest } from '../random'

/** card id → fingerprint of its first variant: what a sync remembers about the deck. */
export function deckFingerprints(
  questions: readonly Pick<Question, 'cardId' | 'fingerprint'>[],
): Record<string, string> {
  // Card ids come from deck text: a Map, then own properties only (`constructor` is a valid id).
  const out = new Map<string, string>()
  for (const q of questions) if (!out.has(q.cardId)) out.set(q.cardId, q.fingerprint)
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
