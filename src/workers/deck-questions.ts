// The heavy part of opening a deck: read it, generate its questions or read them from the cache,
// sync them with stored progress, and build study queues from them. In the app it runs in a Web
// Worker (deck-questions.worker.ts), so a 100,000-fact deck never blocks the page; where no Worker
// exists (Node, tests) the same code runs in-process (client.ts).
import type { Deck } from '../domain/deck/types'
import type { Question } from '../domain/questions/types'
import type { QuestionBank, QuestionStub } from '../domain/questions/compact'
import type { QuestionCompactor } from '../domain/questions/compact-write'
import type { PackedParts } from '../domain/questions/packed-parts'
import { deckContentHash, deckQuestionsKey, deckSeed } from '../domain/questions/cache-key'
import { createRandom } from '../domain/random'
import { describeDeckChanges } from '../domain/study/deck-diff'
import type { DeckQuestionMaker } from '../domain/questions/generate'
import type { QuestionStubs } from '../domain/questions/stubs'
import { prefixStudyQueue, unsyncedStudyQueue, type CardsSoFar } from '../domain/study/prefix-queue'
import { buildStudyQueue, type StudyQueue, type StudyQueueOptions } from '../domain/study/queue'
import type { CardRow } from '../domain/study/card-list'
import type { CardProgress } from '../domain/study/types'
import type { CustomChoicesOptions, CustomQueue, CustomQueueOptions, CustomStudyChoices } from '../domain/study/custom'
import type { QuestionsStorage } from '../storage/questions-storage'
import { DeckDeletedError, StaleQuestionCacheError } from '../storage/errors'
import { DeckNotFoundError } from './errors'
import { deckPieces, type DeckPiece } from './protocol'
import type { RowsMade, RowsOut } from './card-rows'

export { DeckNotFoundError }

/** Where a deck's card rows go as they are made (see DeckQuestionService.cards). */
export interface RowsListener {
  rows(rows: CardRow[]): void
  restart(): void
}

export interface OpenedDeck {
  id: string
  title: string
  version: string
  questionCount: number
  cardCount: number
  /**
   * What changed since the deck was last opened, counted (the card ids stay here: for a big deck
   * they would take the page long to receive).
   */
  changes: { added: number; changed: number; removed: number; firstSync: boolean }
  /** "3 facts updated, 1 added"; empty when nothing changed or on the first opening. */
  changeMessage: string
  /** The questions came from the cache (nothing was generated). */
  cached: boolean
}

/**
 * A study queue request: StudyQueueOptions without the questions (the service has them) and with a
 * seed. While the deck is generated (not cached), the queue comes from the cards made so far when
 * it is provably the same (see prefixStudyQueue), unless `whole` asks to wait for the whole deck.
 */
export type QueueRequest = Omit<StudyQueueOptions, 'questions' | 'random'> & { seed: number; whole?: boolean }
/** A custom session request: CustomQueueOptions without the questions and with a seed. */
export type CustomQueueRequest = Omit<CustomQueueOptions, 'questions' | 'random'> & { seed: number }
export type CustomChoicesRequest = Omit<CustomChoicesOptions, 'questions'>

/** A deck's questions made at build time, if there are some for this deck and cache key. */
export type PrebuiltQuestions = (deckId: string, key: string) => Promise<QuestionBank | undefined>

/** Generating for this long without a pause would keep a waiting study queue waiting (ms). */
const GENERATE_SLICE_MS = 25

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * A deck being opened: while its questions are generated, those made so far (whole cards, in deck
 * order), compacted as they come, and a signal at each batch, so a study queue can be answered
 * before the whole deck.
 */
export class Opening {
  /** Which opening this is, for the deck it makes to name (not the opening: that keeps the generator). */
  readonly id = Symbol('opening')
  /** The questions so far, while they are generated (not read from a cache or a build). */
  generated: { compactor: QuestionCompactor; parts: PackedParts; maker: DeckQuestionMaker } | undefined
  /** A deck never synced before: all its questions, while its first sync runs. */
  unsynced: QuestionBank | undefined
  /** A study queue was answered from part of the deck. */
  answeredEarly = false
  ended = false
  private waiting: Array<() => void> = []

