// Each question kind, and the English of the prompts: he/she only with a gender, "c." for circa,
// questions made from event labels, hand-written cards passed through.
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import {
  askAboutLabel,
  fill,
  joinList,
  nameInSentence,
  ordinal,
  withArticle,
} from '../../../src/domain/questions/prompts'
import type { Question } from '../../../src/domain/questions/types'
import { card, DeckBuilder } from './fixtures'

function people(): DeckBuilder {
  const b = new DeckBuilder()
  b.male('leo', 'Leo Phokas').female('zoe', 'Zoe Karbonopsina').person('ana', 'Ana of Kiev')
  b.male('basil', 'Basil Lekapenos')
    .male('nikephoros', 'Nikephoros Bryennios')
    .female('theodora', 'Theodora Doukaina')
    .male('isaac', 'Isaac Komnenos')
  b.entity('rome', 'place', 'Rome')
    .entity('nicaea', 'place', 'Nicaea')
    .entity('smyrna', 'place', 'Smyrna')
    .entity('ephesus', 'place', 'Ephesus')
  b.born('leo', '12 May 1300')
    .died('leo', '3 March 1350')
    .place('bornAt', 'leo', 'rome')
    .place('diedAt', 'leo', 'nicaea')
  b.born('zoe', 'c. 1305').died('zoe', 1360)
  b.born('ana', 1310).died('ana', '20 July 1371')
  b.born('basil', 1290).born('nikephoros', 1320).born('theodora', '1 June 1302').born('isaac', 1331)
  b.event('leo', 'crowned', 'was crowned in Hagia Sophia', 1325)
  b.event('leo', 'fled', 'fled to the Morea', '4 October 1335')
  b.event('zoe', 'vowed', 'made a vow of silence', 1330, 'When did {name} make her vow of silence?')
  b.event('ana', 'founded', 'founded a monastery', 1340)
  return b
}

const questions = generateQuestions(people().build(), { seed: 11 })

describe('multiple choice', () => {
  it('has four distinct options, the answer once, when the deck allows', () => {
    const q = card(questions, 'born/leo')['multiple-choice'] as Question
    expect(q.choices).toHaveLength(4)
    expect(new Set(q.choices).size).toBe(4)
    expect(q.choices?.filter((c) => c === q.answer)).toHaveLength(1)
  })

  it('has three options when the deck has only two other candidates, and none with fewer', () => {
    const b = new DeckBuilder()
      .male('a', 'Alexios Doukas')
      .male('b', 'Bardas Phokas')
      .male('c', 'Constantine Lips')
      .male('e', 'Eustathios Boilas')
      .female('d', 'Dora Komnene')
    b.parent('a', 'b', 'father')
    const three = card(generateQuestions(b.build(), { seed: 1 }), 'parent.father/a')['multiple-choice']
    expect(three?.choices).toHaveLength(3)
    const tiny = new DeckBuilder().male('a', 'Alexios Doukas').male('b', 'Bardas Phokas').male('c', 'Constantine Lips')
    tiny.parent('a', 'b', 'father')
    const cards = card(generateQuestions(tiny.build(), { seed: 1 }), 'parent.father/a')
    expect(cards['multiple-choice']).toBeUndefined()
    expect(cards.typed).toBeDefined()
  })
})

describe('true or false', () => {
  it('states the fact, or a plausible false one, and balances the two', () => {
    const tf = questions.filter((q) => q.kind === 'true-false')
    expect(tf.length).toBeGreaterThan(6)
    for (const q of tf) expect(q.choices).toEqual(['True', 'False'])
    const trues = tf.filter((q) => q.answer === 'True').length
    expect(Math.abs(trues - (tf.length - trues))).toBeLessThanOrEqual(1)
    const born = card(questions, 'born/leo')['true-false'] as Question
    if (born.answer === 'True') expect(born.prompt).toBe('Leo Phokas was born on 12 May 1300.')
    else expect(born.prompt).toMatch(/^Leo Phokas was born on \d+ \w+ \d+\.$/)
  })

  it('flips an open date: "before" is contradicted by "after"', () => {
    const b = people()
    b.event('zoe', 'married', 'married Leo Phokas', 'before August 1325')
    for (let seed = 0; seed < 4; seed++) {
      const q = card(generateQuestions(b.build(), { seed }), 'event/zoe/married')['true-false'] as Question
      expect(q.prompt).toBe(
        q.answer === 'True'
          ? 'Zoe Karbonopsina married Leo Phokas before August 1325.'
          : 'Zoe Karbonopsina married Leo Phokas after August 1325.',
      )
    }
  })
})

