// Typed answers a teacher would accept, as a table per rule: what is typed, for which question,
// and whether it counts. Built-in deck questions and small fixture decks of the traps.
import { describe, expect, it } from 'vitest'
import { checkTypedAnswer } from '../../../src/domain/questions/check'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { builtInDeck, card, DeckBuilder } from './fixtures'

const builtIn = generateQuestions(builtInDeck(), { seed: 1 })
const typedOf = (questions: readonly Question[], key: string): Question => {
  const q = card(questions, key).typed
  if (!q) throw new Error(`no typed question for ${key}`)
  return q
}
type Row = [typed: string, correct: boolean]
const table = (q: Question, rows: Row[]) => {
  for (const [typed, correct] of rows)
    expect(checkTypedAnswer(q, typed).correct, `${typed} for ${q.prompt}`).toBe(correct)
}

describe('regnal numbers in digits and words', () => {
  it('accepts John 5, John the Fifth and John 5th for John V; never another number', () => {
    table(typedOf(builtIn, 'tenure.predecessor/john-vii/byzantine-emperor/1390'), [
      ['John V', true],
      ['John 5', true],
      ['John the Fifth', true],
      ['john the fifth palaiologos', true],
      ['John 5th', true],
      ['John the 5th', true],
      ['John V Palaeologus', true],
      ['John VI', false],
      ['John 6', false],
      ['John the Sixth', false],
      ['John', false],
      ['John the', false],
    ])
  })

  it('accepts Andronikos the Fourth and Andronicus 4 for Andronikos IV', () => {
    table(typedOf(builtIn, 'parent.father/john-vii'), [
      ['Andronikos the Fourth', true],
      ['Andronikos 4', true],
      ['Andronicus IV', true],
      ['Andronicus the Fourth', true],
      ['Andronikos the Fifth', false],
      ['Andronikos 5', false],
      ['Andronikos', false],
    ])
  })

  it('accepts a gap written as a short regnal name in words too', () => {
    table(typedOf(builtIn, 'text.caption/portraits-zonaras-codex/andronikos-iv'), [
      ['Andronikos IV', true],
      ['Andronikos the Fourth', true],
      ['Andronicus IV', true],
      ['Andronikos V', false],
    ])
  })
})

describe('a unique part of a name, never a shared one', () => {
  it('accepts Irene, Keratsa and Zonaras, which only one entity has', () => {
    table(typedOf(builtIn, 'parent.mother/andronikos-v'), [
      ['Irene', true],
      ['Irene Gattilusio', true],
      ['Gattilusio', false],
    ])
    table(typedOf(builtIn, 'parent.mother/john-vii'), [
      ['Keratsa', true],
      ['Maria', true],
      ['Bulgaria', false],
    ])
    table(typedOf(builtIn, 'text.caption/portrait-of-john-vii/joannes-zonaras'), [
      ['Zonaras', true],
      ['Joannes Zonaras', true],
      ['Joannes', false],
    ])
  })

  it('never accepts a part two people share: Helena is Kantakouzene and Dragaš', () => {
    table(typedOf(builtIn, 'spouse/manuel-ii'), [
      ['Helena', false],
      ['Dragaš', true],
      ['Helena Dragas', true],
    ])
  })

  it('accepts none of three people sharing a first name by it', () => {
    const deck = new DeckBuilder()
      .female('je', 'Julia the Elder')
      .female('jy', 'Julia the Younger')
      .female('jd', 'Julia Drusilla')
      .male('aug', 'Augustus')
      .male('agr', 'Agrippa')
      .male('ger', 'Germanicus')
      .parent('je', 'aug', 'father')
      .parent('jy', 'agr', 'father')
      .parent('jd', 'ger', 'father')
      .build()
    const qs = generateQuestions(deck, { seed: 1 })
    for (const father of ['aug', 'agr', 'ger'])
      expect(checkTypedAnswer(typedOf(qs, `child/${father}`), 'Julia').correct).toBe(false)
    table(typedOf(qs, 'child/ger'), [
      ['Drusilla', true],
      ['Julia Drusilla', true],
      ['Julia the Elder', false],
    ])
    table(typedOf(qs, 'child/aug'), [
      ['Julia the Elder', true],
      ['Elder', false],
    ])
  })

  it('never accepts an alias two entities share', () => {
    const deck = new DeckBuilder()
      .female('m1', 'Mary I of England', ['Mary Tudor'])
      .female('m2', 'Mary Tudor, Queen of France', ['Mary Tudor'])
      .male('h7', 'Henry VII')
      .male('h8', 'Henry VIII')
      .male('l12', 'Louis XII')
      .parent('m1', 'h8', 'father')
      .parent('m2', 'h7', 'father')
      .build()
    const qs = generateQuestions(deck, { seed: 1 })
    table(typedOf(qs, 'child/h8'), [
      ['Mary Tudor', false],
      ['Mary I of England', true],
      ['Mary the First of England', true],
    ])
    table(typedOf(qs, 'child/h7'), [['Mary Tudor', false]])
  })
})