  add(batch: readonly Question[]): void {
    this.generated?.compactor.add(batch)
    this.wake()
  }
  whole(bank: QuestionBank): void {
    this.unsynced = bank
    this.wake()
  }
  end(): void {
    this.ended = true
    this.wake()
  }
  /** Resolves at the next batch, or at the end. */
  changed(): Promise<void> {
    return this.ended ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve))
  }
  private wake() {
    const waiting = this.waiting
    this.waiting = []
    for (const resolve of waiting) resolve()
  }
}

/** A queue of stubs (or of questions already whole) with its questions read whole: only the queued ones are read. */
async function withWholeQuestions<T extends StudyQueue<QuestionStub | Question>>(
  bank: QuestionBank,
  queue: T,
): Promise<Omit<T, 'items'> & StudyQueue> {
  const stubs = queue.items.flatMap(({ question }) => ('index' in question ? [question.index] : []))
  const read = await bank.questions(stubs)
  let next = 0
  return {
    ...queue,
    items: queue.items.map((item) => ({
      ...item,
      question: 'index' in item.question ? (read[next++] as Question) : item.question,
    })),
  }
}

/**
 * The stored cards (`stored`, and those the page knows of) that the generation has not reached, made
 * ahead with their groups of entities (DeckQuestionMaker.cardsOf: the questions the whole deck will
 * have), by card id, pausing as the generation does; a card the deck no longer has is left out, and
 * the queue waits for the deck. None when a stored card not reached is a new one (never studied):
 * new cards are taken in deck order, and those between the cards made so far and it are not made
 * yet; none either when they are spread over more than half the deck, which is then about as soon
 * made in order.
 */
async function madeAhead(
  maker: DeckQuestionMaker,
  soFar: QuestionStubs,
  stored: readonly CardProgress[],
  known: ReadonlySet<string> | undefined,
): Promise<Map<string, Question[]>> {
  const ahead = new Map<string, Question[]>()
  const reached = new Set<string>()
  for (let c = 0; c < soFar.cardCount; c++) reached.add(soFar.cardId(c))
  const missing = new Set<string>()
  for (const card of stored)
    if (!reached.has(card.cardId)) {
      if (card.state.phase === 'new') return ahead
      missing.add(card.cardId)
    }
  for (const id of known ?? []) if (!reached.has(id)) missing.add(id)
  if (!missing.size) return ahead
  const steps = maker.cardsOf(missing, maker.groupCount / 2)
  let sliceStart = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) {
      for (const q of step.value ?? []) {
        const list = ahead.get(q.cardId)
        if (list) list.push(q)
        else ahead.set(q.cardId, [q])
      }
      return ahead
    }
    if (performance.now() - sliceStart >= GENERATE_SLICE_MS) {
      await nextTask()
      sliceStart = performance.now()
    }
  }
}

/**
 * The cards made so far, then those made ahead that they do not hold yet (in deck order: none is
 * new, so the queue takes no new card from them).
 */
class CardsAhead implements CardsSoFar<QuestionStub | Question> {
  readonly cardCount: number
  private readonly extra: Question[][]

  constructor(
    private readonly soFar: QuestionStubs,
    ahead: ReadonlyMap<string, Question[]>,
  ) {
    const reached = new Set<string>()
    for (let c = 0; c < soFar.cardCount; c++) reached.add(soFar.cardId(c))
    this.extra = [...ahead].filter(([id]) => !reached.has(id)).map(([, questions]) => questions)
    this.cardCount = soFar.cardCount + this.extra.length
  }

