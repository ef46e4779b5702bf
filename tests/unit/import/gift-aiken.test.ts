// Moodle GIFT and Aiken: the multiple-choice parts become choice cards; what has no clean
// equivalent is refused with the line it is on.
import { describe, expect, it } from 'vitest'
import { importAiken, looksLikeAiken } from '../../../src/domain/import/aiken'
import { importGift, looksLikeGift } from '../../../src/domain/import/gift'
import type { HandCard } from '../../../src/domain/deck/types'

const choice = (card: HandCard | undefined) =>
  card?.type === 'choice' ? { prompt: card.prompt, options: card.options, answer: card.answer } : card

describe('importAiken', () => {
  const aiken = [
    'Which city did John VII rule in 1390?',
    'A. Thessalonica',
    'B) Constantinople',
    'C. Mistra',
    'ANSWER: B',
    '',
    'Who was the uncle of John VII?',
    'A. Manuel II',
    'B. Andronikos IV',
    'ANSWER: a',
  ].join('\n')

  it('turns each question into a choice card', () => {
    expect(looksLikeAiken(aiken)).toBe(true)
    const result = importAiken(aiken, { file: 'quiz.txt' })
    expect(result.issues).toEqual([])
    expect(result.deck?.cards.map(choice)).toEqual([
      {
        prompt: 'Which city did John VII rule in 1390?',
        options: ['Thessalonica', 'Constantinople', 'Mistra'],
        answer: 'Constantinople',
      },
      { prompt: 'Who was the uncle of John VII?', options: ['Manuel II', 'Andronikos IV'], answer: 'Manuel II' },
    ])
  })

  it('reports each broken question with its line and keeps reading', () => {
    const broken = [
      'Q1?',
      'A. x',
      'B. y',
      'ANSWER: D',
      '',
      'Q2?',
      'A. x',
      'C. y',
      'ANSWER: A',
      '',
      'Q3?',
      'A. x',
      'B. y',
      '',
      'Q4?',
      'A. p',
      'B. q',
      'ANSWER: B',
    ].join('\n')
    const result = importAiken(broken, { file: 'bad.txt' })
    expect(result.deck).toBeUndefined()
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([
      ['aiken-unknown-answer', 4],
      ['aiken-option-order', 8],
      ['aiken-no-answer', 14],
    ])
    expect(result.issues[0]).toMatchObject({ file: 'bad.txt', column: 9 })
    expect(result.issues[2]?.message).toContain('line 11')
  })

  it('refuses a question with a single option', () => {
    expect(importAiken('Q?\nA. only\nANSWER: A\n', { file: 'x.txt' }).issues).toMatchObject([
      { code: 'aiken-few-options', line: 3 },
    ])
  })
})

describe('importGift', () => {
  const gift = [
    '// A GIFT file as Moodle exports it',
    '$CATEGORY: $course$/Byzantium',
    '',
    '::Q1:: Who founded Constantinople? {=Constantine #Right! ~Justinian ~Basil II}',
    '',
    "Manuel II was John VII's uncle.{T}",
    '',
    'What was the capital? {',
    '  =Constantinople',
    '  =Byzantium',
    '}',
    '',
    'John VII ruled {~Rome =Thessalonica ~%0%Nicaea} late in life.',
    '',
    '[html]Is <b>1 \\= 1</b> written with \\{braces\\}? {=Yes ~No}',
  ].join('\n')

  it('imports multiple-choice, true/false, short-answer and missing-word questions', () => {
    expect(looksLikeGift(gift)).toBe(true)
    const result = importGift(gift, { file: 'byzantium.gift' })
    expect(result.issues).toEqual([])
    const cards = result.deck?.cards ?? []
    expect(cards.map((c) => c.type)).toEqual(['choice', 'choice', 'basic', 'choice', 'choice'])
    expect(choice(cards[0])).toEqual({
      prompt: 'Who founded Constantinople?',
      options: ['Constantine', 'Justinian', 'Basil II'],
      answer: 'Constantine',
    })
    expect(choice(cards[1])).toEqual({
      prompt: "Manuel II was John VII's uncle.",
      options: ['True', 'False'],
      answer: 'True',
    })
    expect(cards[2]).toMatchObject({ front: 'What was the capital?', back: 'Constantinople / Byzantium' })
    expect(choice(cards[3])).toEqual({
      prompt: 'John VII ruled _____ late in life.',
      options: ['Thessalonica', 'Rome', 'Nicaea'],
      answer: 'Thessalonica',
    })
    expect(choice(cards[4])).toMatchObject({ prompt: 'Is 1 = 1 written with {braces}?', answer: 'Yes' })
    expect(result.notices.map((n) => n.code)).toEqual(['categories-ignored', 'feedback-dropped', 'answers-joined'])
  })

  it('refuses question types without a card equivalent, naming their lines', () => {
    const text = [
      'Match these. {',
      '  =John V -> 1341',
      '  =John VII -> 1390',
      '}',
      '',
      'How many emperors? {#12}',
      '',
      'Write an essay. {}',
      '',
      'Partial {~%50%a ~%50%b ~c}',
      '',
      'Unclosed {=a ~b',
      '',
      'Good one {=x ~y}',
    ].join('\n')
    const result = importGift(text, { file: 'mixed.gift' })
    expect(result.deck).toBeUndefined()
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['gift-unsupported', 1, 14],
      ['gift-unsupported', 6, 20],
      ['gift-unsupported', 8, 17],
      ['gift-unsupported', 10, 9],
      ['gift-unclosed', 12, 10],
    ])
    expect(result.issues[0]?.message).toContain('Matching')
    expect(result.issues[3]?.message).toContain('partial credit')
  })
})