describe('date', () => {
  it('asks the day and month when the fact has them', () => {
    expect(card(questions, 'died/leo').date?.date).toEqual({
      precision: 'day',
      accept: [{ year: 1350, month: 3, day: 3 }],
    })
    expect(card(questions, 'born/ana').date?.date).toEqual({ precision: 'year', accept: [{ year: 1310 }] })
  })
  it('asks a circa date typed only, keeping "c." in the answer: the years around it may be right', () => {
    expect(Object.keys(card(questions, 'born/zoe'))).toEqual(['date'])
    expect(card(questions, 'born/zoe').date?.answer).toBe('c. 1305')
  })
})

describe('typed', () => {
  it('accepts the name, its aliases and the short regnal form', () => {
    const b = new DeckBuilder()
      .male('j', 'John VII Palaiologos', ['John VII Palaeologus'])
      .male('f', 'Andronikos IV Palaiologos')
      .male('x', 'Manuel II Palaiologos')
      .male('y', 'Theodore Svetoslav')
    b.parent('j', 'f', 'father')
    const q = card(generateQuestions(b.build(), { seed: 1 }), 'parent.father/j').typed as Question
    expect(q.accept).toEqual(['Andronikos IV Palaiologos', 'Andronikos IV'])
    expect(q.acceptAs).toEqual(['Andronikos IV Palaiologos', 'Andronikos IV'])
  })
})

describe('ordering', () => {
  it('puts the events of a life in order, leaving out circa and unsure dates', () => {
    const b = people()
    b.event('leo', 'returned', 'returned to Rome', 1345)
    const q = card(generateQuestions(b.build(), { seed: 1 }), 'order.life/leo').ordering as Question
    expect(q.prompt).toBe('Put these events in the life of Leo Phokas in order, earliest first.')
    // Birth and death are left out: "Born" first and "Died" last would be given by the words.
    expect(q.answer).toEqual(['Was crowned in Hagia Sophia', 'Fled to the Morea', 'Returned to Rome'])
    expect(q.items?.slice().sort()).toEqual((q.answer as string[]).slice().sort())
    expect(q.items).not.toEqual(q.answer)
    expect(card(questions, 'order.life/zoe').ordering).toBeUndefined()
  })

  it('puts births of one century in order, only those that order without doubt', () => {
    // 1290 and 1300 are 13th-century births; Zoe's "c. 1305" does not order without doubt.
    const q = questions.find((x) => x.kind === 'ordering' && x.relation === 'born') as Question
    expect(q.answer).toEqual(['Theodora Doukaina', 'Ana of Kiev', 'Nikephoros Bryennios', 'Isaac Komnenos'])
  })
})

describe('matching', () => {
  it('pairs people with their birth dates, distinct on both sides', () => {
    const q = questions.find((x) => x.kind === 'matching' && x.relation === 'born') as Question
    expect(q.prompt).toBe('Match each person to the date of their birth.')
    expect(q.answer).toHaveLength(4)
    for (const pair of q.answer as string[]) expect(pair).toMatch(/^.+ → .+$/)
    expect(new Set(q.pairs?.right).size).toBe(4)
  })
})

