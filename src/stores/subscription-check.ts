// Reading a published deck and deciding what a check found, as plain functions of the storage and a
// fetch (the Pinia store holds their results; tests call these with fake-indexeddb and a local
// server). Nothing is written unless the learner accepts an update (or chose automatic updates),
// and a check that fails writes nothing at all.
import { fetchPublishedDeck, type FetchDeckOptions, type FetchFailure } from '../browser/published-deck'
import type { Deck } from '../domain/deck/types'
import { type DeckChanges, diffDecks } from '../domain/import/deck-changes'
import { importDeckFile } from '../domain/import/import-file'
import type { ImportIssue, ImportNotice } from '../domain/import/issues'
import {
  type DeckSubscription,
  deckVersionHash,
  hasDeckChanges,
  publishedFileName,
} from '../domain/import/subscription'
import { deckSeed } from '../domain/questions/cache-key'
import { generateQuestions } from '../domain/questions/generate'
import type { Question } from '../domain/questions/types'
import { type DeckChangeSummary, type ProgressEffect, progressEffect } from '../domain/study/deck-diff'
import type { Storage } from '../storage'

/** A version of the published deck, read and validated, not stored yet. */
export interface PublishedVersion {
  url: string
  deck: Deck
  questions: Question[]
  versionHash: string
  etag?: string
  lastModified?: string
  notices: ImportNotice[]
}

export type ReadFailure =
  | { kind: 'failed'; reason: FetchFailure; message: string }
  | { kind: 'failed'; reason: 'invalid'; message: string; issues: ImportIssue[] }

export type ReadResult = { kind: 'not-modified' } | { kind: 'read'; version: PublishedVersion } | ReadFailure

export type CheckResult =
  | { kind: 'up-to-date'; checkedAt: number }
  | { kind: 'update'; version: PublishedVersion; changes: DeckChanges; effect: ProgressEffect }
  | ReadFailure

export type SubscriptionDeps = Omit<FetchDeckOptions, 'online'> & { online?: boolean }

/**
 * Fetches and reads the deck at `url` with the import pipeline (a Stavraton YAML/JSON deck, or a
 * CSV, GIFT or Aiken file). `deckId` names the deck the version is for: the address identifies the
 * deck, so the published file's own id does not matter after the first subscription.
 */
export async function readPublishedDeck(
  url: string,
  validators: Pick<DeckSubscription, 'etag' | 'lastModified'>,
  deps: SubscriptionDeps,
  deckId?: string,
): Promise<ReadResult> {
  const fetched = await fetchPublishedDeck(url, validators, deps)
  if (fetched.kind !== 'fetched') return fetched
  const name = publishedFileName(url)
  const result = await importDeckFile(name, fetched.bytes, {
    loadSql: () => Promise.reject(new Error('Anki packages cannot be followed at a URL: publish a .yaml deck.')),
    ...(deckId ? { deckId } : {}),
  })
  if (!result.deck)
    return {
      kind: 'failed',
      reason: 'invalid',
      message: `The deck published at this address has errors, so it was not used. Nothing was changed.`,
      issues: result.issues,
    }
  const deck = deckId && result.deck.id !== deckId ? { ...result.deck, id: deckId } : result.deck
  return {
    kind: 'read',
    version: {
      url,
      deck,
      questions: generateQuestions(deck, { seed: deckSeed(deck.id) }),
      versionHash: deckVersionHash(deck),
      ...(fetched.etag === undefined ? {} : { etag: fetched.etag }),
      ...(fetched.lastModified === undefined ? {} : { lastModified: fetched.lastModified }),
      notices: result.notices,
    },
  }
}

/**
 * Checks a subscription: an unchanged file (304, the same content, or content that changes no fact,
 * card or detail) is recorded as checked; a changed one is returned as an update to offer.
 */
export async function checkSubscription(
  storage: Storage,
  subscription: DeckSubscription,
  deps: SubscriptionDeps,
  now: number,
): Promise<CheckResult> {
  const stored = await storage.decks.get(subscription.deckId)
  // A library that lost its copy (deleted elsewhere) asks for the whole file again.
  const validators = stored ? subscription : {}
  const read = await readPublishedDeck(subscription.url, validators, deps, subscription.deckId)
  if (read.kind === 'failed') return read
  if (read.kind === 'not-modified') {
    await storage.recordSubscriptionCheck(subscription.deckId, { checkedAt: now })
    return { kind: 'up-to-date', checkedAt: now }
  }
  const { version } = read
  const changes = stored
    ? diffDecks(stored, version.deck)
    : diffDecks({ ...version.deck, facts: [], cards: [] }, version.deck)
  if (stored && (version.versionHash === deckVersionHash(stored) || !hasDeckChanges(changes))) {
    await storage.recordSubscriptionCheck(subscription.deckId, {
      checkedAt: now,
      versionHash: version.versionHash,
      ...validatorsOf(version),
    })
    return { kind: 'up-to-date', checkedAt: now }
  }
  const before = stored ? generateQuestions(stored, { seed: deckSeed(stored.id) }) : []
  return { kind: 'update', version, changes, effect: progressEffect(before, version.questions) }
}

/** Stores the version (progress kept on unchanged questions) and remembers it in the subscription. */
export function applyPublishedVersion(
  storage: Storage,
  subscription: DeckSubscription,
  version: PublishedVersion,
  now: number,
): Promise<DeckChangeSummary> {
  const { etag: _etag, lastModified: _lastModified, ...rest } = subscription
  return storage.saveSubscribedDeck({
    deck: version.deck,
    questions: version.questions,
    subscription: { ...rest, versionHash: version.versionHash, checkedAt: now, ...validatorsOf(version) },
    now,
  })
}

/** Adds the deck to the library and starts following its address. */
export function subscribeToVersion(
  storage: Storage,
  version: PublishedVersion,
  options: { autoUpdate: boolean; now: number },
): Promise<DeckChangeSummary> {
  return applyPublishedVersion(
    storage,
    {
      deckId: version.deck.id,
      url: version.url,
      versionHash: version.versionHash,
      subscribedAt: options.now,
      autoUpdate: options.autoUpdate,
    },
    version,
    options.now,
  )
}

function validatorsOf(version: PublishedVersion): Pick<DeckSubscription, 'etag' | 'lastModified'> {
  return {
    ...(version.etag === undefined ? {} : { etag: version.etag }),
    ...(version.lastModified === undefined ? {} : { lastModified: version.lastModified }),
  }
}
