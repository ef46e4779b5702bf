// Hand-written cards pass through under their own kinds (basic, choice, cloze).
import type { HandCard } from '../deck/types'
import type { Question } from './types'
import { canonicalText } from '../text/canonical'
import { shuffled } from '../random'
import { makeQuestion, textFingerprint } from './card'
import { blankAll, gapsOf, stripMarks } from './texts'
import type { GenerationContext } from './variants'

/** The fingerprint every question of a hand-written card carries: from the card's text and sources. */
export function handCardFingerprint(card: HandCard): string {
  return textFingerprint(canonicalText(card))
}

export function handQuestion(ctx: GenerationContext, card: HandCard): Question {
  const meta = ctx.cache.meta({
    deckId: ctx.deckId,
    key: `card/${card.id}`,
    facts: [],
    sourceIds: card.sources,
    fingerprintExtra: canonicalText(card),
    explanation: card.type === 'basic' ? card.back : card.type === 'choice' ? card.answer : stripMarks(card.text),
  })
  switch (card.type) {
    case 'basic':
      return makeQuestion(meta, 'basic', card.front, card.back)
    case 'choice': {
      const q = makeQuestion(meta, 'choice', card.prompt, card.answer)
      // Shuffled like generated options: the author's order often puts the answer first.
      q.choices = shuffled(ctx.random(meta.cardId), card.options)
      return q
    }
    case 'cloze': {
      const gaps = gapsOf(card.text)
      const q = makeQuestion(meta, 'cloze', blankAll(card.text), gaps.join(', '))
      q.accept = [gaps.join(', ')]
      return q
    }
  }
}
