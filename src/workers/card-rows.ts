// The card browser's rows of an opened deck, for the deck-questions service (its `cards`): read
// from the rows cached with the deck's questions, or else made from those questions a batch at a
// time. Loaded when a card browser first asks: the study view never needs it.
import type { QuestionBank } from '../domain/questions/compact'
import { CardRows, type CardRow } from '../domain/study/card-list'
import { packRows, unpackRows } from '../domain/study/packed-rows'
import type { QuestionsStorage } from '../storage/questions-storage'
import type { Opening, RowsListener } from './deck-questions'

/** Where the rows go, batch by batch: to the listener, or else into `all`. */
export class RowsOut {
  readonly all: CardRow[] = []
  private sent = false

  constructor(private readonly listener?: RowsListener) {}

  give(rows: CardRow[]): void {
    this.sent = true
    if (this.listener) this.listener.rows(rows)
    else for (const row of rows) this.all.push(row)
  }

  /** The rows given so far are not the deck's: they are dropped. */
  restart(): void {
    if (this.sent) this.listener?.restart()
    this.sent = false
    this.all.length = 0
  }
}

/** The rows of a deck's first cards, made while it is still generated (see rowsSoFar). */
export interface RowsMade {
  /** How many cards (in deck order) have their rows given. */
  cards: number
  /** Those rows, packed a batch at a time, for the cache (none when they are not to be cached). */
  packed?: Uint8Array[]
}

/**
 * Gives the deck's card rows, in deck order, a batch at a time (dropping any given before: a
 * second call reads a deck read again). With `cacheKey` (the key its questions are cached under)
 * the rows cached with them are read; when there are none (or a part is gone or damaged), the
 * rows are made, and `later` is handed their caching: a speed-up only, which never fails. With
 * `made`, the rows of the first cards were given while the deck was generated (its questions are
 * those of `bank`): the rest follow them, and all are cached.
 */
export async function deckCardRows(
  deckId: string,
  bank: QuestionBank,
  cacheKey: string | undefined,
  storage: QuestionsStorage,
  out: RowsOut,
  later: (write: () => Promise<unknown>) => void,
  made?: RowsMade,
): Promise<void> {
  const cache = cacheKey === undefined ? undefined : await storage.rowsCache?.()
  if (!made) {
    out.restart()
    const parts = cacheKey === undefined ? undefined : await cache?.parts(deckId, cacheKey)
    if (cache && parts !== undefined && cacheKey !== undefined) {
      try {
        for (let part = 0; part < parts; part++) {
          const packed = await cache.part(deckId, cacheKey, part)
          if (!packed) throw new Error('A part of the cached rows is gone.')
          out.give(unpackRows(packed))
        }
        return
      } catch {
        // Made again from the questions, below.
        out.restart()
      }
    }
  }
  const rows: RowsMade = made ?? { cards: 0, packed: cache ? [] : undefined }
  await rowsSoFar(bank, rows, storage.questionCache.partSize, out)
  const { packed } = rows
  if (cache && cacheKey !== undefined && packed) {
    const key = cacheKey
    later(() => cache.put(deckId, key, packed).catch(() => undefined))
  }
}

/**
 * Gives the rows of `bank`'s cards after the `made.cards` first, and counts them there (and packs
 * them there, if it keeps packed rows). A batch of whole cards at a time (a card's questions all in its
 * batch), each of about `partSize` questions, so that each batch's rows are final and can show
 * while the next batch is read: the deck's questions are never all whole at once. `bank` may hold
 * only a deck's first cards, while it is generated: they are given, and the rest next time.
 */
export async function rowsSoFar(bank: QuestionBank, made: RowsMade, partSize: number, out: RowsOut): Promise<void> {
  const { stubs } = bank
  while (made.cards < stubs.cardCount) {
    const indexes: number[] = []
    let card = made.cards
    for (; card < stubs.cardCount && indexes.length < partSize; card++)
      for (const i of stubs.questionsOf(card)) indexes.push(i)
    const rows = new CardRows()
    rows.add(await bank.questions(indexes.sort((a, b) => a - b)))
    const batch = rows.rows()
    made.packed?.push(packRows(batch))
    out.give(batch)
    made.cards = card
    // A task between batches: reading parts held in memory never waits, and without it the worker
    // would answer nothing else (nor write its caches) until every row is made.
    if (made.cards < stubs.cardCount) await new Promise<void>((resolve) => setTimeout(resolve, 0))
  }
}

/**
 * While a deck is generated (`current`: its opening, while it opens), gives the rows of its cards
 * made so far, each time their questions have doubled (and are a cache part's worth more); when
 * the deck is saved anew meanwhile (another opening), drops them and starts again. Returns what
 * was given, and of which opening, once the generation ends (none when the deck was not being
 * generated).
 */
export async function rowsWhileMade(
  current: () => Opening | undefined,
  storage: QuestionsStorage,
  out: RowsOut,
): Promise<{ opening: Opening; made: RowsMade } | undefined> {
  const { partSize } = storage.questionCache
  let early: { opening: Opening; made: RowsMade } | undefined
  let read = 0
  for (let opening = current(); opening && !opening.ended; opening = current()) {
    const { generated } = opening
    if (generated && early?.opening !== opening) {
      if (early) out.restart()
      early = { opening, made: { cards: 0, packed: storage.rowsCache ? [] : undefined } }
      read = 0
    }
    // Each time the questions so far have doubled (a bank over them reads every part's head).
    if (generated && early && generated.compactor.length >= Math.max(read + partSize, 2 * read)) {
      read = generated.compactor.length
      await rowsSoFar(generated.parts.bank(generated.compactor.pending()), early.made, partSize, out)
    }
    await opening.changed()
  }
  return early
}
