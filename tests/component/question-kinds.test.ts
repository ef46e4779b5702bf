// Every question kind can be answered with its own input, and the answer is checked:
// choices by click or key, typed text with Enter (tolerating a spelling), dates by fields,
// ordering with the move buttons (keyboard-operable), matching with selects. Hand-written
// basic cards have no input: "Show answer" reveals them.
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { AnswerResult } from '../../src/domain/questions/response-types'
import QuizQuestion from '../../src/components/quiz/QuizQuestion.vue'
import StudyCard from '../../src/components/study/StudyCard.vue'
import type { Question } from '../../src/domain/questions/types'
import { question } from './fixtures'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function mountQuiz(q: Question) {
  wrapper = mount(QuizQuestion, { props: { question: q, number: 1, total: 10 }, attachTo: document.body })
  return wrapper
}

function answered(w: VueWrapper): AnswerResult {
  const events = w.emitted<[AnswerResult]>('answered')
  expect(events).toHaveLength(1)
  return events![0]![0]
}

function press(key: string, target: EventTarget = document.body) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

async function typeAndEnter(w: VueWrapper, text: string) {
  const input = w.find('input[type="text"]')
  await input.setValue(text)
  await input.trigger('keydown', { key: 'Enter' })
}

describe('multiple choice', () => {
  it('shows the prompt and every option as a button, and checks the one clicked', async () => {
    const q = question('multiple-choice')
    const w = mountQuiz(q)
    expect(w.find('h2').text()).toBe(q.prompt)
    const buttons = w.findAll('.answer-choice')
    expect(buttons.map((b) => b.find('.answer-text').text())).toEqual(q.choices)
    await buttons[1]!.trigger('click')
    expect(answered(w)).toMatchObject({
      response: { kind: 'choice', choice: 'Andronikos IV Palaiologos' },
      check: { correct: true },
    })
  })

  it('picks an option with its number or letter key; a wrong pick is marked wrong', () => {
    const w = mountQuiz(question('multiple-choice'))
    press('c')
    expect(answered(w)).toMatchObject({ response: { choice: 'John V Palaiologos' }, check: { correct: false } })
  })

  it('marks the right option and the wrong pick once answered', async () => {
    const q = question('multiple-choice')
    const w = mountQuiz(q)
    await w.findAll('.answer-choice')[0]!.trigger('click')
    await w.setProps({ result: answered(w) })
    const buttons = w.findAll('.answer-choice')
    expect(buttons[0]!.classes()).toContain('wrong')
    expect(buttons[1]!.classes()).toContain('right')
    expect(buttons.every((b) => b.attributes('disabled') !== undefined)).toBe(true)
  })
})

describe('true or false', () => {
  it('answers with key 2 (False) and checks it', () => {
    const w = mountQuiz(question('true-false'))
    expect(w.findAll('.answer-choice').map((b) => b.find('.answer-text').text())).toEqual(['True', 'False'])
    press('2')
    expect(answered(w)).toMatchObject({ response: { choice: 'False' }, check: { correct: false } })
  })
})

describe('hand-written choice', () => {
  it('answers like multiple choice', async () => {
    const w = mountQuiz(question('choice'))
    await w.findAll('.answer-choice')[0]!.trigger('click')
    expect(answered(w)).toMatchObject({ response: { choice: 'Thessalonica' }, check: { correct: true } })
  })
})

describe('typed', () => {
  it('submits with Enter and accepts an alias', async () => {
    const w = mountQuiz(question('typed'))
    await typeAndEnter(w, 'Andronicus IV Palaeologus')
    expect(answered(w)).toMatchObject({
      response: { kind: 'text', text: 'Andronicus IV Palaeologus' },
      check: { correct: true },
    })
  })

  it('tolerates a small misspelling and says how it is spelled here', async () => {
    const w = mountQuiz(question('typed'))
    await typeAndEnter(w, 'Andronikos IV Paleologos')
    const { check } = answered(w)
    expect(check.correct).toBe(true)
    expect(check.message).toMatch(/Andronikos IV Palaiologos/)
  })

  it('refuses a wrong answer, and ignores Enter on an empty field', async () => {
    const w = mountQuiz(question('typed'))
    await typeAndEnter(w, '')
    expect(w.emitted('answered')).toBeUndefined()
    await typeAndEnter(w, 'Manuel II')
    expect(answered(w).check.correct).toBe(false)
  })
})

