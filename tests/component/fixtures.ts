// Hand-built questions, one per kind, shaped as the generator makes them.
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
      pairs: { left: ['John VII Palaiologos', 'Andronikos V Palaiologos'], right: ['John VII Palaiologos', 'Andronikos IV Palaiologos'] },
    },
    basic: { prompt: 'What is a stavraton?', answer: 'A Byzantine silver coin' },
    choice: { prompt: 'Which city did John VII govern from 1403?', answer: 'Thessalonica', choices: ['Thessalonica', 'Selymbria', 'Mistra'] },
    cloze: { prompt: 'The coin shows […] on its obverse.', answer: 'Christ Pantocrator', accept: ['Christ Pantocrator'] },
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
