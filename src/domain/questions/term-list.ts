// Term lists (hand-written term–definition cards, from CSV, Quizlet, Anki, GIFT, Aiken or the
// editor) become quizzes: each card is asked as a flashcard, as multiple choice both ways (term →
// definition and definition → term), as true/false and as typed recall, and runs of four cards
// make matching rounds. Wrong options are other cards' sides of the same length and the same kind
// of text, never one that reads like the answer, and never one that is also right (two cards with
// the same term or the same definition). A list of fewer than MIN_TERMS cards is asked as typed and
// flip only: three options out of three cards teach nothing.
import type { HandCard } from '../deck/types'
import { randomInt, shuffled, createRandom, seedFrom, type Random } from '../random'
import type { Question } from './types'
import { normalizeAnswer } from './answers'
import { canonicalText } from '../text/canonical'
import { makeQuestion, type CardMeta } from './card'
import { handQuestion } from './cards'
import { difficultyOf, DISTRACTORS, type Scored } from './distractors'
import type { GenerationContext } from './variants'

export type BasicCard = Extract<HandCard, { type: 'basic' }>

/** Fewer cards than this: typed and flip only. */
export const MIN_TERMS = 4
/** Pairs per matching round. */
const MATCH_PAIRS = 4
/** A typed answer longer than this (in characters) is not asked as typed: nobody types a paragraph. */
const MAX_TYPED_LENGTH = 60
/** Sides longer than this are left out of matching rounds (they would not fit side by side). */
const MAX_MATCH_LENGTH = 80
/** Candidates scored per question from the answer's own group: keeps a 50k-card list near linear. */
const SAMPLE = 24

/** How long a side is, in words: one word, a few, a phrase, a sentence, a paragraph. */
export function lengthClass(text: string): number {
  const words = text.trim().split(/\s+/).length
  return words <= 1 ? 0 : words <= 3 ? 1 : words <= 8 ? 2 : words <= 20 ? 3 : 4
}

export type TextKind = 'number' | 'year' | 'name' | 'sentence' | 'phrase'

/** What kind of text a side is: a number, something with a year, a name, a sentence or a phrase. */
export function textKind(text: string): TextKind {
  const t = text.trim()
  if (/^[-+]?[\d\s.,%/:]+$/.test(t)) return 'number'
  if (/\b\d{3,4}\b/.test(t)) return 'year'
  const words = t.split(/\s+/)
  if (words.length <= 5 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(of|the|de|la|von|van|and)$/.test(w)))
    return 'name'
  if (/[.!?]$/.test(t) || words.length > 8) return 'sentence'
  return 'phrase'
}

/** Two texts a learner would take for one: equal once normalized, or a small edit apart. */
export function nearDuplicate(a: string, b: string): boolean {
  if (a === b) return true
  const longer = Math.max(a.length, b.length)
  if (Math.abs(a.length - b.length) > longer * 0.25) return false
  // One edit in a short word is another word ("cat", "hat"); in a longer one it is a spelling.
  return withinEdits(a, b, longer < 5 ? 0 : Math.max(1, Math.floor(longer * 0.1)))
}

/** Is the edit distance of a and b at most k? Only a band of width 2k+1 is computed: O(k·n). */
export function withinEdits(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false
  if (k === 0) return a === b
  const big = k + 1
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j <= k ? j : big
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - k)
    const to = Math.min(b.length, i + k)
    cur.fill(big)
    cur[0] = i <= k ? i : big
    let best = cur[0] as number
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      const v = Math.min((prev[j - 1] as number) + cost, (prev[j] as number) + 1, (cur[j - 1] as number) + 1)
      cur[j] = v > big ? big : v
      if (v < best) best = v
    }
    if (best > k) return false
    ;[prev, cur] = [cur, prev]
  }
  return (prev[b.length] as number) <= k
}

/** One side of every card, with what choosing wrong options needs, computed once. */
interface Side {
  text: string
  key: string
  length: number
  kind: TextKind
  words: Set<string>
}

function side(text: string): Side {
  const key = normalizeAnswer(text)
  return { text, key, length: lengthClass(text), kind: textKind(text), words: new Set(key.split(' ')) }
}

/** Similarity 0…1: same length class and kind of text count most, shared words and length a little. */
function similarity(answer: Side, other: Side): number {
  let shared = 0
  for (const w of other.words) if (answer.words.has(w)) shared++
  const overlap = shared / Math.max(answer.words.size, other.words.size)
  const lengthRatio = Math.min(answer.text.length, other.text.length) / Math.max(answer.text.length, other.text.length)
  return (
    0.35 * (answer.kind === other.kind ? 1 : 0) +
    0.3 * (answer.length === other.length ? 1 : Math.abs(answer.length - other.length) === 1 ? 0.4 : 0) +
    0.2 * lengthRatio +
    0.15 * overlap
  )
}

