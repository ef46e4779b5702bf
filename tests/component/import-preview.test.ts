// The import preview counts a deck's own cards in a teacher's words: terms (a term and its
// definition) and written questions (choice, cloze), apart from the cards studied and scheduled.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ImportPreview from '../../src/components/import/ImportPreview.vue'
import { deckFromCards } from '../../src/domain/import/cards-deck'
import { generateQuestions } from '../../src/domain/questions/generate'
import { allByRole } from './roles'

const preview = (drafts: Parameters<typeof deckFromCards>[1]) => {
  const { deck } = deckFromCards({ id: 'coins', title: 'Coins' }, drafts)
  const questions = generateQuestions(deck, { seed: 1 })
  const wrapper = mount(ImportPreview, { props: { deck, questions, notices: [] } })
  return allByRole(wrapper.element, 'listitem').map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim())
}

describe('import preview counts', () => {
  it('calls term–definition rows terms, never hand-written cards', () => {
    const items = preview([
      { type: 'basic', front: 'Stavraton', back: 'A heavy silver coin' },
      { type: 'basic', front: 'Hyperpyron', back: 'A gold coin' },
    ])
    expect(items).toContain('2 terms')
    expect(items.some((t) => /hand-written|written question/.test(t))).toBe(false)
  })

  it('counts written questions apart from terms', () => {
    const items = preview([
      { type: 'basic', front: 'Stavraton', back: 'A heavy silver coin' },
      { type: 'cloze', text: 'The {{c1::stavraton}} was a silver coin.' },
    ])
    expect(items).toContain('1 term')
    expect(items).toContain('1 written question')
  })
})
