// A first visit: the learner's database does not exist yet, and the page shows the first card before
// storage opens. The built-in deck's queue is answered from nothing stored (see nothingStored) while
// its first sync waits for the real storage; it is the queue the synced deck gives, and the sync is
// written once storage opens, not dropped.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import type { Deck } from '../../../src/domain/deck/types'
import { builtInQuestions } from '../../../src/stores/deck'
import { nothingStored } from '../../../src/storage/nothing-stored'
import type { Storage } from '../../../src/storage/types'
import { DeckQuestionService, type QueueRequest } from '../../../src/workers/deck-questions'
import { NOW, testDatabase } from '../storage/helpers'

const root = join(import.meta.dirname, '..', '..', '..')
const deck = parseDeckText(readFileSync(join(root, 'content', 'john-vii-palaiologos.yaml'), 'utf8')).deck as Deck
const request: QueueRequest = {
  cards: [],
  knownCardIds: new Set(),
  now: NOW,
  endOfDay: NOW + 3_600_000,
  newPerDay: 20,
  newIntroducedToday: 0,
  recognitionFirst: true,
  seed: 7,
}
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms))

describe('a first visit, before storage opens', () => {
  it('answers the built-in deck’s queue from nothing stored, the synced deck’s queue; the sync waits for storage', async () => {
    const storage = await testDatabase().open()
    let openStorage!: (storage: Storage) => void
    const opened = new Promise<Storage>((resolve) => (openStorage = resolve))
    const service = new DeckQuestionService(async () => nothingStored(() => opened), '', builtInQuestions)
    const opening = service.open(deck.id, NOW, deck)

    const queue = await Promise.race([service.queue(deck.id, request), later(2_000, 'waited for storage' as const)])
    expect(queue).not.toBe('waited for storage')
    expect(await Promise.race([opening, later(50, 'syncing')])).toBe('syncing')
    expect(await storage.decks.head(deck.id)).toBeUndefined()

    openStorage(storage)
    expect((await opening).changes.firstSync).toBe(true)
    expect(await storage.decks.head(deck.id)).toMatchObject({ fingerprintsDigest: expect.any(String) })
    // The queue a learner whose storage was open from the start gets.
    const synced = new DeckQuestionService(async () => storage, '', builtInQuestions)
    await synced.open(deck.id, NOW, deck)
    expect(queue).toEqual(await synced.queue(deck.id, request))
  })
})