  private ahead(card: number): Question[] | undefined {
    return card < this.soFar.cardCount ? undefined : this.extra[card - this.soFar.cardCount]
  }
  cardId(card: number): string {
    return this.ahead(card)?.[0]?.cardId ?? this.soFar.cardId(card)
  }
  variants(card: number): readonly (QuestionStub | Question)[] {
    return this.ahead(card) ?? this.soFar.variants(card)
  }
  cardFingerprint(card: number): string {
    return this.ahead(card)?.[0]?.fingerprint ?? this.soFar.cardFingerprint(card)
  }
  fingerprints(card: number): readonly string[] {
    return this.ahead(card)?.map((q) => q.fingerprint) ?? this.soFar.fingerprints(card)
  }
}

interface Held {
  opened: OpenedDeck
  /** Stubs of every question; whole ones are read (from the cache) only when asked for. */
  bank: QuestionBank
  /** The key the questions are cached under (or being written to the cache with); none for a build's. */
  cacheKey?: string
  /** The opening that generated these questions (its id; none when they were read). */
  madeBy?: symbol
}

export class DeckQuestionService {
  private readonly held = new Map<string, Promise<Held>>()
  /** Decks being opened (not yet held): their questions so far. */
  private readonly openings = new Map<string, Opening>()
  /** Decks the page handed over (built-in ones), to open them again without the page. */
  private readonly given = new Map<string, Deck>()
  private writes: Promise<unknown> = Promise.resolve()
  /** Stored decks being read (see readDeck). */
  private readonly reading = new Map<string, Promise<Deck | undefined>>()

  constructor(
    private readonly storage: () => Promise<QuestionsStorage>,
    private readonly build = '',
    /** Questions made at build time (built-in decks), when they are this key's: nothing to generate. */
    private readonly prebuilt?: PrebuiltQuestions,
  ) {}

  /**
   * Reads the deck, gets its questions (cache or generator) and syncs them with progress, once per
   * deck. A built-in deck comes with the call (the page has it in its own bundle); a saved one is
   * read from storage here.
   */
  open(deckId: string, now: number, deck?: Deck): Promise<OpenedDeck> {
    return this.hold(deckId, now, deck).then((h) => h.opened)
  }

  /** The study queue of an opened deck (see buildStudyQueue); only the queued questions leave the service. */
  async queue(deckId: string, request: QueueRequest): Promise<StudyQueue> {
    const early = request.whole ? undefined : await this.earlyQueue(deckId, request)
    if (early) return early
    return this.read(deckId, request.now, async (bank) => {
      const { seed, whole: _whole, ...options } = request
      return withWholeQuestions(
        bank,
        buildStudyQueue({ ...options, questions: bank.stubs, random: createRandom(seed) }),
      )
    })
  }

  /**
   * The study queue of a deck still being generated, from its cards made so far, as soon as they
   * provably give the whole deck's queue, or of a deck never synced before, from all its questions
   * while its first sync waits (for storage to open, on a first visit); undefined when neither
   * answers (then the synced deck does).
   */
  private async earlyQueue(deckId: string, request: QueueRequest): Promise<StudyQueue | undefined> {
    void this.hold(deckId, request.now)
    let opening = this.openings.get(deckId)
    // The deck's stored cards, read once (those studied while it generates are on cards made so far).
    let stored: CardProgress[] | undefined
    // Asked again each time the questions so far have doubled: a request the first cards cannot
    // answer (a high new-card limit) costs the generation little.
    let checked = 0
    // Stored cards the generation has not reached, made ahead with their entities (see below).
    let ahead: Map<string, Question[]> | undefined
    while (opening && !opening.ended) {
      const { generated, unsynced } = opening
      let soFar = unsynced
      if (!soFar && generated && generated.compactor.length > 2 * checked) {
        checked = generated.compactor.length
        soFar = generated.parts.bank(generated.compactor.pending())
      }
      if (soFar) {
        stored ??= await (await this.storage()).cards.forDeck(deckId, { includeRetired: true })
        const { seed, whole: _whole, ...options } = request
        const random = createRandom(seed)
        let queue: StudyQueue<QuestionStub | Question> | undefined
        if (unsynced) queue = unsyncedStudyQueue({ ...options, questions: unsynced.stubs, random }, stored)
        else if (generated) {
          ahead ??= await madeAhead(generated.maker, soFar.stubs, stored, request.knownCardIds)
          const cards = ahead.size ? new CardsAhead(soFar.stubs, ahead) : soFar.stubs
          // Unless the deck was saved anew meanwhile (what was made ahead is of its old content).
          if (this.openings.get(deckId) === opening)
            queue = prefixStudyQueue({ ...options, questions: cards, random }, stored)
        }
        if (queue) {
          opening.answeredEarly = true
          return withWholeQuestions(soFar, queue)
        }
      }
      await opening.changed()
      const next = this.openings.get(deckId)
      if (next !== opening) {
        checked = 0
        ahead = undefined
      }
      opening = next
    }
    return undefined
  }

