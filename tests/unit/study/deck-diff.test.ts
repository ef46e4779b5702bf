// Deck updates keep progress: the pure plan behind storage.syncDeckQuestions.
import { describe, expect, it } from 'vitest'
import { describeDeckChanges, planDeckSync, type DeckChangeSummary } from '../../../src/domain/study'
import { card, NOW, variants } from './helpers'

const learned = { phase: 'review' as const, stability: 12, due: NOW + 86_400_000 }

describe('planDeckSync', () => {
  it('keeps unchanged cards, restarts changed ones, retires removed ones, adds new ones', () => {
    const stored = [card('same', learned), card('edited', learned), card('gone', learned)]
    const questions = [...variants('same'), ...variants('edited', 'fp-edited-v2'), ...variants('fresh')]
    const known = {
      'deck/same': 'fp-same',
      'deck/edited': 'fp-edited',
      'deck/gone': 'fp-gone',
      'deck/unstudied': 'fp-unstudied',
    }
    const plan = planDeckSync({ known, stored, questions, now: NOW + 5 })

    expect(plan.summary).toEqual({
      added: ['deck/fresh'],
      changed: ['deck/edited'],
      removed: ['deck/gone', 'deck/unstudied'],
      unchanged: ['deck/same'],
      firstSync: false,
    })
    expect(plan.updates).toEqual([
      {
        ...card('edited', learned),
        fingerprint: 'fp-edited-v2',
        state: expect.objectContaining({ phase: 'new', reps: 0, due: NOW + 5 }),
      },
      { ...card('gone', learned), retired: true },
    ])
    expect(plan.fingerprints).toEqual({
      'deck/same': 'fp-same',
      'deck/edited': 'fp-edited-v2',
      'deck/fresh': 'fp-fresh',
    })
  })

  it('compares fingerprints of cards never studied with what the last sync remembered', () => {
    const plan = planDeckSync({
      known: { 'deck/a': 'fp-a', 'deck/b': 'old' },
      stored: [],
      questions: [...variants('a'), ...variants('b')],
      now: NOW,
    })
    expect(plan.summary).toMatchObject({ unchanged: ['deck/a'], changed: ['deck/b'], added: [], removed: [] })
    expect(plan.updates).toEqual([])
  })

  it('restores a retired card that comes back, with its progress when its fact is the same', () => {
    const stored = [card('back', learned, { retired: true }), card('back-edited', learned, { retired: true })]
    const plan = planDeckSync({
      known: {},
      stored,
      questions: [...variants('back'), ...variants('back-edited', 'new-fp')],
      now: NOW,
    })
    expect(plan.summary.added).toEqual(['deck/back', 'deck/back-edited'])
    expect(plan.updates[0]).toEqual({ ...card('back', learned), retired: false })
    expect(plan.updates[1]).toMatchObject({ retired: false, fingerprint: 'new-fp', state: { phase: 'new' } })
  })

  it('says it is the first sync when nothing was known', () => {
    const plan = planDeckSync({ known: {}, stored: [], questions: variants('a'), now: NOW })
    expect(plan.summary).toMatchObject({ firstSync: true, added: ['deck/a'] })
  })
})

describe('describeDeckChanges', () => {
  const summary = (changed: number, added: number, removed: number): DeckChangeSummary => ({
    changed: Array(changed).fill('x'),
    added: Array(added).fill('x'),
    removed: Array(removed).fill('x'),
    unchanged: [],
    firstSync: false,
  })
  it.each([
    [summary(3, 1, 0), '3 facts updated, 1 added'],
    [summary(1, 0, 2), '1 fact updated, 2 removed'],
    [summary(0, 1, 0), '1 fact added'],
    [summary(0, 0, 0), ''],
    [{ ...summary(0, 5, 0), firstSync: true }, ''],
  ])('%o → %s', (s, text) => {
    expect(describeDeckChanges(s)).toBe(text)
  })
})
