// An upgrade from each released schema version loses nothing: every tests/fixtures/db/vN.json is loaded
// into a database declared with version N's schema, then opened with the current code (which runs the
// upgrades since N). See tests/fixtures/db/README.md for adding a version.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/domain/study/settings'
import { CURRENT_SCHEMA_VERSION, openStorage } from '../../../src/storage'
import { declareSchema } from '../../../src/storage/db'
import { databaseOf } from '../../../src/storage/open'
import type { Deck } from '../../../src/domain/deck/types'
import { deckContentHash } from '../../../src/domain/questions/cache-key'
import { fingerprintsDigest } from '../../../src/domain/study/fingerprints'
import { DeckQuestionService } from '../../../src/workers/deck-questions'
import { NOW, populateSubscription } from './helpers'

type Rows = Record<string, Array<Record<string, unknown>>>

interface Fixture {
  schemaVersion: number
  tables: Rows
}

/** What a database holds, in domain terms, as storage returns it today. */
interface Meaning {
  decks: unknown[]
  cards: unknown[]
  reviews: unknown[]
  quizAttempts: unknown[]
  settings: unknown
  sessions: unknown[]
  subscriptions: unknown[]
}

/**
 * What the rows of each released version mean, written against that version's row shapes (never by
 * calling current conversion code), so a later change of shape must keep meaning the same.
 */
const meaningV1 = (rows: Rows): Meaning => ({
  decks: rows.decks ?? [],
  cards: (rows.cards ?? []).map(({ cardId, deckId, fingerprint, retired, state }) => ({
    cardId,
    deckId,
    fingerprint,
    retired: retired === 1,
    state,
  })),
  reviews: rows.reviews ?? [],
  quizAttempts: rows.quizAttempts ?? [],
  // Settings added since (the daily goal, continuing by itself) read as their defaults; stored ones are kept.
  settings: {
    dailyGoal: DEFAULT_SETTINGS.dailyGoal,
    autoContinueSeconds: DEFAULT_SETTINGS.autoContinueSeconds,
    ...Object.fromEntries(Object.entries(rows.settings?.[0] ?? {}).filter(([key]) => key !== 'id')),
  },
  sessions: rows.sessions ?? [],
  subscriptions: [],
})

// v3: cards say whether they are suspended (0 | 1) and until when they are buried (0: not).
const meaningV3 = (rows: Rows): Meaning => ({
  ...meaningV1(rows),
  cards: (rows.cards ?? []).map(({ cardId, deckId, fingerprint, retired, state, suspended, buriedUntil }) => ({
    cardId,
    deckId,
    fingerprint,
    retired: retired === 1,
    state,
    ...(suspended === 1 ? { suspended: true } : {}),
    ...((buriedUntil as number) > 0 ? { buriedUntil } : {}),
  })),
})

// v4: decks followed at a URL, one row per deck (its address, validators and version), as they are.
const meaningV4 = (rows: Rows): Meaning => ({ ...meaningV3(rows), subscriptions: rows.subscriptions ?? [] })

const MEANING: Record<number, (rows: Rows) => Meaning> = {
  1: meaningV1,
  // v2 adds the question cache: generated questions, derived from the decks (not in backups).
  2: meaningV1,
  3: meaningV3,
  4: meaningV4,
  // v5: a deck's row keeps its title, version and digests; its content and sync fingerprints are
  // rows of their own (deckContents, deckFingerprints), under the deck's id.
  5: (rows) => ({
    ...meaningV4(rows),
    decks: (rows.decks ?? []).map(({ contentHash: _hash, printsDigest: _digest, syncedAt, ...row }) => {
      const content = rows.deckContents?.find((c) => c.id === row.id)
      return {
        ...row,
        ...(content ? { deck: content.deck } : {}),
        fingerprints: rows.deckFingerprints?.find((f) => f.id === row.id)?.fingerprints ?? {},
        ...(syncedAt === undefined ? {} : { syncedAt }),
      }
    }),
  }),
}

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'db')
const fixtures = readdirSync(dir)
  .map((file) => /^v(\d+)\.json$/.exec(file))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ version: Number(m[1]), file: join(dir, m[0]) }))
  .sort((a, b) => a.version - b.version)

/** A database exactly as version `fixture.schemaVersion` of the app left it, opened with the current code. */
async function openLegacy(fixture: Fixture) {
  const indexedDB = new IDBFactory()
  const name = `upgrade-from-v${fixture.schemaVersion}`
  const legacy = new Dexie(name, { indexedDB, IDBKeyRange })
  declareSchema(legacy, fixture.schemaVersion)
  await legacy.open()
  await legacy.transaction('rw', legacy.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await legacy.table(table).bulkAdd(rows)
  })
  legacy.close()
  return openStorage({ name, indexedDB, IDBKeyRange, enableFuzz: false })
}

