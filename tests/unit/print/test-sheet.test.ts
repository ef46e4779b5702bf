// A printed test: as many questions as asked, of the chosen kinds only, numbered from 1; the key
// has one answer per question, by the same number, its letter pointing at the right option, and
// each matching answer pairs the numbered left item with the letter of its right item.
import { describe, expect, it } from 'vitest'
import { buildTestSheet } from '../../../src/domain/print/test-sheet'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { builtInDecks } from '../../../src/generated/decks'

describe('printable test sheet', async () => {
  const entry = builtInDecks[0]
  if (!entry) throw new Error('no built-in deck')
  const deck = await entry.load()
  const questions = generateQuestions(deck, { seed: 5 })

  it('asks the number of questions and the kinds chosen, numbered, with a key of the same numbers', () => {
    const sheet = buildTestSheet(questions, { count: 12, kinds: ['multiple-choice', 'true-false'], seed: 1 })
    expect(sheet.questions).toHaveLength(12)
    expect(sheet.questions.map((q) => q.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(new Set(sheet.questions.map((q) => q.kind))).toEqual(new Set(['multiple-choice', 'true-false']))
    expect(sheet.key.map((a) => a.number)).toEqual(sheet.questions.map((q) => q.number))
    for (const [i, q] of sheet.questions.entries()) {
      const key = sheet.key[i]
      const [letter, ...rest] = (key?.answer ?? '').split('. ')
      const option = q.options?.find((o) => o.letter === letter)
      expect(option?.text, q.prompt).toBe(rest.join('. '))
      expect(key?.sources.length, q.prompt).toBeGreaterThan(0)
    }
  })

  it('keys a matching question by numbers and letters that pair each left item with its right one', () => {
    const sheet = buildTestSheet(questions, { count: 50, kinds: ['matching'], seed: 2 })
    expect(sheet.questions.length).toBeGreaterThan(0)
    const original = questions.filter((q) => q.kind === 'matching')
    for (const [i, item] of sheet.questions.entries()) {
      const source = original.find((q) => q.prompt === item.prompt && q.pairs?.left.join() === item.items?.join())
      const pairs = (sheet.key[i]?.answer ?? '').split(', ').map((p) => p.split(' → '))
      for (const [n, l] of pairs) {
        const left = item.items?.[Number(n) - 1]
        const right = item.matches?.find((m) => m.letter === l)?.text
        expect((source?.answer as string[]).includes(`${left} → ${right}`)).toBe(true)
      }
    }
  })

  it('never prints flashcards, which have nothing to answer on paper', () => {
    const sheet = buildTestSheet(questions, { count: 20, kinds: ['basic'], seed: 3 })
    expect(sheet.questions).toEqual([])
  })
})
