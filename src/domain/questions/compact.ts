// A deck's questions in the compact form the question cache keeps. Opening a deck and building a
// study queue read only each question's card, kind and fingerprint; a whole question (prompt,
// options, proofs) is read when it is about to show. So a part has a small head (the columns, as
// JSON) and a body (each question as one line of JSON), stored apart: opening a cached
// 100,000-fact deck reads and parses the heads only, not 400,000 questions.
import type { Question, QuestionKind } from './types'

/** One stored part: the columns of its questions, and the questions themselves as lines of JSON. */
export interface CompactPart {
  /** JSON of PartHead. */
  head: string
  /** One JSON question per line (JSON never holds a raw line break). */
  body: string
}

/** The columns of one part. Most ids and fingerprints follow from the card and need not be stored. */
interface PartHead {
  /** The part's cards, in order of first appearance. */
  cards: string[]
  /** The fingerprint of each card's first question. */
  cardPrints: string[]
  /** Per question: its card, as an index into `cards`. */
  card: number[]
  /** The part's kinds, and per question its kind as an index into them. */
  kinds: QuestionKind[]
  kind: number[]
  /** [question index, id] for each id other than `${cardId}/${kind}`. */
  ids: Array<[number, string]>
  /** [question index, fingerprint] for each fingerprint other than its card's. */
  prints: Array<[number, string]>
}

/** What opening and queueing read of a question: its card, kind and fingerprint, and where it is. */
export interface QuestionStub {
  cardId: string
  kind: QuestionKind
  fingerprint: string
  /** Position in the deck's questions. */
  index: number
}

const defaultId = (cardId: string, kind: string) => `${cardId}/${kind}`

/** The questions in parts of `size` (one part when there are none), compacted. */
export function compactQuestions(questions: readonly Question[], size: number): CompactPart[] {
  const count = Math.max(1, Math.ceil(questions.length / size))
  return Array.from({ length: count }, (_, part) => {
    const slice = questions.slice(part * size, (part + 1) * size)
    const head: PartHead = { cards: [], cardPrints: [], card: [], kinds: [], kind: [], ids: [], prints: [] }
    const cardAt = new Map<string, number>()
    const kindAt = new Map<QuestionKind, number>()
    slice.forEach((q, i) => {
      let c = cardAt.get(q.cardId)
      if (c === undefined) {
        cardAt.set(q.cardId, (c = head.cards.length))
        head.cards.push(q.cardId)
        head.cardPrints.push(q.fingerprint)
      }
      let k = kindAt.get(q.kind)
      if (k === undefined) {
        kindAt.set(q.kind, (k = head.kinds.length))
        head.kinds.push(q.kind)
      }
      head.card.push(c)
      head.kind.push(k)
      if (q.id !== defaultId(q.cardId, q.kind)) head.ids.push([i, q.id])
      if (q.fingerprint !== head.cardPrints[c]) head.prints.push([i, q.fingerprint])
    })
    return { head: JSON.stringify(head), body: slice.map((q) => JSON.stringify(q)).join('\n') }
  })
}

/** A deck's questions as the question service holds them: stubs for every one, whole ones on demand. */
export interface QuestionBank {
  readonly stubs: readonly QuestionStub[]
  /** The whole questions at these indexes, in the order given. */
  questions(indexes: readonly number[]): Promise<Question[]>
  /** The index of the question with this id, or undefined. */
  indexOf(id: string): number | undefined
  /** Every question, in order. */
  all(): Promise<Question[]>
}

/** Questions just generated: all of them at hand. */
export class GeneratedQuestions implements QuestionBank {
  readonly stubs: QuestionStub[]
  private byId: Map<string, number> | undefined

  constructor(private readonly generated: Question[]) {
    this.stubs = generated.map((q, index) => ({ cardId: q.cardId, kind: q.kind, fingerprint: q.fingerprint, index }))
  }

  questions(indexes: readonly number[]): Promise<Question[]> {
    return Promise.resolve(indexes.map((i) => this.generated[i] as Question))
  }

  indexOf(id: string): number | undefined {
    this.byId ??= new Map(this.generated.map((q, i) => [q.id, i]))
    return this.byId.get(id)
  }

  all(): Promise<Question[]> {
    return Promise.resolve(this.generated)
  }
}

/**
 * A deck's questions read back from compact parts: the stubs from the heads at once, whole
 * questions from a part's body, read (`body`) and split on the first question asked of it.
 */
export class CompactQuestions implements QuestionBank {
  readonly stubs: QuestionStub[] = []
  private readonly lines = new Map<number, Promise<string[]>>()
  private readonly starts: number[] = []
  private readonly ids = new Map<number, string>()
  private byId: Map<string, number> | undefined

  constructor(
    heads: readonly string[],
    private readonly body: (part: number) => Promise<string>,
  ) {
    for (const text of heads) {
      const head = JSON.parse(text) as PartHead
      const base = this.stubs.length
      this.starts.push(base)
      const prints = new Map(head.prints)
      for (let i = 0; i < head.card.length; i++) {
        const c = head.card[i] as number
        this.stubs.push({
          cardId: head.cards[c] as string,
          kind: head.kinds[head.kind[i] as number] as QuestionKind,
          fingerprint: prints.get(i) ?? (head.cardPrints[c] as string),
          index: base + i,
        })
      }
      for (const [i, id] of head.ids) this.ids.set(base + i, id)
    }
  }

  /** The id of the question at `index`. */
  id(index: number): string {
    const stub = this.stubs[index] as QuestionStub
    return this.ids.get(index) ?? defaultId(stub.cardId, stub.kind)
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
        return JSON.parse((await lines)[index - (this.starts[part] as number)] as string) as Question
      }),
    )
  }

  indexOf(id: string): number | undefined {
    if (!this.byId) {
      this.byId = new Map()
      for (let i = 0; i < this.stubs.length; i++) this.byId.set(this.id(i), i)
    }
    return this.byId.get(id)
  }

  all(): Promise<Question[]> {
    return this.questions(this.stubs.map((s) => s.index))
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
