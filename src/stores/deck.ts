import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { Deck } from '../domain/deck/types'
import { CompactQuestions, type CompactPart, type QuestionBank } from '../domain/questions/compact'
import type { Question } from '../domain/questions/types'
import type { CardRow } from '../domain/study/card-list'
import { builtInDecks } from '../generated/decks'
import { createDeckQuestions, type DeckQuestions } from '../workers/client'
import type { CustomChoicesRequest, CustomQueueRequest, OpenedDeck, QueueRequest } from '../workers/deck-questions'
import type { StudyQueue } from '../domain/study/queue'
import type { CustomQueue, CustomStudyChoices } from '../domain/study/custom'
import { DeckNotFoundError } from '../workers/errors'
import { useClock } from './clock'
import { useStorageStore } from './storage'

import { deckSeed } from '../domain/questions/cache-key'

export { deckSeed }
export { DeckNotFoundError }
export type { OpenedDeck }

export interface LoadedDeck {
  deck: Deck
  /** Every question the deck generates, with a seed fixed per deck so ids and wording stay put. */
  questions: Question[]
}

/**
 * The deck its page shows: its facts at once; how many cards it makes once its opening ends (a
 * large deck opened the first time generates its questions meanwhile); its cards' rows only once a
 * tab listing its cards asks for them (`pageCards`). Its questions never come to the page: for a
 * 100,000-fact deck they are 400,000.
 */
export interface DeckPage {
  deck: Deck
  cardCount?: number
  cards?: CardRow[]
  /** The first of `cards` while they are read (the card browser shows them meanwhile). */
  cardsSoFar?: readonly CardRow[]
}

/** Built-in decks of at most this many facts are generated in the page, without the worker. */
const IN_PAGE_FACTS = 2_000

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false

/**
 * A built-in deck's questions as the build generated them (scripts/compile-decks.ts), if they are
 * the ones this key asks for: the page then opens the deck without loading the generator. They are
 * cached when first read, not precached; offline before that, the generator makes them (a part that
 * cannot be fetched is generated again, as the build made it).
 */
export async function builtInQuestions(deckId: string, key: string): Promise<QuestionBank | undefined> {
  const builtIn = builtInDecks.find((d) => d.id === deckId)
  if (!builtIn) return undefined
  // Offline, the generator (precached) makes them rather than trying parts that may never have been
  // cached: a failed fetch is harmless but shows as an error in the console. Not yet cached while
  // seemingly online: the same, after the failed fetch.
  if (offline()) return undefined
  const pack = await builtIn.questions().catch(() => undefined)
  if (pack?.key !== key) return undefined
  let regenerated: Promise<CompactPart[]> | undefined
  const regenerate = () =>
    (regenerated ??= Promise.all([
      builtIn.load(),
      import('../domain/questions/generate'),
      import('../domain/questions/compact-write'),
    ]).then(([deck, { generateQuestions }, { compactQuestions }]) =>
      compactQuestions(generateQuestions(deck, { seed: deckSeed(deck.id) }), pack.partSize),
    ))
  return new CompactQuestions(pack.heads, async (part) => {
    const body = pack.parts[part]
    if (!body) throw new Error(`The built-in deck "${deckId}" has no question part ${part}`)
    try {
      if (offline()) throw new Error('offline')
      return await body()
    } catch {
      const made = (await regenerate())[part]
      if (!made) throw new Error(`The built-in deck "${deckId}" has no question part ${part}`)
      return made.body
    }
  })
}

/**
 * Starts fetching the questions builtInQuestions will read, so that they arrive while the database
 * opens rather than after. Not offline: builtInQuestions does not read them then.
 */
function preloadBuiltInQuestions(builtIn: (typeof builtInDecks)[number]): void {
  if (!offline()) void builtIn.questions().catch(() => undefined)
}

/** A deck's questions as the study view reads them: only the queued ones reach the page. */
export interface DeckQuestionSource {
  queue(request: QueueRequest): Promise<StudyQueue>
  /** A custom session: practice, or the cards chosen in the card browser. */
  custom(request: CustomQueueRequest): Promise<CustomQueue>
  /** What a practice session can be about. */
  choices(request: CustomChoicesRequest): Promise<CustomStudyChoices>
  questions(ids: readonly string[]): Promise<Question[]>
}

