// The question generator: every fact of a validated deck becomes the cards a teacher would write
// (see ask.ts for one card, variants.ts for its kinds), plus ordering and matching questions
// across facts, and the deck's hand-written cards (term lists become quizzes: term-list.ts). Pure and deterministic: the same deck and
// seed give the same questions; ids come from what is asked, never from the seed or fact order.
import type { Deck, Entity, HistoricalDate } from '../deck/types'
import type { Ask } from './ask'
import type { DeckIndex } from './deck-index'
import type { Question } from './types'
import { buildDeckIndex } from './deck-index'
import { familyTreeQuestions } from './family-tree-box'
import { lifeAsks } from './life'
import { birthMatching, kinMatching } from './matching'
import { birthOrdering, lifeOrdering, marriageOrdering, reignOrdering } from './ordering'
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
export function questionBatches(given: Deck, options: GenerateBatchOptions): Generator<Question[], void, void> {
  return new DeckQuestionMaker(given, options).batches(options.entitiesPerBatch)
}

/**
 * Entities whose questions share one balance of option positions and true/false statements (see
 * GenerationContext.beginGroup): a deck of up to this many is balanced as a whole, a bigger one
 * group by group, and a group is what must be made to make one of its cards.
 */
const ENTITIES_PER_GROUP = 25

/**
 * One deck's questions, made in deck order (`batches`) or, for named cards, with their group of
 * entities only (`ofCards`): a group's questions are the same either way, so a card due today can
 * be made without the deck's other 100,000 facts.
 */
export class DeckQuestionMaker {
  private readonly deck: Deck
  private readonly index: DeckIndex
  private readonly ctx: GenerationContext
  private readonly timelines: OfficeTimelines
  private readonly emit: (ask: Ask) => void
  /** Entity id → its position in the deck. */
  private readonly entityAt = new Map<string, number>()

  constructor(
    given: Deck,
    private readonly options: GenerateOptions,
  ) {
    // Years as questions write them ("AD 14" in a deck with BC dates), once for every generator.
    // Two entities of one name are written by labels only each fits ("Julia, daughter of Augustus").
    const { deck, era } = withDisplayYears(withDistinctNames(given))
    this.deck = deck
    this.index = buildDeckIndex(deck)
    this.ctx = new GenerationContext(
      this.index,
      options.seed,
      () => allGaps(deck.facts),
      () => deckDates(deck),
    )
    this.ctx.era = era
    this.timelines = new OfficeTimelines(this.index)
    this.emit = emitAsk.bind(null, this.ctx)
    deck.entities.forEach((entity, i) => this.entityAt.set(entity.id, i))
  }

  /** The whole deck's questions, a few dozen entities (default 25: a few milliseconds) at a time. */
  *batches(entitiesPerBatch = 25): Generator<Question[], void, void> {
    const perBatch = Math.max(1, entitiesPerBatch)
    // Each batch is handed over: the maker keeps no question it has yielded.
    const { entities } = this.deck
    for (let i = 0; i < entities.length; i++) {
      this.entityQuestions(i)
      if ((i + 1) % perBatch === 0) yield this.ctx.take()
    }
    yield this.ctx.take()
    yield* this.deckWide()
  }

  /**
   * The questions of the cards named (each card's, whole), in deck order, as `batches` gives them:
   * made from the groups of the entities their ids name, and from the deck-wide questions when some
   * card is not among those. A card the deck no longer has is not there.
   */
  ofCards(cardIds: Iterable<string>): Question[] {
    const steps = this.cardsOf(cardIds)
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value as Question[]
    }
  }

  /**
   * ofCards step by step, a group of entities at a time (`batches` may go on between two steps), or
   * undefined at once when it would make more than `maxGroups` groups: then the whole deck in order
   * costs about as much.
   */
  *cardsOf(cardIds: Iterable<string>, maxGroups = Infinity): Generator<void, Question[] | undefined, void> {
    const wanted = new Set(cardIds)
    const prefix = `${this.deck.id}/`
    const groups = new Set<number>()
    for (const id of wanted) {
      if (!id.startsWith(prefix)) continue
      for (const part of id.slice(prefix.length).split('/')) {
        const at = this.entityAt.get(part)
        if (at !== undefined) groups.add(Math.floor(at / ENTITIES_PER_GROUP))
      }
    }
    if (groups.size > maxGroups) return undefined
    const out: Question[] = []
    const found = new Set<string>()
    const keep = (questions: readonly Question[]) => {
      for (const q of questions)
        if (wanted.has(q.cardId)) {
          out.push(q)
          found.add(q.cardId)
        }
    }
    const count = this.deck.entities.length
    for (const group of [...groups].sort((a, b) => a - b)) {
      keep(
        this.aside(() => {
          const end = Math.min(count, (group + 1) * ENTITIES_PER_GROUP)
          for (let i = group * ENTITIES_PER_GROUP; i < end; i++) this.entityQuestions(i)
        }),
      )
      yield
    }
    if (found.size < wanted.size) keep(this.aside(() => [...this.deckWide()].flat()))
    return out
  }

  /**
   * The questions `make` emits (or returns), made aside: `batches`, if under way, goes on as if it
   * had not run.
   */
  private aside(make: () => Question[] | void): Question[] {
    const { positions, truths } = this.ctx
    const made = this.ctx.take()
    const questions = make() ?? this.ctx.take()
    Object.assign(this.ctx, { out: made, positions, truths })
    return questions
  }

  /** How many groups of entities the deck has (see ENTITIES_PER_GROUP). */
  get groupCount(): number {
    return Math.ceil(this.deck.entities.length / ENTITIES_PER_GROUP)
  }

  /** The questions of the deck's entity number `i`, into the context's `out`. */
  private entityQuestions(i: number): void {
    const { ctx, index, emit } = this
    const entity = this.deck.entities[i] as Entity
    if (i % ENTITIES_PER_GROUP === 0) ctx.beginGroup(`#${i / ENTITIES_PER_GROUP}`)
    const facts = index.factsBySubject.get(entity.id) ?? []
    lifeAsks(index, entity, facts, emit)
    if (entity.kind === 'person') {
      kinAsks(index, entity, emit)
      kinMatching(ctx, entity)
      lifeOrdering(ctx, entity)
      marriageOrdering(ctx, entity)
    }
    tenureAsks(index, this.timelines, entity, emit)
    textAsks(entity, facts, emit)
  }

  /**
   * The questions across the deck's entities, in three batches, each its own group (its own
   * balance): `ofCards` may make them again while `batches` waits between two of them.
   */
  private *deckWide(): Generator<Question[], void, void> {
    const { ctx, deck, index } = this
    ctx.beginGroup('#orderings')
    reignOrdering(ctx)
    birthOrdering(ctx)
    birthMatching(ctx)
    yield ctx.take()
    // "Who belongs in this box?": ids `${deckId}/family-tree-box/${personId}/…`.
    for (const q of familyTreeQuestions(deck, { seed: this.options.seed, index })) ctx.out.push(q)
    yield ctx.take()
    ctx.beginGroup('#cards')
    handWrittenQuestions(ctx, deck.cards)
    yield ctx.take()
  }
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
