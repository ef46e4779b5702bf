// Answer checking for the study and quiz screens: typed answers forgive case, accents,
// punctuation, other spellings and a small typo in a long name (and say so), but never a
// different regnal number; dates are checked at the precision asked.
import { describe, expect, it } from 'vitest'
import {
  checkAnswer,
  checkChoiceAnswer,
  checkDateAnswer,
  checkMatching,
  checkOrdering,
  checkTypedAnswer,
} from '../../../src/domain/questions/check'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { builtInDeck, byId } from './fixtures'

const questions = generateQuestions(builtInDeck(), { seed: 1 })
const q = (suffix: string): Question => {
  const found = byId(questions, suffix)
  if (!found) throw new Error(`no question ${suffix}`)
  return found
}

describe('checkTypedAnswer', () => {
  const father = q('parent.father/john-vii/typed')

  it.each([
    'Andronikos IV Palaiologos',
    'andronikos iv palaiologos',
    '  ANDRONIKOS IV PALAIOLOGOS. ',
    'Andronikos-IV Palaiologos',
  ])('accepts %j silently', (input) => {
    expect(checkTypedAnswer(father, input)).toEqual({ correct: true })
  })

  it('accepts the other spelling and names the deck’s', () => {
    expect(checkTypedAnswer(father, 'Andronicus IV')).toEqual({
      correct: true,
      message: 'Accepted: Andronicus IV — spelled Andronikos IV here',
    })
    expect(checkTypedAnswer(father, 'Andronicus IV Palaeologus')).toEqual({
      correct: true,
      message: 'Accepted: Andronicus IV Palaeologus — spelled Andronikos IV Palaiologos here',
    })
  })

  it('tolerates a small typo in a long name and says so', () => {
    expect(checkTypedAnswer(father, 'Andronicos IV')).toEqual({
      correct: true,
      message: 'Accepted: Andronicos IV — spelled Andronikos IV here',
    })
    expect(checkTypedAnswer(father, 'Andronkos IV Palaiologos').message).toBe(
      'Accepted: Andronkos IV Palaiologos — spelled Andronikos IV Palaiologos here',
    )
  })

  it('never forgives a wrong regnal number, another person, or too many typos', () => {
    for (const input of [
      'Andronikos V Palaiologos',
      'Andronikos V',
      'Andronikos III',
      'John V Palaiologos',
      'Andrnks IV Plaiolgs',
      'Andronikos',
      '',
    ])
      expect(checkTypedAnswer(father, input).correct, input).toBe(false)
  })

  it('does not forgive a typo in a short answer', () => {
    const dynasty = q('dynasty/john-vii/typed')
    expect(checkTypedAnswer(dynasty, 'Palaiologos dynasty').correct).toBe(true)
    const child = q('child/john-vii/typed')
    expect(checkTypedAnswer(child, 'Andronikos V').correct).toBe(true)
    expect(checkTypedAnswer(child, 'Andronikos IV').correct).toBe(false)
  })

  it('ignores accents: Helena Dragas', () => {
    expect(checkTypedAnswer(q('spouse/manuel-ii/typed'), 'helena dragas')).toEqual({ correct: true })
  })

  it('accepts any right answer of a card with several', () => {
    const cousin = q('cousin/john-vii/typed')
    for (const name of ['John VIII Palaiologos', 'John VIII', 'Constantine XI', 'Andronikos Palaiologos'])
      expect(checkTypedAnswer(cousin, name).correct, name).toBe(true)
    expect(checkTypedAnswer(cousin, 'Manuel II').correct).toBe(false)
  })

  it('reads numbers in words and with units', () => {
    const age = q('ageAtDeath/john-vii/typed')
    for (const input of ['38', '38 years', 'aged 38']) expect(checkTypedAnswer(age, input).correct, input).toBe(true)
    expect(checkTypedAnswer(age, '37').correct).toBe(false)
    const length = q('tenure.length/john-vii/byzantine-emperor/1390/typed')
    expect(checkTypedAnswer(length, 'five months').correct).toBe(true)
  })

  it('accepts both ages the precision allows', () => {
    const age = q('ageAtDeath/andronikos-iv/typed')
    expect(checkTypedAnswer(age, '36').correct).toBe(true)
    expect(checkTypedAnswer(age, '37').correct).toBe(true)
    expect(checkTypedAnswer(age, '38').correct).toBe(false)
  })
})