describe('numbers and units', () => {
  it('accepts number words: thirty-eight', () => {
    table(typedOf(builtIn, 'ageAtDeath/john-vii'), [
      ['38', true],
      ['thirty-eight', true],
      ['Thirty eight', true],
      ['thirty-eight years', true],
      ['aged 38', true],
      ['thirty-seven', false],
      ['eight', false],
    ])
  })

  it('never takes one unit for another: 5 years is not 5 months', () => {
    table(typedOf(builtIn, 'tenure.length/john-vii/byzantine-emperor/1390'), [
      ['5', true],
      ['5 months', true],
      ['five months', true],
      ['5 years', false],
      ['5 days', false],
      ['6 months', false],
    ])
    table(typedOf(builtIn, 'ageAtDeath/john-vii'), [['38 months', false]])
  })
})

describe('what worked before keeps working', () => {
  it('ignores case and accents, forgives one slip in a long name, names the alias', () => {
    table(typedOf(builtIn, 'parent.mother/john-vii'), [
      ['KERATSA OF BULGARIA', true],
      ['keratsa of bulgria', true],
      ['Keratsa-Maria', true],
    ])
    table(typedOf(builtIn, 'spouse/manuel-ii'), [['HELENA DRAGAS', true]])
    const q = typedOf(builtIn, 'parent.father/john-vii')
    expect(checkTypedAnswer(q, 'Andronicus IV Palaeologus')).toEqual({
      correct: true,
      message: 'Accepted: Andronicus IV Palaeologus — spelled Andronikos IV Palaiologos here',
    })
    expect(checkTypedAnswer(q, 'Andronikos IV Palaiologso').correct).toBe(true)
  })
})

describe('two people of one name', () => {
  const deck = new DeckBuilder()
    .female('julia-a', 'Julia')
    .female('julia-t', 'Julia')
    .male('augustus', 'Augustus')
    .male('titus', 'Titus')
    .male('agrippa', 'Agrippa')
    .male('domitian', 'Domitian')
    .female('livia', 'Livia')
    .female('scribonia', 'Scribonia')
    .parent('julia-a', 'augustus', 'father')
    .parent('julia-a', 'scribonia', 'mother')
    .parent('julia-t', 'titus', 'father')
    .spouse('julia-a', 'agrippa')
    .spouse('julia-t', 'domitian')
    .spouse('augustus', 'livia')
    .build()
  const qs = generateQuestions(deck, { seed: 1 })

  it('names each by a label only she fits, in prompts and options', () => {
    expect(card(qs, 'spouse/julia-a').typed?.prompt).toBe('Whom did Julia, daughter of Augustus marry?')
    expect(card(qs, 'spouse/agrippa').typed?.answer).toBe('Julia, daughter of Augustus')
    for (const q of qs) {
      for (const c of q.choices ?? []) expect(c, q.id).not.toBe('Julia')
      expect(q.prompt, q.id).not.toMatch(/\bJulia\b(?!, daughter of)/)
    }
  })

  it('accepts the label, never the bare shared name', () => {
    table(typedOf(qs, 'spouse/agrippa'), [
      ['Julia, daughter of Augustus', true],
      ['julia daughter of augustus', true],
      ['Julia', false],
      ['Julia, daughter of Titus', false],
    ])
    table(typedOf(qs, 'spouse/domitian'), [
      ['Julia, daughter of Titus', true],
      ['Julia', false],
    ])
  })

  it('does not ask the father of a Julia named by her father', () => {
    expect(card(qs, 'parent.father/julia-a')).toEqual({})
    expect(card(qs, 'parent.mother/julia-a').typed?.prompt).toBe('Who was the mother of Julia, daughter of Augustus?')
  })
})
