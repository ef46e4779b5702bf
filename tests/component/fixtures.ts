// Hand-built questions, one per kind, shaped as the generator makes them.
import type { Deck, HistoricalDate } from '../../src/domain/deck/types'
import type { Question } from '../../src/domain/questions/types'

const base = {
  deckId: 'test-deck',
  sources: [{ id: 'infobox', title: 'Infobox', url: 'https://en.wikipedia.org/wiki/John_VII_Palaiologos' }],
  explanation: 'Andronikos IV was the father of John VII.',
  factIds: ['parent:andronikos-iv:john-vii'],
  fingerprint: 'f1',
}

export function question(kind: Question['kind'], overrides: Partial<Question> = {}): Question {
  const shapes: Record<Question['kind'], Partial<Question>> = {
    'multiple-choice': {
      prompt: 'Who was the father of John VII Palaiologos?',
      answer: 'Andronikos IV Palaiologos',
      choices: ['Manuel II Palaiologos', 'Andronikos IV Palaiologos', 'John V Palaiologos', 'Andronikos V Palaiologos'],
    },
    'true-false': { prompt: 'True or false: John VII was born in 1370.', answer: 'True', choices: ['True', 'False'] },
    typed: {
      prompt: 'Who was the father of John VII Palaiologos?',
      answer: 'Andronikos IV Palaiologos',
      accept: ['Andronikos IV Palaiologos', 'Andronicus IV Palaeologus'],
    },
    date: {
      prompt: 'When did John VII Palaiologos die?',
      answer: '22 September 1408',
      date: { precision: 'day', accept: [{ year: 1408, month: 9, day: 22 }] },
    },
    ordering: {
      prompt: 'Put these emperors in the order they first reigned.',
      answer: ['John V Palaiologos', 'Andronikos IV Palaiologos', 'John VII Palaiologos'],
      items: ['John VII Palaiologos', 'John V Palaiologos', 'Andronikos IV Palaiologos'],
    },
    matching: {
      prompt: 'Match each person with their father.',
      answer: ['John VII Palaiologos → Andronikos IV Palaiologos', 'Andronikos V Palaiologos → John VII Palaiologos'],
      pairs: {
        left: ['John VII Palaiologos', 'Andronikos V Palaiologos'],
        right: ['John VII Palaiologos', 'Andronikos IV Palaiologos'],
      },
    },
    basic: { prompt: 'What is a stavraton?', answer: 'A Byzantine silver coin' },
    choice: {
      prompt: 'Which city did John VII govern from 1403?',
      answer: 'Thessalonica',
      choices: ['Thessalonica', 'Selymbria', 'Mistra'],
    },
    cloze: {
      prompt: 'The coin shows […] on its obverse.',
      answer: 'Christ Pantocrator',
      accept: ['Christ Pantocrator'],
    },
  }
  return {
    ...base,
    id: `test-deck/card-${kind}/${kind}`,
    cardId: `test-deck/card-${kind}`,
    kind,
    prompt: '',
    answer: '',
    ...shapes[kind],
    ...overrides,
  }
}

const on = (year: number, text = String(year), month?: number, day?: number): HistoricalDate => ({
  kind: 'on',
  start: { year, month, day },
  circa: false,
  uncertain: false,
  text,
})

/** A small deck with a dispute, relatives both ways, a tenure and a cloze caption. */
export const miniDeck: Deck = {
  id: 'mini',
  title: 'Mini',
  language: 'en',
  version: '1',
  sources: [
    { id: 'a', title: 'Source A', url: 'https://example.org/a' },
    { id: 'b', title: 'Source B' },
  ],
  entities: [
    { id: 'coin', kind: 'artefact', name: 'Half stavraton', aliases: [] },
    {
      id: 'j7',
      kind: 'person',
      name: 'John VII',
      aliases: ['Ioannes VII'],
      gender: 'male',
      description: 'Byzantine emperor',
    },
    { id: 'a4', kind: 'person', name: 'Andronikos IV', aliases: [], gender: 'male' },
    { id: 'ker', kind: 'person', name: 'Keratsa', aliases: [], gender: 'female' },
    { id: 'a5', kind: 'person', name: 'Andronikos V', aliases: [] },
    { id: 'ig', kind: 'person', name: 'Irene Gattilusio', aliases: [] },
    { id: 'j5', kind: 'person', name: 'John V', aliases: [] },
    { id: 'emp', kind: 'office', name: 'Byzantine emperor', aliases: [] },
    { id: 'thess', kind: 'place', name: 'Thessalonica', aliases: [] },
  ],
  facts: [
    {
      id: 'born:j7',
      type: 'date',
      key: 'born',
      subject: 'j7',
      value: on(1370),
      sources: ['a'],
      alternatives: [{ value: { ...on(1366, 'c. 1366'), circa: true }, sources: ['b'], note: 'Other encyclopedias' }],
    },
    { id: 'diedAt:j7', type: 'place', key: 'diedAt', subject: 'j7', value: 'thess', sources: ['a'], alternatives: [] },
    {
      id: 'parent:a4:j7',
      type: 'relation',
      key: 'parent',
      subject: 'j7',
      value: 'a4',
      sources: ['a'],
      alternatives: [],
    },
    {
      id: 'parent:ker:j7',
      type: 'relation',
      key: 'parent',
      subject: 'j7',
      value: 'ker',
      sources: ['a'],
      alternatives: [],
    },
    {
      id: 'parent:j7:a5',
      type: 'relation',
      key: 'parent',
      subject: 'a5',
      value: 'j7',
      sources: ['a'],
      alternatives: [],
    },
    {
      id: 'spouse:ig:j7',
      type: 'relation',
      key: 'spouse',
      subject: 'ig',
      value: 'j7',
      sources: ['a'],
      alternatives: [],
    },
    {
      id: 'tenure:j7:emp:1390',
      type: 'tenure',
      subject: 'j7',
      value: {
        office: 'emp',
        start: on(1390, '14 April 1390', 4, 14),
        end: on(1390, '17 September 1390', 9, 17),
        predecessor: { who: 'j5' },
        successor: { vacant: 'Ottoman control', lastHeldBy: 'j5' },
        coRulers: [{ who: 'a5', start: on(1403), end: on(1407) }],
      },
      sources: ['a'],
      alternatives: [{ value: { end: on(1402) }, sources: ['b'] }],
    },
    {
      id: 'text:caption:coin',
      type: 'text',
      key: 'caption',
      subject: 'coin',
      value: 'Obverse: {{Christ Pantocrator}}',
      sources: ['b'],
      alternatives: [],
    },
  ],
  cards: [],
}
