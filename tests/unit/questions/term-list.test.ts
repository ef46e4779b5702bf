// Term lists become quizzes: every hand-written term–definition card is asked as multiple choice in
// both directions, true/false, typed and in matching rounds. The oracle is the list itself, read
// naively (normalized text, independent of the generator): an option is right when some card pairs
// it with the prompt. Every question must have exactly one right option, and so must the questions
// of a list with cards removed, checked against the full list (open world: it never had them).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deckFromCards } from '../../../src/domain/import/cards-deck'
import { normalizeAnswer } from '../../../src/domain/questions/answers'
import { checkMatching, checkTypedAnswer } from '../../../src/domain/questions/check'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { editDistance } from '../../../src/domain/deck/suggest'
import { lengthClass, nearDuplicate, textKind, withinEdits } from '../../../src/domain/questions/term-list'
import type { Question } from '../../../src/domain/questions/types'

type Pair = [string, string]

const deckOf = (pairs: readonly Pair[]) =>
  deckFromCards(
    { id: 'list', title: 'List' },
    pairs.map(([front, back]) => ({ type: 'basic', front, back })),
  ).deck

const questionsOf = (pairs: readonly Pair[], seed = 7) => generateQuestions(deckOf(pairs), { seed })

const VOCAB: Pair[] = [
  ['ephemeral', 'lasting a very short time'],
  ['ubiquitous', 'found everywhere'],
  ['laconic', 'using very few words'],
  ['benevolent', 'well meaning and kindly'],
  ['Paris', 'capital of France'],
  ['Rome', 'capital of Italy'],
  ['Madrid', 'capital of Spain'],
  ['Lisbon', 'capital of Portugal'],
  ['1066', 'Battle of Hastings'],
  ['1453', 'Fall of Constantinople'],
  ['1204', 'Sack of Constantinople'],
  ['1492', 'Columbus reaches the Americas'],
]

/** Does some card of the list pair `a` (one side) with `b` (the other side)? */
function paired(list: readonly Pair[], front: string, back: string): boolean {
  const f = normalizeAnswer(front)
  const b = normalizeAnswer(back)
  return list.some(([x, y]) => normalizeAnswer(x) === f && normalizeAnswer(y) === b)
}

const REVERSE = /^Which goes with “(.*)”\?$/s

/** Right options of a choice question, by the oracle. */
function rightOptions(list: readonly Pair[], q: Question): string[] {
  const choices = q.choices ?? []
  if (q.kind === 'true-false') {
    const [, front, shown] = /^“(.*)” goes with “(.*)”\.$/s.exec(q.prompt) ?? []
    return [paired(list, front ?? '', shown ?? '') ? 'True' : 'False']
  }
  const reverse = REVERSE.exec(q.prompt)
  return choices.filter((o) => (reverse ? paired(list, o, reverse[1] ?? '') : paired(list, q.prompt, o)))
}

function expectOneRightAnswer(list: readonly Pair[], questions: readonly Question[]): void {
  for (const q of questions) {
    if (q.kind !== 'multiple-choice' && q.kind !== 'true-false') continue
    expect(new Set(q.choices).size, q.id).toBe(q.choices?.length)
    expect(rightOptions(list, q), `${q.id}: ${q.prompt} [${q.choices?.join(' | ')}]`).toEqual([q.answer])
  }
}

