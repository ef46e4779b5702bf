// Questions from marriages, adoptions and siblings, read as a teacher would: the Tudors (six
// marriages with dates, endings and order; half-siblings) and the Julio-Claudians (adoptions,
// BC/AD). Each card has exactly one right option among its choices, also when the deck knows
// less (facts removed): what the deck cannot rule out is never offered as wrong.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckTextOrThrow } from '../../../src/domain/deck/parse'
import type { Deck, Fact } from '../../../src/domain/deck/types'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'

const root = join(import.meta.dirname, '..', '..', '..')
const deckAt = (...path: string[]) => parseDeckTextOrThrow(readFileSync(join(root, ...path), 'utf8'))
const tudors = deckAt('docs', 'examples', 'tudors.yaml')
const julians = deckAt('tests', 'fixtures', 'decks', 'julio-claudians.yaml')

const seeds = [1, 2, 3, 4, 5, 6, 7, 8]
/** The cards with this prompt and kind, over several seeds (each seed picks other wrong options). */
function asked(deck: Deck, prompt: string, kind = 'multiple-choice'): Question[] {
  const found = seeds.flatMap((seed) =>
    generateQuestions(deck, { seed }).filter((q) => q.prompt === prompt && q.kind === kind),
  )
  expect(found.length, prompt).toBeGreaterThan(0)
  return found
}

/** The card as typed recall (always asked), and as a choice wherever enough wrong options are provable. */
function typedAndChoices(
  deck: Deck,
  typedPrompt: string,
  choicePrompt: string,
): { typed: Question; choices: Question[] } {
  const typed = asked(deck, typedPrompt, 'typed')[0] as Question
  const choices = seeds.flatMap((seed) =>
    generateQuestions(deck, { seed }).filter((q) => q.prompt === choicePrompt && q.kind === 'multiple-choice'),
  )
  return { typed, choices }
}

/** Every shown option that is right is the answer, the answer is one of `right`, nothing in `alsoTrue` is shown as wrong. */
function expectOneRight(qs: Question[], right: string[], alsoTrue: string[] = []): void {
  for (const q of qs) {
    expect(right).toContain(q.answer)
    const choices = q.choices ?? []
    expect(
      choices.filter((c) => right.includes(c) || alsoTrue.includes(c)),
      q.id,
    ).toEqual([q.answer])
  }
}

/** The deck without some facts, or with some changed: what a teacher might not have written. */
function edit(deck: Deck, change: (fact: Fact) => Fact | undefined): Deck {
  return { ...deck, facts: deck.facts.flatMap((f) => change(structuredClone(f)) ?? []) }
}

