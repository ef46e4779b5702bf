// Small builders for decks in layout tests: people, parent and spouse links, dates and tenures.
import type {
  DatePoint,
  Deck,
  Entity,
  Fact,
  HistoricalDate,
  RelationFact,
  Tenure,
} from '../../../src/domain/deck/types'

export function deckOf(entities: Entity[], facts: Fact[]): Deck {
  return {
    id: 'test',
    title: 'Test',
    language: 'en',
    version: '1',
    sources: [{ id: 's', title: 'S' }],
    entities,
    facts,
    cards: [],
  }
}

export function person(id: string, name = id, gender?: Entity['gender']): Entity {
  return { id, kind: 'person', name, aliases: [], ...(gender ? { gender } : {}) }
}

export function parent(child: string, of: string, disputed = false): RelationFact {
  return {
    id: `parent:${of}:${child}`,
    type: 'relation',
    key: 'parent',
    subject: child,
    value: of,
    sources: ['s'],
    alternatives: disputed ? [{ value: 'someone-else', sources: ['s'] }] : [],
  }
}

export function spouse(a: string, b: string): RelationFact {
  const [x, y] = [a, b].sort() as [string, string]
  return {
    id: `spouse:${x}:${y}`,
    type: 'relation',
    key: 'spouse',
    subject: x,
    value: y,
    sources: ['s'],
    alternatives: [],
  }
}

export function on(
  year: number,
  month?: number,
  day?: number,
  flags: Partial<Pick<HistoricalDate, 'circa' | 'uncertain'>> = {},
): HistoricalDate {
  const start: DatePoint = { year, ...(month ? { month } : {}), ...(day ? { day } : {}) }
  return {
    kind: 'on',
    start,
    circa: flags.circa ?? false,
    uncertain: flags.uncertain ?? false,
    text: `${flags.circa ? 'c. ' : ''}${year}`,
  }
}

export function range(from: number, to: number): HistoricalDate {
  return {
    kind: 'range',
    start: { year: from },
    end: { year: to },
    circa: false,
    uncertain: false,
    text: `${from}–${to}`,
  }
}

export function dated(
  key: 'born' | 'died',
  subject: string,
  value: HistoricalDate,
  alternatives: HistoricalDate[] = [],
): Fact {
  return {
    id: `${key}:${subject}`,
    type: 'date',
    key,
    subject,
    value,
    sources: ['s'],
    alternatives: alternatives.map((v) => ({ value: v, sources: ['s'] })),
  }
}

export function event(subject: string, slug: string, label: string, value: HistoricalDate): Fact {
  return {
    id: `event:${subject}:${slug}`,
    type: 'date',
    key: 'event',
    event: slug,
    label,
    subject,
    value,
    sources: ['s'],
    alternatives: [],
  }
}

export function tenure(
  subject: string,
  office: string,
  start?: HistoricalDate,
  end?: HistoricalDate,
  alternatives: Partial<Tenure>[] = [],
): Fact {
  return {
    id: `tenure:${subject}:${office}:${start?.start.year ?? 1}`,
    type: 'tenure',
    subject,
    value: { office, ...(start ? { start } : {}), ...(end ? { end } : {}), coRulers: [] },
    sources: ['s'],
    alternatives: alternatives.map((value) => ({ value, sources: ['s'] })),
  }
}
