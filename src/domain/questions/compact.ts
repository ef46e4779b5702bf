// A deck's questions in the compact form the question cache keeps. Opening a deck and building a
// study queue read only each question's card, kind and fingerprint; a whole question (prompt,
// options, proofs) is read when it is about to show. So a part has a small head (the columns, as
// JSON) and a body (each question as one line of JSON), stored apart: opening a cached
// 100,000-fact deck reads and parses the heads only, not 400,000 questions. A line holds only what
// the head does not, and what a card's questions share (subject, sources, explanation…) is written
// once per card: the body is some 45 % smaller than the questions' JSON, so a generated deck has
// less to compact, to pack in memory and to store.
import { QuestionStubs, type StubColumns } from './stubs'
import type { Question, QuestionKind, WrongOptionProof } from './types'

export type { QuestionStub } from './stubs'

/** One stored part: the columns of its questions, and the questions themselves as lines of JSON. */
export interface CompactPart {
  /** JSON of PartHead. */
  head: string
  /** One question per line (see lineOf; JSON never holds a raw line break). */
  body: string
}

/**
 * The columns of one part (raise COMPACT_FORMAT in cache-key.ts whenever they change). Cards are numbered across the deck, in the order of their first
 * question; most ids and fingerprints follow from the card and need not be stored.
 */
interface PartHead {
  /** The cards whose first question is in this part, in order: they continue the previous parts' numbers. */
  cards: string[]
  /** The fingerprint of each of those cards' first question. */
  cardPrints: string[]
  /** The part's questions as runs of one card: [card number, how many questions, …]. */
  runs: number[]
  /** The part's kinds, and per question its kind as one character: KIND_BASE plus its index into them. */
  kinds: QuestionKind[]
  kind: string
  /** [question index in the part, id] for each id other than `${cardId}/${kind}`. */
  ids: Array<[number, string]>
  /** [question index in the part, fingerprint] for each fingerprint other than its card's. */
  prints: Array<[number, string]>
  /** The deck id of every question of the part, when they all have the same one (left out of the lines). */
  deck?: string
}

/** '0': the kind characters are digits, then letters, none of them escaped in JSON. */
const KIND_BASE = 48

const defaultId = (cardId: string, kind: string) => `${cardId}/${kind}`

/**
 * What the questions of one card share (its CardMeta): written on the first line of a run of lines
 * that share them (the same values: the card's questions share one CardMeta's).
 */
const SHARED = ['subject', 'subjectId', 'relation', 'sources', 'explanation', 'dispute', 'factIds', 'image'] as const
/** A line starting with this has the SHARED fields of the line before it. */
const AS_BEFORE = '~'
/** A line's key for `why` written as its proofs only (see proofsOnly); no field of a question. */
const PROOFS = '~w'

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

/** `why` again from proofsOnly's form. */
function whyOf(proofs: string | string[], choices: readonly string[], answer: string): WrongOptionProof[] {
  return choices
    .filter((c) => c !== answer)
    .map((option, i) => ({ option, proof: typeof proofs === 'string' ? proofs : (proofs[i] as string) }))
}

/** A line's fields (see lineOf). */
const parseLine = (line: string): Record<string, unknown> =>
  JSON.parse(line.startsWith(AS_BEFORE) ? line.slice(AS_BEFORE.length) : line) as Record<string, unknown>

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

/** A deck's questions as the question service holds them: stubs for every one, whole ones on demand. */
export interface QuestionBank {
  readonly stubs: QuestionStubs
  /** The whole questions at these indexes, in the order given. */
  questions(indexes: readonly number[]): Promise<Question[]>
  /** The index of the question with this id, or undefined. */
  indexOf(id: string): number | undefined
  /** Every question, in order. */
  all(): Promise<Question[]>
}

/**
 * A deck's questions read back from compact parts: the stubs from the heads at once, whole
 * questions from a part's body, read (`body`) and split on the first question asked of it.
 */
export class CompactQuestions implements QuestionBank {
  readonly stubs: QuestionStubs
  private readonly lines = new Map<number, Promise<string[]>>()
  private readonly starts: number[] = []
  private readonly ids = new Map<number, string>()
  /** Per part, its questions' deck id (PartHead.deck). */
  private readonly decks: Array<string | undefined> = []
  private byId: Map<string, number> | undefined

