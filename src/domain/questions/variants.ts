// From one Ask to the questions of its card: multiple choice, typed, true/false and date.
// A settled fact gets every kind its answer allows; a disputed one (or a number the precision
// leaves open) only the kinds that accept every side: typed and date, with the dispute shown.
import type { HistoricalDate } from '../deck/types'
import type { Question } from './types'
import { createRandom, randomInt, seedFrom, shuffled, type Random } from '../random'
import type { Ask, DateAnswer, EntityAnswer, NumberAnswer, TextAnswer } from './ask'
import { CardCache, makeQuestion, type CardMeta } from './card'
import { acceptedPoints, datePhrase, displayDate, durationRangeText, durationText, isExactDate } from './dates'
import type { DeckIndex } from './deck-index'
import { DatePool, difficultyOf, pickDates, pickNumbers, Pools, type Scored } from './distractors'
import { GapDistractors } from './gaps'
import { withoutGiveaway, regnalGiveaway } from './giveaways'
import { fill } from './prompts'

/**
 * Where the correct option goes: each block of n questions with n options uses every position
 * once, in a seeded order, so positions are balanced across the deck and not predictable.
 */
export class PositionBalance {
  private readonly blocks = new Map<number, { count: number; order: number[] }>()
  constructor(private readonly seed: number) {}

  next(n: number): number {
    let block = this.blocks.get(n)
    if (!block) this.blocks.set(n, (block = { count: 0, order: [] }))
    const at = block.count % n
    if (at === 0) {
      const order = Array.from({ length: n }, (_, i) => i)
      block.order = shuffled(createRandom(seedFrom(this.seed, 'positions', n, block.count)), order)
    }
    block.count++
    return block.order[at] as number
  }
}

/** What the generators share while building one deck's questions. */
export class GenerationContext {
  /**
   * The questions emitted since the last `take()`. Generators only push to it: none reads what came
   * before, so a big deck's questions need not stay here once taken.
   */
  out: Question[] = []
  readonly cache: CardCache
  readonly pools: Pools
  /** Where correct options go, and which statements are true: see `beginGroup`. */
  positions: PositionBalance
  truths: PositionBalance
  private datePoolCache: DatePool | undefined
  readonly gapDistractors: GapDistractors
  /** Every AD year is written with its era ("AD 14"): the deck has BC dates. */
  era = false

  constructor(
    readonly index: DeckIndex,
    readonly seed: number,
    gapsOf: () => string[],
    private readonly datesOf: () => Iterable<HistoricalDate>,
  ) {
    this.cache = new CardCache(index)
    this.pools = new Pools(index)
    this.gapDistractors = new GapDistractors(index, this.pools, gapsOf)
    this.positions = new PositionBalance(seed)
    this.truths = new PositionBalance(seedFrom(seed, 'true-false'))
  }

  /**
   * The questions that follow are one group's (a few dozen entities', or deck-wide ones): option
   * positions and true/false statements are balanced within the group, seeded by its id. A group's
   * questions then depend on the deck and the seed only, not on the groups made before it, so one
   * group can be made alone (for a due card of a deck not yet generated) and give the questions the
   * whole deck gives.
   */
  beginGroup(id: string): void {
    this.positions = new PositionBalance(seedFrom(this.seed, 'positions', id))
    this.truths = new PositionBalance(seedFrom(this.seed, 'true-false', id))
  }

  get deckId(): string {
    return this.index.deck.id
  }
  get datePool(): DatePool {
    return (this.datePoolCache ??= new DatePool(this.datesOf()))
  }
  random(cardId: string): Random {
    return createRandom(seedFrom(this.seed, cardId))
  }
  /** The questions emitted since the last call, handed over (the context keeps none of them). */
  take(): Question[] {
    const made = this.out
    this.out = []
    return made
  }
}

/** Emit every question of the Ask's card (none when its wording cannot avoid giving the answer away). */
export function emitAsk(ctx: GenerationContext, given: Ask): void {
  const ask = withoutGiveaway(ctx.index, given)
  if (!ask) return
  const meta = ctx.cache.meta({
    deckId: ctx.deckId,
    key: ask.key,
    subject: ask.subject,
    relation: ask.relation,
    facts: ask.facts,
    explanation: ask.explanation,
    ...(ask.dispute ? { dispute: ask.dispute } : {}),
    ...(ask.image ? { image: ask.image } : {}),
  })
  const random = ctx.random(meta.cardId)
  switch (ask.answer.type) {
    case 'entity':
      return entityVariants(ctx, ask, ask.answer, meta, random)
    case 'date':
      return dateVariants(ctx, ask, ask.answer, meta, random)
    case 'number':
      return numberVariants(ctx, ask, ask.answer, meta, random)
    case 'text':
      return textVariants(ctx, ask, ask.answer, meta, random)
  }
}

