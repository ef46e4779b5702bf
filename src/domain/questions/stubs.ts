// What opening a deck, syncing it and building its study queue read of its questions (each one's
// card, kind and fingerprint), held column by column. A 100,000-fact deck has 400,000 questions:
// an object for each costs more to build and to collect than reading them from the cache, and a
// study queue needs the variants of a few dozen cards only.
import type { Question, QuestionKind } from './types'

/** One question as opening and queueing read it: its card, kind and fingerprint, and where it is. */
export interface QuestionStub {
  cardId: string
  kind: QuestionKind
  fingerprint: string
  /** Position in the deck's questions. */
  index: number
}

/** The columns of a deck's stubs. Cards are numbered in the order of their first question. */
export interface StubColumns {
  /** Card ids, in the order of each card's first question. */
  cards: string[]
  /** The fingerprint of each card's first question. */
  cardPrints: string[]
  kinds: QuestionKind[]
  /** Per question: its kind, as an index into `kinds`. */
  kind: Uint8Array
  /** Per question: its card, as an index into `cards`. */
  card: Int32Array
  /** Question index → fingerprint, for each fingerprint other than its card's. */
  prints: Map<number, string>
}

/** The stubs of a deck's questions, read by card (the queue, the sync) or by question. */
export class QuestionStubs {
  /** How many questions. */
  readonly length: number
  readonly cardCount: number
  /** Per card, where its questions start in `byCard` (and, at the card after, end). */
  private starts: Int32Array | undefined
  /** Question indexes ordered by card, each card's in deck order. */
  private byCard: Int32Array | undefined

  constructor(private readonly columns: StubColumns) {
    this.length = columns.card.length
    this.cardCount = columns.cards.length
  }

  static fromQuestions(questions: readonly Pick<Question, 'cardId' | 'kind' | 'fingerprint'>[]): QuestionStubs {
    const columns: StubColumns = {
      cards: [],
      cardPrints: [],
      kinds: [],
      kind: new Uint8Array(questions.length),
      card: new Int32Array(questions.length),
      prints: new Map(),
    }
    const cardAt = new Map<string, number>()
    const kindAt = new Map<QuestionKind, number>()
    questions.forEach((q, i) => {
      let c = cardAt.get(q.cardId)
      if (c === undefined) {
        cardAt.set(q.cardId, (c = columns.cards.length))
        columns.cards.push(q.cardId)
        columns.cardPrints.push(q.fingerprint)
      } else if (q.fingerprint !== columns.cardPrints[c]) columns.prints.set(i, q.fingerprint)
      let k = kindAt.get(q.kind)
      if (k === undefined) {
        kindAt.set(q.kind, (k = columns.kinds.length))
        columns.kinds.push(q.kind)
      }
      columns.card[i] = c
      columns.kind[i] = k
    })
    return new QuestionStubs(columns)
  }

  /** The id of card number `card`. */
  cardId(card: number): string {
    return this.columns.cards[card] as string
  }

  /** The fingerprint of the first question of card number `card`. */
  cardFingerprint(card: number): string {
    return this.columns.cardPrints[card] as string
  }

  /** The number of the card of the question at `index`. */
  cardOf(index: number): number {
    return this.columns.card[index] as number
  }

  kind(index: number): QuestionKind {
    return this.columns.kinds[this.columns.kind[index] as number] as QuestionKind
  }

  fingerprint(index: number): string {
    return this.columns.prints.get(index) ?? (this.columns.cardPrints[this.columns.card[index] as number] as string)
  }

  stub(index: number): QuestionStub {
    return {
      cardId: this.columns.cards[this.columns.card[index] as number] as string,
      kind: this.kind(index),
      fingerprint: this.fingerprint(index),
      index,
    }
  }

  /** The indexes of card number `card`'s questions, in deck order. */
  questionsOf(card: number): Int32Array {
    if (!this.starts || !this.byCard) this.index()
    const starts = this.starts as Int32Array
    return (this.byCard as Int32Array).subarray(starts[card], starts[card + 1])
  }

  /** Card number `card`'s questions as stubs, in deck order. */
  variants(card: number): QuestionStub[] {
    return Array.from(this.questionsOf(card), (i) => this.stub(i))
  }

  /** The fingerprints of card number `card`'s questions, in deck order (the card's own first). */
  fingerprints(card: number): string[] {
    const first = this.cardFingerprint(card)
    if (this.columns.prints.size === 0) return [first]
    return Array.from(this.questionsOf(card), (i) => this.columns.prints.get(i) ?? first)
  }

  /** Every stub, in deck order. */
  toArray(): QuestionStub[] {
    return Array.from({ length: this.length }, (_, i) => this.stub(i))
  }

  /** Groups question indexes by card (a counting sort: two passes over the card column). */
  private index(): void {
    const { card } = this.columns
    const starts = new Int32Array(this.cardCount + 1)
    for (let i = 0; i < card.length; i++) {
      const c = (card[i] as number) + 1
      starts[c] = (starts[c] as number) + 1
    }
    for (let c = 0; c < this.cardCount; c++) starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number)
    const next = starts.slice(0, this.cardCount)
    const byCard = new Int32Array(card.length)
    for (let i = 0; i < card.length; i++) {
      const c = card[i] as number
      const at = next[c] as number
      byCard[at] = i
      next[c] = at + 1
    }
    this.starts = starts
    this.byCard = byCard
  }
}
