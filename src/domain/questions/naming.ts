// Entities that share a name: two people called Julia must never make a question with two right
// answers. Each is written by a label only it fits ("Julia, daughter of Augustus", "Julia (born
// 39 BC)") in every prompt, option and explanation; the shared name stays an alias of both, which
// the typed-answer index then accepts for neither.
import type { Deck, Entity, RelationFact } from '../deck/types'
import { normalizeAnswer } from './answers'
import { genderedNoun } from './prompts'

/** The deck with every shared name replaced by an unambiguous label; the same deck when none is shared. */
export function withDistinctNames(deck: Deck): Deck {
  const byName = new Map<string, Entity[]>()
  for (const e of deck.entities) {
    const key = normalizeAnswer(e.name)
    const list = byName.get(key)
    if (list) list.push(e)
    else byName.set(key, [e])
  }
  const shared = [...byName.values()].filter((list) => list.length > 1)
  if (!shared.length) return deck
  const names = new Map(deck.entities.map((e) => [e.id, e.name]))
  const unique = (id: string) => (byName.get(normalizeAnswer(names.get(id) ?? id))?.length ?? 0) === 1
  const parents = new Map<string, RelationFact[]>()
  const years = new Map<string, { born?: string; died?: string }>()
  for (const f of deck.facts) {
    if (f.type === 'relation' && f.key === 'parent' && !f.alternatives.length) {
      const list = parents.get(f.subject)
      if (list) list.push(f)
      else parents.set(f.subject, [f])
    } else if (f.type === 'date' && (f.key === 'born' || f.key === 'died') && !f.alternatives.length) {
      const y = years.get(f.subject) ?? {}
      y[f.key] = f.value.text
      years.set(f.subject, y)
    }
  }
  const gender = (id: string) => deck.entities.find((e) => e.id === id)?.gender
  const labels = new Map<string, string>()
  for (const group of shared) {
    const taken = new Set<string>()
    const candidates = (e: Entity): string[] => {
      const out: string[] = []
      const ps = (parents.get(e.id) ?? []).slice().sort((a, b) => roleRank(a, gender) - roleRank(b, gender))
      const child = genderedNoun([e.gender], 'son', 'daughter', 'child')
      for (const p of ps) if (unique(p.value)) out.push(`${e.name}, ${child} of ${names.get(p.value) ?? p.value}`)
      const y = years.get(e.id)
      if (y?.born) out.push(`${e.name} (born ${y.born})`)
      if (y?.died) out.push(`${e.name} (died ${y.died})`)
      if (e.description) out.push(`${e.name} (${e.description})`)
      out.push(`${e.name} (${e.id})`)
      return out
    }
    const options = group.map(candidates)
    group.forEach((e, i) => {
      // A label no other member of the group could also be given.
      const others = new Set(options.filter((_, j) => j !== i).flat())
      const label = (options[i] as string[]).find((c) => !others.has(c) && !taken.has(c)) ?? `${e.name} (${e.id})`
      taken.add(label)
      labels.set(e.id, label)
    })
  }
  return {
    ...deck,
    entities: deck.entities.map((e) => {
      const label = labels.get(e.id)
      return label ? { ...e, name: label, aliases: [e.name, ...e.aliases] } : e
    }),
  }
}

function roleRank(f: RelationFact, gender: (id: string) => Entity['gender']): number {
  const role = f.role ?? (gender(f.value) === 'male' ? 'father' : gender(f.value) === 'female' ? 'mother' : undefined)
  return role === 'father' ? 0 : role === 'mother' ? 1 : 2
}
