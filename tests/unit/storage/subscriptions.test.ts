// Following a deck a teacher publishes at a URL, through storage (fake-indexeddb) and a real local
// HTTP server: subscribing stores the deck and where it comes from; an unchanged file costs a 304;
// an update is offered with what changed and, once accepted, keeps progress on unchanged questions;
// every kind of failed check (404, invalid deck, timeout, refused connection, offline) changes
// nothing; unsubscribing keeps the deck; backups carry subscriptions exactly.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeDeckUpdate } from '../../../src/domain/import/subscription'
import type { Storage } from '../../../src/storage'
import {
  applyPublishedVersion,
  checkSubscription,
  readPublishedDeck,
  subscribeToVersion,
  type PublishedVersion,
  type SubscriptionDeps,
} from '../../../src/stores/subscription-check'
import { DAY, NOW, testDatabase } from './helpers'

const V1 = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'decks', 'small-valid.yaml'), 'utf8')
/** Version 2: Carl's birth year corrected, one hand-written card added. */
const V2 = `${V1.replace('born: { date: 1325, place: testville }', 'born: { date: 1326, place: testville }')}  - { front: What bird was Anna's emblem?, back: A falcon, source: book }\n`
const BROKEN = V1.replace('    kind: person\n    name: Bert Test', '    kind: person\n    name: [Bert Test')

interface Published {
  body: string
  status: number
  hang: boolean
}

let server: Server
let origin: string
let published: Published
let requests: IncomingHttpHeaders[]