  /** A custom session's queue (see buildCustomQueue): practice, or the cards chosen in the browser. */
  custom(deckId: string, request: CustomQueueRequest): Promise<CustomQueue> {
    // Topics and people are read from whole questions (a custom session is rare: all are read).
    return this.read(deckId, request.now, async (bank) => {
      const { seed, ...options } = request
      const { buildCustomQueue } = await import('../domain/study/custom-queue')
      return buildCustomQueue({ ...options, questions: await bank.all(), random: createRandom(seed) })
    })
  }

  /** What a custom session can be about in this deck (see customStudyChoices). */
  choices(deckId: string, request: CustomChoicesRequest): Promise<CustomStudyChoices> {
    return this.read(deckId, request.now, async (bank) => {
      const { customStudyChoices } = await import('../domain/study/custom-queue')
      return customStudyChoices({ ...request, questions: await bank.all() })
    })
  }

  /** Questions of an opened deck by id, in deck order (ids it does not have are left out). */
  questions(deckId: string, ids: readonly string[], now: number): Promise<Question[]> {
    return this.read(deckId, now, (bank) => {
      const found = new Set<number>()
      for (const id of ids) {
        const index = bank.indexOf(id)
        if (index !== undefined) found.add(index)
      }
      return bank.questions([...found].sort((a, b) => a - b))
    })
  }

  /** Every question of an opened deck. */
  all(deckId: string, now: number): Promise<Question[]> {
    return this.read(deckId, now, (bank) => bank.all())
  }

  /**
   * One row per card of an opened deck (the card browser's), read a part's worth of questions at a
   * time: the deck's questions are never all whole at once, and the page gets a quarter as many
   * objects. With `onRows`, each batch's rows go there as they are made (and none is returned); if
   * the deck must be read again meanwhile, `restart` says that the rows so far are to be dropped.
   * The rows are cached with the questions they were made from, and read from there next time: a
   * 100,000-fact deck's card browser then shows its cards in a second, not after reading 400,000
   * questions.
   */
  cards(deckId: string, now: number, onRows?: RowsListener): Promise<CardRow[]> {
    let out: RowsOut | undefined
    let early: { opening: Opening; made: RowsMade } | undefined
    const rows = import('./card-rows')
    // A deck being generated: the rows of its cards made so far go to the listener as they are made.
    const whileMade = onRows
      ? rows.then(async ({ RowsOut, rowsWhileMade }) => {
          out ??= new RowsOut(onRows)
          try {
            early = await rowsWhileMade(() => this.openings.get(deckId), await this.storage(), out)
          } catch {
            // All are made from the deck's questions once it is opened.
            out.restart()
          }
        })
      : Promise.resolve()
    return this.read(deckId, now, async (bank, cacheKey, held) => {
      await whileMade
      const { deckCardRows, RowsOut } = await rows
      out ??= new RowsOut(onRows)
      // Rows made are cached after the questions, whose cache they go with.
      const later = (write: () => Promise<unknown>) => (this.writes = this.writes.then(write))
      // Those made while the deck was generated, if these are its questions; else all again.
      const made = early && held.madeBy === early.opening.id ? early.made : undefined
      early = undefined
      await deckCardRows(deckId, bank, cacheKey, await this.storage(), out, later, made)
      return out.all
    })
  }

