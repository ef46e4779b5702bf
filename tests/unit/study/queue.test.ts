// The study queue: due cards first (most overdue first), then new ones up to the daily limit,
// each asked as multiple choice first and as typed recall once it is in review (recognition first).
import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../src/domain/random'
import {
  buildStudyQueue,
  chooseVariant,
  shouldRepeatInSession,
  type StudyQueueOptions,
} from '../../../src/domain/study'
import { card, DAY, MINUTE, NOW, question, variants } from './helpers'

const deck = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((k) => variants(k))

const queue = (options: Partial<StudyQueueOptions>) =>
  buildStudyQueue({ cards: [], questions: deck, now: NOW, random: createRandom(7), ...options })

const stable = { phase: 'review' as const, stability: 30 }

describe('buildStudyQueue', () => {
  it('puts due cards first, most overdue first, then new cards in deck order', () => {
    const q = queue({
      cards: [
        card('b', { ...stable, due: NOW - DAY }),
        card('d', { ...stable, due: NOW - 5 * DAY }),
        card('e', { ...stable, due: NOW + 3 * DAY }),
      ],
    })
    expect(q.items.map((i) => [i.cardId, i.isNew])).toEqual([
      ['deck/d', false],
      ['deck/b', false],
      ['deck/a', true],
      ['deck/c', true],
      ['deck/f', true],
    ])
    expect(q).toMatchObject({ dueCount: 2, newCount: 3, newAvailable: 3 })
  })

  it('limits new cards per day, counting those already introduced today', () => {
    expect(queue({ newPerDay: 2 }).items.map((i) => i.cardId)).toEqual(['deck/a', 'deck/b'])
    expect(queue({ newPerDay: 4, newIntroducedToday: 3 }).items.map((i) => i.cardId)).toEqual(['deck/a'])
    const none = queue({ newPerDay: 4, newIntroducedToday: 9 })
    expect(none.items).toEqual([])
    expect(none.newAvailable).toBe(6)
  })

  it('defaults to 20 new cards a day', () => {
    const many = Array.from({ length: 30 }, (_, i) => question(`k${i}`, 'typed'))
    expect(queue({ questions: many }).newCount).toBe(20)
  })

  it('counts a review card as due for the whole day it falls due, a learning card only once its step has passed', () => {
    const q = queue({
      questions: [...variants('a'), ...variants('b'), ...variants('c')],
      newPerDay: 0,
      cards: [
        card('a', { ...stable, due: NOW + 5 * 60 * MINUTE }), // later today (UTC)
        card('b', { phase: 'learning', stability: 1, due: NOW + 5 * MINUTE }),
        card('c', { ...stable, due: NOW + DAY }), // tomorrow
      ],
    })
    expect(q.items.map((i) => i.cardId)).toEqual(['deck/a'])
    // At UTC−10h it is 23:00 for the learner, and the card falls due at 04:00 tomorrow.
    const east = queue({
      questions: variants('a'),
      newPerDay: 0,
      utcOffsetMinutes: -10 * 60,
      cards: [card('a', { ...stable, due: NOW + 5 * 60 * MINUTE })],
    })
    expect(east.items).toEqual([])
  })

  it('skips retired cards and cards known to storage but not passed in', () => {
    const q = queue({
      cards: [card('a', { ...stable, due: NOW - DAY }, { retired: true })],
      knownCardIds: new Set(['deck/a', 'deck/b', 'deck/c']),
    })
    expect(q.items.map((i) => i.cardId)).toEqual(['deck/d', 'deck/e', 'deck/f'])
  })

  it('treats a stored card restarted as new as new', () => {
    const q = queue({
      questions: variants('a'),
      cards: [card('a', { phase: 'new' })],
      knownCardIds: new Set(['deck/a']),
    })
    expect(q.items).toMatchObject([{ cardId: 'deck/a', isNew: true }])
  })

  it('asks new and learning cards as multiple choice, cards in review as typed recall (recognition first)', () => {
    const q = queue({
      cards: [
        card('a', { phase: 'learning', stability: 2, due: NOW - MINUTE }),
        card('b', { phase: 'relearning', stability: 0.5, due: NOW - MINUTE }),
        card('c', { phase: 'review', stability: 1, due: NOW - DAY }),
        card('e', { phase: 'review', stability: 40, due: NOW - DAY }),
      ],
      newPerDay: 1,
    })
    expect(Object.fromEntries(q.items.map((i) => [i.cardId, i.question.kind]))).toEqual({
      'deck/a': 'multiple-choice',
      'deck/b': 'multiple-choice',
      'deck/c': 'typed',
      'deck/e': 'typed',
      'deck/d': 'multiple-choice',
    })
  })

  it("puts today's new cards that can be recognised first: a disputed date (typed only) comes after them", () => {
    const questions = [
      question('disputed', 'date'),
      question('disputed', 'typed'),
      ...variants('a'),
      question('tf', 'true-false'),
      question('tf', 'typed'),
      question('later', 'typed'),
      ...variants('b'),
    ]
    const q = queue({ questions, newPerDay: 4 })
    expect(q.items.map((i) => [i.cardId, i.question.kind])).toEqual([
      ['deck/a', 'multiple-choice'],
      ['deck/tf', 'true-false'],
      ['deck/disputed', expect.stringMatching(/^(date|typed)$/)],
      ['deck/later', 'typed'],
    ])
    // Days still introduce cards in deck order; with recognition first off, deck order within the day too.
    expect(queue({ questions, newPerDay: 4, recognitionFirst: false }).items.map((i) => i.cardId)).toEqual([
      'deck/disputed',
      'deck/a',
      'deck/tf',
      'deck/later',
    ])
  })

  it('asks recall directly when recognition first is off', () => {
    const q = queue({ recognitionFirst: false, newPerDay: 3 })
    expect(q.items.map((i) => i.question.kind)).toEqual(['typed', 'typed', 'typed'])
  })

  it('is the same queue for the same seed', () => {
    const build = () => queue({ questions: [...deck, question('a', 'date')], recognitionFirst: false })
    expect(build()).toEqual(build())
  })
})

describe('chooseVariant', () => {
  const random = createRandom(1)
  it('falls back to what the card has', () => {
    expect(chooseVariant([question('x', 'typed')], undefined, true, random).kind).toBe('typed')
    expect(chooseVariant([question('x', 'choice')], { ...card('x', stable).state }, true, random).kind).toBe('choice')
    expect(chooseVariant([question('x', 'ordering')], undefined, true, random).kind).toBe('ordering')
  })

  it('prefers multiple choice to true/false for recognition', () => {
    const kinds = [question('x', 'true-false'), question('x', 'multiple-choice')]
    expect(chooseVariant(kinds, undefined, true, random).kind).toBe('multiple-choice')
  })

  it('refuses a card without questions', () => {
    expect(() => chooseVariant([], undefined, true, random)).toThrow()
  })
})

describe('shouldRepeatInSession', () => {
  it('repeats a card in a learning step due within 20 minutes', () => {
    expect(shouldRepeatInSession(card('a', { phase: 'learning', due: NOW + 10 * MINUTE }).state, NOW)).toBe(true)
    expect(shouldRepeatInSession(card('a', { phase: 'relearning', due: NOW + 30 * MINUTE }).state, NOW)).toBe(false)
    expect(shouldRepeatInSession(card('a', { phase: 'review', due: NOW + 1 * MINUTE }).state, NOW)).toBe(false)
  })
})
