// Cloze distractors by kind: a gap naming a deck entity gets entities of the same kind (and
// gender), a year gets nearby years, any other gap gets gaps of the same shape, or fewer options.
import { describe, expect, it } from 'vitest'
import { normalizeAnswer } from '../../../src/domain/questions/answers'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { builtInDeck, card, DeckBuilder } from './fixtures'

const deck = builtInDeck()
const seeds = [1, 2, 3, 4, 5, 6, 7, 8]
const runs = seeds.map((seed) => generateQuestions(deck, { seed }))
const namesOf = (kind: string, gender?: string) =>
  new Set(deck.entities.filter((e) => e.kind === kind && (!gender || e.gender === gender)).map((e) => e.name))
const wrong = (q: Question | undefined) => (q?.choices ?? []).filter((c) => c !== q?.answer)
const mc = (key: string) => runs.map((qs) => card(qs, key)['multiple-choice'])

describe('cloze distractors on the built-in deck', () => {
  it('offers places for the place that returned to Byzantine rule', () => {
    const places = namesOf('place')
    for (const q of mc('text.outcome/treaty-of-gallipoli/thessalonica')) {
      expect(q?.answer).toBe('Thessalonica')
      expect(wrong(q).length).toBeGreaterThanOrEqual(2)
      for (const c of wrong(q)) expect(places, c).toContain(c)
    }
  })

  it('offers men, by their short regnal names, for “portraits of _____, John VII and Manuel II”', () => {
    const men = [...namesOf('person', 'male')].map((n) => n.replace(/ Palaiologos$/, ''))
    for (const q of mc('text.caption/portraits-zonaras-codex/andronikos-iv')) {
      expect(wrong(q).length).toBeGreaterThanOrEqual(2)
      for (const c of wrong(q)) {
        expect(men, c).toContain(c)
        expect(['John VII', 'Manuel II']).not.toContain(c)
      }
    }
  })

  it('never offers a book title or a person’s name for the name Irene took as a nun', () => {
    for (const q of mc('text.note/irene-gattilusio/eugenia'))
      for (const c of wrong(q)) expect(c.split(' '), c).toHaveLength(1)
  })

  it('gives look-alike gaps (two capitalised words) for a name the deck has no entity for', () => {
    for (const q of mc('text.caption/map-of-constantinople/cristoforo-buondelmonti'))
      for (const c of wrong(q)) {
        expect(c.split(' ')).toHaveLength(2)
        expect(deck.entities.map((e) => e.name)).not.toContain(c)
      }
  })

  it('keeps every cloze choice distinct, at least three, and none another way of writing the answer', () => {
    for (const qs of runs)
      for (const q of qs.filter((x) => x.kind === 'multiple-choice' && x.cardId.includes('/text.'))) {
        expect(new Set(q.choices).size, q.id).toBe(q.choices?.length)
        expect(q.choices?.length, q.id).toBeGreaterThanOrEqual(3)
        const answer = normalizeAnswer(q.answer as string)
        for (const c of wrong(q)) expect(normalizeAnswer(c), q.id).not.toBe(answer)
      }
  })
})

describe('cloze distractors on a small deck', () => {
  const small = new DeckBuilder()
    .female('irene', 'Irene', ['Eirene'])
    .female('anna', 'Anna')
    .female('maria', 'Maria')
    .female('zoe', 'Zoe')
    .male('basil', 'Basil')
    .male('leo', 'Leo')
    .entity('church', 'building', 'Hagia Sophia')
    .entity('wall', 'building', 'Theodosian Walls')
    .entity('palace', 'building', 'Blachernae Palace')
    .entity('city', 'place', 'Nicaea')
    .text('note', 'basil', 'He married {{Eirene}} in the {{Hagia Sophia}}.')
    .build()

  it('draws women for a woman named by an alias, and buildings for a building', () => {
    for (let seed = 0; seed < 20; seed++) {
      const qs = generateQuestions(small, { seed })
      const woman = card(qs, 'text.note/basil/eirene')['multiple-choice']
      expect(wrong(woman).length).toBeGreaterThanOrEqual(2)
      for (const c of wrong(woman)) expect(['Anna', 'Maria', 'Zoe']).toContain(c)
      const building = card(qs, 'text.note/basil/hagia-sophia')['multiple-choice']
      expect(wrong(building).sort()).toEqual(['Blachernae Palace', 'Theodosian Walls'])
    }
  })
})
