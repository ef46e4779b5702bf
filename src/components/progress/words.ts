// The words the app uses for a card's progress, defined once: the Progress views, the library and
// the card browser say the same thing the same way.
import type { Mastery } from '../../domain/stats'

export type MasteryPart = 'mature' | 'young' | 'learning' | 'new'

/** Most advanced first, as the bars are drawn. */
export const MASTERY_PARTS: readonly MasteryPart[] = ['mature', 'young', 'learning', 'new']

export const CARD_WORDS: Readonly<Record<MasteryPart, { label: string; means: string }>> = {
  new: { label: 'New', means: 'not studied yet.' },
  learning: { label: 'Learning', means: 'studied, still in its first short steps (minutes to a day apart).' },
  young: { label: 'Young', means: 'in review, expected to be remembered for less than three weeks.' },
  mature: { label: 'Mature', means: 'in review, expected to be remembered for three weeks or more.' },
}

/** "1 mature, 1 young, 0 learning and 3 new of 5 cards". */
export function masteryText(m: Mastery): string {
  const parts = MASTERY_PARTS.map((p) => `${m[p]} ${CARD_WORDS[p].label.toLowerCase()}`)
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} of ${m.total} ${m.total === 1 ? 'card' : 'cards'}`
}
