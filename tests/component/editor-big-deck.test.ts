// The editor on a big deck: its questions are made a slice at a time, the preview saying how many
// so far, and come to the generator's own; saving waits for all of them, so the stored deck is
// synced with every card it has; a newer text's questions replace those being made.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import EditorPreview from '../../src/components/editor/EditorPreview.vue'
import { useDeckEditor } from '../../src/components/editor/use-deck-editor'
import type { Deck } from '../../src/domain/deck/types'
import { deckToYaml } from '../../src/domain/deck/yaml'
import { deckSeed } from '../../src/domain/questions/cache-key'
import { generateQuestions } from '../../src/domain/questions/generate'
import { deckFingerprints, fingerprintsDigest } from '../../src/domain/study/fingerprints'
import { useStorageStore } from '../../src/stores/storage'
import { syntheticDynasty } from '../../scripts/bench/synthetic-dynasty'
import { byRole } from './roles'

const deck = syntheticDynasty(3_000, 4)
const yaml = deckToYaml(deck)
/** The generator's questions of the deck as the editor reads it back from its YAML. */
const questionsOf = (read: Deck | undefined) => generateQuestions(read!, { seed: deckSeed(deck.id) })
const until = async (done: () => boolean) => {
  for (let i = 0; i < 2_000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 0))
  expect(done()).toBe(true)
}

const scope = effectScope()
afterEach(() => useStorageStore().db().close())

describe('the editor on a big deck', () => {
  it('makes its questions a slice at a time, says how many so far, and saves them all', async () => {
    setActivePinia(createPinia())
    await useStorageStore().open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'editor-big', enableFuzz: false })
    const editor = scope.run(() => useDeckEditor())!
    editor.setText(yaml)
    expect(editor.deck.value?.facts).toHaveLength(deck.facts.length)
    const expected = questionsOf(editor.deck.value)
    // Not all at once: the page gets tasks between slices.
    expect(editor.generating.value).toBe(true)
    expect(editor.questions.value.length).toBeLessThan(expected.length)
    await until(() => editor.questions.value.length > 0)
    const preview = mount(EditorPreview, {
      props: { questions: editor.questions.value, valid: true, generating: editor.generating.value },
    })
    const heading = byRole(preview.element as HTMLElement, 'heading', /Questions this deck asks/)
    expect(heading.textContent).toMatch(/\(\d+ so far\)/)
    preview.unmount()

    // Saved at once: the save waits for every question.
    const saving = editor.save()
    expect(editor.saveState.value).toBe('saving')
    expect(await saving).toBe(deck.id)
    expect(editor.generating.value).toBe(false)
    expect(editor.questions.value).toEqual(expected)
    // Synced with every card: the stored fingerprints are the whole deck's.
    const head = await useStorageStore().db().decks.head(deck.id)
    expect(head?.fingerprintsDigest).toBe(fingerprintsDigest(deckFingerprints(expected)))
  })

  it('drops the questions being made when the text changes, and makes the new text’s', async () => {
    setActivePinia(createPinia())
    await useStorageStore().open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'editor-big-2', enableFuzz: false })
    const editor = scope.run(() => useDeckEditor())!
    editor.setText(yaml)
    await nextTick()
    const smaller = { ...deck, facts: deck.facts.slice(0, deck.facts.length / 2) }
    editor.setText(deckToYaml(smaller))
    await until(() => !editor.generating.value)
    expect(editor.deck.value?.facts).toHaveLength(smaller.facts.length)
    expect(editor.questions.value).toEqual(questionsOf(editor.deck.value))
  })
})
