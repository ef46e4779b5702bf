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
  /** One question per line (see lineOf in compact-write.ts; JSON never holds a raw line break). */
  body: string
}

/**
 * The columns of one part (raise COMPACT_FORMAT in cache-key.ts whenever they change). Cards are numbered across the deck, in the order of their first
 * question; most ids and fingerprints follow from the card and need not be stored.
 */
export interface PartHead {
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
export const KIND_BASE = 48

export const defaultId = (cardId: string, kind: string) => `${cardId}/${kind}`

/**
 * What the questions of one card share (its CardMeta): written on the first line of a run of lines
 * that share them (the same values: the card's questions share one CardMeta's).
 */
export const SHARED = [
  'subject',
  'subjectId',
  'relation',
  'sources',
  'explanation',
  'dispute',
  'factIds',
  'image',
] as const
/** A line starting with this has the SHARED fields of the line before it. */
export const AS_BEFORE = '~'
/** A line's key for `why` written as its proofs only (see proofsOnly in compact-write.ts); no field of a question. */
export const PROOFS = '~w'

/** `why` again from proofsOnly's form. */
function whyOf(proofs: string | string[], choices: readonly string[], answer: string): WrongOptionProof[] {
  return choices
    .filter((c) => c !== answer)
    .map((option, i) => ({ option, proof: typeof proofs === 'string' ? proofs : (proofs[i] as string) }))
}

/** A line's fields (see lineOf in compact-write.ts). */
const parseLine = (line: string): Record<string, unknown> =>
  JSON.parse(line.startsWith(AS_BEFORE) ? line.slice(AS_BEFORE.length) : line) as Record<string, unknown>

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
 * How many parts' lines a bank keeps once read, the last read: a part of a 100,000-fact deck is
 * some 4 MB of text, and the cards a study queue or a card browser reads are spread over them all.
 */
const KEPT_PARTS = 4

/**
 * A deck's questions read back from compact parts: the stubs from the heads at once, whole
 * questions from a part's body, read (`body`) and split on the first question asked of it (and
 * kept for the next questions asked of it, while it is one of the KEPT_PARTS read last).
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
    // Each part this call needs is read (or taken from those kept) once for the call.
    const read = new Map<number, Promise<string[]>>()
    const linesOf = (part: number) => {
      let lines = read.get(part)
      if (!lines) {
        lines = this.lines.get(part)
        if (!lines) {
          const reading = this.body(part).then((text) => text.split('\n'))
          // A failed read is tried again next time.
          reading.catch(() => {
            if (this.lines.get(part) === reading) this.lines.delete(part)
          })
          lines = reading
        }
        read.set(part, lines)
      }
      return lines
    }
    const questions = Promise.all(
      indexes.map(async (index) => {
        const part = this.partOf(index)
        return this.decode(index, part, await linesOf(part))
      }),
    )
    // The parts read last are kept (most recent last), and no more than KEPT_PARTS of them.
    for (const [part, lines] of read) {
      this.lines.delete(part)
      this.lines.set(part, lines)
    }
    for (const part of this.lines.keys()) {
      if (this.lines.size <= KEPT_PARTS) break
      this.lines.delete(part)
    }
    return questions
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
