// The question cache (schema v2): a deck's generated questions come back exactly as stored, under
// their key only, all parts or none (parts from before the compact form count as none); a database
// from v1 gains an empty cache; deleting a deck drops its cached questions, and a deck deleted before
// its questions were cached gets none. The card rows kept beside the questions go with them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Dexie from 'dexie'
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { deckContentHash, deckQuestionsKey, deckSeed } from '../../../src/domain/questions/cache-key'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { openStorage } from '../../../src/storage'
import { StaleQuestionCacheError } from '../../../src/storage/errors'
import type { Storage } from '../../../src/storage/types'
import { declareSchema } from '../../../src/storage/db'
import { databaseOf } from '../../../src/storage/open'
import { QUESTION_CACHE_PART } from '../../../src/storage/repositories'
import { cacheable, IDBKeyRange, NOW, testDatabase, userDeck } from './helpers'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'

const deck = syntheticDynasty(300, 3)
const seed = deckSeed(deck.id)
// The deck's questions, copied under other ids until they fill more than two parts.
const own = generateQuestions(deck, { seed })
const questions: Question[] = Array.from({ length: Math.ceil((2.5 * QUESTION_CACHE_PART) / own.length) }, (_, copy) =>
  own.map((q) => ({ ...q, id: `${q.id}#${copy}` })),
).flat()
const key = deckQuestionsKey(deckContentHash(deck), seed)
/** Every question cached for the deck under `key` (undefined: no cache). */
const readAll = async (storage: Storage, deckId: string, key: string) =>
  (await storage.questionCache.get(deckId, key))?.bank.all()
/** A fresh database holding the deck: only a stored deck's questions are cached. */
async function withDeck(): Promise<Storage> {
  const storage = await testDatabase().open()
  await storage.decks.save(deck, { origin: 'imported', now: NOW })
  return storage
}