describe('checkDateAnswer', () => {
  const start = q('tenure.start/john-vii/byzantine-emperor/1390/date')

  it('checks day, month and year when the fact has them', () => {
    expect(checkDateAnswer(start, { year: 1390, month: 4, day: 14 })).toEqual({ correct: true })
    expect(checkDateAnswer(start, '14 April 1390').correct).toBe(true)
    expect(checkDateAnswer(start, 'April 14, 1390').correct).toBe(true)
    expect(checkDateAnswer(start, { year: 1390, month: 4, day: 15 })).toEqual({
      correct: false,
      message: 'The year is right; the full date is 14 April 1390.',
    })
    expect(checkDateAnswer(start, { year: 1391, month: 4, day: 14 }).correct).toBe(false)
  })

  it('accepts every year a disputed date allows', () => {
    const died = q('died/john-vii/date')
    for (const year of [1408, 1409, 1410]) expect(checkDateAnswer(died, { year }).correct).toBe(true)
    expect(checkDateAnswer(died, { year: 1407 }).correct).toBe(false)
  })

  it('explains unreadable text', () => {
    expect(checkDateAnswer(start, 'soon')).toEqual({
      correct: false,
      message: 'Write a date such as 22 September 1408, September 1408 or 1408.',
    })
  })
})

describe('choices, ordering and matching', () => {
  it('checks a choice by text or by index', () => {
    const mc = q('parent.father/john-vii/multiple-choice')
    const right = mc.choices!.indexOf('Andronikos IV Palaiologos')
    expect(checkChoiceAnswer(mc, 'Andronikos IV Palaiologos').correct).toBe(true)
    expect(checkChoiceAnswer(mc, right).correct).toBe(true)
    expect(checkChoiceAnswer(mc, (right + 1) % mc.choices!.length).correct).toBe(false)
  })

  it('checks an ordering and counts the items in place', () => {
    const order = questions.find((x) => x.kind === 'ordering') as Question
    const answer = order.answer as string[]
    expect(checkOrdering(order, answer)).toEqual({ correct: true })
    const swapped = [answer[1], answer[0], ...answer.slice(2)] as string[]
    expect(checkOrdering(order, swapped)).toEqual({
      correct: false,
      message: `${answer.length - 2} of ${answer.length} in the right place.`,
    })
  })

  it('checks a matching from a record or from "left → right" pairs', () => {
    const match = q('match.kin/john-vii/matching')
    const pairs = Object.fromEntries((match.answer as string[]).map((p) => p.split(' → ') as [string, string]))
    expect(checkMatching(match, pairs)).toEqual({ correct: true })
    expect(checkMatching(match, match.answer as string[])).toEqual({ correct: true })
    const [a, b] = Object.keys(pairs) as [string, string]
    expect(checkMatching(match, { ...pairs, [a]: pairs[b] as string, [b]: pairs[a] as string })).toEqual({
      correct: false,
      message: '2 of 4 pairs right.',
    })
  })

  it('dispatches on the kind', () => {
    expect(checkAnswer(q('parent.mother/john-vii/typed'), 'Keratsa of Wallachia').correct).toBe(false)
    expect(checkAnswer(q('parent.mother/john-vii/typed'), 'Maria')).toEqual({
      correct: true,
      message: 'Accepted: Maria — called Keratsa of Bulgaria here',
    })
    expect(checkAnswer(q('born/john-vii/date'), { year: 1366 }).correct).toBe(true)
  })
})