function multipleChoice(
  ctx: GenerationContext,
  meta: CardMeta,
  prompt: string,
  answer: string,
  distractors: readonly Scored[],
): void {
  if (distractors.length < 2) return
  // Exact-size array: half a million of them add up.
  const n = distractors.length + 1
  const at = ctx.positions.next(n)
  const options: string[] = new Array<string>(n)
  for (let i = 0, d = 0; i < n; i++) options[i] = i === at ? answer : (distractors[d++] as Scored).text
  const q = makeQuestion(meta, 'multiple-choice', prompt, answer)
  q.choices = options
  q.why = distractors.map((d) => ({ option: d.text, proof: d.why ?? '' }))
  q.difficulty = difficultyOf(distractors.map((d) => d.score))
  ctx.out.push(q)
}

/** Shared by every true/false question (frozen: never shuffle it in place). */
const TRUE_FALSE: readonly string[] = Object.freeze(['True', 'False'])

/** True or false, balanced across the deck; a false statement uses one of the card's wrong options. */
function trueFalse(
  ctx: GenerationContext,
  meta: CardMeta,
  template: string | undefined,
  truePhrase: string,
  falseOption: { phrase: string; score: number; why?: string } | undefined,
): void {
  if (!template) return
  const wantTrue = ctx.truths.next(2) === 0
  const statementTrue = wantTrue || !falseOption
  const q = makeQuestion(
    meta,
    'true-false',
    fill(template, statementTrue ? truePhrase : (falseOption as { phrase: string }).phrase, ctx.index.onPlaces),
    statementTrue ? 'True' : 'False',
  )
  q.choices = TRUE_FALSE as string[]
  if (!statementTrue && falseOption) q.why = [{ option: falseOption.phrase, proof: falseOption.why ?? '' }]
  q.difficulty = statementTrue ? 'medium' : difficultyOf([falseOption!.score])
  ctx.out.push(q)
}

function typed(
  ctx: GenerationContext,
  meta: CardMeta,
  prompt: string,
  answer: string,
  accept: string[],
  acceptAs?: string[],
): void {
  const q = makeQuestion(meta, 'typed', prompt, answer)
  q.accept = accept
  if (acceptAs) q.acceptAs = acceptAs
  ctx.out.push(q)
}

function entityVariants(ctx: GenerationContext, ask: Ask, answer: EntityAnswer, meta: CardMeta, random: Random): void {
  const { index } = ctx
  const name = (id: string) => index.entities.get(id)?.name ?? id
  const shown = answer.correct[answer.correct.length === 1 ? 0 : randomInt(random, answer.correct.length)] as string
  if (!ask.dispute) {
    const distractors = ctx.pools.pickEntities(
      shown,
      answer.pools,
      answer.exclude,
      answer.year,
      random,
      ask.subject.id,
      regnalGiveaway(ask.relation, ask.subject.name),
      answer.wrongBecause,
    )
    multipleChoice(ctx, meta, ask.prompt, name(shown), distractors)
    const wrong = distractors[0]
    trueFalse(
      ctx,
      meta,
      ask.statement,
      name(shown),
      wrong ? { phrase: wrong.text, score: wrong.score, why: wrong.why } : undefined,
    )
  }
  const ids = answer.alsoAccepted?.length ? [...answer.correct, ...answer.alsoAccepted] : answer.correct
  const display = ids.length === 1 ? name(shown) : ids.map(name).join(' / ')
  // One right entity: its forms, shared (frozen) by every question that accepts it.
  const single = ids.length === 1 ? index.forms.get(shown) : undefined
  if (single) return typed(ctx, meta, ask.typedPrompt ?? ask.prompt, display, frozen(single.forms), frozen(single.as))
  const accept: string[] = []
  const acceptAs: string[] = []
  for (const id of ids) {
    const forms = index.forms.get(id) ?? { forms: [name(id)], as: [name(id)] }
    accept.push(...forms.forms)
    acceptAs.push(...forms.as)
  }
  typed(ctx, meta, ask.typedPrompt ?? ask.prompt, display, accept, acceptAs)
}

const NUMBER_FORMS = new Map<number, string[]>()
/** ["38"], shared by every question whose answer is 38. */
function numberForms(value: number): string[] {
  let forms = NUMBER_FORMS.get(value)
  if (!forms) NUMBER_FORMS.set(value, (forms = Object.freeze([String(value)]) as string[]))
  return forms
}

const frozen = <T>(items: T[]): T[] => (Object.isFrozen(items) ? items : Object.freeze(items)) as T[]