  /**
   * A stored deck as pieces (see deckPieces): the page receives a 100,000-fact deck a chunk at a
   * time instead of reading it from storage in one long task.
   */
  async deck(deckId: string): Promise<DeckPiece[]> {
    const deck = await this.readDeck(deckId, await this.storage())
    if (!deck) throw new DeckNotFoundError(deckId)
    return deckPieces(deck)
  }

  /**
   * Reads a stored deck, once for the readers that ask at the same time: a deck's page asks for it
   * as its opening generates from it, and a 100,000-fact deck takes a fifth of a second to read.
   */
  private readDeck(deckId: string, storage: QuestionsStorage): Promise<Deck | undefined> {
    let reading = this.reading.get(deckId)
    if (!reading) {
      reading = storage.decks.get(deckId)
      this.reading.set(deckId, reading)
      const done = () => this.reading.delete(deckId)
      reading.then(done, done)
    }
    return reading
  }

  /** Forget an opened deck (it was saved again with new content). */
  forget(deckId: string): void {
    this.held.delete(deckId)
    this.openings.get(deckId)?.end()
    this.openings.delete(deckId)
  }

  /** Resolves once the cache writes started so far are done (tests, and before closing). */
  async settled(): Promise<void> {
    await this.writes
  }

  /**
   * Reads an opened deck's questions. A cache rewritten since the deck was opened (another tab
   * opened it with other questions) is dropped and the deck opened again, once.
   */
  private async read<T>(
    deckId: string,
    now: number,
    f: (bank: QuestionBank, cacheKey: string | undefined, held: Held) => Promise<T>,
  ): Promise<T> {
    const run = async () => {
      const held = await this.hold(deckId, now)
      return f(held.bank, held.cacheKey, held)
    }
    try {
      return await run()
    } catch (error) {
      if (!(error instanceof StaleQuestionCacheError)) throw error
      this.held.delete(deckId)
      await (await this.storage()).questionCache.delete(deckId)
      return run()
    }
  }

  private hold(deckId: string, now: number, deck?: Deck): Promise<Held> {
    if (deck) this.given.set(deckId, deck)
    const given = deck ?? this.given.get(deckId)
    let pending = this.held.get(deckId)
    if (!pending) {
      const opening = new Opening()
      this.openings.set(deckId, opening)
      pending = this.load(deckId, now, opening, given)
      const ended = () => {
        opening.end()
        if (this.openings.get(deckId) === opening) this.openings.delete(deckId)
      }
      pending.then(ended, () => {
        ended()
        if (this.held.get(deckId) === pending) this.held.delete(deckId)
      })
      this.held.set(deckId, pending)
    }
    return pending
  }

