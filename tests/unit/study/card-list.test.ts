// The card browser's list and filters, on the real generator's questions of a term list.
import { describe, expect, it } from 'vitest'
import { deckFromCards } from '../../../src/domain/import/cards-deck'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { buildCardList, filterCards } from '../../../src/domain/study'
import { cardFacets, cardRows, type CardRow } from '../../../src/domain/study/card-list'
import { syntheticDynasty } from '../../../scripts/bench/synthetic-dynasty'
import { runCounting } from '../../fixtures/steps'
import type { CardProgress } from '../../../src/domain/study/types'

const NOW = Date.UTC(2025, 2, 10, 9)
const END = Date.UTC(2025, 2, 11)
const deck = deckFromCards(
  { id: 'w', title: 'W' },
  [
    ['polis', 'city'],
    ['thalassa', 'sea'],
    ['nomisma', 'gold coin'],
    ['stavraton', 'silver coin'],
  ].map(([front, back]) => ({ type: 'basic' as const, front: front as string, back: back as string })),
).deck
const questions = generateQuestions(deck, { seed: 3 })
const idOf = (front: string) => questions.find((q) => q.prompt === front)?.cardId as string
const state = (phase: 'review' | 'learning', due: number) => ({
  phase,
  due,
  stability: 9,
  difficulty: 5,
  scheduledDays: 9,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  lastReview: NOW - 9 * 86_400_000,
})
const progress: CardProgress[] = [
  { cardId: idOf('polis'), deckId: 'w', fingerprint: 'f', retired: false, state: state('review', NOW + 3600_000) },
  {
    cardId: idOf('thalassa'),
    deckId: 'w',
    fingerprint: 'f',
    retired: false,
    state: state('review', NOW + 5 * 86_400_000),
  },
  {
    cardId: idOf('nomisma'),
    deckId: 'w',
    fingerprint: 'f',
    retired: false,
    suspended: true,
    state: state('review', NOW - 86_400_000),
  },
]

describe('card list', () => {
  const list = buildCardList(questions, progress)
  const fronts = (entries: ReturnType<typeof buildCardList>) => entries.map((e) => e.prompt)

  it('has one entry per card, named by its flashcard, with every question of the card', () => {
    expect(fronts(list.filter((e) => e.handWritten))).toEqual(['polis', 'thalassa', 'nomisma', 'stavraton'])
    const polis = list.find((e) => e.prompt === 'polis')
    expect(polis?.answer).toBe('city')
    expect(polis?.kinds.sort()).toEqual(['basic', 'multiple-choice', 'true-false', 'typed'])
    expect(polis?.progress?.state.reps).toBe(3)
  })

  it('filters by words (any order, case and accents ignored), kind and state', () => {
    expect(
      fronts(filterCards(list, { text: 'COIN silver' }, NOW, END)).filter(
        (p) => p !== 'Match each term with what goes with it.',
      ),
    ).toContain('stavraton')
    expect(fronts(filterCards(list, { text: 'thálassa' }, NOW, END))).toContain('thalassa')
    expect(fronts(filterCards(list, { kind: 'matching' }, NOW, END))).toEqual([
      'Match each term with what goes with it.',
    ])
    // Due today: polis (due in an hour); not thalassa (in 5 days), not nomisma (overdue but suspended).
    expect(fronts(filterCards(list, { state: 'due' }, NOW, END))).toEqual(['polis'])
    expect(fronts(filterCards(list, { state: 'suspended' }, NOW, END))).toEqual(['nomisma'])
    expect(fronts(filterCards(list, { state: 'new' }, NOW, END))).toEqual([
      'stavraton',
      'Match each term with what goes with it.',
    ])
  })

  it('filters by the words of a subject’s name, each starting a word of it (case and accents ignored)', () => {
    const row = (cardId: string, subject?: string): CardRow => ({
      cardId,
      prompt: cardId,
      answer: '',
      kinds: ['typed'],
      ...(subject ? { subject } : {}),
      handWritten: false,
      fingerprint: 'f',
      text: '',
    })
    const rows = [
      row('a', 'John VII Palaiologos'),
      row('b', 'Andronikos IV Palaiologos'),
      row('c', 'Manuel II Palaiologos'),
      row('d', 'Irene Gattilusio'),
      row('e'),
      row('f', 'John VII Palaiologos'),
    ]
    const about = (text: string) => filterCards(rows, { about: text }, NOW, END).map((e) => e.cardId)
    expect(about('pal')).toEqual(['a', 'b', 'c', 'f'])
    expect(about('manuel PAL')).toEqual(['c'])
    expect(about('ANDRÓNIKOS')).toEqual(['b'])
    // A word must start one of the name's: "logos" is inside "Palaiologos", not at its start.
    expect(about('logos')).toEqual([])
    expect(about('   ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })
})

describe('card facets', () => {
  const rows = cardRows(generateQuestions(syntheticDynasty(3_000, 2), { seed: 1 }))

  it('lists each subject, relation and question kind of the cards once, subjects and relations in order', () => {
    const { result: facets, yields } = runCounting(cardFacets(rows))
    const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v) => v !== undefined))]
    expect(facets.subjects).toEqual(unique(rows.map((r) => r.subject)).sort())
    expect(facets.relations).toEqual(unique(rows.map((r) => r.relation)).sort())
    expect(new Set(facets.kinds)).toEqual(new Set(rows.flatMap((r) => r.kinds)))
    expect(facets.kinds).toHaveLength(new Set(facets.kinds).size)
    expect(facets.subjects.length).toBeGreaterThan(100)
    expect(facets.kinds).toContain('multiple-choice')
    // Read some thousands of rows a step: a big deck's menus are made a slice per task.
    expect(yields).toBeGreaterThanOrEqual(Math.floor(rows.length / 2_000))
  })
})