describe('schema upgrades', () => {
  it('has a fixture for every released version, the current one included', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1))
  })

  it.each(fixtures)('opens a v$version database with the current code and loses nothing', async ({ version, file }) => {
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as Fixture
    expect(fixture.schemaVersion).toBe(version)
    const meaning = MEANING[version]
    if (!meaning) throw new Error(`Say in MEANING what a v${version} database holds (tests/fixtures/db/README.md).`)
    const tables = ['decks', 'cards', 'reviews', 'quizAttempts', 'settings', 'sessions']
    for (const table of version >= 4 ? [...tables, 'subscriptions'] : tables) {
      expect(fixture.tables[table]?.length, `fixture table ${table}`).toBeGreaterThan(0)
    }

    const storage = await openLegacy(fixture)
    const expected = meaning(fixture.tables)
    const backup = await storage.exportBackup(NOW)
    const byKey = (key: string) => (a: unknown, b: unknown) =>
      String((a as never)[key]).localeCompare(String((b as never)[key]))
    expect(backup.decks.sort(byKey('id'))).toEqual([...expected.decks].sort(byKey('id')))
    expect(backup.cards.sort(byKey('cardId'))).toEqual([...expected.cards].sort(byKey('cardId')))
    expect(backup.reviews).toEqual(expected.reviews)
    expect(backup.quizAttempts).toEqual(expected.quizAttempts)
    expect(backup.settings).toEqual(expected.settings)
    expect(await storage.sessions.list()).toEqual(expected.sessions)
    expect(backup.subscriptions).toEqual(expected.subscriptions)

    // …and the upgraded database works: indexes answer, a new review is recorded after the old ones.
    const [card] = backup.cards
    if (!card) throw new Error('fixture without cards')
    expect((await storage.cards.forDeck(card.deckId, { includeRetired: true })).length).toBeGreaterThan(0)
    const before = (await storage.reviews.forCard(card.cardId)).length
    const { review } = await storage.recordReview({
      ...card,
      questionId: `${card.cardId}/typed`,
      grade: 3,
      now: NOW + 86_400_000,
    })
    expect(review.id).toBeGreaterThan(Math.max(...backup.reviews.map((r) => r.id ?? 0)))
    expect(await storage.reviews.forCard(card.cardId)).toHaveLength(before + 1)
  })

  it('v3 → v4: a v3 database gains an empty subscriptions table, and a deck can then be followed at a URL', async () => {
    const fixture = JSON.parse(readFileSync(join(dir, 'v3.json'), 'utf8')) as Fixture
    const storage = await openLegacy(fixture)
    expect(await storage.subscriptions.list()).toEqual([])
    const before = await storage.exportBackup(NOW)
    expect(before.subscriptions).toEqual([])
    await populateSubscription(storage)
    const after = await storage.exportBackup(NOW)
    expect(after.subscriptions?.map((s) => s.deckId)).toEqual(['published-coins'])
    // Everything v3 held is still there, untouched.
    expect(after.decks.filter((d) => d.id !== 'published-coins')).toEqual(before.decks)
    expect(after.cards.filter((c) => c.deckId !== 'published-coins')).toEqual(before.cards)
    expect(after.reviews.filter((r) => r.deckId !== 'published-coins')).toEqual(before.reviews)
  })

  it('v4 → v5: a deck row is split into a small head, its content and its fingerprints, with their digests', async () => {
    const fixture = JSON.parse(readFileSync(join(dir, 'v4.json'), 'utf8')) as Fixture
    const storage = await openLegacy(fixture)
    const db = databaseOf(storage)
    const v4 = fixture.tables.decks as Array<{ id: string; deck?: Deck; fingerprints: Record<string, string> }>
    for (const row of v4) {
      const head = await db.decks.get(row.id)
      expect(head).not.toHaveProperty('deck')
      expect(head).not.toHaveProperty('fingerprints')
      expect(head?.contentHash).toBe(row.deck ? deckContentHash(row.deck) : undefined)
      expect(head?.printsDigest).toBe(fingerprintsDigest(row.fingerprints))
      expect((await db.deckContents.get(row.id))?.deck).toEqual(row.deck)
      expect((await db.deckFingerprints.get(row.id))?.fingerprints).toEqual(row.fingerprints)
    }
    // A saved deck opens in the question service, is cached, and opens from the cache after.
    const saved = v4.find((row) => row.deck)!.id
    const service = () => new DeckQuestionService(async () => storage)
    const first = service()
    expect((await first.open(saved, NOW)).cached).toBe(false)
    await first.settled()
    const again = await service().open(saved, NOW)
    expect(again).toMatchObject({ cached: true, changes: { added: 0, changed: 0, removed: 0 } })
  })
})
