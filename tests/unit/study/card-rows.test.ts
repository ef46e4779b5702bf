// The card browser's rows, made from a deck's questions in batches (as the question service reads
// its cache parts): however the questions are split, the rows are the same, one per card in deck
// order, named by the card's flashcard or typed question and carrying its first question's
// fingerprint; on the built-in deck, whose cards have many kinds of question.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deckSeed } from '../../../src/domain/questions/cache-key'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { CardRows, cardRows } from '../../../src/domain/study/card-list'
import { builtInDecks } from '../../../src/generated/decks'

describe('card rows', async () => {
  const entry = builtInDecks[0]
  if (!entry) throw new Error('no built-in deck')
  const deck = await entry.load()
  const questions = generateQuestions(deck, { seed: deckSeed(deck.id) })
  const all = cardRows(questions)

  it('has one row per card, in the order of each card’s first question', () => {
    const firsts = [...new Set(questions.map((q) => q.cardId))]
    expect(all.map((r) => r.cardId)).toEqual(firsts)
  })

  it('names a card by its first question of the best naming kind, and keeps its first fingerprint', () => {
    const naming = ['basic', 'typed', 'cloze', 'choice', 'multiple-choice', 'date']
    const answer = (q: Question) => (Array.isArray(q.answer) ? q.answer.join(', ') : q.answer)
    for (const row of all) {
      const own = questions.filter((q) => q.cardId === row.cardId)
      const main = naming.map((k) => own.find((q) => q.kind === k)).find((q) => q) ?? own[0]!
      expect(row.prompt, row.cardId).toBe(main.prompt)
      expect(row.answer, row.cardId).toBe(answer(main))
      expect(row.subject, row.cardId).toBe(main.subject)
      expect(row.relation, row.cardId).toBe(main.relation)
      expect(row.fingerprint, row.cardId).toBe(own[0]!.fingerprint)
      expect(new Set(row.kinds), row.cardId).toEqual(new Set(own.map((q) => q.kind)))
    }
    // The deck's cards do have several kinds each, so the naming kind is a real choice.
    expect(all.some((r) => r.kinds.length > 2)).toBe(true)
    expect(all.find((r) => r.relation === 'father' && r.subject === 'John VII Palaiologos')?.prompt).toMatch(/father/i)
  })

  it('keeps the first of two questions of the same naming kind', () => {
    // The father card is named by its typed question (its multiple choice has the same prompt).
    const row = all.find((r) => r.relation === 'father')!
    const at = questions.findIndex((q) => q.cardId === row.cardId && q.kind === 'typed')
    const later = { ...questions[at]!, id: `${questions[at]!.id}/again`, prompt: 'A later wording' }
    const rows = cardRows([...questions.slice(0, at + 1), later, ...questions.slice(at + 1)])
    expect(rows.find((r) => r.cardId === row.cardId)?.prompt).toBe(row.prompt)
  })

  it('searches a card by its own words, not by the wrong pairings of its true/false statements', () => {
    const father = all.find((r) => r.relation === 'father' && r.subject === 'John VII Palaiologos')
    expect(father?.text).toContain('andronikos iv')
    const falseOnes = questions.filter(
      (q) => q.cardId === father?.cardId && q.kind === 'true-false' && q.answer === 'False',
    )
    for (const q of falseOnes) expect(father?.text).not.toContain(q.prompt.toLowerCase())
  })

  it('gives the same rows however the questions are split into batches', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: questions.length - 1 }), { maxLength: 8 }), (cuts) => {
        const ends = [...cuts.sort((a, b) => a - b), questions.length]
        const rows = new CardRows()
        let start = 0
        for (const end of ends) {
          rows.add(questions.slice(start, end))
          start = end
        }
        expect(rows.rows()).toStrictEqual(all)
      }),
      { numRuns: 40 },
    )
  })
})
