// Prepositions before places: "died on Mount Athos", "died in Thessalonica".
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { fill, placePreposition } from '../../../src/domain/questions/prompts'
import { card, DeckBuilder } from './fixtures'

describe('place prepositions', () => {
  it('uses "on" before "Mount …" and "in" otherwise', () => {
    expect(placePreposition('Mount Athos')).toBe('on')
    expect(placePreposition('Thessalonica')).toBe('in')
    expect(placePreposition('Mountainview')).toBe('in')
    expect(fill('Andronikos IV died in {}.', 'Mount Athos')).toBe('Andronikos IV died on Mount Athos.')
    expect(fill('Andronikos IV died in {}.', 'Selymbria')).toBe('Andronikos IV died in Selymbria.')
    expect(fill('{} took part in the battle.', 'Mount Athos')).toBe('Mount Athos took part in the battle.')
  })

  it('phrases true and false statements and the explanation about a death on Mount Athos', () => {
    const deck = new DeckBuilder()
      .male('a', 'Andronikos')
      .male('b', 'Basil')
      .entity('athos', 'place', 'Mount Athos')
      .entity('thess', 'place', 'Thessalonica')
      .entity('lemnos', 'place', 'Lemnos')
      .entity('nicaea', 'place', 'Nicaea')
      .place('diedAt', 'a', 'athos')
      .place('diedAt', 'b', 'thess')
      .build()
    const statements = new Set<string>()
    for (let seed = 0; seed < 40; seed++) {
      const qs = generateQuestions(deck, { seed })
      for (const key of ['diedAt/a', 'diedAt/b']) {
        const tf = card(qs, key)['true-false']
        if (tf) statements.add(tf.prompt)
      }
      expect(card(qs, 'diedAt/a')['multiple-choice']?.explanation).toBe('Andronikos died on Mount Athos.')
    }
    expect(statements).toContain('Andronikos died on Mount Athos.')
    expect(statements).toContain('Basil died on Mount Athos.')
    expect(statements).toContain('Basil died in Thessalonica.')
    expect(statements).toContain('Andronikos died in Thessalonica.')
    for (const s of statements) expect(s).not.toMatch(/ in Mount /)
  })
})
