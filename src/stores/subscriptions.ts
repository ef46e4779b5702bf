import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { DeckChanges } from '../domain/import/deck-changes'
import type { ImportIssue } from '../domain/import/issues'
import { describeDeckUpdate } from '../domain/import/subscription'
import type { ProgressEffect } from '../domain/study/deck-diff'
import { useClock } from './clock'
import { useDeckStore } from './deck'
import { useDeckActionsStore } from './deck-actions'
import { useStorageStore } from './storage'
import type { PublishedVersion, ReadResult, SubscriptionDeps } from './subscription-check'

// The fetch and the import pipeline (parsers, generator) load on the first check, not with a deck page.
const pipeline = () => import('./subscription-check')

/** What the app knows about a subscribed deck's published version since it opened. */
export type SubscriptionStatus =
  | { kind: 'checking' }
  | { kind: 'up-to-date'; checkedAt: number }
  /** "Update available: 1 fact changed, 1 card added" — waits for Update or Not now. */
  | { kind: 'update'; version: PublishedVersion; changes: DeckChanges; effect: ProgressEffect; summary: string }
  | { kind: 'postponed'; summary: string }
  | { kind: 'updated'; summary: string }
  | { kind: 'failed'; message: string; issues: ImportIssue[] }

/**
 * Decks followed at a teacher's URL: checks them (at start when online, and on demand), holds what
 * each check found, and applies an update when the learner accepts it or chose automatic updates.
 */
export const useSubscriptionsStore = defineStore('subscriptions', () => {
  /** Keyed by deck id (a Map: deck ids come from deck files). */
  const statuses = shallowRef<ReadonlyMap<string, SubscriptionStatus>>(new Map())

  function set(deckId: string, status: SubscriptionStatus): void {
    statuses.value = new Map([...statuses.value, [deckId, status]])
  }

  const deps = (): SubscriptionDeps => ({ appOrigin: location.origin, online: navigator.onLine })

  /** The deck changed in storage: forget its questions, and read it again if it is on screen. */
  function refresh(deckId: string): void {
    const decks = useDeckStore()
    const onScreen = decks.current?.deck.id === deckId
    const onPage = decks.page?.deck.id === deckId
    decks.invalidate(deckId)
    if (onScreen) void decks.open(deckId)
    if (onPage) void decks.openPage(deckId)
  }

  /** Reads the deck at `url` for the subscribe page (nothing stored). */
  async function preview(url: string): Promise<ReadResult> {
    return (await pipeline()).readPublishedDeck(url, {}, deps())
  }

  async function subscribe(version: PublishedVersion, autoUpdate: boolean): Promise<void> {
    const now = useClock().now()
    await (await pipeline()).subscribeToVersion(useStorageStore().db(), version, { autoUpdate, now })
    refresh(version.deck.id)
    set(version.deck.id, { kind: 'up-to-date', checkedAt: now })
  }

  /** Checks one deck; applies the update at once when the learner chose automatic updates. */
  async function check(deckId: string): Promise<SubscriptionStatus | undefined> {
    const db = useStorageStore().db()
    const subscription = await db.subscriptions.get(deckId)
    if (!subscription || statuses.value.get(deckId)?.kind === 'checking') return statuses.value.get(deckId)
    set(deckId, { kind: 'checking' })
    let status: SubscriptionStatus
    try {
      const result = await (await pipeline()).checkSubscription(db, subscription, deps(), useClock().now())
      if (result.kind === 'update') {
        status = { ...result, summary: describeDeckUpdate(result.changes) }
        if (subscription.autoUpdate) {
          set(deckId, status)
          return await apply(deckId)
        }
      } else if (result.kind === 'failed') {
        status = { kind: 'failed', message: result.message, issues: 'issues' in result ? result.issues : [] }
      } else status = result
    } catch (error) {
      if (useStorageStore().report(error)) return undefined
      status = { kind: 'failed', message: error instanceof Error ? error.message : String(error), issues: [] }
    }
    set(deckId, status)
    return status
  }

  /** Checks every subscribed deck, one after the other (at start: only when the browser is online). */
  async function checkAll(): Promise<void> {
    if (!navigator.onLine) return
    for (const subscription of await useStorageStore().db().subscriptions.list()) await check(subscription.deckId)
  }

  /** Stores the offered version: progress is kept on unchanged questions. */
  async function apply(deckId: string): Promise<SubscriptionStatus | undefined> {
    const status = statuses.value.get(deckId)
    if (status?.kind !== 'update') return status
    const db = useStorageStore().db()
    const subscription = await db.subscriptions.get(deckId)
    if (!subscription) return status
    try {
      await (await pipeline()).applyPublishedVersion(db, subscription, status.version, useClock().now())
    } catch (error) {
      if (useStorageStore().report(error)) return undefined
      const failed: SubscriptionStatus = {
        kind: 'failed',
        message: `The update could not be stored: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
        issues: [],
      }
      set(deckId, failed)
      return failed
    }
    refresh(deckId)
    const updated: SubscriptionStatus = { kind: 'updated', summary: status.summary }
    set(deckId, updated)
    return updated
  }

  /** "Not now": the offer is put away until the next check. */
  function postpone(deckId: string): void {
    const status = statuses.value.get(deckId)
    if (status?.kind === 'update') set(deckId, { kind: 'postponed', summary: status.summary })
  }

  function setAutoUpdate(deckId: string, autoUpdate: boolean): Promise<void> {
    return useStorageStore().db().setSubscriptionAutoUpdate(deckId, autoUpdate)
  }

  /** Stops following the URL; the deck stays as a local copy, or is deleted (with Undo) if the learner chose so. */
  async function unsubscribe(deckId: string, keepDeck: boolean): Promise<void> {
    if (keepDeck) await useStorageStore().db().unsubscribe(deckId)
    else await useDeckActionsStore().remove(deckId)
    const next = new Map(statuses.value)
    next.delete(deckId)
    statuses.value = next
  }

  return { statuses, preview, subscribe, check, checkAll, apply, postpone, setAutoUpdate, unsubscribe }
})
