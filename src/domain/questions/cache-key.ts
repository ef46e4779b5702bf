// What a deck's generated questions depend on: the deck's content, the seed and the generator.
// The app caches generated questions under this key (src/workers/deck-questions.ts).
import type { Deck } from '../deck/types'
import { digest, seedFrom } from '../random'

/**
 * The generator's version. Raise it whenever the same deck and seed give different questions:
 * cached questions from an older generator are then generated again. (Built apps also key the
 * cache by the generator's built code, so a forgotten bump costs no stale questions there.)
 */
export const GENERATOR_VERSION = 3

/**
 * The version of the compact form the question cache keeps (src/domain/questions/compact.ts). Raise
 * it whenever that form changes: parts written in an older form are then generated again, never
 * misread. (Kept here, not there, so that what imports the key need not load the compact form.)
 */
export const COMPACT_FORMAT = 3

/** The seed a deck's questions are generated with: fixed per deck, so a reload asks the same questions. */
export const deckSeed = (deckId: string) => seedFrom('deck', deckId)

/**
 * A digest of a deck's whole content. Storage keeps it beside each saved deck (written with the
 * deck), so opening a deck need not read nor serialize its facts to find its cached questions.
 */
export const deckContentHash = (deck: Deck): string => digest(JSON.stringify(deck))

/**
 * The cache key of a deck's questions, from its content hash (see deckContentHash). `build` names
 * the generator's built code (in the app: the worker script's URL, which carries a hash of its
 * code), so a new release never reads questions an older generator wrote. The compact form's
 * version is part of it too: cached parts in an older form are generated again, not misread.
 */
export function deckQuestionsKey(contentHash: string, seed: number, build = ''): string {
  return `${GENERATOR_VERSION}.${COMPACT_FORMAT}:${build}:${seed}:${contentHash}`
}