describe('hand-written cards', () => {
  it('pass through under their own kinds with stable ids', () => {
    const b = people()
    b.card({ type: 'basic', id: 'card-1', front: 'What is a solidus?', back: 'A gold coin', sources: ['s'] })
    b.card({
      type: 'choice',
      id: 'card-2',
      prompt: 'Capital?',
      options: ['Rome', 'Constantinople'],
      answer: 'Constantinople',
      sources: ['s'],
    })
    b.card({
      type: 'cloze',
      id: 'card-3',
      text: 'The capital was {{Constantinople}} on the {{Bosporus}}.',
      sources: ['s'],
    })
    const qs = generateQuestions(b.build(), { seed: 1 })
    const basic = qs.find((q) => q.id === 'test-deck/card/card-1/basic')
    expect(basic).toMatchObject({
      kind: 'basic',
      prompt: 'What is a solidus?',
      answer: 'A gold coin',
      cardId: 'test-deck/card/card-1',
    })
    expect(qs.find((q) => q.kind === 'choice')).toMatchObject({ answer: 'Constantinople' })
    expect(
      qs
        .find((q) => q.kind === 'choice')
        ?.choices?.slice()
        .sort(),
    ).toEqual(['Constantinople', 'Rome'])
    expect(qs.find((q) => q.kind === 'cloze')).toMatchObject({
      prompt: 'The capital was _____ on the _____.',
      answer: 'Constantinople, Bosporus',
      explanation: 'The capital was Constantinople on the Bosporus.',
    })
  })
})

describe('prompts', () => {
  it('says "he" or "she" only where the deck gives the gender', () => {
    expect(card(questions, 'ageAtDeath/leo')['multiple-choice']?.prompt).toBe('How old was Leo Phokas when he died?')
    expect(card(questions, 'ageAtDeath/ana').typed?.prompt).toBe('How old was Ana of Kiev at death?')
    for (const q of questions.filter((x) => x.subjectId === 'ana')) expect(q.prompt).not.toMatch(/\b(he|she|his|her)\b/)
  })

  it('turns event labels into questions, or uses the teacher’s own', () => {
    expect(card(questions, 'event/leo/crowned').date?.prompt).toBe('When was Leo Phokas crowned in Hagia Sophia?')
    expect(card(questions, 'event/leo/fled').date?.prompt).toBe('When did Leo Phokas flee to the Morea?')
    expect(card(questions, 'event/ana/founded').date?.prompt).toBe('When did Ana of Kiev found a monastery?')
    expect(card(questions, 'event/zoe/vowed').date?.prompt).toBe('When did Zoe Karbonopsina make her vow of silence?')
    expect(askAboutLabel('When', 'Ana', 'wove a tapestry')).toBe('When was it that Ana wove a tapestry?')
  })

  it('has the small words right', () => {
    expect([ordinal(1), ordinal(3), ordinal(11), ordinal(22)]).toEqual(['first', 'third', '11th', '22nd'])
    expect([withArticle('uncle'), withArticle('son')]).toEqual(['an uncle', 'a son'])
    expect(joinList(['A', 'B', 'C'])).toBe('A, B and C')
    expect(nameInSentence({ name: 'Treaty of Gallipoli', kind: 'event' })).toBe('the Treaty of Gallipoli')
    expect(nameInSentence({ name: 'Theodore Svetoslav', kind: 'person' })).toBe('Theodore Svetoslav')
    expect(fill('{} belonged to the Palaiologos dynasty.', 'John')).toBe('John belonged to the Palaiologos dynasty.')
    expect(fill('John belonged to the {} dynasty.', 'Palaiologos dynasty')).toBe(
      'John belonged to the Palaiologos dynasty.',
    )
  })
})

describe('uncertain dates', () => {
  it('are asked only as a date question, with the doubt shown', () => {
    const b = people()
    b.event('leo', 'exiled', 'was exiled', '1340?')
    const cards = card(generateQuestions(b.build(), { seed: 1 }), 'event/leo/exiled')
    expect(Object.keys(cards)).toEqual(['date'])
    expect(cards.date?.date).toEqual({ precision: 'year', accept: [{ year: 1340 }] })
    expect(cards.date?.dispute).toBe('The source gives this date with doubt (1340?).')
  })
})