function dateVariants(ctx: GenerationContext, ask: Ask, answer: DateAnswer, meta: CardMeta, random: Random): void {
  const { date, alternatives } = answer
  const all = [date, ...alternatives]
  const display = alternatives.length
    ? `${date.text} (also given as ${alternatives.map((d) => d.text).join(', ')})`
    : date.text
  const accepted = acceptedPoints(all)
  if (accepted) {
    const q = makeQuestion(meta, 'date', ask.prompt, display)
    q.date = accepted
    ctx.out.push(q)
  }
  if (ask.dispute || date.uncertain) return
  if (isExactDate(date)) {
    const spec = {
      date,
      correct: all,
      ...(answer.minYear !== undefined ? { minYear: answer.minYear } : {}),
      ...(answer.maxYear !== undefined ? { maxYear: answer.maxYear } : {}),
      ...(answer.notBefore ? { notBefore: answer.notBefore } : {}),
      ...(answer.notAfter ? { notAfter: answer.notAfter } : {}),
    }
    // One date per fact: the right one is the proof ("John VII was born in 1370").
    const proof = functionalProof(ask, datePhrase(date))
    // Options read as the deck's years are written; only the first, the false statement's, is phrased.
    const distractors = pickDates(spec, ctx.datePool, random).map((d): Scored => ({
      text: d.date ? displayDate(d.date, ctx.era) : d.text,
      score: d.score,
      date: d.date,
      why: proof,
    }))
    multipleChoice(ctx, meta, ask.prompt, date.text, distractors)
    const wrong = distractors[0]
    trueFalse(
      ctx,
      meta,
      ask.statement,
      datePhrase(date),
      wrong?.date
        ? { phrase: datePhrase({ ...wrong.date, text: wrong.text }), score: wrong.score, why: proof }
        : undefined,
    )
  } else if (date.kind === 'before' || date.kind === 'after') {
    // "before August 1397" is contradicted by "after August 1397" and by nothing nearer.
    const flipped = { ...date, kind: date.kind === 'before' ? ('after' as const) : ('before' as const) }
    trueFalse(ctx, meta, ask.statement, datePhrase(date), {
      phrase: datePhrase({ ...flipped, text: displayDate(flipped, ctx.era) }),
      score: 0.5,
      why: functionalProof(ask, datePhrase(date)),
    })
  }
}

function numberVariants(ctx: GenerationContext, ask: Ask, answer: NumberAnswer, meta: CardMeta, random: Random): void {
  const { duration } = answer
  const accepted: number[] = []
  for (let v = duration.min; v <= duration.max; v++) accepted.push(v)
  for (const v of answer.alsoAccepted ?? []) if (!accepted.includes(v)) accepted.push(v)
  // "About 11 years" (10 years 9½ months) is one answer, though 10 and 11 are both accepted typed.
  const about = ask.dispute ? undefined : duration.about
  const settled = !ask.dispute && (accepted.length === 1 || about !== undefined)
  const say = (n: number) => (about !== undefined ? 'about ' : '') + durationText(n, duration.unit)
  if (settled) {
    const value = about ?? duration.min
    const distractors = pickNumbers(
      value,
      answer.notWrong ? [...accepted, ...answer.notWrong] : accepted,
      answer.min,
      answer.max,
      random,
    ).map((d) => ({ ...d, text: say(Number(d.text)), why: ask.explanation }))
    multipleChoice(ctx, meta, ask.prompt, say(value), distractors)
    const wrong = distractors[0]
    trueFalse(
      ctx,
      meta,
      ask.statement,
      say(value),
      wrong ? { phrase: wrong.text, score: wrong.score, why: ask.explanation } : undefined,
    )
  }
  const display = settled
    ? say(about ?? duration.min)
    : accepted.length === duration.max - duration.min + 1
      ? durationRangeText(duration)
      : `${accepted.join(' or ')} ${duration.unit}`
  typed(
    ctx,
    meta,
    ask.typedPrompt ?? ask.prompt,
    display,
    accepted.length === 1 ? numberForms(accepted[0] as number) : accepted.map(String),
  )
}

function textVariants(ctx: GenerationContext, ask: Ask, answer: TextAnswer, meta: CardMeta, random: Random): void {
  const { forms, as } = ctx.gapDistractors.typedForms(answer.text)
  typed(ctx, meta, ask.typedPrompt ?? ask.prompt, answer.text, forms, as)
  if (ask.dispute) return
  const proof = `The source's text has “${answer.text}” here.`
  multipleChoice(
    ctx,
    meta,
    ask.prompt,
    answer.text,
    ctx.gapDistractors.pick(answer, ask.subject.id, random).map((d) => ({ ...d, why: proof })),
  )
}

/** The statement with the right value: the proof for a fact that has one value only. */
function functionalProof(ask: Ask, phrase: string): string {
  return ask.statement ? fill(ask.statement, phrase) : ask.explanation
}
