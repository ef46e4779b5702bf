// Wrong options: the same kind, role and precision as the answer, plausible (a window of years,
// bounds such as "not born after death"), ranked by closeness into a difficulty, and the right
// option's position balanced.
import { describe, expect, it } from 'vitest'
import { precisionOf } from '../../../src/domain/deck/dates'
import { DatePool, difficultyOf, pickDates, pickNumbers } from '../../../src/domain/questions/distractors'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { PositionBalance } from '../../../src/domain/questions/variants'
import { createRandom } from '../../../src/domain/random'
import { card, DeckBuilder, date } from './fixtures'

const pool = new DatePool(['1 May 1380', '3 June 1391', 'March 1388', '1401', '1200', 'c. 1389'].map((t) => date(t)))

describe('date distractors', () => {
  it.each(['22 September 1390', 'September 1390', '1390', 'c. 1390'])('keep the precision and style of %s', (text) => {
    const answer = date(text)
    for (let seed = 0; seed < 30; seed++) {
      const picked = pickDates({ date: answer, correct: [answer] }, pool, createRandom(seed))
      expect(picked).toHaveLength(3)
      for (const p of picked) {
        expect(precisionOf(p.date!.start)).toBe(precisionOf(answer.start))
        expect(p.date!.circa).toBe(answer.circa)
        expect(Math.abs(p.date!.start.year - 1390)).toBeLessThanOrEqual(15)
        expect(p.text).not.toBe(answer.text)
        if (answer.circa) expect(Math.abs(p.date!.start.year - 1390)).toBeGreaterThanOrEqual(5)
      }
      expect(new Set(picked.map((p) => p.text)).size).toBe(3)
    }
  })

  it('draw from the deck’s own dates first', () => {
    const seen = new Set<string>()
    for (let seed = 0; seed < 30; seed++)
      for (const p of pickDates({ date: date('1390'), correct: [date('1390')] }, pool, createRandom(seed)))
        seen.add(p.text)
    expect(seen).toContain('1391')
    expect(seen).toContain('1388')
  })

  it('never offer a date some source gives, nor one outside the bounds', () => {
    const answer = date('1390')
    const correct = [answer, date('1391'), date('1385–1387')]
    for (let seed = 0; seed < 30; seed++)
      for (const p of pickDates({ date: answer, correct, minYear: 1384, maxYear: 1395 }, pool, createRandom(seed))) {
        expect(['1391', '1385', '1386', '1387']).not.toContain(p.text)
        expect(p.date!.start.year).toBeGreaterThanOrEqual(1384)
        expect(p.date!.start.year).toBeLessThanOrEqual(1395)
      }
  })
})

describe('difficulty', () => {
  it('is hard when the wrong options are close, easy when far', () => {
    expect(difficultyOf(pickNumbers(38, [38], 1, 110, createRandom(1)).map((s) => s.score))).toBe('hard')
    expect(difficultyOf([0.1, 0.05, 0.2])).toBe('easy')
    expect(difficultyOf([0.4, 0.35, 0.3])).toBe('medium')
  })

  it('ranks people of the same generation and dynasty above distant strangers', () => {
    const b = new DeckBuilder().entity('house', 'dynasty', 'Doukas')
    b.male('x', 'Xeno Doukas').male('f', 'Felix Doukas').male('near', 'Nikolaos Doukas').male('far', 'Photios Angelos')
    b.born('x', 1350).born('f', 1320).born('near', 1322).born('far', 1100)
    b.relation('dynasty', 'f', 'house').relation('dynasty', 'near', 'house')
    b.parent('x', 'f', 'father')
    // Only two candidates: both are offered, and the question is as hard as their mean.
    const q = card(generateQuestions(b.build(), { seed: 1 }), 'parent.father/x')['multiple-choice']
    expect(q?.choices).toHaveLength(3)
    expect(q?.difficulty).toBe('medium')
  })
})

describe('roles', () => {
  it('asks a title typed only: a person may hold titles the deck does not list', () => {
    const b = new DeckBuilder().male('j', 'John Doukas')
    b.entity('t1', 'title', 'Sebastokrator')
      .entity('t2', 'title', 'Caesar')
      .entity('t3', 'title', 'Kouropalates')
      .entity('o1', 'office', 'Megas Doux')
      .entity('o2', 'office', 'Eparch')
    b.entity('p', 'place', 'Nicaea').male('k', 'Kosmas Doukas')
    b.relation('title', 'j', 't1').tenure('j', 'o1', 1350, 1360)
    for (let seed = 0; seed < 10; seed++) {
      const q = card(generateQuestions(b.build(), { seed }), 'title/j')
      expect(q['multiple-choice']).toBeUndefined()
      expect(q['true-false']?.answer ?? 'True').toBe('True')
      expect(q.typed?.answer).toBe('Sebastokrator')
    }
  })
})

describe('position of the right option', () => {
  it('is balanced: every position equally often, in a seeded order', () => {
    const balance = new PositionBalance(9)
    const counts = [0, 0, 0, 0]
    const order: number[] = []
    for (let i = 0; i < 400; i++) {
      const at = balance.next(4)
      counts[at]!++
      order.push(at)
    }
    expect(counts).toEqual([100, 100, 100, 100])
    expect(order.slice(0, 8)).not.toEqual([0, 1, 2, 3, 0, 1, 2, 3])
  })

  /** How often the right option is at each position, in a deck of `people` with a birth year each. */
  function positionCounts(people: number): number[] {
    const b = new DeckBuilder()
    for (let i = 0; i < people; i++)
      b.male(`p${i}`, `Person ${String.fromCharCode(65 + (i % 26))}${i} Doukas`).born(`p${i}`, 1300 + i)
    const qs = generateQuestions(b.build(), { seed: 2 }).filter(
      (q) => q.kind === 'multiple-choice' && q.choices?.length === 4,
    )
    expect(qs.length).toBeGreaterThanOrEqual(people)
    const counts = [0, 0, 0, 0]
    for (const q of qs) counts[q.choices!.indexOf(q.answer as string)]!++
    return counts
  }

  it('is balanced across a small deck’s multiple-choice questions', () => {
    const counts = positionCounts(25)
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
  })

  it('is balanced in a big deck group by group of 25 people: off by at most one per group', () => {
    const counts = positionCounts(400)
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(400 / 25)
  })
})