/**
 * The open deck: its facts, its questions, and what changed since last time. Generating questions,
 * reading them from the cache and syncing them with progress happen in a Web Worker (src/workers),
 * so even a 100,000-fact deck opens without blocking the page.
 */
export const useDeckStore = defineStore('deck', () => {
  const current = shallowRef<LoadedDeck>()
  const page = shallowRef<DeckPage>()
  /** The deck whose page was asked for last. */
  let pageAsked: string | undefined
  /** The deck the study view opened: its title and counts, without its facts or questions. */
  const opened = shallowRef<OpenedDeck>()
  /**
   * The title of the deck being opened for study, known before its opening ends (a large deck
   * generated the first time shows its first cards long before): from the deck's stored head.
   */
  const studyTitle = shallowRef<{ id: string; title: string }>()
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<string>()
  /** "3 facts updated, 1 added" for the deck just opened, shown once. */
  const changeMessage = ref('')
  const cache = new Map<string, Promise<LoadedDeck>>()
  /** Per deck, the deck and its card rows, for its page (see pageCards). */
  const rowsCache = new Map<string, Promise<{ deck: Deck; cards: CardRow[] }>>()
  const openings = new Map<string, Promise<OpenedDeck>>()
  /** Resolves once the service has a deck's opening: a queue asked for after it waits for that opening. */
  const asked = new Map<string, Promise<unknown>>()
  /** Change messages not yet shown, by deck: each is shown once, when the deck is next opened. */
  const unannounced = new Map<string, string>()

  // Small built-in decks are generated in the page (a few milliseconds; the worker's script would
  // cost more to fetch than it saves); every other deck goes to the worker.
  const services = new Map<boolean, DeckQuestions>()
  const builtInInPage = (deckId: string) => {
    const builtIn = builtInDecks.find((d) => d.id === deckId)
    return builtIn !== undefined && builtIn.factCount <= IN_PAGE_FACTS ? builtIn : undefined
  }
  const questionsFor = (deckId: string) => {
    const inPage = builtInInPage(deckId) !== undefined
    let service = services.get(inPage)
    if (!service) {
      const storage = useStorageStore()
      service = createDeckQuestions({
        dbName: storage.name,
        // On a first visit, a database that holds nothing until storage opens (see deferOpening).
        storage: () => storage.reading(),
        ...(inPage ? { worker: false, prebuilt: builtInQuestions } : {}),
      })
      services.set(inPage, service)
    }
    return service
  }

  /** Opens a deck in the question service (generate or read the cache, sync progress), once per deck. */
  function openQuestions(deckId: string): Promise<OpenedDeck> {
    let pending = openings.get(deckId)
    if (!pending) {
      const builtIn = builtInDecks.find((d) => d.id === deckId)
      // What the opening needs loads side by side, not one after the other: the deck, the service's
      // code (created now, it starts loading) and a built-in deck's questions (see preloadBuiltInQuestions).
      const service = questionsFor(deckId)
      const inPage = builtInInPage(deckId)
      if (inPage) preloadBuiltInQuestions(inPage)
      const deck = builtIn ? builtIn.load() : Promise.resolve(undefined)
      pending = deck
        .then((d) => service.open(deckId, useClock().now(), d))
        .then((o) => {
          if (o.changeMessage) unannounced.set(o.id, o.changeMessage)
          return markRaw(o)
        })
      // Runs after the call above: the service then has the opening.
      asked.set(deckId, deck)
      pending.catch(() => {
        openings.delete(deckId)
        asked.delete(deckId)
      })
      openings.set(deckId, pending)
    }
    return pending
  }

  /** Starts opening a deck before storage is open in the page, so a deep link to a deck does both at once. */
  function prepare(deckId: string): void {
    void openQuestions(deckId).catch(() => undefined)
  }

  async function readDeck(deckId: string): Promise<Deck> {
    const builtIn = builtInDecks.find((d) => d.id === deckId)
    if (builtIn) return builtIn.load()
    // Read in the worker and received in chunks: read here, a 100,000-fact deck would hold the
    // page for a third of a second while storage hands it over.
    const service = questionsFor(deckId)
    if (service.inWorker) return service.deck(deckId)
    const saved = await useStorageStore().db().decks.get(deckId)
    if (!saved) throw new DeckNotFoundError(deckId)
    return saved
  }

  /** Reads a deck with all its questions (synced with stored progress), once per deck. */
  function get(deckId: string): Promise<LoadedDeck> {
    let loading = cache.get(deckId)
    if (!loading) {
      loading = (async () => {
        await openQuestions(deckId)
        const [deck, all] = await Promise.all([readDeck(deckId), questionsFor(deckId).all(deckId, useClock().now())])
        return markRaw({ deck: markRaw(deck), questions: markRaw(all) })
      })()
      loading.catch(() => cache.delete(deckId))
      cache.set(deckId, loading)
    }
    return loading
  }

  /** The number of study cards a deck makes (without bringing its questions into the page). */
  async function cardCount(deckId: string): Promise<number> {
    return (await openQuestions(deckId)).cardCount
  }

  async function load(deckId: string, then: (deckId: string) => Promise<void>): Promise<void> {
    status.value = 'loading'
    error.value = undefined
    changeMessage.value = ''
    try {
      await then(deckId)
      changeMessage.value = unannounced.get(deckId) ?? ''
      unannounced.delete(deckId)
      status.value = 'ready'
    } catch (e) {
      if (useStorageStore().report(e)) return
      error.value = e instanceof Error ? e.message : String(e)
      status.value = 'error'
    }
  }

  async function open(deckId: string): Promise<void> {
    if (current.value?.deck.id === deckId && status.value === 'ready') return
    await load(deckId, async (id) => {
      current.value = await get(id)
    })
  }

  /**
   * Opens a deck's page: its facts as soon as the deck is read; its card count and what changed in
   * it once its opening ends. Its questions wait for `pageQuestions`.
   */
  async function openPage(deckId: string): Promise<void> {
    if (page.value?.deck.id === deckId && status.value === 'ready') return
    pageAsked = deckId
    await load(deckId, async (id) => {
      const deck = await readDeck(id)
      // Unless another deck's page was asked for meanwhile.
      if (pageAsked === id) page.value = markRaw({ deck: markRaw(deck) })
    })
    if (status.value === 'ready' && page.value?.deck.id === deckId) countPageCards(deckId)
  }

  /** The page's card count, and what changed in its deck, once the deck's opening ends. */
  function countPageCards(deckId: string): void {
    openQuestions(deckId).then(
      (o) => {
        const shown = page.value
        if (shown?.deck.id !== deckId) return
        if (shown.cardCount === undefined) page.value = markRaw({ ...shown, cardCount: o.cardCount })
        const message = unannounced.get(deckId)
        if (message) {
          changeMessage.value = message
          unannounced.delete(deckId)
        }
      },
      // A deck whose questions cannot be made says so where they are asked for (pageQuestions).
      () => undefined,
    )
  }

  /** The card rows of the deck on its page, read once (see DeckPage); they join `page` too. */
  function pageCards(deckId: string): Promise<CardRow[]> {
    // The deck the page shows is the one stored (a 10,000-fact deck takes tens of ms to read again).
    const shown = page.value?.deck.id === deckId ? page.value.deck : undefined
    return readPageCards(deckId, shown)
  }

  /** pageCards, reading the deck again unless it is given. */
  async function readPageCards(deckId: string, known?: Deck): Promise<CardRow[]> {
    let loading = rowsCache.get(deckId)
    if (!loading) {
      loading = (async () => {
        // Asked once the service has the opening (see openQuestions), not once it ends: the rows of
        // a deck being generated come as its cards are made.
        const opening = openQuestions(deckId)
        await Promise.race([opening, asked.get(deckId)])
        // The rows so far join the page as they come (for the deck shown), for the card browser.
        const soFar = (rows: readonly CardRow[]) => {
          const shown = page.value
          if (shown?.deck.id === deckId && !shown.cards) page.value = markRaw({ ...shown, cardsSoFar: rows })
        }
        const [deck, cards] = await Promise.all([
          known ?? readDeck(deckId),
          questionsFor(deckId).cards(deckId, useClock().now(), soFar),
          opening,
        ])
        return markRaw({ deck: markRaw(deck), cards: markRaw(cards) })
      })()
      loading.catch(() => rowsCache.delete(deckId))
      rowsCache.set(deckId, loading)
    }
    const { deck, cards } = await loading
    const shown = page.value
    if (shown?.deck.id === deckId && shown.cards !== cards)
      page.value = markRaw({ deck, cards, cardCount: cards.length })
    return cards
  }

  /**
   * Opens a deck for studying: its questions stay in the worker, which builds the queue and sends
   * only the questions of the cards to study. Returns undefined when the deck could not be opened
   * (`status` and `error` say why).
   */
  async function openForStudy(deckId: string): Promise<DeckQuestionSource | undefined> {
    readStudyTitle(deckId)
    const loading = load(deckId, async (id) => {
      opened.value = await openQuestions(id)
    })
    // The study view need not wait for the whole opening: the service answers a queue as soon as it
    // can (a deck being generated: from its first cards). The deck's title, and what
    // changed in it, come with the opening.
    await Promise.race([loading, asked.get(deckId)?.catch(() => undefined)])
    if (status.value === 'error') return undefined
    const service = questionsFor(deckId)
    return {
      queue: (request) => service.queue(deckId, request),
      custom: (request) => service.custom(deckId, request),
      choices: (request) => service.choices(deckId, request),
      questions: (ids) => service.questions(deckId, ids, useClock().now()),
    }
  }

  function readStudyTitle(deckId: string): void {
    if (studyTitle.value?.id === deckId) return
    const builtIn = builtInDecks.find((d) => d.id === deckId)
    if (builtIn) {
      studyTitle.value = { id: deckId, title: builtIn.title }
      return
    }
    // A title only: a deck it cannot read is reported by the opening itself.
    void useStorageStore()
      .reading()
      .then((storage) => storage.decks.head(deckId))
      .then(
        (head) => {
          if (head) studyTitle.value = { id: deckId, title: head.title }
        },
        () => undefined,
      )
  }

  /** Forget a deck's cached questions, e.g. after it was re-imported with new content. */
  function invalidate(deckId: string) {
    cache.delete(deckId)
    rowsCache.delete(deckId)
    openings.delete(deckId)
    for (const service of services.values()) service.forget(deckId)
    if (current.value?.deck.id === deckId) current.value = undefined
    if (page.value?.deck.id === deckId) page.value = undefined
    if (opened.value?.id === deckId) opened.value = undefined
    if (studyTitle.value?.id === deckId) studyTitle.value = undefined
  }

  /**
   * The deck changed in storage (a card edited in place): its questions are generated and synced
   * again. The page keeps showing the old copy until the new one is ready.
   */
  async function reload(deckId: string): Promise<void> {
    cache.delete(deckId)
    rowsCache.delete(deckId)
    openings.delete(deckId)
    for (const service of services.values()) service.forget(deckId)
    if (opened.value?.id === deckId) opened.value = undefined
    if (current.value?.deck.id === deckId) current.value = await get(deckId)
    const shown = page.value
    if (shown?.deck.id === deckId)
      if (shown.cards) await readPageCards(deckId)
      else {
        page.value = markRaw({ deck: markRaw(await readDeck(deckId)) })
        countPageCards(deckId)
      }
  }

  /** The deck was renamed in storage: the loaded copy takes the new title (its questions do not change). */
  function retitle(deckId: string, title: string) {
    const rename = <T extends { deck: Deck }>(loaded: T): T =>
      markRaw({ ...loaded, deck: markRaw({ ...loaded.deck, title }) })
    const cached = cache.get(deckId)
    if (cached) cache.set(deckId, cached.then(rename))
    const rows = rowsCache.get(deckId)
    if (rows) rowsCache.set(deckId, rows.then(rename))
    if (current.value?.deck.id === deckId) current.value = rename(current.value)
    const shown = page.value
    if (shown?.deck.id === deckId) page.value = markRaw({ ...shown, deck: markRaw({ ...shown.deck, title }) })
    const opening = openings.get(deckId)
    if (opening)
      openings.set(
        deckId,
        opening.then((o) => ({ ...o, title })),
      )
    if (opened.value?.id === deckId) opened.value = { ...opened.value, title }
    if (studyTitle.value?.id === deckId) studyTitle.value = { id: deckId, title }
  }

  return {
    current,
    page,
    openPage,
    pageCards,
    opened,
    studyTitle,
    status,
    error,
    changeMessage,
    prepare,
    get,
    cardCount,
    open,
    openForStudy,
    invalidate,
    reload,
    retitle,
  }
})
