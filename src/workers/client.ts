// The page's side of the deck-questions worker. Every call goes to the worker when the browser has
// one; in Node and tests, or if the worker script cannot start, the same service runs in-process.
import type { Deck } from '../domain/deck/types'
import type { Question } from '../domain/questions/types'
import type { CardRow } from '../domain/study/card-list'
import type { StudyQueue } from '../domain/study/queue'
import {
  QuotaExceededError,
  StorageBlockedError,
  StorageClosedError,
  StorageError,
  StorageUnavailableError,
} from '../storage/errors'
import type { QuestionsStorage } from '../storage/questions-storage'
import type { CustomQueue, CustomStudyChoices } from '../domain/study/custom'
import type {
  CustomChoicesRequest,
  CustomQueueRequest,
  DeckQuestionService,
  OpenedDeck,
  PrebuiltQuestions,
  QueueRequest,
} from './deck-questions'
import { DeckNotFoundError } from './errors'
import {
  CHUNKED,
  deckFromPieces,
  type DeckPiece,
  type DeckQuestionsCall,
  type DeckQuestionsRequest,
  type DeckQuestionsResponse,
} from './protocol'

export interface DeckQuestions {
  open(deckId: string, now: number, deck?: Deck): Promise<OpenedDeck>
  queue(deckId: string, request: QueueRequest): Promise<StudyQueue>
  custom(deckId: string, request: CustomQueueRequest): Promise<CustomQueue>
  choices(deckId: string, request: CustomChoicesRequest): Promise<CustomStudyChoices>
  questions(deckId: string, ids: readonly string[], now: number): Promise<Question[]>
  all(deckId: string, now: number): Promise<Question[]>
  /**
   * One row per card (see DeckQuestionService.cards). From the worker, `soFar` hears the rows
   * received so far (a new array each time) as they come, before the whole list resolves.
   */
  cards(deckId: string, now: number, soFar?: (rows: readonly CardRow[]) => void): Promise<CardRow[]>
  /** A stored deck, read in the worker and received in chunks (see DeckQuestionService.deck). */
  deck(deckId: string): Promise<Deck>
  forget(deckId: string): void
  /** Whether calls go to a worker (false: in-process). */
  readonly inWorker: boolean
}

export interface DeckQuestionsOptions {
  /** The database the worker opens: the page's own. */
  dbName: string
  /** The page's storage, for the in-process service. */
  storage: () => Promise<QuestionsStorage>
  /** Default: whether the browser has Worker. */
  worker?: boolean
  /** Questions made at build time, for the in-process service (see DeckQuestionService). */
  prebuilt?: PrebuiltQuestions
}

interface Pending {
  call: DeckQuestionsCall
  args: unknown[]
  chunks: unknown[][]
  /** Hears the chunks received so far, at each chunk. */
  soFar?: (chunks: readonly unknown[][]) => void
  resolve(value: unknown): void
  reject(error: unknown): void
}