describe('question cache', () => {
  it('stores a deck of several parts and reads back the same questions, in order', async () => {
    expect(questions.length).toBeGreaterThan(2 * QUESTION_CACHE_PART)
    const storage = await withDeck()
    expect(await storage.questionCache.get(deck.id, key)).toBeUndefined()
    await storage.questionCache.put(deck.id, key, cacheable(questions))
    expect(await readAll(storage, deck.id, key)).toEqual(questions)
    // Another key (the deck was edited, or a new generator): nothing.
    expect(await storage.questionCache.get(deck.id, `${key}x`)).toBeUndefined()
  })

  it('replaces the old entry, and reads nothing when a part is missing', async () => {
    const storage = await withDeck()
    await storage.questionCache.put(deck.id, key, cacheable(questions))
    await storage.questionCache.put(deck.id, 'other', cacheable(questions.slice(0, 10)))
    expect(await storage.questionCache.get(deck.id, key)).toBeUndefined()
    expect(await readAll(storage, deck.id, 'other')).toEqual(questions.slice(0, 10))

    await storage.questionCache.put(deck.id, key, cacheable(questions))
    await databaseOf(storage).questionCache.delete([deck.id, 1])
    expect(await storage.questionCache.get(deck.id, key)).toBeUndefined()
  })

  it('a body gone since the cache was read is an error that says so', async () => {
    const storage = await withDeck()
    await storage.questionCache.put(deck.id, key, cacheable(questions))
    const cached = (await storage.questionCache.get(deck.id, key))?.bank
    expect(await cached?.questions([0])).toEqual([questions[0]])
    await databaseOf(storage).questionCache.delete([deck.id, -2])
    await expect(cached?.questions([QUESTION_CACHE_PART])).rejects.toBeInstanceOf(StaleQuestionCacheError)
    await storage.questionCache.put(deck.id, 'other', cacheable(questions))
    await expect(cached?.questions([2 * QUESTION_CACHE_PART])).rejects.toBeInstanceOf(StaleQuestionCacheError)
  })

  it('reads a part stored before questions were kept compact as no cache', async () => {
    const storage = await withDeck()
    await storage.questionCache.put(deck.id, key, cacheable(own))
    const { head: _head, body: _body, ...row } = (await databaseOf(storage).questionCache.get([deck.id, 0]))!
    await databaseOf(storage).questionCache.put({ ...row, questions: own } as typeof row)
    expect(await storage.questionCache.get(deck.id, key)).toBeUndefined()
  })

  it('the key changes with the deck content and the seed, not with a copy of the same deck', () => {
    const copy = JSON.parse(JSON.stringify(deck)) as typeof deck
    const hash = deckContentHash(deck)
    expect(deckQuestionsKey(deckContentHash(copy), seed)).toBe(key)
    expect(deckQuestionsKey(deckContentHash({ ...deck, title: `${deck.title}!` }), seed)).not.toBe(key)
    expect(deckQuestionsKey(hash, seed + 1)).not.toBe(key)
    expect(deckQuestionsKey(hash, seed, 'assets/deck-questions.worker-abc.js')).not.toBe(key)
  })

  it('a deck deleted before its questions were cached keeps none', async () => {
    const storage = await withDeck()
    await storage.decks.delete(deck.id)
    await storage.questionCache.put(deck.id, key, cacheable(own))
    expect(await storage.questionCache.get(deck.id, key)).toBeUndefined()
    expect(await databaseOf(storage).questionCache.count()).toBe(0)
  })

  it('deleting a saved deck drops its cached questions', async () => {
    const storage = await withDeck()
    await storage.decks.save(userDeck, { origin: 'user', now: NOW })
    const userQuestions = generateQuestions(userDeck, { seed: deckSeed(userDeck.id) })
    await storage.questionCache.put(userDeck.id, 'k', cacheable(userQuestions))
    await storage.questionCache.put(deck.id, key, cacheable(questions))
    await storage.decks.delete(userDeck.id)
    expect(await storage.questionCache.get(userDeck.id, 'k')).toBeUndefined()
    expect(await readAll(storage, deck.id, key)).toEqual(questions)
  })

  it('keeps card rows beside the questions of their key only, and drops them with those questions', async () => {
    const storage = await withDeck()
    const rows = [Uint8Array.of(1, 2, 3), Uint8Array.of(4), Uint8Array.of(5, 6)]
    // No questions of that key cached: rows of them are not kept.
    await (await storage.rowsCache()).put(deck.id, key, rows)
    expect(await (await storage.rowsCache()).parts(deck.id, key)).toBeUndefined()
    await storage.questionCache.put(deck.id, key, cacheable(questions))
    await (await storage.rowsCache()).put(deck.id, key, rows)
    expect(await (await storage.rowsCache()).parts(deck.id, key)).toBe(3)
    for (const [i, part] of rows.entries())
      expect(await (await storage.rowsCache()).part(deck.id, key, i)).toEqual(part)
    expect(await (await storage.rowsCache()).parts(deck.id, `${key}x`)).toBeUndefined()
    // The rows leave the questions as they were.
    expect(await readAll(storage, deck.id, key)).toEqual(questions)
    // Rows stored again replace the old ones whole.
    await (await storage.rowsCache()).put(deck.id, key, rows.slice(0, 1))
    expect(await (await storage.rowsCache()).parts(deck.id, key)).toBe(1)
    expect(await (await storage.rowsCache()).part(deck.id, key, 1)).toBeUndefined()
    // Other questions cached for the deck: its rows are gone with the old ones.
    await storage.questionCache.put(deck.id, 'other', cacheable(own))
    expect(await (await storage.rowsCache()).parts(deck.id, key)).toBeUndefined()
    expect(await (await storage.rowsCache()).parts(deck.id, 'other')).toBeUndefined()
    await (await storage.rowsCache()).put(deck.id, 'other', rows)
    await storage.decks.delete(deck.id)
    expect(await databaseOf(storage).questionCache.count()).toBe(0)
  })

  it('a database saved by v1 opens with an empty cache that then works', async () => {
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/db/v1.json'), 'utf8')) as {
      tables: Record<string, unknown[]>
    }
    const indexedDB = new IDBFactory()
    const legacy = new Dexie('cache-from-v1', { indexedDB, IDBKeyRange })
    declareSchema(legacy, 1)
    await legacy.open()
    await legacy.transaction('rw', legacy.tables, async () => {
      for (const [table, rows] of Object.entries(fixture.tables)) await legacy.table(table).bulkAdd(rows)
    })
    legacy.close()
    const storage = await openStorage({ name: 'cache-from-v1', indexedDB, IDBKeyRange })
    expect(await databaseOf(storage).questionCache.count()).toBe(0)
    expect((await storage.decks.list()).map((d) => d.id)).toEqual(['coins-of-john-vii'])
    const saved = await storage.decks.get('coins-of-john-vii')
    if (!saved) throw new Error('the v1 deck is gone')
    const own = generateQuestions(saved, { seed: deckSeed(saved.id) })
    await storage.questionCache.put(saved.id, 'k', cacheable(own))
    expect(await readAll(storage, saved.id, 'k')).toEqual(own)
  })
})