/** The cards of one side, grouped by kind of text and length class, to draw candidates from. */
class SidePool {
  readonly sides: Side[]
  private readonly groups = new Map<string, number[]>()
  /** Cards by the normalized text of this side: two cards sharing it are both right. */
  readonly byKey = new Map<string, number[]>()

  constructor(texts: readonly string[]) {
    this.sides = texts.map(side)
    this.sides.forEach((s, i) => {
      push(this.groups, `${s.kind}/${s.length}`, i)
      push(this.byKey, s.key, i)
    })
  }

  /** Indexes of candidate cards for the answer at `i`: a sample of its group, then of the whole list. */
  candidates(i: number, random: Random): number[] {
    const s = this.sides[i] as Side
    const group = this.groups.get(`${s.kind}/${s.length}`) ?? []
    const out = new Set<number>()
    sample(group, random, SAMPLE, out)
    if (out.size < SAMPLE) sample(this.sides.length, random, SAMPLE, out)
    return [...out]
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Adds up to `count` members of `from` (a list, or 0…n-1) to `out`: all of them when few. */
function sample(from: readonly number[] | number, random: Random, count: number, out: Set<number>): void {
  const n = typeof from === 'number' ? from : from.length
  const at = (k: number) => (typeof from === 'number' ? k : (from[k] as number))
  if (n <= count * 2) {
    for (let k = 0; k < n; k++) out.add(at(k))
    return
  }
  for (let tries = 0; tries < count * 2 && out.size < count * 2; tries++) out.add(at(randomInt(random, n)))
}

/**
 * Wrong options for card `i`'s side in `answers`, asked from its side in `prompts`: other cards'
 * sides, most similar first, never one that reads like the answer, and never a card whose prompt
 * side reads like this prompt (it would be a second right answer).
 */
function wrongOptions(i: number, answers: SidePool, prompts: SidePool, random: Random): Scored[] {
  const answer = answers.sides[i] as Side
  const prompt = prompts.sides[i] as Side
  const scored: Array<Scored & { key: string }> = []
  for (const j of answers.candidates(i, random)) {
    if (j === i) continue
    const other = answers.sides[j] as Side
    if (!other.key || (prompts.sides[j] as Side).key === prompt.key) continue
    scored.push({ text: other.text, key: other.key, score: similarity(answer, other) + random() * 0.05 })
  }
  scored.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1))
  // Most similar first; the near-duplicate checks run only until three are found.
  const out: Scored[] = []
  const taken: string[] = [answer.key]
  for (const c of scored) {
    if (taken.some((t) => nearDuplicate(t, c.key))) continue
    taken.push(c.key)
    out.push({ text: c.text, score: c.score })
    if (out.length === DISTRACTORS) break
  }
  return out
}

function multipleChoice(
  ctx: GenerationContext,
  meta: CardMeta,
  id: string,
  prompt: string,
  answer: string,
  wrong: readonly Scored[],
): void {
  if (wrong.length < 2) return
  const n = wrong.length + 1
  const at = ctx.positions.next(n)
  const options = new Array<string>(n)
  for (let k = 0, d = 0; k < n; k++) options[k] = k === at ? answer : (wrong[d++] as Scored).text
  const q = makeQuestion(meta, 'multiple-choice', prompt, answer)
  q.id = id
  q.choices = options
  q.difficulty = difficultyOf(wrong.map((w) => w.score))
  ctx.out.push(q)
}

/** The questions of every hand-written card: term lists get every kind, other cards pass through. */
export function handWrittenQuestions(ctx: GenerationContext, cards: readonly HandCard[]): void {
  const basics = cards.filter((c): c is BasicCard => c.type === 'basic')
  const terms = new SidePool(basics.map((c) => c.front))
  const definitions = new SidePool(basics.map((c) => c.back))
  const quiz = basics.length >= MIN_TERMS
  let b = 0
  for (const card of cards) {
    const flip = handQuestion(ctx, card)
    ctx.out.push(flip)
    if (card.type !== 'basic') continue
    const i = b++
    const meta = metaOf(flip)
    const random = ctx.random(meta.cardId)
    if (quiz) {
      const toDefinition = wrongOptions(i, definitions, terms, random)
      multipleChoice(ctx, meta, `${meta.cardId}/multiple-choice`, card.front, card.back, toDefinition)
      multipleChoice(
        ctx,
        meta,
        `${meta.cardId}/reverse/multiple-choice`,
        `Which goes with “${card.back}”?`,
        card.front,
        wrongOptions(i, terms, definitions, random),
      )
      trueFalse(ctx, meta, card, toDefinition[0])
    }
    typed(ctx, meta, card, i, terms, definitions)
  }
  if (quiz) matchingRounds(ctx, basics, terms, definitions)
}