  constructor(
    heads: readonly string[],
    private readonly body: (part: number) => Promise<string>,
  ) {
    const parsed = heads.map((text) => JSON.parse(text) as PartHead)
    const length = parsed.reduce((n, head) => n + head.kind.length, 0)
    const columns: StubColumns = {
      cards: [],
      cardPrints: [],
      kinds: [],
      kind: new Uint8Array(length),
      card: new Int32Array(length),
      prints: new Map(),
    }
    const kindAt = new Map<QuestionKind, number>()
    let base = 0
    for (const head of parsed) {
      this.starts.push(base)
      for (const card of head.cards) columns.cards.push(card)
      for (const print of head.cardPrints) columns.cardPrints.push(print)
      // The part's kind numbers, as the deck's.
      const kinds = head.kinds.map((kind) => {
        let k = kindAt.get(kind)
        if (k === undefined) kindAt.set(kind, (k = columns.kinds.push(kind) - 1))
        return k
      })
      for (let i = 0; i < head.kind.length; i++)
        columns.kind[base + i] = kinds[head.kind.charCodeAt(i) - KIND_BASE] as number
      let at = base
      for (let r = 0; r < head.runs.length; r += 2) {
        const end = at + (head.runs[r + 1] as number)
        columns.card.fill(head.runs[r] as number, at, end)
        at = end
      }
      for (const [i, print] of head.prints) columns.prints.set(base + i, print)
      for (const [i, id] of head.ids) this.ids.set(base + i, id)
      this.decks.push(head.deck)
      base += head.kind.length
    }
    this.stubs = new QuestionStubs(columns)
  }

  /** The id of the question at `index`. */
  id(index: number): string {
    return this.ids.get(index) ?? defaultId(this.stubs.cardId(this.stubs.cardOf(index)), this.stubs.kind(index))
  }

  async questions(indexes: readonly number[]): Promise<Question[]> {
    return Promise.all(
      indexes.map(async (index) => {
        const part = this.partOf(index)
        let lines = this.lines.get(part)
        if (!lines) {
          lines = this.body(part).then((text) => text.split('\n'))
          // A failed read is tried again next time.
          lines.catch(() => this.lines.delete(part))
          this.lines.set(part, lines)
        }
        return this.decode(index, part, await lines)
      }),
    )
  }

  /** The whole question at `index` from its part's lines: what lineOf left out, given back. */
  private decode(index: number, part: number, lines: readonly string[]): Question {
    const at = index - (this.starts[part] as number)
    const text = lines[at] as string
    const sharesBefore = text.startsWith(AS_BEFORE)
    const { [PROOFS]: proofs, ...own } = parseLine(text)
    // The SHARED fields are on the first line of the run of lines that share them.
    const shared: Partial<Record<(typeof SHARED)[number], unknown>> = {}
    if (sharesBefore) {
      let first = at - 1
      while (first > 0 && (lines[first] as string).startsWith(AS_BEFORE)) first--
      const line = parseLine(lines[first] as string)
      for (const key of SHARED) if (Object.hasOwn(line, key)) shared[key] = line[key]
    }
    const deck = this.decks[part]
    const q = {
      id: this.id(index),
      cardId: this.stubs.cardId(this.stubs.cardOf(index)),
      ...(deck === undefined ? {} : { deckId: deck }),
      kind: this.stubs.kind(index),
      fingerprint: this.stubs.fingerprint(index),
      ...shared,
      ...own,
    } as unknown as Question
    if (proofs !== undefined) q.why = whyOf(proofs as string | string[], q.choices ?? [], q.answer as string)
    return q
  }

  indexOf(id: string): number | undefined {
    if (!this.byId) {
      this.byId = new Map()
      for (let i = 0; i < this.stubs.length; i++) this.byId.set(this.id(i), i)
    }
    return this.byId.get(id)
  }

  all(): Promise<Question[]> {
    return this.questions(Array.from({ length: this.stubs.length }, (_, i) => i))
  }

  /** The part holding the question at `index` (binary search of the parts' first indexes). */
  private partOf(index: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if ((this.starts[mid] as number) <= index) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}

/** Compact parts handed on one at a time (to the question cache): how many, and each. */
export interface PartSource {
  readonly count: number
  part(index: number): CompactPart
}
