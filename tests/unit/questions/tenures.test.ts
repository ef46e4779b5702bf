// Tenures of offices: reign dates and length, predecessor and successor named by the tenure's
// year, a vacant office's last holder, co-rulers, and who held the office at the time. Holders
// whose own tenures make an option true are never offered as wrong.
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { card, DeckBuilder, date } from './fixtures'

/** An office held by A, then B, then A again, then C; D co-rules with C; E and F never hold it. */
function office(): DeckBuilder {
  const b = new DeckBuilder()
  b.entity('emperor', 'office', 'Emperor of the Romans').entity('despot', 'office', 'Despot of the Morea')
  b.male('a', 'Alexios Angelos')
    .male('b', 'Bardas Skleros')
    .male('c', 'Constantine Dragases')
    .male('d', 'Demetrios Kantakouzenos')
    .male('e', 'Eustathios Daphnomeles')
    .male('f', 'Philip Vatatzes')
  for (const [id, year] of Object.entries({ a: 1300, b: 1305, c: 1330, d: 1350, e: 1310, f: 1320 })) b.born(id, year)
  b.tenure('a', 'emperor', '1 March 1330', '14 April 1340', { successor: { who: 'b' } })
  b.tenure('b', 'emperor', '14 April 1340', '17 September 1340', { predecessor: { who: 'a' }, successor: { who: 'a' } })
  b.tenure('a', 'emperor', '17 September 1340', 1355, { predecessor: { who: 'b' }, successor: { who: 'c' } })
  b.tenure('c', 'emperor', 1355, 1380, {
    predecessor: { who: 'a' },
    coRulers: [{ who: 'd', start: date(1370), end: date(1375) }],
  })
  b.tenure('e', 'despot', 1340, 1345)
  b.tenure('f', 'despot', 1360, 1370, {
    predecessor: { vacant: 'the Morea under Frankish rule', lastHeldBy: 'e', lastHeld: date(1345) },
  })
  return b
}

const questions = generateQuestions(office().build(), { seed: 5 })

