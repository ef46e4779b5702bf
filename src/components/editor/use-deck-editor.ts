// The deck being edited is its YAML text: the YAML tab edits it directly, the forms edit its
// document in place (deck-form.ts). Every change is validated (debounced) and previewed as questions.
// A text is checked once (a form edit's check is the new text's), and its questions are made a
// few entities at a time between tasks: a 10,000-fact deck's 40,000 questions held the page for
// seconds at each edit.
import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import { parseDeckText, type DeckResult } from '../../domain/deck/parse'
import { deckToYaml } from '../../domain/deck/yaml'
import type { Deck } from '../../domain/deck/types'
import { type DeckDocument, freeId, newDeckYaml } from '../../domain/import/deck-form'
import type { ImportIssue } from '../../domain/import/issues'
import { questionBatches } from '../../domain/questions/generate'
import type { Question } from '../../domain/questions/types'
import { builtInDecks } from '../../generated/decks'
import { deckSeed } from '../../stores/deck'
import { storeDeck } from '../import/store-deck'
import { useStorageStore } from '../../stores/storage'

export const EDITOR_FILE = 'deck.yaml'

/** Questions are made for this long at a time, then the page gets a task (ms). */
const SLICE_MS = 30
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export function useDeckEditor() {
  const text = ref('')
  const issues = shallowRef<ImportIssue[]>([])
  const deck = shallowRef<Deck>()
  const questions = shallowRef<Question[]>([])
  /** The deck's questions are still being made (then `questions` are those made so far). */
  const generating = ref(false)
  const saveState = ref<'idle' | 'saving' | 'saved' | 'failed'>('idle')
  const saveError = ref('')
  const loadError = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The YAML document of the text shown (none when it cannot be read): the forms list what it holds. */
  const document = shallowRef<DeckDocument>()
  /** The text last checked, its check, and the document it was read into. */
  let checked: { text: string; result: DeckResult; doc?: DeckDocument } | undefined
  /** The text whose check and questions are shown. */
  let shown: string | undefined
  /** The questions of the deck being made: resolves when they all are (or others are asked for). */
  let making: Promise<void> = Promise.resolve()
  let generation = 0

  /** The check of the text now (once per text). */
  function check(): NonNullable<typeof checked> {
    if (checked?.text !== text.value) checked = read(text.value)
    return checked
  }
  function read(source: string): NonNullable<typeof checked> {
    let doc: DeckDocument | undefined
    const result = parseDeckText(source, { file: EDITOR_FILE }, (read) => (doc = read))
    return { text: source, result, ...(doc ? { doc } : {}) }
  }

  function validate(): void {
    const { result, doc } = check()
    if (shown === text.value) return
    shown = text.value
    document.value = doc
    issues.value = result.issues
    deck.value = result.deck
    making = generate(result.deck)
  }

  /** Makes the deck's questions a slice at a time (a small deck's at once); a newer text's stop these. */
  async function generate(made: Deck | undefined): Promise<void> {
    const mine = ++generation
    const out: Question[] = []
    questions.value = []
    generating.value = made !== undefined
    if (!made) return
    let sliceStart = performance.now()
    for (const batch of questionBatches(made, { seed: deckSeed(made.id) })) {
      for (const q of batch) out.push(q)
      if (performance.now() - sliceStart >= SLICE_MS) {
        // Those so far, shown each time they have doubled (copied, not each slice: 400,000 of them).
        if (out.length >= 2 * questions.value.length) questions.value = out.slice()
        await nextTask()
        if (mine !== generation) return
        sliceStart = performance.now()
      }
    }
    questions.value = out
    generating.value = false
  }

  watch(text, () => {
    saveState.value = 'idle'
    clearTimeout(timer)
    timer = setTimeout(validate, 250)
  })
  onScopeDispose(() => clearTimeout(timer))

  function setText(next: string): void {
    text.value = next
    clearTimeout(timer)
    validate()
  }

  /**
   * Applies a form edit when the checker finds no new error in the result; otherwise nothing
   * changes and the new errors come back (located in the file the edit would have written), so
   * the form can show them next to its fields. `syntax`: the YAML itself does not parse.
   */
  function edit(change: (doc: DeckDocument) => void): EditResult {
    // A copy of the text's document (the text is not read again), changed, written out.
    const now = check()
    const doc = now.doc?.clone()
    if (!doc || doc.errors.length > 0) return { ok: false, syntax: true, issues: [] }
    change(doc)
    const next = doc.toString()
    const errorKey = (issue: ImportIssue) => `${issue.code}\u0000${issue.path ?? ''}\u0000${issue.message}`
    const before = new Set(now.result.issues.filter((i) => i.severity === 'error').map(errorKey))
    const after = read(next)
    const added = after.result.issues.filter((i) => i.severity === 'error' && !before.has(errorKey(i)))
    if (added.length > 0) return { ok: false, syntax: false, issues: added }
    // Checked: the new text is not checked again.
    checked = after
    setText(next)
    return { ok: true }
  }

  function startNew(): void {
    setText(newDeckYaml({ id: 'my-deck', title: 'My deck' }))
  }

  /** Opens a saved deck; a built-in deck opens as a copy (built-in decks cannot be replaced). */
  async function load(deckId: string): Promise<void> {
    loadError.value = ''
    const builtIn = builtInDecks.find((d) => d.id === deckId)
    try {
      const source = builtIn ? await builtIn.load() : await useStorageStore().db().decks.get(deckId)
      if (!source) {
        loadError.value = `There is no deck "${deckId}" in your library.`
        return
      }
      const copy = builtIn
        ? {
            ...source,
            id: freeId(
              builtInDecks.map((d) => d.id),
              `${source.id}-copy`,
              'deck',
            ),
            title: `${source.title} (copy)`,
          }
        : source
      setText(deckToYaml(copy))
    } catch (error) {
      if (!useStorageStore().report(error)) loadError.value = error instanceof Error ? error.message : String(error)
    }
  }

  /** Saves the valid deck to the library, where it behaves like a built-in one. */
  async function save(): Promise<string | undefined> {
    validate()
    const current = deck.value
    if (!current) return undefined
    if (builtInDecks.some((d) => d.id === current.id)) {
      saveState.value = 'failed'
      saveError.value = `"${current.id}" is the id of a built-in deck; give this deck another id.`
      return undefined
    }
    saveState.value = 'saving'
    // Every question of the deck, made (the sync keeps the progress of those unchanged).
    await making
    if (deck.value !== current) {
      saveState.value = 'idle'
      return undefined
    }
    const stored = await storeDeck(current, questions.value, 'user')
    if (stored.ok) {
      saveState.value = 'saved'
      return current.id
    }
    saveState.value = 'failed'
    saveError.value = 'message' in stored ? stored.message : 'Your browser refused to store the deck.'
    return undefined
  }

  return {
    text,
    document,
    issues,
    deck,
    questions,
    generating,
    saveState,
    saveError,
    loadError,
    setText,
    edit,
    startNew,
    load,
    save,
  }
}

export type DeckEditor = ReturnType<typeof useDeckEditor>
export type EditResult = { ok: true } | { ok: false; syntax: boolean; issues: ImportIssue[] }