describe('marriages', () => {
  it('asks who was the n-th wife from the stated order, with other wives as wrong options', () => {
    const qs = asked(tudors, 'Who was the third wife of Henry VIII?')
    expectOneRight(qs, ['Jane Seymour'])
    const wives = ['Catherine of Aragon', 'Anne Boleyn', 'Anne of Cleves', 'Catherine Howard', 'Catherine Parr']
    expect(qs.some((q) => q.choices?.filter((c) => wives.includes(c)).length === 3)).toBe(true)
    expect(asked(tudors, 'Who was the third wife of Henry VIII?', 'typed')[0]?.answer).toBe('Jane Seymour')
  })

  it('counts the order on each side: Henry VIII was the third husband of Catherine Parr', () => {
    expectOneRight(asked(tudors, 'Who was the third husband of Catherine Parr?'), ['Henry VIII'])
    expectOneRight(asked(tudors, 'Who was the fourth husband of Catherine Parr?'), ['Thomas Seymour'])
  })

  it('never counts an order from dates: without `order`, no "n-th wife" card', () => {
    const unordered = edit(tudors, (f) => {
      if (f.type === 'relation' && f.marriage) {
        delete f.marriage.subjectOrder
        delete f.marriage.valueOrder
      }
      return f
    })
    const prompts = generateQuestions(unordered, { seed: 1 }).map((q) => q.prompt)
    expect(prompts.filter((p) => / wife of | husband of /.test(p) && p.startsWith('Who was the'))).toEqual([])
  })

  it('asks whom he married in a year; both weddings of 1540 are right and never wrong for each other', () => {
    expectOneRight(asked(tudors, 'Whom did Henry VIII marry in 1533?'), ['Anne Boleyn'])
    const both = ['Anne of Cleves', 'Catherine Howard']
    expectOneRight(asked(tudors, 'Which of these did Henry VIII marry in 1540?'), both)
    const typed = asked(tudors, 'Name someone Henry VIII married in 1540.', 'typed')[0]
    expect(typed?.accept).toEqual(expect.arrayContaining(both))
  })

  it('never offers a wife whose wedding date the deck does not give as wrong for a year', () => {
    const vague = edit(tudors, (f) => {
      if (f.id === 'spouse:catherine-howard:henry-viii' && f.type === 'relation') delete f.marriage?.start
      if (f.id === 'spouse:catherine-parr:henry-viii' && f.type === 'relation' && f.marriage)
        f.marriage.start = { kind: 'on', start: { year: 1541 }, circa: true, uncertain: false, text: 'c. 1541' }
      return f
    })
    for (const q of asked(vague, 'Whom did Henry VIII marry in 1540?')) {
      expect(q.answer).toBe('Anne of Cleves')
      expect(q.choices).not.toContain('Catherine Howard')
      expect(q.choices).not.toContain('Catherine Parr')
    }
  })

  it('asks the wedding date, and explains how the marriage ended', () => {
    const [q] = asked(tudors, 'When did Henry VIII marry Anne of Cleves?', 'date')
    expect(q?.answer).toBe('6 January 1540')
    expect(q?.explanation).toBe(
      'Henry VIII married Anne of Cleves on 6 January 1540; the marriage was annulled on 9 July 1540.',
    )
    const [parr] = asked(tudors, 'When did Henry VIII marry Catherine Parr?', 'date')
    expect(parr?.explanation).toContain('the marriage ended with the death of Henry VIII on 28 January 1547')
  })

  it('puts the wives in the order of their weddings', () => {
    const [q] = asked(tudors, 'Put the wives of Henry VIII in the order of their weddings, earliest first.', 'ordering')
    const order = [
      'Catherine of Aragon',
      'Anne Boleyn',
      'Jane Seymour',
      'Anne of Cleves',
      'Catherine Howard',
      'Catherine Parr',
    ]
    const answer = q?.answer as string[]
    expect(answer.length).toBe(5)
    expect(answer).toEqual(order.filter((name) => answer.includes(name)))
  })
})

describe('half-siblings and siblings stated directly', () => {
  const children = ['Mary I', 'Elizabeth I', 'Edward VI']

  it('derives half-siblings from parents: each of Henry VIII’s children had a different mother', () => {
    const edward = typedAndChoices(
      tudors,
      'Name a half-sister of Edward VI.',
      'Which of these was a half-sister of Edward VI?',
    )
    expect(edward.typed.accept).toEqual(expect.arrayContaining(['Mary I', 'Elizabeth I']))
    expectOneRight(edward.choices, ['Mary I', 'Elizabeth I'])
    const mary = typedAndChoices(
      tudors,
      'Name a half-sibling of Mary I.',
      'Which of these was a half-sibling of Mary I?',
    )
    expect(mary.typed.accept).toEqual(expect.arrayContaining(['Elizabeth I', 'Edward VI']))
    expectOneRight(mary.choices, ['Elizabeth I', 'Edward VI'])
  })

  it('calls nobody a half-sibling whose mother the deck does not give, and never offers them as wrong', () => {
    const noMother = edit(tudors, (f) => (f.id === 'parent:elizabeth-i:anne-boleyn' ? undefined : f))
    const half = typedAndChoices(
      noMother,
      'Name a half-brother of Mary I.',
      'Which of these was a half-brother of Mary I?',
    )
    expect(half.typed.accept).not.toContain('Elizabeth I')
    for (const q of half.choices) {
      expect(q.answer).toBe('Edward VI')
      expect(q.choices).not.toContain('Elizabeth I')
    }
    // She is still a sibling: they share a father.
    const sibling = typedAndChoices(noMother, 'Name a sibling of Mary I.', 'Which of these was a sibling of Mary I?')
    expect(sibling.typed.accept).toEqual(expect.arrayContaining(['Elizabeth I', 'Edward VI']))
    expectOneRight(sibling.choices, ['Elizabeth I', 'Edward VI'])
  })

  it('asks siblings stated directly (Jane, not Jane Seymour: the name would give him away), and keeps them out of other wrong options', () => {
    const jane = typedAndChoices(tudors, 'Name a brother of Jane.', 'Which of these was a brother of Jane?')
    expect(jane.typed.answer).toBe('Thomas Seymour')
    expectOneRight(jane.choices, ['Thomas Seymour'])
    for (const q of typedAndChoices(
      tudors,
      'Name a half-sibling of Mary I.',
      'Which of these was a half-sibling of Mary I?',
    ).choices)
      expect(q.choices?.filter((c) => children.includes(c) && c !== q.answer)).toEqual([])
  })
})

