// Reads and simple writes, table by table. Each function is a plain async function, so the app can
// wrap it in `liveQuery` and re-render when the tables it read change (in this tab or another).
import Dexie from 'dexie'
import { CompactQuestions } from '../domain/questions/compact'
import { checkSettingsPatch, DEFAULT_SETTINGS, type Settings } from '../domain/study/settings'
import { countNewIntroduced } from '../domain/study/session'
import { deckFingerprints, fingerprintsDigest } from '../domain/study/fingerprints'
import { endOfToday } from '../domain/study/queue'
import type { ReviewRecord } from '../domain/study/types'
import type { DeckOrigin, DeckRow, StavratonDB } from './db'
import { StaleQuestionCacheError } from './errors'
import { QUESTION_CACHE_PART } from './name'
import { deckRowTables, deleteDeckRows, writeDeckContent } from './deck-rows'
import { fromCardRow, plain, toDeckHead, toDeckInfo } from './rows'
import type {
  CardsRepository,
  DecksRepository,
  QuestionCacheRepository,
  QuizAttemptsRepository,
  ReviewsRepository,
  SessionsRepository,
  SettingsRepository,
  SubscriptionsRepository,
} from './types'

export const SETTINGS_KEY = 'settings'

/** All card rows of a deck, through the [deckId+due] index. */
export const deckCardRows = (db: StavratonDB, deckId: string) =>
  db.cards.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true)

export async function readSettings(db: StavratonDB): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY)
  if (!row) return { ...DEFAULT_SETTINGS }
  const { id: _id, ...stored } = row
  return { ...DEFAULT_SETTINGS, ...stored }
}

export function cardsRepository(db: StavratonDB): CardsRepository {
  const dueForDeck = async (deckId: string, until: number) =>
    (await db.cards.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, until], true, false).toArray())
      .filter((row) => row.retired === 0)
      .map(fromCardRow)
  const idsForDeck = async (deckId: string) => new Set((await deckCardRows(db, deckId).primaryKeys()) as string[])
  return {
    get: async (cardId) => {
      const row = await db.cards.get(cardId)
      return row && fromCardRow(row)
    },
    many: async (cardIds) => (await db.cards.bulkGet([...cardIds])).flatMap((row) => (row ? [fromCardRow(row)] : [])),
    forDeck: async (deckId, options = {}) =>
      (await deckCardRows(db, deckId).toArray())
        .filter((row) => options.includeRetired || row.retired === 0)
        .map(fromCardRow),
    dueForDeck,
    idsForDeck,
    forStudy: async (deckId, now, day = {}) => {
      const [cards, knownCardIds] = await Promise.all([
        dueForDeck(deckId, day.endOfDay ?? endOfToday(now, day.utcOffsetMinutes)),
        idsForDeck(deckId),
      ])
      return { cards, knownCardIds }
    },
  }
}

export function reviewsRepository(db: StavratonDB): ReviewsRepository {
  const forDeck = (deckId: string, range: { since?: number; until?: number } = {}): Promise<ReviewRecord[]> =>
    db.reviews
      .where('[deckId+at]')
      .between(
        [deckId, range.since ?? Dexie.minKey],
        [deckId, range.until ?? Dexie.maxKey],
        true,
        range.until === undefined,
      )
      .toArray()
  return {
    forDeck,
    since: (at) => db.reviews.where('at').aboveOrEqual(at).toArray(),
    times: async (since = -Infinity) => (await db.reviews.where('at').aboveOrEqual(since).keys()) as number[],
    forCard: (cardId) =>
      db.reviews.where('[cardId+at]').between([cardId, Dexie.minKey], [cardId, Dexie.maxKey]).toArray(),
    newIntroducedSince: async (deckId, since) => countNewIntroduced(await forDeck(deckId, { since }), since),
    count: () => db.reviews.count(),
  }
}

export function settingsRepository(db: StavratonDB): SettingsRepository {
  return {
    get: () => readSettings(db),
    update: (patch) =>
      db.transaction('rw', db.settings, async () => {
        const next = { ...(await readSettings(db)), ...checkSettingsPatch(plain(patch)) }
        await db.settings.put({ ...next, id: SETTINGS_KEY })
        return next
      }),
  }
}

export function sessionsRepository(db: StavratonDB): SessionsRepository {
  return {
    save: async (session) => {
      await db.sessions.put(plain(session))
    },
    load: (id) => db.sessions.get(id),
    clear: (id) => db.sessions.delete(id),
    list: () => db.sessions.toArray(),
  }
}

