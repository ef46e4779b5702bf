// "Who belongs in this box?" is one of the generated questions of a study session.
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { builtInDeck, DeckBuilder } from './fixtures'

const boxes = (qs: ReturnType<typeof generateQuestions>) => qs.filter((q) => q.relation === 'family-tree-box')

describe('family-tree box questions in generateQuestions', () => {
  const deck = builtInDeck()
  const questions = generateQuestions(deck, { seed: 1 })

  it('asks the built-in deck who belongs in John VII’s box, from his parents, wife and son', () => {
    const q = questions.find((x) => x.id === 'john-vii-palaiologos/family-tree-box/john-vii/multiple-choice')
    expect(q?.kind).toBe('multiple-choice')
    expect(q?.prompt).toMatch(
      /^Who belongs in this box\? \(child of Andronikos IV Palaiologos and Keratsa of Bulgaria; spouse of Irene Gattilusio; parent of Andronikos V Palaiologos\)$/,
    )
    expect(q?.answer).toBe('John VII Palaiologos')
    expect(q?.choices).toHaveLength(4)
    expect(q?.choices).toContain('John VII Palaiologos')
    expect(q?.cardId).toBe('john-vii-palaiologos/family-tree-box/john-vii')
  })

  it('gives several boxes, with ids unique among all questions and options distinct', () => {
    expect(boxes(questions).length).toBeGreaterThanOrEqual(5)
    const ids = questions.map((q) => q.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const q of boxes(questions)) expect(new Set(q.choices).size, q.id).toBe(q.choices?.length)
  })

  it('is deterministic and keeps the ids whatever the seed', () => {
    expect(boxes(generateQuestions(deck, { seed: 1 }))).toEqual(boxes(questions))
    expect(boxes(generateQuestions(deck, { seed: 99 })).map((q) => q.id)).toEqual(boxes(questions).map((q) => q.id))
  })

  it('leaves out a box whose description fits someone else by a disputed parent', () => {
    // b's father is Alexios; c's is z, or Alexios by another source: "child of Alexios" fits c too.
    const build = (disputed: boolean) =>
      new DeckBuilder()
        .male('a', 'Alexios')
        .male('z', 'Zoe’s father')
        .male('b', 'Basil')
        .male('c', 'Constantine')
        .male('d', 'Demetrios')
        .parent('b', 'a', 'father')
        .parent('c', 'z', 'father', disputed ? ['a'] : [])
        .parent('d', 'z', 'father')
        .build()
    expect(boxes(generateQuestions(build(false), { seed: 3 })).map((q) => q.subjectId)).toContain('b')
    expect(boxes(generateQuestions(build(true), { seed: 3 })).map((q) => q.subjectId)).not.toContain('b')
  })
})