describe('hand-written cloze', () => {
  it('is answered by typing the gap', async () => {
    const w = mountQuiz(question('cloze'))
    await typeAndEnter(w, 'christ pantocrator')
    expect(answered(w)).toMatchObject({ check: { correct: true } })
  })
})

describe('date', () => {
  it('asks for day, month and year when the source gives the day, and checks them', async () => {
    const w = mountQuiz(question('date'))
    expect(w.findAll('label').map((l) => l.text())).toEqual(['Day', 'Month', 'Year', 'Era'])
    const [day, year] = w.findAll('input[type="number"]')
    await day!.setValue('22')
    await w.findAll('select')[0]!.setValue('9')
    await year!.setValue('1408')
    await w.find('form').trigger('submit')
    expect(answered(w)).toMatchObject({
      response: { kind: 'date', date: { year: 1408, month: 9, day: 22 } },
      check: { correct: true },
    })
  })

  it('asks only for the year at year precision, submits with Enter; a wrong year is wrong', async () => {
    const w = mountQuiz(question('date', { answer: '1370', date: { precision: 'year', accept: [{ year: 1370 }] } }))
    expect(w.findAll('label').map((l) => l.text())).toEqual(['Year', 'Era'])
    await w.find('input[type="number"]').setValue('1371')
    await w.find('input[type="number"]').trigger('keydown', { key: 'Enter' })
    expect(answered(w)).toMatchObject({ response: { date: { year: 1371 } }, check: { correct: false } })
  })
})

describe('ordering', () => {
  it('reorders with the move buttons and checks the order', async () => {
    const w = mountQuiz(question('ordering'))
    const items = () => w.findAll('.ordering-text').map((i) => i.text())
    expect(items()).toEqual(['John VII Palaiologos', 'John V Palaiologos', 'Andronikos IV Palaiologos'])
    await w.find('button[aria-label="Move John VII Palaiologos down"]').trigger('click')
    await w.find('button[aria-label="Move John VII Palaiologos down"]').trigger('click')
    expect(items()).toEqual(['John V Palaiologos', 'Andronikos IV Palaiologos', 'John VII Palaiologos'])
    expect(w.find('button[aria-label="Move John VII Palaiologos down"]').attributes('disabled')).toBeDefined()
    await w.find('form').trigger('submit')
    expect(answered(w)).toMatchObject({ response: { kind: 'order', order: items() }, check: { correct: true } })
  })

  it('checks a wrong order as wrong', async () => {
    const w = mountQuiz(question('ordering'))
    await w.find('form').trigger('submit')
    expect(answered(w).check.correct).toBe(false)
  })
})

describe('matching', () => {
  it('matches each left item with a select and checks the pairs', async () => {
    const w = mountQuiz(question('matching'))
    const selects = w.findAll('select')
    expect(selects).toHaveLength(2)
    const submit = w.find('button[type="submit"]')
    expect(submit.attributes('disabled')).toBeDefined()
    await selects[0]!.setValue('Andronikos IV Palaiologos')
    await selects[1]!.setValue('John VII Palaiologos')
    await w.find('form').trigger('submit')
    expect(answered(w)).toMatchObject({
      response: {
        kind: 'pairs',
        pairs: {
          'John VII Palaiologos': 'Andronikos IV Palaiologos',
          'Andronikos V Palaiologos': 'John VII Palaiologos',
        },
      },
      check: { correct: true },
    })
  })

  it('checks swapped pairs as wrong', async () => {
    const w = mountQuiz(question('matching'))
    const selects = w.findAll('select')
    await selects[0]!.setValue('John VII Palaiologos')
    await selects[1]!.setValue('Andronikos IV Palaiologos')
    await w.find('form').trigger('submit')
    expect(answered(w).check.correct).toBe(false)
  })
})

describe('hand-written basic', () => {
  it('has no input: "Show answer" reveals the back with its explanation and source', async () => {
    const q = question('basic')
    wrapper = mount(StudyCard, { props: { question: q, revealed: false }, attachTo: document.body })
    expect(wrapper.find('input').exists()).toBe(false)
    expect(wrapper.text()).not.toContain(q.answer)
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('reveal')).toHaveLength(1)
    await wrapper.setProps({ revealed: true })
    expect(wrapper.find('.answer-reveal').text()).toContain('A Byzantine silver coin')
    expect(wrapper.find('.answer-reveal a').attributes('href')).toBe(
      'https://en.wikipedia.org/wiki/John_VII_Palaiologos',
    )
  })
})