export function createDeckQuestions(options: DeckQuestionsOptions): DeckQuestions {
  let local: Promise<DeckQuestionService> | undefined
  const inProcess = () =>
    (local ??= import('./deck-questions').then(
      ({ DeckQuestionService }) => new DeckQuestionService(options.storage, '', options.prebuilt),
    ))
  const runLocally = async (call: DeckQuestionsCall, args: unknown[]) => {
    const service = await inProcess()
    return (service[call] as (...a: unknown[]) => unknown)(...args)
  }

  let worker: Worker | undefined
  const pending = new Map<number, Pending>()
  let nextId = 1
  // In-process from the start: its code starts loading now, while the caller gathers what the first call needs.
  if (!(options.worker ?? typeof Worker !== 'undefined')) inProcess().catch(() => undefined)
  else {
    try {
      worker = new Worker(new URL('./deck-questions.worker.ts', import.meta.url), {
        type: 'module',
        name: 'deck-questions',
      })
      worker.onmessage = ({ data }: MessageEvent<DeckQuestionsResponse>) => {
        const p = pending.get(data.id)
        if (!p) return
        if ('chunk' in data) {
          p.chunks.push(data.chunk)
          p.soFar?.(p.chunks)
          return
        }
        if ('restart' in data) {
          p.chunks = []
          return
        }
        pending.delete(data.id)
        if ('error' in data) p.reject(reviveError(data.error))
        else p.resolve(CHUNKED.has(p.call) ? joined(p.chunks) : data.result)
      }
      // The script failed to load or start (no module workers, a broken cache): work in-process.
      worker.onerror = (event) => {
        event.preventDefault()
        worker?.terminate()
        worker = undefined
        const waiting = [...pending.values()]
        pending.clear()
        for (const p of waiting) runLocally(p.call, p.args).then(p.resolve, p.reject)
      }
    } catch {
      worker = undefined
    }
  }

  const call = <T>(name: DeckQuestionsCall, ...args: unknown[]): Promise<T> => {
    if (!worker) return runLocally(name, args) as Promise<T>
    return callWorker<T>(worker, name, args)
  }
  const callWorker = <T>(
    target: Worker,
    name: DeckQuestionsCall,
    args: unknown[],
    soFar?: (chunks: readonly unknown[][]) => void,
  ): Promise<T> => {
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { call: name, args, chunks: [], soFar, resolve: resolve as (v: unknown) => void, reject })
      const request: DeckQuestionsRequest = { id, dbName: options.dbName, call: name, args }
      target.postMessage(request)
    })
  }

  return {
    open: (deckId, now, deck) => call('open', deckId, now, deck),
    queue: (deckId, request) => call('queue', deckId, request),
    custom: (deckId, request) => call('custom', deckId, request),
    choices: (deckId, request) => call('choices', deckId, request),
    questions: (deckId, ids, now) => call('questions', deckId, [...ids], now),
    all: (deckId, now) => call('all', deckId, now),
    // In-process (tests, no Worker), the rows come all at once: the page makes them itself.
    cards: (deckId, now, soFar) =>
      worker
        ? callWorker(worker, 'cards', [deckId, now], soFar && (whenDoubled(soFar) as Pending['soFar']))
        : call('cards', deckId, now),
    deck: async (deckId) => deckFromPieces(await call<DeckPiece[]>('deck', deckId)),
    forget: (deckId) => void call('forget', deckId).catch(() => undefined),
    get inWorker() {
      return worker !== undefined
    },
  }
}

/**
 * The chunks of a long answer as one list. (Array.prototype.flat is several times slower: 18 ms
 * against 1 ms in Node for 220,000 items, in the task that then shows a 100,000-fact deck.)
 */
const joined = <T>(chunks: readonly (readonly T[])[]): T[] => ([] as T[]).concat(...chunks)

/**
 * Hears the items of the chunks so far when they are at least twice as many as when last heard:
 * a list of 190,000 rows in 95 chunks is put together 8 times, not 95.
 */
export function whenDoubled<T>(hear: (items: readonly T[]) => void): (chunks: readonly T[][]) => void {
  let heard = 0
  return (chunks) => {
    let count = 0
    for (const chunk of chunks) count += chunk.length
    if (count < 2 * heard || count === 0) return
    heard = count
    hear(joined(chunks))
  }
}

/** Errors keep their type across the worker boundary, so the app explains them as it would in-process. */
function reviveError({ name, message }: { name: string; message: string }): Error {
  const known: Record<string, () => Error> = {
    DeckNotFoundError: () => new DeckNotFoundError(/"(.*)"/.exec(message)?.[1] ?? ''),
    QuotaExceededError: () => new QuotaExceededError(),
    StorageBlockedError: () => new StorageBlockedError(),
    StorageClosedError: () => new StorageClosedError(),
    StorageUnavailableError: () => new StorageUnavailableError(),
  }
  const revive = Object.hasOwn(known, name) ? known[name] : undefined
  if (revive) return revive()
  const error = name.startsWith('Storage') ? new StorageError(message) : new Error(message)
  error.name = name
  return error
}
