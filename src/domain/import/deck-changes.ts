// What an update would change, told in the deck's own terms: facts and hand-written cards added,
// changed or removed (by their stable ids), so a teacher can check before replacing a deck.
import { canonicalText } from '../text/canonical'
import type { Deck, Fact, HandCard } from '../deck/types'

export interface DeckChangeItem {
  id: string
  /** "John VII Palaiologos — born", or a card's front. */
  label: string
}

export interface DeckChanges {
  added: DeckChangeItem[]
  changed: DeckChangeItem[]
  removed: DeckChangeItem[]
  unchanged: number
  /** Title, description, … fields of the deck itself that differ. */
  meta: string[]
}

const KEY_LABELS: Record<string, string> = {
  born: 'born',
  died: 'died',
  bornAt: 'birthplace',
  diedAt: 'place of death',
  location: 'place',
  ageAtDeath: 'age at death',
}

function factLabel(fact: Fact, names: Map<string, string>): string {
  const subject = names.get(fact.subject) ?? fact.subject
  if (fact.type === 'tenure') return `${subject} — ${names.get(fact.value.office) ?? fact.value.office}`
  if (fact.type === 'relation') {
    const role = fact.key === 'parent' ? (fact.role ?? 'parent') : fact.key
    return `${subject} — ${role}: ${names.get(fact.value) ?? fact.value}`
  }
  if (fact.type === 'date' && fact.key === 'event') return `${subject} ${fact.label ?? '— date'}`
  return `${subject} — ${KEY_LABELS[fact.key] ?? fact.key}`
}

function cardLabel(card: HandCard): string {
  const text = card.type === 'basic' ? card.front : card.type === 'choice' ? card.prompt : card.text
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function items(deck: Deck): Map<string, { label: string; body: string }> {
  const names = new Map(deck.entities.map((e) => [e.id, e.name]))
  const out = new Map<string, { label: string; body: string }>()
  for (const fact of deck.facts)
    out.set(fact.id, {
      label: factLabel(fact, names),
      body: canonicalText({ ...fact, names: relatedNames(fact, names) }),
    })
  for (const card of deck.cards) out.set(`card:${card.id}`, { label: cardLabel(card), body: canonicalText(card) })
  return out
}

/** A renamed entity changes what its facts say, so names are part of a fact's content here. */
function relatedNames(fact: Fact, names: Map<string, string>): string[] {
  const other =
    fact.type === 'relation' || fact.type === 'place' ? fact.value : fact.type === 'tenure' ? fact.value.office : ''
  return [names.get(fact.subject) ?? '', names.get(other) ?? '']
}

const META = ['title', 'description', 'language', 'author', 'licence', 'version'] as const

export function diffDecks(before: Deck, after: Deck): DeckChanges {
  const old = items(before)
  const now = items(after)
  const changes: DeckChanges = { added: [], changed: [], removed: [], unchanged: 0, meta: [] }
  for (const [id, item] of now) {
    const previous = old.get(id)
    if (!previous) changes.added.push({ id, label: item.label })
    else if (previous.body !== item.body) changes.changed.push({ id, label: item.label })
    else changes.unchanged++
  }
  for (const [id, item] of old) if (!now.has(id)) changes.removed.push({ id, label: item.label })
  changes.meta = META.filter((key) => before[key] !== after[key])
  return changes
}
