// The study card: the question first; Space (or "Show answer") reveals the answer with its
// explanation, sources and dispute note; answering a choice reveals it too. Deck text is shown
// as text, never as HTML.
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import StudyCard from '../../src/components/study/StudyCard.vue'
import { question } from './fixtures'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function press(key: string) {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

describe('StudyCard', () => {
  it('shows the prompt and hides the answer until Space is pressed', async () => {
    const q = question('basic')
    wrapper = mount(StudyCard, { props: { question: q, revealed: false }, attachTo: document.body })
    expect(wrapper.find('h2').text()).toBe(q.prompt)
    expect(wrapper.find('.answer-reveal').exists()).toBe(false)
    expect(wrapper.get('button').text()).toBe('Show answer')
    press(' ')
    expect(wrapper.emitted('reveal')).toHaveLength(1)
  })

  it('reveals answer, explanation, sources and the dispute note', async () => {
    const q = question('basic', {
      dispute:
        'Sources differ: 1370 (infobox) · c. 1366 (other encyclopedias)\nc. 1366: Other encyclopedias (not named).',
    })
    wrapper = mount(StudyCard, { props: { question: q, revealed: true }, attachTo: document.body })
    const panel = wrapper.get('.answer-reveal')
    expect(panel.text()).toContain('A Byzantine silver coin')
    expect(panel.text()).toContain(q.explanation)
    // The short line shows; the full titles and notes are one tap away.
    expect(panel.get('.dispute summary').text()).toBe('Sources differ: 1370 (infobox) · c. 1366 (other encyclopedias)')
    expect(panel.get('details.dispute').attributes('open')).toBeUndefined()
    expect(panel.get('.dispute p').text()).toBe('c. 1366: Other encyclopedias (not named).')
    // Right under the answer, before the explanation.
    expect(panel.html().indexOf('dispute')).toBeLessThan(panel.html().indexOf('explanation'))
    expect(panel.get('a').text()).toBe('Infobox')
    expect(wrapper.find('button').exists()).toBe(false)
    press(' ')
    expect(wrapper.emitted('reveal')).toBeUndefined()
  })

  it('shows why each wrong option is wrong after answering, as text', async () => {
    const q = question('multiple-choice', {
      why: [
        { option: 'Manuel II Palaiologos', proof: "John VII Palaiologos's father was Andronikos IV Palaiologos" },
        { option: 'John V Palaiologos', proof: '<b>not bold</b>' },
      ],
    })
    wrapper = mount(StudyCard, { props: { question: q, revealed: true }, attachTo: document.body })
    const proofs = wrapper.get('.answer-proofs')
    expect(proofs.get('summary').text()).toBe('Why the other options are wrong')
    const items = proofs.findAll('li').map((li) => li.text())
    expect(items).toEqual([
      "Manuel II Palaiologos: John VII Palaiologos's father was Andronikos IV Palaiologos",
      'John V Palaiologos: <b>not bold</b>',
    ])
    expect(proofs.find('b').exists()).toBe(false)
  })

  it('lets a choice be answered directly, with its key', () => {
    wrapper = mount(StudyCard, {
      props: { question: question('multiple-choice'), revealed: false },
      attachTo: document.body,
    })
    press('2')
    expect(wrapper.emitted('answered')?.[0]?.[0]).toMatchObject({ response: { choice: 'Andronikos IV Palaiologos' } })
  })

  it('shows the typed-answer message ("Accepted: … spelled … here")', async () => {
    const q = question('typed')
    wrapper = mount(StudyCard, {
      props: {
        question: q,
        revealed: true,
        result: {
          response: { kind: 'text', text: 'Andronicus IV' },
          check: { correct: true, message: 'Accepted: Andronicus IV — spelled Andronikos IV Palaiologos here' },
          elapsedMs: 3000,
        },
      },
      attachTo: document.body,
    })
    expect(wrapper.get('.feedback').text()).toBe(
      'Correct — Accepted: Andronicus IV — spelled Andronikos IV Palaiologos here',
    )
    // The typed input loads when the first card of its kind shows (a choice card needs none of it).
    const input = await vi.waitFor(() => wrapper!.get('input'))
    expect(input.attributes('readonly')).toBeDefined()
  })

  it('renders markup in deck text as plain characters', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    const q = question('basic', { prompt: payload, answer: payload, explanation: payload })
    wrapper = mount(StudyCard, { props: { question: q, revealed: true }, attachTo: document.body })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.get('h2').text()).toBe(payload)
  })

  it('links only http(s) sources', () => {
    const q = question('basic', { sources: [{ id: 'x', title: 'Evil', url: 'javascript:alert(1)' }] })
    wrapper = mount(StudyCard, { props: { question: q, revealed: true }, attachTo: document.body })
    expect(wrapper.find('.answer-reveal a').exists()).toBe(false)
    expect(wrapper.get('.answer-reveal').text()).toContain('Evil')
  })
})
