// Writing a deck's questions in the compact form of compact.ts, which reads them back. Apart from
// the reader: opening a deck from its cache or from the build reads parts and never writes one, so
// a first card needs none of this; it loads with the generator.
import { AS_BEFORE, KIND_BASE, PROOFS, defaultId, type CompactPart, type PartHead } from './compact'
import type { Question, QuestionKind, WrongOptionProof } from './types'

/**
 * A multiple-choice question's `why` as its proofs alone, when its options are the choices other
 * than the answer, in order (as the generator writes them): one string when every option has the
 * same proof ("John VII was born in 1370"), else one per option. Undefined when `why` is other.
 */
function proofsOnly(q: Question): string | string[] | undefined {
  const { why, choices, answer } = q
  if (!why?.length || !choices || typeof answer !== 'string' || choices.length !== why.length + 1) return undefined
  const first = (why[0] as WrongOptionProof).proof
  let same = true
  let w = 0
  for (const option of choices) {
    if (option === answer) continue
    const wrong = why[w++]
    if (wrong?.option !== option || typeof wrong.proof !== 'string' || Object.keys(wrong).length !== 2) return undefined
    if (wrong.proof !== first) same = false
  }
  if (w !== why.length) return undefined
  return same ? first : why.map((wrong) => wrong.proof)
}

/**
 * One question's line: its JSON without what the head gives back (id, card, kind, fingerprint, the
 * part's deck id), without the SHARED fields when they are those of the question before it (then
 * the line starts with AS_BEFORE), and with `why` as its proofs only where it can be.
 */
function lineOf(q: Question, before: Question | undefined, deckId: string | undefined): string {
  const shares =
    before !== undefined &&
    q.subject === before.subject &&
    q.subjectId === before.subjectId &&
    q.relation === before.relation &&
    q.sources === before.sources &&
    q.explanation === before.explanation &&
    q.dispute === before.dispute &&
    q.factIds === before.factIds &&
    q.image === before.image
  const proofs = proofsOnly(q)
  // Every field but the id, card, kind and fingerprint (the head has them), by name: one object
  // shape, faster than copying keys one by one. `satisfies` keeps the list whole when a field is
  // added to Question. Undefined ones are not written.
  const line = {
    deckId: q.deckId === deckId ? undefined : q.deckId,
    prompt: q.prompt,
    answer: q.answer,
    choices: q.choices,
    why: proofs === undefined ? q.why : undefined,
    [PROOFS]: proofs,
    accept: q.accept,
    acceptAs: q.acceptAs,
    difficulty: q.difficulty,
    date: q.date,
    items: q.items,
    pairs: q.pairs,
    subject: shares ? undefined : q.subject,
    subjectId: shares ? undefined : q.subjectId,
    relation: shares ? undefined : q.relation,
    sources: shares ? undefined : q.sources,
    explanation: shares ? undefined : q.explanation,
    dispute: shares ? undefined : q.dispute,
    factIds: shares ? undefined : q.factIds,
    image: shares ? undefined : q.image,
  } satisfies Record<Exclude<keyof Question, 'id' | 'cardId' | 'kind' | 'fingerprint'>, unknown> & { [PROOFS]: unknown }
  return (shares ? AS_BEFORE : '') + JSON.stringify(line)
}

/** The questions in parts of `size` (one part when there are none), compacted. */
export function compactQuestions(questions: readonly Question[], size: number): CompactPart[] {
  const parts: CompactPart[] = []
  const compactor = new QuestionCompactor(size, (part) => parts.push(part))
  compactor.add(questions)
  compactor.finish()
  return parts
}

/**
 * compactQuestions batch by batch, for questions still being generated: each part is compacted and
 * handed to `emit` as soon as it is full, so only the questions of the one part not yet full are
 * kept. Fed a deck's questions in any batches, it emits compactQuestions(all of them, size).
 */
export class QuestionCompactor {
  /** The questions after the parts emitted. */
  private rest: Question[] = []
  /** Card numbers run across the parts: those of the emitted parts' cards, and their fingerprints. */
  private readonly cardAt = new Map<string, number>()
  private readonly cardPrints: string[] = []
  private parts = 0
  private finished = false
  /** How many questions were added. */
  length = 0

  constructor(
    private readonly size: number,
    private readonly emit: (part: CompactPart) => void,
  ) {}

  add(questions: readonly Question[]): void {
    if (this.finished) throw new Error('QuestionCompactor: add after finish')
    for (const q of questions) {
      this.rest.push(q)
      if (this.rest.length === this.size) this.flush()
    }
    this.length += questions.length
  }

  /** Emits the last part (the one empty part when no question came). */
  finish(): void {
    if (!this.finished && (this.rest.length > 0 || this.parts === 0)) this.flush()
    this.finished = true
  }

  /** The questions after the parts emitted, as one part more (more may join them), if there are any. */
  pending(): CompactPart | undefined {
    return this.rest.length ? this.compact(this.rest, false) : undefined
  }

  private flush(): void {
    this.emit(this.compact(this.rest, true))
    this.parts++
    this.rest = []
  }

  /** One part of `slice`; `commit` numbers its new cards for the parts after it. */
  private compact(slice: readonly Question[], commit: boolean): CompactPart {
    const head: PartHead = { cards: [], cardPrints: [], runs: [], kinds: [], kind: '', ids: [], prints: [] }
    const deck = slice[0]?.deckId
    if (typeof deck === 'string' && slice.every((q) => q.deckId === deck)) head.deck = deck
    const base = this.cardPrints.length
    // The cards first met in this part, numbered after the parts' before.
    const fresh = new Map<string, number>()
    const kindAt = new Map<QuestionKind, number>()
    const kinds: string[] = []
    slice.forEach((q, i) => {
      let c = this.cardAt.get(q.cardId) ?? fresh.get(q.cardId)
      if (c === undefined) {
        fresh.set(q.cardId, (c = base + head.cards.length))
        head.cards.push(q.cardId)
        head.cardPrints.push(q.fingerprint)
      }
      const runs = head.runs.length
      if (runs && head.runs[runs - 2] === c) head.runs[runs - 1] = (head.runs[runs - 1] as number) + 1
      else head.runs.push(c, 1)
      let k = kindAt.get(q.kind)
      if (k === undefined) {
        kindAt.set(q.kind, (k = head.kinds.length))
        head.kinds.push(q.kind)
      }
      kinds.push(String.fromCharCode(KIND_BASE + k))
      if (q.id !== defaultId(q.cardId, q.kind)) head.ids.push([i, q.id])
      const cardPrint = c < base ? this.cardPrints[c] : head.cardPrints[c - base]
      if (q.fingerprint !== cardPrint) head.prints.push([i, q.fingerprint])
    })
    head.kind = kinds.join('')
    if (commit) {
      for (const [cardId, c] of fresh) this.cardAt.set(cardId, c)
      for (const print of head.cardPrints) this.cardPrints.push(print)
    }
    return { head: JSON.stringify(head), body: slice.map((q, i) => lineOf(q, slice[i - 1], head.deck)).join('\n') }
  }
}