export function quizAttemptsRepository(db: StavratonDB): QuizAttemptsRepository {
  return {
    add: async (attempt) => {
      const { id: _id, ...rest } = plain(attempt)
      return (await db.quizAttempts.add(rest)) as number
    },
    forDeck: (deckId) =>
      db.quizAttempts
        .where('[deckId+finishedAt]')
        .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
        .reverse()
        .toArray(),
  }
}

/** The head of a saved deck, keeping what the last sync of its questions remembered. */
export function savedDeckHead(
  deckId: string,
  origin: Exclude<DeckOrigin, 'builtin'>,
  now: number,
  existing: DeckRow | undefined,
): Omit<DeckRow, 'title' | 'version' | 'contentHash'> {
  return {
    id: deckId,
    origin,
    savedAt: now,
    ...(existing?.syncedAt === undefined ? {} : { syncedAt: existing.syncedAt }),
    ...(existing?.printsDigest === undefined ? {} : { printsDigest: existing.printsDigest }),
  }
}

export function decksRepository(db: StavratonDB): DecksRepository {
  return {
    save: (deck, { origin, now }) =>
      db.transaction('rw', db.decks, db.deckContents, async () => {
        await writeDeckContent(db, deck, savedDeckHead(deck.id, origin, now, await db.decks.get(deck.id)))
      }),
    list: async () =>
      (await db.decks.toArray())
        .filter((row) => row.origin !== 'builtin' && row.contentHash !== undefined)
        .map(toDeckInfo),
    get: async (id) => (await db.deckContents.get(id))?.deck,
    head: async (id) => {
      const row = await db.decks.get(id)
      return row && toDeckHead(row)
    },
    delete: (id) =>
      db.transaction('rw', [...deckRowTables(db), db.cards, db.questionCache, db.subscriptions], async () => {
        await deleteDeckRows(db, id)
        await db.subscriptions.delete(id)
        await deckCardRows(db, id).modify({ retired: 1 })
        await cacheRows(db, id).delete()
      }),
  }
}

export { QUESTION_CACHE_PART }

export const cacheRows = (db: StavratonDB, deckId: string) =>
  db.questionCache.where('[deckId+part]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true)

/** Heads are stored at parts 0, 1, …; the body of part i at part -1 - i (read when a question of it shows). */
const bodyPart = (part: number) => -1 - part

export function questionCacheRepository(db: StavratonDB): QuestionCacheRepository {
  return {
    partSize: QUESTION_CACHE_PART,
    get: (deckId, key) =>
      db.transaction('r', db.questionCache, async () => {
        const first = await db.questionCache.get([deckId, 0])
        if (!first || first.key !== key) return undefined
        const { printsDigest, questionCount, cardCount } = first
        if (printsDigest === undefined || questionCount === undefined || cardCount === undefined) return undefined
        const rows = await db.questionCache
          .where('[deckId+part]')
          .between([deckId, 0], [deckId, first.parts], true, false)
          .toArray()
        // All parts or nothing: a cache that lost a part is regenerated rather than half read.
        if (rows.length !== first.parts || rows.some((r, i) => r.key !== key || r.part !== i)) return undefined
        const heads: string[] = []
        for (const { head } of rows) {
          if (typeof head !== 'string') return undefined
          heads.push(head)
        }
        const bank = new CompactQuestions(heads, async (part) => {
          const row = await db.questionCache.get([deckId, bodyPart(part)])
          if (row?.key !== key || typeof row.body !== 'string') throw new StaleQuestionCacheError(deckId)
          return row.body
        })
        return { bank, fingerprintsDigest: printsDigest, questionCount, cardCount }
      }),
    put: (deckId, key, { parts, stubs }) => {
      // Outside the transaction: it would not wait for work that is no request.
      const printsDigest = fingerprintsDigest(deckFingerprints(stubs))
      const { length: questionCount, cardCount } = stubs
      return db.transaction('rw', [db.questionCache, db.decks], async () => {
        // A deck deleted since its questions were made keeps no cache.
        if (!(await db.decks.get(deckId))) return
        await cacheRows(db, deckId).delete()
        // A part at a time: a big deck's parts (held packed) are never all unpacked at once.
        for (let part = 0; part < parts.count; part++) {
          const { head, body } = parts.part(part)
          await db.questionCache.bulkPut([
            {
              deckId,
              part,
              parts: parts.count,
              key,
              head,
              ...(part === 0 ? { printsDigest, questionCount, cardCount } : {}),
            },
            { deckId, part: bodyPart(part), parts: parts.count, key, body },
          ])
        }
      })
    },
    delete: async (deckId) => {
      await cacheRows(db, deckId).delete()
    },
  }
}

export function subscriptionsRepository(db: StavratonDB): SubscriptionsRepository {
  return {
    get: (deckId) => db.subscriptions.get(deckId),
    list: () => db.subscriptions.toArray(),
  }
}