describe('term-list questions', () => {
  it('asks every card as multiple choice both ways, true/false, typed and flip', () => {
    const questions = questionsOf(VOCAB)
    const deck = deckOf(VOCAB)
    for (const card of deck.cards) {
      if (card.type !== 'basic') throw new Error('basic cards expected')
      const own = questions.filter((q) => q.cardId === `list/card/${card.id}`)
      const forward = own.find((q) => q.kind === 'multiple-choice' && q.prompt === card.front)
      const reverse = own.find((q) => q.kind === 'multiple-choice' && q.prompt === `Which goes with “${card.back}”?`)
      expect(forward?.answer).toBe(card.back)
      expect(forward?.choices).toHaveLength(4)
      expect(forward?.choices).toContain(card.back)
      // Forward options are definitions, reverse options are terms.
      const definitions = VOCAB.map((p) => p[1])
      const terms = VOCAB.map((p) => p[0])
      expect(forward?.choices?.every((c) => definitions.includes(c))).toBe(true)
      expect(reverse?.answer).toBe(card.front)
      expect(reverse?.choices?.every((c) => terms.includes(c))).toBe(true)
      expect(own.map((q) => q.kind).sort()).toEqual([
        'basic',
        'multiple-choice',
        'multiple-choice',
        'true-false',
        'typed',
      ])
      expect(new Set(own.map((q) => q.id)).size).toBe(own.length)
    }
    expectOneRightAnswer(VOCAB, questions)
  })

  it('keeps the flashcard id and card id a list already had, so stored progress still applies', () => {
    const deck = deckOf(VOCAB)
    const first = deck.cards[0]
    const flip = questionsOf(VOCAB).find((q) => q.kind === 'basic')
    expect(flip?.id).toBe(`list/card/${first?.id}/basic`)
    expect(flip?.cardId).toBe(`list/card/${first?.id}`)
  })

  it('chooses wrong options of the same kind of text: years for years, capitals for capitals', () => {
    const questions = questionsOf(VOCAB)
    const forward = (front: string) => questions.find((q) => q.kind === 'multiple-choice' && q.prompt === front)
    // "capital of France" is a phrase of three words: its options are the other capitals.
    expect(forward('Paris')?.choices?.sort()).toEqual(
      ['capital of France', 'capital of Italy', 'capital of Portugal', 'capital of Spain'].sort(),
    )
    const reverse = (back: string) =>
      questions.find((q) => q.kind === 'multiple-choice' && q.prompt === `Which goes with “${back}”?`)
    expect(reverse('Battle of Hastings')?.choices?.sort()).toEqual(['1066', '1204', '1453', '1492'])
    expect(reverse('capital of Italy')?.choices?.sort()).toEqual(['Lisbon', 'Madrid', 'Paris', 'Rome'])
    expect(reverse('found everywhere')?.choices?.sort()).toEqual(['benevolent', 'ephemeral', 'laconic', 'ubiquitous'])
  })

  it('never offers a near-duplicate of the answer or a second right answer', () => {
    const list: Pair[] = [
      ['colour', 'the hue of something'],
      ['color', 'the hue of something'], // same definition: either term is right
      ['bank', 'the side of a river'],
      ['bank', 'a place that keeps money'], // same term, two meanings
      ['shore', 'the side of a lake'],
      ['rivers', 'the side of a rive'], // reads like "the side of a river": never its wrong option
      ['dune', 'a hill of sand'],
      ['delta', 'where a river meets the sea'],
      ['cliff', 'a steep rock face'],
    ]
    const questions = questionsOf(list)
    expectOneRightAnswer(list, questions)
    const river = questions.find(
      (q) => q.kind === 'multiple-choice' && q.prompt === 'bank' && q.answer === 'the side of a river',
    )
    expect(river?.choices).not.toContain('a place that keeps money')
    expect(river?.choices).not.toContain('the side of a rive')
    const hue = questions.filter((q) => q.prompt === 'Which goes with “the hue of something”?')
    for (const q of hue) expect(q.choices?.filter((c) => c === 'colour' || c === 'color')).toEqual([q.answer])
    // Typed recall of "the hue of something" accepts both terms.
    const typed = questions.find((q) => q.kind === 'typed' && q.prompt.includes('the hue of something'))
    expect(typed && checkTypedAnswer(typed, 'color').correct).toBe(true)
    expect(typed && checkTypedAnswer(typed, 'colour').correct).toBe(true)
    expect(typed && checkTypedAnswer(typed, 'shore').correct).toBe(false)
  })

  it('asks a list of fewer than four cards as typed and flip only', () => {
    const small: Pair[] = [
      ['ephemeral', 'lasting a very short time'],
      ['ubiquitous', 'found everywhere'],
      ['laconic', 'using very few words'],
    ]
    const kinds = new Set(questionsOf(small).map((q) => q.kind))
    expect([...kinds].sort()).toEqual(['basic', 'typed'])
    const typed = questionsOf(small).find((q) => q.kind === 'typed' && q.answer === 'laconic')
    expect(typed && checkTypedAnswer(typed, 'Laconic').correct).toBe(true)
  })

  it('makes matching rounds of four pairs that each fit only one way', () => {
    const rounds = questionsOf(VOCAB).filter((q) => q.kind === 'matching')
    expect(rounds).toHaveLength(3)
    for (const round of rounds) {
      const answer = round.answer as string[]
      expect(answer).toHaveLength(4)
      for (const pair of answer) {
        const [front, back] = pair.split(' → ')
        expect(paired(VOCAB, front ?? '', back ?? '')).toBe(true)
      }
      const given = Object.fromEntries(answer.map((p) => p.split(' → ') as [string, string]))
      expect(checkMatching(round, given).correct).toBe(true)
    }
  })

  it('has one right answer for random lists, and for the same lists with cards removed', () => {
    const word = fc.constantFrom(
      'sea',
      'river',
      'lake',
      'hill',
      'sand',
      'rock',
      'king',
      'queen',
      '1204',
      '1453',
      'Rome',
    )
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '))
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 4, maxLength: 14 }), fc.nat(), (list, seed) => {
        expectOneRightAnswer(list, questionsOf(list, seed))
        expectOneRightAnswer(list, questionsOf(list.slice(1), seed))
      }),
      { numRuns: 100, seed: 1453 },
    )
  })
})

describe('text likeness', () => {
  it('sorts sides by length and kind of text', () => {
    expect(lengthClass('ephemeral')).toBe(0)
    expect(lengthClass('capital of France')).toBe(1)
    expect(lengthClass('the side of a wide river')).toBe(2)
    expect(textKind('1453')).toBe('number')
    expect(textKind('Fall of Constantinople, 1453')).toBe('year')
    expect(textKind('Fall of Constantinople')).toBe('name')
    expect(textKind('It fell in a day.')).toBe('sentence')
    expect(textKind('lasting a very short time')).toBe('phrase')
  })

  it('takes a small edit for a near-duplicate, not a different word', () => {
    expect(nearDuplicate('colour', 'color')).toBe(true)
    expect(nearDuplicate('the side of a river', 'the side of a lake')).toBe(false)
    expect(nearDuplicate('rome', 'home')).toBe(false)
    expect(nearDuplicate('the side of a river', 'the side of a rive')).toBe(true)
    expect(nearDuplicate('paris', 'rome')).toBe(false)
  })
})

describe('withinEdits', () => {
  it('agrees with the full edit distance', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(4), (a, b, k) => {
        expect(withinEdits(a, b, k)).toBe(editDistance(a, b) <= k)
      }),
      { numRuns: 500, seed: 7 },
    )
  })
})
