// "Who belongs in this box?" (issue 7) in study sessions: the family-tree layout's box questions,
// less those whose description also fits someone else by a disputed link (an alternative parent
// or spouse), which the layout's own check, reading settled links only, lets through. Kept
// independent of the options drawn, so the same questions exist whatever the seed or fact order.
import type { Deck, RelationFact } from '../deck/types'
import { familyTreeQuestions } from '../layout/family-tree-questions'
import type { Question } from './types'

type Links = Map<string, Set<string>>

export function familyBoxQuestions(deck: Deck, seed: number): Question[] {
  const questions = familyTreeQuestions(deck, { seed })
  if (questions.length === 0) return questions
  const parents: Links = new Map()
  const children: Links = new Map()
  const spouses: Links = new Map()
  const factById = new Map<string, RelationFact>()
  for (const f of deck.facts) {
    if (f.type !== 'relation' || (f.key !== 'parent' && f.key !== 'spouse')) continue
    factById.set(f.id, f)
    for (const v of [f.value, ...f.alternatives.map((a) => a.value)]) {
      if (f.key === 'parent') link(parents, f.subject, v), link(children, v, f.subject)
      else link(spouses, f.subject, v), link(spouses, v, f.subject)
    }
  }
  const has = (links: Links, a: string, b: string) => links.get(a)?.has(b) ?? false
  return questions.filter((q) => {
    const subject = q.subjectId as string
    const described = q.factIds.map((id) => factById.get(id)).filter((f) => f !== undefined)
    const fits = (x: string) =>
      described.every((f) => {
        if (f.key === 'parent') return f.subject === subject ? has(parents, x, f.value) : has(parents, f.subject, x)
        const other = f.subject === subject ? f.value : f.subject
        return other !== x && has(spouses, x, other)
      })
    const first = described[0]
    if (!first) return true
    // Whoever fits shares the first described link.
    const candidates =
      first.key === 'spouse'
        ? spouses.get(first.subject === subject ? first.value : first.subject)
        : first.subject === subject
          ? children.get(first.value)
          : parents.get(first.subject)
    for (const x of candidates ?? []) if (x !== subject && fits(x)) return false
    return true
  })
}

function link(links: Links, a: string, b: string): void {
  const set = links.get(a)
  if (set) set.add(b)
  else links.set(a, new Set([b]))
}