  private async load(deckId: string, now: number, opening: Opening, given?: Deck): Promise<Held> {
    const storage = await this.storage()
    // A deck handed over (a built-in one) is synced below unless its cached questions are current,
    // which its build-time questions leave aside: the sync code loads while the head and questions are read.
    if (given) storage.preloadDeckSync?.()
    // The deck's head, a few fields whatever the deck's size: its content is read only to generate.
    const head = await storage.decks.head(deckId)
    const contentHash = given ? deckContentHash(given) : head?.contentHash
    if (contentHash === undefined) throw new DeckNotFoundError(deckId)
    const seed = deckSeed(deckId)
    const key = deckQuestionsKey(contentHash, seed, this.build)
    // Questions made at build time (a built-in deck), or else the cache.
    const prebuilt = await this.prebuilt?.(deckId, key)
    const cached = prebuilt ? undefined : await storage.questionCache.get(deckId, key).catch(() => undefined)
    // The usual case: cached questions, and the deck's version and fingerprints are as last synced
    // (two equal digests), so neither the deck nor its progress need be read.
    if (
      cached &&
      head?.fingerprintsDigest === cached.fingerprintsDigest &&
      (given === undefined || given.version === head.version)
    ) {
      const opened: OpenedDeck = {
        id: deckId,
        title: given?.title ?? head.title,
        version: head.version,
        questionCount: cached.questionCount,
        cardCount: cached.cardCount,
        changes: { added: 0, changed: 0, removed: 0, firstSync: cached.cardCount === 0 },
        changeMessage: '',
        cached: true,
      }
      return { opened, bank: cached.bank, cacheKey: key }
    }
    const deck = given ?? (await this.readDeck(deckId, storage))
    if (!deck) throw new DeckNotFoundError(deckId)
    const stored = prebuilt ?? cached?.bank
    // The generator loads only when neither has the questions: a built-in or cached deck opens without its code.
    const generated = stored ? undefined : await this.generate(deck, seed, opening, storage.questionCache.partSize)
    const bank: QuestionBank = stored ?? (generated as PackedParts).bank()
    // A deck synced for the first time (on a first visit, with storage still to open) answers its
    // queue before the sync, when the sync leaves its stored progress as it is.
    if (head?.fingerprintsDigest === undefined) opening.whole(bank)
    // A stored deck deleted while it opened is not found: its cards are not written back.
    const changes = await storage
      .syncDeckQuestions(deck.id, bank.stubs, now, { title: deck.title, version: deck.version, stored: !given })
      .catch((error: unknown) => {
        throw error instanceof DeckDeletedError ? new DeckNotFoundError(deckId) : error
      })
    // Cards studied while a deck was first generated are not changes to tell of.
    if (opening.answeredEarly && head?.fingerprintsDigest === undefined) changes.firstSync = true
    // The cache is a speed-up only: a full disk must not stop the deck from opening.
    if (generated)
      this.writes = this.writes.then(() =>
        storage.questionCache.put(deck.id, key, { parts: generated, stubs: bank.stubs }).catch(() => undefined),
      )
    const opened: OpenedDeck = {
      id: deck.id,
      title: deck.title,
      version: deck.version,
      questionCount: bank.stubs.length,
      cardCount: cached?.cardCount ?? bank.stubs.cardCount,
      changes: {
        added: changes.added.length,
        changed: changes.changed.length,
        removed: changes.removed.length,
        firstSync: changes.firstSync,
      },
      changeMessage: describeDeckChanges(changes),
      cached: stored !== undefined,
    }
    return { opened, bank, cacheKey: prebuilt ? undefined : key, ...(generated ? { madeBy: opening.id } : {}) }
  }

  /**
   * A deck's questions, generated batch by batch with pauses between, so a study queue asked for
   * meanwhile is answered from the cards made so far. That holds for a deck synced before too (its
   * cache is gone after a new release, say): the early queue is given only when every stored card is
   * among the cards made so far with its fingerprint, so the sync that follows changes none of them.
   * Each batch is compacted as it comes into the parts the cache stores (`partSize` questions each),
   * held packed: a 100,000-fact deck's 400,000 question objects are never all held at once.
   */
  private async generate(deck: Deck, seed: number, opening: Opening, partSize: number): Promise<PackedParts> {
    // The compactor and the packer load with the generator: a deck opened from its cache needs none.
    const [{ DeckQuestionMaker }, { PackedParts }, { QuestionCompactor }] = await Promise.all([
      import('../domain/questions/generate'),
      import('../domain/questions/packed-parts'),
      import('../domain/questions/compact-write'),
    ])
    const parts = new PackedParts()
    const compactor = new QuestionCompactor(partSize, (part) => parts.push(part))
    const maker = new DeckQuestionMaker(deck, { seed })
    opening.generated = { compactor, parts, maker }
    let sliceStart = performance.now()
    for (const batch of maker.batches()) {
      opening.add(batch)
      if (performance.now() - sliceStart >= GENERATE_SLICE_MS) {
        await nextTask()
        sliceStart = performance.now()
      }
    }
    compactor.finish()
    return parts
  }
}
