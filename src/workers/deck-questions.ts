// The heavy part of opening a deck: read it, generate its questions or read them from the cache,
// sync them with stored progress, and build study queues from them. In the app it runs in a Web
// Worker (deck-questions.worker.ts), so a 100,000-fact deck never blocks the page; where no Worker
// exists (Node, tests) the same code runs in-process (client.ts).
import { generateQuestions } from '../domain/questions/generate'
import type { Deck } from '../domain/deck/types'
import type { Question } from '../domain/questions/types'
import { deckQuestionsKey, deckSeed } from '../domain/questions/cache-key'
import { createRandom } from '../domain/random'
import { describeDeckChanges } from '../domain/study/deck-diff'
import { buildStudyQueue, type StudyQueue, type StudyQueueOptions } from '../domain/study/queue'
import {
  buildCustomQueue,
  customStudyChoices,
  type CustomChoicesOptions,
  type CustomQueue,
  type CustomQueueOptions,
  type CustomStudyChoices,
} from '../domain/study/custom'
import type { QuestionsStorage } from '../storage/questions-storage'
import { DeckNotFoundError } from './errors'

export { DeckNotFoundError }

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

/** A study queue request: StudyQueueOptions without the questions (the service has them) and with a seed. */
export type QueueRequest = Omit<StudyQueueOptions, 'questions' | 'random'> & { seed: number }
/** A custom session request: CustomQueueOptions without the questions and with a seed. */
export type CustomQueueRequest = Omit<CustomQueueOptions, 'questions' | 'random'> & { seed: number }
export type CustomChoicesRequest = Omit<CustomChoicesOptions, 'questions'>

interface Held {
  opened: OpenedDeck
  questions: Question[]
}

export class DeckQuestionService {
  private readonly held = new Map<string, Promise<Held>>()
  private writes: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly storage: () => Promise<QuestionsStorage>,
    private readonly build = '',
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
    const { questions } = await this.hold(deckId, request.now)
    const { seed, ...options } = request
    return buildStudyQueue({ ...options, questions, random: createRandom(seed) })
  }

  /** A custom session's queue (see buildCustomQueue): practice, or the cards chosen in the browser. */
  async custom(deckId: string, request: CustomQueueRequest): Promise<CustomQueue> {
    const { questions } = await this.hold(deckId, request.now)
    const { seed, ...options } = request
    return buildCustomQueue({ ...options, questions, random: createRandom(seed) })
  }

  /** What a custom session can be about in this deck (see customStudyChoices). */
  async choices(deckId: string, request: CustomChoicesRequest): Promise<CustomStudyChoices> {
    const { questions } = await this.hold(deckId, request.now)
    return customStudyChoices({ ...request, questions })
  }

  /** Questions of an opened deck by id (ids it does not have are left out). */
  async questions(deckId: string, ids: readonly string[], now: number): Promise<Question[]> {
    const { questions } = await this.hold(deckId, now)
    const wanted = new Set(ids)
    return questions.filter((q) => wanted.has(q.id))
  }

  /** Every question of an opened deck. */
  async all(deckId: string, now: number): Promise<Question[]> {
    return (await this.hold(deckId, now)).questions
  }

  /** Forget an opened deck (it was saved again with new content). */
  forget(deckId: string): void {
    this.held.delete(deckId)
  }

  /** Resolves once the cache writes started so far are done (tests, and before closing). */
  async settled(): Promise<void> {
    await this.writes
  }

  private hold(deckId: string, now: number, given?: Deck): Promise<Held> {
    let pending = this.held.get(deckId)
    if (!pending) {
      pending = this.load(deckId, now, given)
      pending.catch(() => this.held.delete(deckId))
      this.held.set(deckId, pending)
    }
    return pending
  }

  private async load(deckId: string, now: number, given?: Deck): Promise<Held> {
    const storage = await this.storage()
    const deck = given ?? (await storage.decks.get(deckId))
    if (!deck) throw new DeckNotFoundError(deckId)
    const seed = deckSeed(deck.id)
    const key = deckQuestionsKey(deck, seed, this.build)
    const fromCache = await storage.questionCache.get(deck.id, key).catch(() => undefined)
    const questions = fromCache ?? generateQuestions(deck, { seed })
    const changes = await storage.syncDeckQuestions(deck.id, questions, now, {
      title: deck.title,
      version: deck.version,
    })
    // The cache is a speed-up only: a full disk must not stop the deck from opening.
    if (!fromCache)
      this.writes = this.writes.then(() => storage.questionCache.put(deck.id, key, questions).catch(() => undefined))
    const opened: OpenedDeck = {
      id: deck.id,
      title: deck.title,
      version: deck.version,
      questionCount: questions.length,
      cardCount: new Set(questions.map((q) => q.cardId)).size,
      changes: {
        added: changes.added.length,
        changed: changes.changed.length,
        removed: changes.removed.length,
        firstSync: changes.firstSync,
      },
      changeMessage: describeDeckChanges(changes),
      cached: fromCache !== undefined,
    }
    return { opened, questions }
  }
}
