// A stated age at death (the built-in deck: John VII, aged 38, born 1370, died 22 September 1408)
// is asked as stated, and no age the dates also allow (37) is offered as a wrong option or
// stated as false.
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { builtInDeck, card, DeckBuilder } from './fixtures'

const ageOf = (text: string) => Number(/(\d+) years?/.exec(text)?.[1])

function offeredAges(deckQuestions: Question[][], key: string): { wrong: Set<number>; falseStated: Set<number> } {
  const wrong = new Set<number>()
  const falseStated = new Set<number>()
  for (const qs of deckQuestions) {
    const c = card(qs, key)
    for (const choice of c['multiple-choice']?.choices ?? [])
      if (choice !== c['multiple-choice']?.answer) wrong.add(ageOf(choice))
    const tf = c['true-false']
    if (tf?.answer === 'False') falseStated.add(ageOf(tf.prompt))
  }
  return { wrong, falseStated }
}

const seeds = Array.from({ length: 60 }, (_, i) => i)

describe('a stated age at death', () => {
  it('never offers 37 for John VII, whose dates allow 37 or 38 and whose age is stated as 38', () => {
    const deck = builtInDeck()
    const runs = seeds.map((seed) => generateQuestions(deck, { seed }))
    expect(card(runs[0]!, 'ageAtDeath/john-vii')['multiple-choice']?.answer).toBe('38 years')
    const { wrong, falseStated } = offeredAges(runs, 'ageAtDeath/john-vii')
    expect(wrong.size).toBeGreaterThan(3)
    expect(falseStated.size).toBeGreaterThan(0)
    expect(wrong).not.toContain(37)
    expect(falseStated).not.toContain(37)
    expect(wrong).not.toContain(38)
  })

  it('never offers an age any alternative birth or death date allows', () => {
    // Born 1370 or 1372, died 1408: 35 to 38 are all consistent; the deck states 36.
    const deck = new DeckBuilder()
      .male('j', 'John')
      .born('j', 1370, [1372])
      .died('j', '22 September 1408')
      .age('j', 36)
      .build()
    const runs = seeds.map((seed) => generateQuestions(deck, { seed }))
    const { wrong, falseStated } = offeredAges(runs, 'ageAtDeath/j')
    expect(wrong.size).toBeGreaterThan(3)
    for (const age of [35, 36, 37, 38]) {
      expect(wrong).not.toContain(age)
      expect(falseStated).not.toContain(age)
    }
  })

  it('still offers the neighbours of the age when the dates are exact', () => {
    const deck = new DeckBuilder()
      .male('j', 'John')
      .born('j', '1 January 1370')
      .died('j', '22 September 1408')
      .age('j', 38)
      .build()
    const { wrong } = offeredAges(
      seeds.map((seed) => generateQuestions(deck, { seed })),
      'ageAtDeath/j',
    )
    expect(wrong).toContain(37)
    expect(wrong).toContain(39)
  })
})

describe('an age computed from the dates', () => {
  it('is asked with the doubt when the birth year is doubted ("1370?"), never as settled', () => {
    const b = new DeckBuilder().male('j', 'John Doukas').born('j', '1370?').died('j', '22 September 1408')
    const c = card(generateQuestions(b.build(), { seed: 1 }), 'ageAtDeath/j')
    expect(c['multiple-choice']).toBeUndefined()
    expect(c['true-false']).toBeUndefined()
    // Not asked at all, or asked typed with the doubt shown.
    if (c.typed) expect(c.typed.dispute).toBe('The source gives this date with doubt (1370?).')
  })
})