describe('an office whose holders are called by their gender', () => {
  it('calls Mary I Queen and Henry VIII King of the one office "Monarch of England"', () => {
    expect(asked(tudors, 'When did Mary I become Queen of England?', 'date')[0]?.answer).toBe('19 July 1553')
    expect(asked(tudors, 'When did Henry VIII become King of England?', 'date')[0]?.answer).toBe('22 April 1509')
    expect(asked(tudors, 'When did the reign of Elizabeth I as Queen of England end?', 'date')[0]?.answer).toBe(
      '24 March 1603',
    )
  })

  it('keeps the office’s own name where the other person is the answer, and for a holder of unknown gender', () => {
    expect(asked(tudors, 'Who succeeded Mary I as Monarch of England in 1558?', 'typed')[0]?.answer).toBe('Elizabeth I')
    const unknown = {
      ...tudors,
      entities: tudors.entities.map((e) =>
        e.id === 'mary-i' ? { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases } : e,
      ),
    }
    expect(asked(unknown, 'When did Mary I become Monarch of England?', 'date')).toHaveLength(seeds.length)
  })
})

describe('adoption', () => {
  it('says "birth father" and "adoptive father" when a person has both, and never offers one for the other', () => {
    expectOneRight(asked(julians, 'Who was the birth father of Augustus?'), ['Gaius Octavius'], ['Julius Caesar'])
    expectOneRight(asked(julians, 'Who was the adoptive father of Augustus?'), ['Julius Caesar'], ['Gaius Octavius'])
    expect(asked(julians, 'Who was the adoptive father of Augustus?', 'typed')[0]?.explanation).toBe(
      'Julius Caesar was the adoptive father of Augustus.',
    )
  })

  it('keeps plain "father" where nobody adopted the person', () => {
    expectOneRight(asked(julians, 'Who was the father of Julia the Elder?'), ['Augustus'])
  })

  it('names kin through an adoption as such, and keeps it out of the birth questions', () => {
    const grandson = typedAndChoices(
      julians,
      'Name an adoptive grandson of Augustus.',
      'Which of these was an adoptive grandson of Augustus?',
    )
    expect(grandson.typed.answer).toBe('Germanicus')
    expectOneRight(grandson.choices, ['Germanicus'])
    expectOneRight(asked(julians, 'Which of these was an adopted son of Augustus?'), ['Tiberius'], ['Julia the Elder'])
    const daughter = typedAndChoices(
      julians,
      'Name a daughter of Augustus.',
      'Which of these was a daughter of Augustus?',
    )
    expect(daughter.typed.accept).not.toContain('Tiberius')
    expectOneRight(daughter.choices, ['Julia the Elder'], ['Tiberius'])
    // Germanicus is Livia's grandson by birth (through Drusus): no "adoptive" there.
    const livia = typedAndChoices(julians, 'Name a grandson of Livia.', 'Which of these was a grandson of Livia?')
    expect(livia.typed.answer).toBe('Germanicus')
    expectOneRight(livia.choices, ['Germanicus'])
  })

  it('writes BC and AD dates as a teacher does', () => {
    expect(asked(julians, 'When did Augustus die?', 'date')[0]?.answer).toBe('19 August AD 14')
    expect(asked(julians, 'When was Augustus born?', 'date')[0]?.answer).toBe('23 September 63 BC')
  })
})