describe('tenures', () => {
  it('names the reign by its year when asking predecessor and successor', () => {
    const successor = card(questions, 'tenure.successor/b/emperor/1340')
    expect(successor['multiple-choice']?.prompt).toBe('Who succeeded Bardas Skleros as Emperor of the Romans in 1340?')
    expect(successor['multiple-choice']?.answer).toBe('Alexios Angelos')
    expect(successor.typed?.explanation).toBe(
      'Alexios Angelos succeeded Bardas Skleros as Emperor of the Romans on 17 September 1340, having also preceded him.',
    )
    const predecessor = card(questions, 'tenure.predecessor/b/emperor/1340')
    expect(predecessor.typed?.explanation).toBe(
      'Alexios Angelos preceded Bardas Skleros as Emperor of the Romans, and took the throne back on 17 September 1340.',
    )
  })

  it('never offers the holder or anyone who ended a reign that year as another predecessor', () => {
    for (let seed = 0; seed < 10; seed++) {
      const q = card(generateQuestions(office().build(), { seed }), 'tenure.predecessor/a/emperor/1340')[
        'multiple-choice'
      ]
      expect(q?.answer).toBe('Bardas Skleros')
      expect(q?.choices).not.toContain('Alexios Angelos')
    }
  })

  it('counts the reigns of a person who held an office more than once', () => {
    expect(card(questions, 'tenure.start/a/emperor/1340').date?.prompt).toBe(
      'When did Alexios Angelos become Emperor of the Romans for the second time?',
    )
    expect(card(questions, 'tenure.end/a/emperor/1330').date?.prompt).toBe(
      'When did the first reign of Alexios Angelos as Emperor of the Romans end?',
    )
    expect(card(questions, 'tenure.length/a/emperor/1330')['multiple-choice']?.prompt).toBe(
      'How long was the first reign of Alexios Angelos as Emperor of the Romans?',
    )
  })

  it('gives the length of a reign in the unit its dates allow', () => {
    // Not whole months or years: "about", with the nearest whole number.
    expect(card(questions, 'tenure.length/b/emperor/1340')['multiple-choice']?.answer).toBe('about 5 months')
    expect(card(questions, 'tenure.length/a/emperor/1330')['multiple-choice']?.answer).toBe('about 10 years')
    const open = card(questions, 'tenure.length/c/emperor/1355')
    expect(Object.keys(open)).toEqual(['typed'])
    expect(open.typed?.accept).toEqual(['24', '25'])
  })

  it('asks who held the office at the time, never offering a holder of those years', () => {
    for (let seed = 0; seed < 10; seed++) {
      const q = card(generateQuestions(office().build(), { seed }), 'tenure.holder/c/emperor/1355')[
        'multiple-choice'
      ] as Question
      expect(q.prompt).toBe('Who was Emperor of the Romans from 1355 to 1380?')
      expect(q.answer).toBe('Constantine Dragases')
      // Alexios reigned in 1355 and Demetrios ruled with Constantine: both would be true.
      expect(q.choices).not.toContain('Alexios Angelos')
      expect(q.choices).not.toContain('Demetrios Kantakouzenos')
    }
  })

  it('asks the co-ruler typed only: anyone may have shared the rule without the deck saying so', () => {
    const q = card(questions, 'tenure.coRuler/c/emperor/1355')
    expect(q['multiple-choice']).toBeUndefined()
    expect(q['true-false']?.answer ?? 'True').toBe('True')
    expect(q.typed?.prompt).toBe('Name a co-ruler with Constantine Dragases as Emperor of the Romans.')
    expect(q.typed?.explanation).toBe(
      'Demetrios Kantakouzenos (from 1370 to 1375) ruled jointly with Constantine Dragases as Emperor of the Romans.',
    )
  })

  it('asks who last held a vacant office', () => {
    const q = card(questions, 'tenure.lastHeld/f/despot/1360').typed as Question
    expect(q.prompt).toBe(
      'Before Philip Vatatzes became Despot of the Morea in 1360, the office was vacant (the Morea under Frankish rule). Who had last held it?',
    )
    expect(q.answer).toBe('Eustathios Daphnomeles')
  })

  it('asks a disputed start only as a date accepting both, and names the tenure by the agreed year', () => {
    const b = office()
    const tenure = b.facts.find((f) => f.id === 'tenure:c:emperor:1355')
    if (tenure?.type !== 'tenure') throw new Error('fixture')
    tenure.value.start = date('1 May 1355')
    tenure.alternatives = [{ value: { start: date('20 May 1355') }, sources: ['s2'] }]
    const qs = generateQuestions(b.build(), { seed: 1 })
    const start = card(qs, 'tenure.start/c/emperor/1355')
    expect(Object.keys(start)).toEqual(['date'])
    expect(start.date?.date?.accept).toEqual([
      { year: 1355, month: 5, day: 1 },
      { year: 1355, month: 5, day: 20 },
    ])
    expect(start.date?.dispute).toMatch(/^Sources differ: 1 May 1355 \(Source one\) · 20 May 1355 \(Source two\)\n/)
    expect(card(qs, 'tenure.predecessor/c/emperor/1355')['multiple-choice']?.prompt).toBe(
      'Who preceded Constantine Dragases as Emperor of the Romans in 1355?',
    )
    expect(card(qs, 'tenure.holder/c/emperor/1355')['multiple-choice']).toBeUndefined()
  })

  it('orders the holders of an office by their first reign', () => {
    const q = questions.find((x) => x.kind === 'ordering' && x.relation === 'reign') as Question
    expect(q.prompt).toBe('In which order did these people first become Emperor of the Romans? Earliest first.')
    expect(q.answer).toEqual(['Alexios Angelos', 'Bardas Skleros', 'Constantine Dragases'])
  })
})