beforeEach(async () => {
  published = { body: V1, status: 200, hang: false }
  requests = []
  server = createServer((req, res) => {
    requests.push(req.headers)
    if (published.hang) return // never answers: the client times out
    const etag = `"${createHash('sha256').update(published.body).digest('hex').slice(0, 16)}"`
    if (published.status !== 200) {
      res.writeHead(published.status, { 'Content-Type': 'text/plain' }).end('Not found')
      return
    }
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end()
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/yaml', ETag: etag }).end(published.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const url = () => `${origin}/teacher/test-family.yaml`
// The deck is served from the app's own origin here, so the conditional headers are sent explicitly.
const deps = (): SubscriptionDeps => ({ appOrigin: origin, timeoutMs: 300 })

async function read(): Promise<PublishedVersion> {
  const result = await readPublishedDeck(url(), {}, deps())
  if (result.kind !== 'read') throw new Error(`expected a deck, got ${JSON.stringify(result)}`)
  return result.version
}

async function subscribed(): Promise<{ storage: Storage; version: PublishedVersion }> {
  const storage = await testDatabase().open()
  const version = await read()
  await subscribeToVersion(storage, version, { autoUpdate: false, now: NOW })
  return { storage, version }
}

const subscription = async (storage: Storage) => {
  const found = await storage.subscriptions.get('test-family')
  if (!found) throw new Error('no subscription stored')
  return found
}

const review = (cardId: string, fingerprint: string, now = NOW + 1000) => ({
  cardId,
  questionId: `${cardId}/typed`,
  deckId: 'test-family',
  fingerprint,
  grade: 4 as const,
  now,
})

const fingerprintOf = (version: PublishedVersion, cardId: string) => {
  const q = version.questions.find((question) => question.cardId === cardId)
  if (!q) throw new Error(`no question for ${cardId}`)
  return q.fingerprint
}

describe('subscribing to a published deck', () => {
  it('stores the deck as imported, with its address, validators and version', async () => {
    const { storage, version } = await subscribed()
    expect(await storage.decks.list()).toEqual([expect.objectContaining({ id: 'test-family', origin: 'imported' })])
    expect((await storage.decks.get('test-family'))?.title).toBe('A Test Family')
    expect(await subscription(storage)).toEqual({
      deckId: 'test-family',
      url: url(),
      etag: version.etag,
      versionHash: version.versionHash,
      subscribedAt: NOW,
      checkedAt: NOW,
      autoUpdate: false,
    })
    expect(version.etag).toMatch(/^"[0-9a-f]{16}"$/)
  })

  it('an unchanged file costs a 304 and is recorded as checked, nothing else', async () => {
    const { storage, version } = await subscribed()
    const before = await storage.exportBackup(NOW)
    const result = await checkSubscription(storage, await subscription(storage), deps(), NOW + DAY)
    expect(result).toEqual({ kind: 'up-to-date', checkedAt: NOW + DAY })
    expect(requests.at(-1)?.['if-none-match']).toBe(version.etag)
    const after = await storage.exportBackup(NOW)
    expect(after.subscriptions).toEqual([{ ...before.subscriptions?.[0], checkedAt: NOW + DAY }])
    expect({ ...after, subscriptions: [] }).toEqual({ ...before, subscriptions: [] })
  })
})

describe('an update', () => {
  it('is offered with what changed, stores nothing until accepted, then keeps progress on unchanged questions', async () => {
    const { storage, version: v1 } = await subscribed()
    const anna = 'test-family/born/anna'
    const carl = 'test-family/born/carl'
    await storage.recordReview(review(anna, fingerprintOf(v1, anna)))
    await storage.recordReview(review(carl, fingerprintOf(v1, carl)))
    const annaLearned = await storage.cards.get(anna)
    expect(annaLearned?.state.phase).not.toBe('new')

    published.body = V2
    const sub = await subscription(storage)
    const result = await checkSubscription(storage, sub, deps(), NOW + DAY)
    if (result.kind !== 'update') throw new Error(`expected an update, got ${result.kind}`)
    expect(result.changes.changed.map((c) => c.label)).toEqual(['Carl Test — born'])
    expect(result.changes.added).toHaveLength(1)
    expect(result.changes.removed).toEqual([])
    expect(describeDeckUpdate(result.changes)).toBe('1 fact changed, 1 card added')
    expect(result.effect).toMatchObject({ restarted: 1, added: 1, removed: 0 })
    expect(result.effect.kept).toBeGreaterThan(30)
    // The full file was asked for with the old validator and came back as a 200.
    expect(requests.at(-1)?.['if-none-match']).toBe(v1.etag)
    // Offered, not applied: the library still holds version 1.
    expect((await storage.decks.get('test-family'))?.entities.find((e) => e.id === 'carl')).toEqual(
      v1.deck.entities.find((e) => e.id === 'carl'),
    )
    expect(await subscription(storage)).toEqual(sub)

    const summary = await applyPublishedVersion(storage, sub, result.version, NOW + DAY)
    expect(summary).toMatchObject({ changed: [carl], removed: [], firstSync: false })
    expect(await storage.cards.get(anna)).toEqual(annaLearned)
    expect(await storage.cards.get(carl)).toMatchObject({ state: { phase: 'new', reps: 0 }, retired: false })
    expect(await subscription(storage)).toEqual({
      ...sub,
      etag: result.version.etag,
      versionHash: result.version.versionHash,
      checkedAt: NOW + DAY,
    })
    expect(result.version.etag).not.toBe(v1.etag)
    // The next check finds the library up to date (304 on the new validator).
    expect(await checkSubscription(storage, await subscription(storage), deps(), NOW + 2 * DAY)).toEqual({
      kind: 'up-to-date',
      checkedAt: NOW + 2 * DAY,
    })
  })

  it('a file that changed only in layout is not an update', async () => {
    const { storage } = await subscribed()
    published.body = `# Re-saved by the teacher's editor\n${V1}\n\n`
    const result = await checkSubscription(storage, await subscription(storage), deps(), NOW + DAY)
    expect(result).toEqual({ kind: 'up-to-date', checkedAt: NOW + DAY })
    // …and the new validator is remembered, so the next check is a 304.
    await checkSubscription(storage, await subscription(storage), deps(), NOW + 2 * DAY)
    expect(requests.at(-1)?.['if-none-match']).toBe((await subscription(storage)).etag)
  })
})

describe('a failed check changes nothing and says what happened', () => {
  const failures: Array<[string, () => void | Promise<void>, SubscriptionDeps | undefined, RegExp]> = [
    [
      'a 404',
      () => void (published.status = 404),
      undefined,
      /no longer at this address .*HTTP 404.*Nothing was changed/,
    ],
    ['a server error', () => void (published.status = 500), undefined, /answered HTTP 500/],
    [
      'a timeout',
      () => void (published.hang = true),
      undefined,
      /did not answer within 1 second\. Nothing was changed/,
    ],
    [
      'a refused connection',
      async () => {
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        server.listen = (() => server) as never
      },
      undefined,
      /could not be reached/,
    ],
    ['being offline', () => undefined, { appOrigin: 'x', online: false }, /You are offline/],
  ]

  it.each(failures)('%s', async (_what, fail, override, message) => {
    const { storage, version } = await subscribed()
    await storage.recordReview(review('test-family/born/anna', fingerprintOf(version, 'test-family/born/anna')))
    published.body = V2
    const before = await storage.exportBackup(NOW)
    await fail()
    const result = await checkSubscription(storage, await subscription(storage), override ?? deps(), NOW + DAY)
    expect(result.kind).toBe('failed')
    expect(result.kind === 'failed' && result.message).toMatch(message)
    expect(await storage.exportBackup(NOW)).toEqual(before)
  })

  it('an invalid published deck, with the checker’s located messages', async () => {
    const { storage } = await subscribed()
    published.body = BROKEN
    const before = await storage.exportBackup(NOW)
    const result = await checkSubscription(storage, await subscription(storage), deps(), NOW + DAY)
    if (result.kind !== 'failed' || result.reason !== 'invalid') throw new Error(`expected invalid, got ${result.kind}`)
    expect(result.message).toMatch(/has errors, so it was not used\. Nothing was changed/)
    expect(result.issues[0]).toMatchObject({ severity: 'error', file: 'test-family.yaml' })
    expect(result.issues[0]?.line).toBeGreaterThan(40)
    expect(await storage.exportBackup(NOW)).toEqual(before)
  })
})

describe('unsubscribing and deleting', () => {
  it('unsubscribe keeps the deck and its progress as a local copy', async () => {
    const { storage, version } = await subscribed()
    const anna = 'test-family/born/anna'
    await storage.recordReview(review(anna, fingerprintOf(version, anna)))
    await storage.unsubscribe('test-family')
    expect(await storage.subscriptions.list()).toEqual([])
    expect((await storage.decks.get('test-family'))?.id).toBe('test-family')
    expect(await storage.cards.get(anna)).toMatchObject({ retired: false, state: { reps: 1 } })
  })

  it('deleting the deck removes its subscription, and Undo puts it back', async () => {
    const { storage } = await subscribed()
    const sub = await subscription(storage)
    const deleted = await storage.deleteDeck('test-family')
    expect(await storage.subscriptions.list()).toEqual([])
    await storage.restoreDeck(deleted)
    expect(await storage.subscriptions.list()).toEqual([sub])
  })
})

describe('backups carry subscriptions', () => {
  it('replace and merge give back the same subscriptions', async () => {
    const { storage } = await subscribed()
    const backup = await storage.exportBackup(NOW)
    expect(backup.subscriptions).toEqual([await subscription(storage)])
    const replaced = await testDatabase().open()
    await replaced.importBackup(JSON.stringify(backup), { mode: 'replace', now: NOW })
    expect(await replaced.exportBackup(NOW)).toEqual(backup)
    const merged = await testDatabase().open()
    await merged.importBackup(backup, { mode: 'merge', now: NOW })
    expect((await merged.exportBackup(NOW)).subscriptions).toEqual(backup.subscriptions)
  })

  it('merge keeps the local subscription (it knows the version this device holds)', async () => {
    const { storage } = await subscribed()
    const backup = await storage.exportBackup(NOW)
    await storage.recordSubscriptionCheck('test-family', { etag: '"newer"', checkedAt: NOW + DAY })
    const local = await subscription(storage)
    expect(local.etag).toBe('"newer"')
    await storage.importBackup(backup, { mode: 'merge', now: NOW + DAY })
    expect(await subscription(storage)).toEqual(local)
  })

  it('refuses a subscription whose deck is not in the backup, changing nothing', async () => {
    const { storage } = await subscribed()
    const backup = await storage.exportBackup(NOW)
    const target = await testDatabase().open()
    await expect(target.importBackup({ ...backup, decks: [] }, { mode: 'replace', now: NOW })).rejects.toMatchObject({
      issues: [{ path: 'subscriptions[0].deckId', message: expect.stringMatching(/No imported deck "test-family"/) }],
    })
    expect((await target.exportBackup(NOW)).decks).toEqual([])
  })

  it('refuses a subscription with an address that is not a URL', async () => {
    const { storage } = await subscribed()
    const backup = await storage.exportBackup(NOW)
    const bad = { ...backup, subscriptions: [{ ...backup.subscriptions?.[0], url: 'not a url' }] }
    await expect(storage.importBackup(bad, { mode: 'replace', now: NOW })).rejects.toMatchObject({
      issues: [{ path: 'subscriptions[0].url' }],
    })
    expect(await storage.exportBackup(NOW)).toEqual(backup)
  })
})