/** The flashcard's card data, shared by the card's other questions (same card id, same fingerprint). */
function metaOf(q: Question): CardMeta {
  return {
    cardId: q.cardId,
    deckId: q.deckId,
    sources: q.sources,
    explanation: q.explanation,
    factIds: q.factIds,
    fingerprint: q.fingerprint,
  }
}

/** "“ephemeral” goes with “lasting a very short time”": the card's own definition or another card's. */
function trueFalse(ctx: GenerationContext, meta: CardMeta, card: BasicCard, wrong: Scored | undefined): void {
  const statementTrue = ctx.truths.next(2) === 0 || !wrong
  const shown = statementTrue ? card.back : (wrong as Scored).text
  const q = makeQuestion(meta, 'true-false', `“${card.front}” goes with “${shown}”.`, statementTrue ? 'True' : 'False')
  q.choices = ['True', 'False']
  q.difficulty = statementTrue ? 'medium' : difficultyOf([(wrong as Scored).score])
  if (!statementTrue) q.explanation = `“${card.front}” goes with “${card.back}”.`
  ctx.out.push(q)
}

/**
 * Typed recall of the shorter side from the longer (usually the term from its definition). Every
 * card whose prompt side reads the same is accepted too: the prompt cannot tell them apart.
 */
function typed(
  ctx: GenerationContext,
  meta: CardMeta,
  card: BasicCard,
  i: number,
  terms: SidePool,
  definitions: SidePool,
): void {
  const askTerm = card.front.length <= card.back.length
  const answer = askTerm ? card.front : card.back
  if (answer.length > MAX_TYPED_LENGTH) return
  const [prompts, answers] = askTerm ? [definitions, terms] : [terms, definitions]
  const same = prompts.byKey.get((prompts.sides[i] as Side).key) ?? [i]
  const accept = [answer, ...same.filter((j) => j !== i).map((j) => (answers.sides[j] as Side).text)]
  const q = makeQuestion(meta, 'typed', askTerm ? `Write what goes with “${card.back}”.` : card.front, answer)
  q.accept = [...new Set(accept)]
  ctx.out.push(q)
}

/** Runs of four cards (deck order) whose sides are short and all different: "Match each term…". */
function matchingRounds(
  ctx: GenerationContext,
  cards: readonly BasicCard[],
  terms: SidePool,
  definitions: SidePool,
): void {
  let run: number[] = []
  const flush = () => {
    if (run.length >= 3)
      emitRound(
        ctx,
        run.map((i) => cards[i] as BasicCard),
      )
    run = []
  }
  for (let i = 0; i < cards.length; i++) {
    const t = terms.sides[i] as Side
    const d = definitions.sides[i] as Side
    if (t.text.length > MAX_MATCH_LENGTH || d.text.length > MAX_MATCH_LENGTH) continue
    // Unique within the whole list, so that no other card could also fit a pair.
    if ((terms.byKey.get(t.key)?.length ?? 0) > 1 || (definitions.byKey.get(d.key)?.length ?? 0) > 1) continue
    if (
      run.some(
        (j) =>
          nearDuplicate((terms.sides[j] as Side).key, t.key) ||
          nearDuplicate((definitions.sides[j] as Side).key, d.key),
      )
    )
      continue
    run.push(i)
    if (run.length === MATCH_PAIRS) flush()
  }
  flush()
}

function emitRound(ctx: GenerationContext, cards: readonly BasicCard[]): void {
  const meta = ctx.cache.meta({
    deckId: ctx.deckId,
    key: `match.terms/${(cards[0] as BasicCard).id}`,
    relation: 'match',
    facts: [],
    sourceIds: [...new Set(cards.flatMap((c) => c.sources))],
    fingerprintExtra: canonicalText(cards.map((c) => [c.front, c.back])),
    explanation: cards.map((c) => `${c.front}: ${c.back}`).join('; '),
  })
  const q = makeQuestion(
    meta,
    'matching',
    'Match each term with what goes with it.',
    cards.map((c) => `${c.front} → ${c.back}`),
  )
  const random = createRandom(seedFrom(ctx.seed, q.id))
  q.pairs = {
    left: shuffled(
      random,
      cards.map((c) => c.front),
    ),
    right: shuffled(
      random,
      cards.map((c) => c.back),
    ),
  }
  ctx.out.push(q)
}
