// A small builder for decks in question tests: entities and facts written the way a teacher
// thinks of them, dates as text ("22 September 1408", "c. 1370") parsed by the deck's parser.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDate } from '../../../src/domain/deck/dates'
import { parseDeckTextOrThrow } from '../../../src/domain/deck/parse'
import type {
  Alternative,
  Deck,
  Entity,
  Fact,
  HandCard,
  HistoricalDate,
  RelationFact,
  Succession,
  Tenure,
  TenureFact,
} from '../../../src/domain/deck/types'
import type { Question } from '../../../src/domain/questions/types'

export function date(text: string | number): HistoricalDate {
  const parsed = parseDate(text)
  if (!parsed.ok) throw new Error(`bad test date ${text}: ${parsed.message}`)
  return parsed.date
}

type EntityOptions = Partial<Pick<Entity, 'gender' | 'aliases' | 'description' | 'preposition'>>

export class DeckBuilder {
  readonly entities: Entity[] = []
  readonly facts: Fact[] = []
  readonly cards: HandCard[] = []

  constructor(readonly id = 'test-deck') {}

  entity(id: string, kind: string, name: string, options: EntityOptions = {}): this {
    this.entities.push({
      id,
      kind,
      name,
      aliases: options.aliases ?? [],
      ...(options.gender ? { gender: options.gender } : {}),
      ...(options.description ? { description: options.description } : {}),
      ...(options.preposition ? { preposition: options.preposition } : {}),
    })
    return this
  }
  person(id: string, name: string, options: EntityOptions = {}): this {
    return this.entity(id, 'person', name, options)
  }
  male(id: string, name: string, aliases: string[] = []): this {
    return this.person(id, name, { gender: 'male', aliases })
  }
  female(id: string, name: string, aliases: string[] = []): this {
    return this.person(id, name, { gender: 'female', aliases })
  }

  born(subject: string, when: string | number, alternatives: Array<string | number> = []): this {
    return this.dateFact('born', subject, when, alternatives)
  }
  died(subject: string, when: string | number, alternatives: Array<string | number> = []): this {
    return this.dateFact('died', subject, when, alternatives)
  }
  event(subject: string, event: string, label: string, when: string | number, ask?: string): this {
    this.facts.push({
      id: `event:${subject}:${event}`,
      type: 'date',
      key: 'event',
      event,
      label,
      ...(ask ? { ask } : {}),
      subject,
      value: date(when),
      sources: ['s'],
      alternatives: [],
    })
    return this
  }
  private dateFact(
    key: 'born' | 'died',
    subject: string,
    when: string | number,
    alternatives: Array<string | number>,
  ): this {
    const alts: Alternative<HistoricalDate>[] = alternatives.map((a) => ({ value: date(a), sources: ['s2'] }))
    this.facts.push({
      id: `${key}:${subject}`,
      type: 'date',
      key,
      subject,
      value: date(when),
      sources: ['s'],
      alternatives: alts,
    })
    return this
  }

  place(key: 'bornAt' | 'diedAt', subject: string, place: string, alternatives: string[] = []): this {
    this.facts.push({
      id: `${key}:${subject}`,
      type: 'place',
      key,
      subject,
      value: place,
      sources: ['s'],
      alternatives: alternatives.map((value) => ({ value, sources: ['s2'] })),
    })
    return this
  }
  age(subject: string, years: number): this {
    this.facts.push({
      id: `ageAtDeath:${subject}`,
      type: 'number',
      key: 'ageAtDeath',
      subject,
      value: years,
      sources: ['s'],
      alternatives: [],
    })
    return this
  }

  parent(child: string, parent: string, role?: 'father' | 'mother', alternatives: string[] = []): this {
    const fact: RelationFact = {
      id: `parent:${child}:${parent}`,
      type: 'relation',
      key: 'parent',
      subject: child,
      value: parent,
      sources: ['s'],
      alternatives: alternatives.map((value) => ({ value, sources: ['s2'] })),
    }
    if (role) fact.role = role
    this.facts.push(fact)
    return this
  }
  spouse(a: string, b: string): this {
    const [x, y] = [a, b].sort() as [string, string]
    this.facts.push({
      id: `spouse:${x}:${y}`,
      type: 'relation',
      key: 'spouse',
      subject: x,
      value: y,
      sources: ['s'],
      alternatives: [],
    })
    return this
  }
  relation(key: 'dynasty' | 'title' | 'participant', subject: string, value: string): this {
    this.facts.push({
      id: `${key}:${subject}:${value}`,
      type: 'relation',
      key,
      subject,
      value,
      sources: ['s'],
      alternatives: [],
    })
    return this
  }

  tenure(
    holder: string,
    office: string,
    from?: string | number,
    to?: string | number,
    more: {
      predecessor?: Succession
      successor?: Succession
      coRulers?: Tenure['coRulers']
      alternatives?: TenureFact['alternatives']
    } = {},
  ): this {
    const value: Tenure = { office, coRulers: more.coRulers ?? [] }
    if (from !== undefined) value.start = date(from)
    if (to !== undefined) value.end = date(to)
    if (more.predecessor) value.predecessor = more.predecessor
    if (more.successor) value.successor = more.successor
    const start = value.start ? String(value.start.start.year) : '1'
    this.facts.push({
      id: `tenure:${holder}:${office}:${start}`,
      type: 'tenure',
      subject: holder,
      value,
      sources: ['s'],
      alternatives: more.alternatives ?? [],
    })
    return this
  }

  text(key: 'caption' | 'outcome' | 'note', subject: string, value: string): this {
    this.facts.push({
      id: `text:${key}:${subject}`,
      type: 'text',
      key,
      subject,
      value,
      sources: ['s'],
      alternatives: [],
    })
    return this
  }

  card(card: HandCard): this {
    this.cards.push(card)
    return this
  }

  build(): Deck {
    return deckOf(this.id, this.entities, this.facts, this.cards)
  }
}

/** A deck with two sources, `s` and `s2`, around the given entities, facts and cards. */
export function deckOf(id: string, entities: Entity[], facts: Fact[], cards: HandCard[] = []): Deck {
  return {
    id,
    title: 'Test deck',
    language: 'en',
    version: '1',
    sources: [
      { id: 's', title: 'Source one' },
      { id: 's2', title: 'Source two' },
    ],
    entities,
    facts,
    cards,
  }
}

export const ROOT = join(import.meta.dirname, '..', '..', '..')
export const BUILT_IN = join(ROOT, 'content', 'john-vii-palaiologos.yaml')

export function builtInDeck(): Deck {
  return parseDeckTextOrThrow(readFileSync(BUILT_IN, 'utf8'), { file: BUILT_IN })
}

/** Questions of one card key ("parent.father/john-vii"), by kind. */
export function card(questions: readonly Question[], key: string): Partial<Record<Question['kind'], Question>> {
  const out: Partial<Record<Question['kind'], Question>> = {}
  for (const q of questions) if (q.cardId.endsWith(`/${key}`)) out[q.kind] = q
  return out
}

export const byId = (questions: readonly Question[], suffix: string): Question | undefined =>
  questions.find((q) => q.id.endsWith(suffix))
