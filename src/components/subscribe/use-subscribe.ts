// Subscribing from the subscribe page: check the address, read the published deck (nothing
// stored), show it (and, for a deck already in the library, what would change), then subscribe.
import { ref, shallowRef } from 'vue'
import type { Deck } from '../../domain/deck/types'
import { type DeckChanges, diffDecks } from '../../domain/import/deck-changes'
import { freeId } from '../../domain/import/deck-form'
import type { ImportIssue } from '../../domain/import/issues'
import { checkSubscriptionUrl } from '../../domain/import/subscription'
import { deckSeed } from '../../domain/questions/cache-key'
import { generateQuestions } from '../../domain/questions/generate'
import { progressEffect, type ProgressEffect } from '../../domain/study/deck-diff'
import { builtInDecks } from '../../generated/decks'
import { useStorageStore } from '../../stores/storage'
import type { PublishedVersion } from '../../stores/subscription-check'
import { useSubscriptionsStore } from '../../stores/subscriptions'

export type SubscribeStage = 'idle' | 'reading' | 'failed' | 'ready' | 'saving'

export function useSubscribe() {
  const stage = ref<SubscribeStage>('idle')
  const message = ref('')
  const issues = shallowRef<ImportIssue[]>([])
  const version = shallowRef<PublishedVersion>()
  const existing = shallowRef<Deck>()
  const changes = shallowRef<DeckChanges>()
  const effect = shallowRef<ProgressEffect>()
  const autoUpdate = ref(false)

  function fail(text: string, found: ImportIssue[] = []): void {
    message.value = text
    issues.value = found
    stage.value = 'failed'
  }

  async function preview(address: string): Promise<void> {
    version.value = existing.value = changes.value = effect.value = undefined
    issues.value = []
    const checked = checkSubscriptionUrl(address, location.origin)
    if (!checked.ok) return fail(checked.message)
    stage.value = 'reading'
    const result = await useSubscriptionsStore().preview(checked.url)
    if (result.kind === 'failed') return fail(result.message, 'issues' in result ? result.issues : [])
    if (result.kind !== 'read') return fail('The site answered without the deck. Nothing was changed.')
    let read = result.version
    // A built-in deck cannot be replaced: the published deck comes in as a copy beside it.
    if (builtInDecks.some((d) => d.id === read.deck.id)) {
      const deck = { ...read.deck, id: freeId([...builtInDecks.map((d) => d.id)], `${read.deck.id}-copy`, 'deck') }
      read = { ...read, deck, questions: generateQuestions(deck, { seed: deckSeed(deck.id) }) }
    }
    const saved = await useStorageStore().db().decks.get(read.deck.id)
    if (saved) {
      existing.value = saved
      changes.value = diffDecks(saved, read.deck)
      effect.value = progressEffect(generateQuestions(saved, { seed: deckSeed(saved.id) }), read.questions)
    }
    version.value = read
    stage.value = 'ready'
  }

  /** Subscribes; returns the deck's id, or undefined when it could not be stored (the reason is shown). */
  async function subscribe(): Promise<string | undefined> {
    const read = version.value
    if (!read || stage.value !== 'ready') return undefined
    stage.value = 'saving'
    try {
      await useSubscriptionsStore().subscribe(read, autoUpdate.value)
      return read.deck.id
    } catch (error) {
      if (!useStorageStore().report(error))
        fail(`The deck could not be stored: ${error instanceof Error ? error.message : String(error)}`)
      return undefined
    }
  }

  return { stage, message, issues, version, existing, changes, effect, autoUpdate, preview, subscribe }
}
