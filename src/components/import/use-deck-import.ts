// One import, from a file or a share link: read and validate (nothing stored), then show what the
// deck holds and, when a deck with its id exists, what would change; store it only on "Import"/"Update".
import { ref, shallowRef, watch } from 'vue'
import type { Deck } from '../../domain/deck/types'
import { type DeckChanges, diffDecks } from '../../domain/import/deck-changes'
import { importDeckFile } from '../../domain/import/import-file'
import type { ImportIssue, ImportNotice, ImportResult } from '../../domain/import/issues'
import { MAX_FILE_BYTES } from '../../domain/import/limits'
import { formatBytes } from '../../domain/text/format'
import { decodeDeckLink } from '../../domain/import/share-link'
import { freeId } from '../../domain/import/deck-form'
import { generateQuestions } from '../../domain/questions/generate'
import type { Question } from '../../domain/questions/types'
import { progressEffect, type ProgressEffect } from '../../domain/study/deck-diff'
import { builtInDecks } from '../../generated/decks'
import { deckSeed } from '../../stores/deck'
import { useStorageStore } from '../../stores/storage'
import { loadSqlBrowser } from './load-sql'
import { storeDeck } from './store-deck'

export type ImportStage = 'idle' | 'reading' | 'invalid' | 'ready' | 'saving' | 'saved' | 'failed'

export function useDeckImport() {
  const stage = ref<ImportStage>('idle')
  const source = ref('')
  const issues = shallowRef<ImportIssue[]>([])
  const notices = shallowRef<ImportNotice[]>([])
  const deck = shallowRef<Deck>()
  const questions = shallowRef<Question[]>([])
  const existing = shallowRef<Deck>()
  const changes = shallowRef<DeckChanges>()
  const effect = shallowRef<ProgressEffect>()
  const failure = ref('')

  function reset(): void {
    stage.value = 'idle'
    source.value = ''
    issues.value = []
    notices.value = []
    deck.value = undefined
    questions.value = []
    existing.value = undefined
    changes.value = undefined
    effect.value = undefined
    failure.value = ''
  }

  async function fromFile(file: File): Promise<void> {
    reset()
    source.value = file.name
    stage.value = 'reading'
    if (file.size > MAX_FILE_BYTES) {
      const message = `This file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`
      return accept({
        issues: [{ severity: 'error', code: 'file-too-large', file: file.name, line: 1, column: 1, path: '', message }],
        notices: [],
      })
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    return accept(await importDeckFile(file.name, bytes, { loadSql: loadSqlBrowser }))
  }

  function fromLink(link: string): Promise<void> {
    reset()
    source.value = 'link'
    stage.value = 'reading'
    return accept({ ...decodeDeckLink(link), notices: [] })
  }

  async function accept(result: ImportResult): Promise<void> {
    issues.value = result.issues
    notices.value = result.notices
    if (!result.deck) {
      stage.value = 'invalid'
      return
    }
    let incoming = result.deck
    // Built-in decks cannot be replaced: an import with a built-in's id becomes a copy.
    if (builtInDecks.some((d) => d.id === incoming.id)) {
      const id = freeId([...builtInDecks.map((d) => d.id)], `${incoming.id}-copy`, 'deck')
      notices.value = [
        ...notices.value,
        {
          code: 'renamed',
          message: `A built-in deck already has the id "${incoming.id}"; this one is imported as "${id}".`,
        },
      ]
      incoming = { ...incoming, id }
    }
    deck.value = incoming
    questions.value = generateQuestions(incoming, { seed: deckSeed(incoming.id) })
    const saved = await useStorageStore().db().decks.get(incoming.id)
    existing.value = saved
    if (saved) {
      changes.value = diffDecks(saved, incoming)
      effect.value = progressEffect(generateQuestions(saved, { seed: deckSeed(saved.id) }), questions.value)
    }
    stage.value = 'ready'
  }

  /** The title the learner typed in the preview (the file's title until then). */
  const title = ref('')
  watch(deck, (d) => (title.value = d?.title ?? ''))
  const setTitle = (text: string) => (title.value = text)

  /** Stores the deck and syncs its questions: progress is kept on unchanged questions. */
  async function save(): Promise<string | undefined> {
    const read = deck.value
    if (!read || stage.value !== 'ready') return undefined
    const incoming =
      title.value.trim() && title.value.trim() !== read.title ? { ...read, title: title.value.trim() } : read
    stage.value = 'saving'
    const stored = await storeDeck(incoming, questions.value, 'imported')
    if (stored.ok) {
      stage.value = 'saved'
      return incoming.id
    }
    failure.value = 'message' in stored ? stored.message : 'Your browser refused to store the deck.'
    stage.value = 'failed'
    return undefined
  }

  return {
    stage,
    source,
    issues,
    notices,
    deck,
    questions,
    existing,
    changes,
    effect,
    failure,
    title,
    setTitle,
    reset,
    fromFile,
    fromLink,
    save,
  }
}

export type DeckImport = ReturnType<typeof useDeckImport>
