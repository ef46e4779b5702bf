// Everything the generators look up, built once per deck in linear time: entities and facts by
// subject, the family graph, births and deaths, tenures by office and holder, and the accepted
// typed forms of every name. Distractor pools are built from it lazily (distractors.ts).
import { dateSortKey } from '../deck/dates'
import type { DateFact, Deck, Entity, Fact, TenureFact } from '../deck/types'
import type { QuestionSource } from './types'
import { entityFormsIndex, type EntityForms } from './answers'
import { Kinship } from './kinship'
import { onPlaceNames } from './prompts'

export interface DeckIndex {
  deck: Deck
  entities: Map<string, Entity>
  factsBySubject: Map<string, Fact[]>
  kin: Kinship
  born: Map<string, DateFact>
  died: Map<string, DateFact>
  /** A year per person to judge plausibility: birth by any source, else death − 40, else first tenure − 20. */
  yearOf: Map<string, number>
  dynastyOf: Map<string, string>
  /** Parent roles the deck states: who is known as a father or a mother. */
  knownFathers: Set<string>
  knownMothers: Set<string>
  /** Tenures of each office, ordered by start. */
  tenuresByOffice: Map<string, TenureFact[]>
  /** Tenures of each holder, per office, ordered by start (for "second reign"). */
  tenuresByHolder: Map<string, Map<string, TenureFact[]>>
  /** Titles and offices each person holds by any source. */
  heldBy: Map<string, Set<string>>
  sources: Map<string, QuestionSource>
  forms: Map<string, EntityForms>
  /** Names of places that read with "on" (mountains, islands): "died on Lemnos". */
  onPlaces: Set<string>
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const tenureStartKey = (fact: TenureFact): number =>
  fact.value.start ? dateSortKey(fact.value.start) : Number.MAX_SAFE_INTEGER

export function buildDeckIndex(deck: Deck): DeckIndex {
  const entities = new Map(deck.entities.map((e) => [e.id, e]))
  const factsBySubject = new Map<string, Fact[]>()
  const born = new Map<string, DateFact>()
  const died = new Map<string, DateFact>()
  const dynastyOf = new Map<string, string>()
  const knownFathers = new Set<string>()
  const knownMothers = new Set<string>()
  const tenuresByOffice = new Map<string, TenureFact[]>()
  const tenuresByHolder = new Map<string, Map<string, TenureFact[]>>()
  const heldBy = new Map<string, Set<string>>()
  const hold = (person: string, office: string) => {
    const set = heldBy.get(person)
    if (set) set.add(office)
    else heldBy.set(person, new Set([office]))
  }

  for (const fact of deck.facts) {
    push(factsBySubject, fact.subject, fact)
    switch (fact.type) {
      case 'date':
        if (fact.key === 'born') born.set(fact.subject, fact)
        else if (fact.key === 'died') died.set(fact.subject, fact)
        break
      case 'relation':
        if (fact.key === 'dynasty' && !dynastyOf.has(fact.subject)) dynastyOf.set(fact.subject, fact.value)
        else if (fact.key === 'title') {
          hold(fact.subject, fact.value)
          for (const alt of fact.alternatives) hold(fact.subject, alt.value)
        } else if (fact.key === 'parent') {
          if (fact.role === 'father') knownFathers.add(fact.value)
          if (fact.role === 'mother') knownMothers.add(fact.value)
        }
        break
      case 'tenure': {
        push(tenuresByOffice, fact.value.office, fact)
        let perOffice = tenuresByHolder.get(fact.subject)
        if (!perOffice) tenuresByHolder.set(fact.subject, (perOffice = new Map()))
        push(perOffice, fact.value.office, fact)
        hold(fact.subject, fact.value.office)
        break
      }
    }
  }
  const byStart = (a: TenureFact, b: TenureFact) =>
    tenureStartKey(a) - tenureStartKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  for (const list of tenuresByOffice.values()) list.sort(byStart)
  for (const perOffice of tenuresByHolder.values()) for (const list of perOffice.values()) list.sort(byStart)

  const yearOf = new Map<string, number>()
  for (const [id, fact] of born) yearOf.set(id, fact.value.start.year)
  for (const [id, fact] of died) if (!yearOf.has(id)) yearOf.set(id, fact.value.start.year - 40)
  for (const [id, perOffice] of tenuresByHolder) {
    if (yearOf.has(id)) continue
    for (const list of perOffice.values()) {
      const start = list[0]?.value.start
      if (start) yearOf.set(id, Math.min(yearOf.get(id) ?? Infinity, start.start.year - 20))
    }
  }

  const sources = new Map<string, QuestionSource>()
  for (const s of deck.sources)
    sources.set(s.id, s.url ? { id: s.id, title: s.title, url: s.url } : { id: s.id, title: s.title })

  return {
    deck,
    entities,
    factsBySubject,
    kin: new Kinship(deck.facts),
    born,
    died,
    yearOf,
    dynastyOf,
    knownFathers,
    knownMothers,
    tenuresByOffice,
    tenuresByHolder,
    heldBy,
    sources,
    forms: entityFormsIndex(deck.entities),
    onPlaces: onPlaceNames(deck.entities),
  }
}

/** The entity's name, or its id when the deck does not define it (validation reports that). */
export const nameOf = (index: DeckIndex, id: string): string => index.entities.get(id)?.name ?? id
