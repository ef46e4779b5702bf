// The question generator: every fact of a validated deck becomes the cards a teacher would write
// (see ask.ts for one card, variants.ts for its kinds), plus ordering and matching questions
// across facts, and the deck's hand-written cards (term lists become quizzes: term-list.ts). Pure and deterministic: the same deck and
// seed give the same questions; ids come from what is asked, never from the seed or fact order.
import type { Deck, HistoricalDate } from '../deck/types'
import type { Question } from './types'
import { buildDeckIndex } from './deck-index'
import { familyTreeQuestions } from './family-tree-box'
import { lifeAsks } from './life'
import { birthMatching, kinMatching } from './matching'
import { birthOrdering, lifeOrdering, marriageOrdering, reignOrdering } from './ordering'
import { proofsOf } from './proofs'
import { kinAsks } from './relations'
import { OfficeTimelines, tenureAsks } from './tenures'
import { handWrittenQuestions } from './term-list'
import { allGaps, textAsks } from './texts'
import { emitAsk, GenerationContext } from './variants'
import { withDisplayYears } from './dates'
import { withDistinctNames } from './naming'

export interface GenerateOptions {
  /** Chooses distractors, option order and true/false balance; never the ids. */
  seed: number
}

export interface GenerateBatchOptions extends GenerateOptions {
  /** Entities whose questions make one batch (default 25: a few milliseconds). */
  entitiesPerBatch?: number
}

export function generateQuestions(given: Deck, options: GenerateOptions): Question[] {
  const out: Question[] = []
  for (const batch of questionBatches(given, options)) for (const q of batch) out.push(q)
  return out
}

/**
 * generateQuestions step by step, for a caller that must stay responsive (the deck-questions
 * worker answers a study queue from the first batches): the questions of every few dozen
 * entities, in deck order, then the deck-wide ones (orderings, matchings, family-tree boxes,
 * hand-written cards). Concatenated, the batches are generateQuestions' output; a card's questions
 * always come in one batch, so the cards of the batches so far are whole.
 */
export function* questionBatches(given: Deck, options: GenerateBatchOptions): Generator<Question[], void, void> {
  // Years as questions write them ("AD 14" in a deck with BC dates), once for every generator.
  // Two entities of one name are written by labels only each fits ("Julia, daughter of Augustus").
  const { deck, era } = withDisplayYears(withDistinctNames(given))
  const index = buildDeckIndex(deck)
  const ctx = new GenerationContext(
    index,
    options.seed,
    () => allGaps(deck.facts),
    () => deckDates(deck),
  )
  ctx.era = era
  const timelines = new OfficeTimelines(index)
  const emit = emitAsk.bind(null, ctx)
  const perBatch = Math.max(1, options.entitiesPerBatch ?? 25)
  // Each batch is handed over: the generator keeps no question it has yielded.
  const batch = () => ctx.take()
  for (const [i, entity] of deck.entities.entries()) {
    const facts = index.factsBySubject.get(entity.id) ?? []
    lifeAsks(index, entity, facts, emit)
    if (entity.kind === 'person') {
      kinAsks(index, entity, emit)
      kinMatching(ctx, entity)
      lifeOrdering(ctx, entity)
      marriageOrdering(ctx, entity)
    }
    tenureAsks(index, timelines, entity, emit)
    textAsks(entity, facts, emit)
    if ((i + 1) % perBatch === 0) yield batch()
  }
  yield batch()
  reignOrdering(ctx)
  birthOrdering(ctx)
  birthMatching(ctx)
  yield batch()
  // "Who belongs in this box?": ids `${deckId}/family-tree-box/${personId}/…`.
  for (const q of familyTreeQuestions(deck, { seed: options.seed, proofs: proofsOf(index) })) ctx.out.push(q)
  yield batch()
  handWrittenQuestions(ctx, deck.cards)
  yield batch()
}

function* deckDates(deck: Deck): Generator<HistoricalDate> {
  for (const fact of deck.facts) {
    if (fact.type === 'date') yield fact.value
    else if (fact.type === 'tenure') {
      if (fact.value.start) yield fact.value.start
      if (fact.value.end) yield fact.value.end
    }
  }
}
