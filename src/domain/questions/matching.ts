// Matching questions: pair up to four people with their relation to someone, or with the date
// of their birth. Every pair must be the only one that fits: a relative who is related in two
// ways (by any source), or two people with the same birth date, are left out.
import { dateSortKey } from '../deck/dates'
import type { Entity, Fact } from '../deck/types'
import type { Question } from './types'
import { createRandom, seedFrom, shuffled } from '../random'
import { makeQuestion } from './card'
import { DERIVED_RELATIONS, KIN_WORDS } from './kinship'
import { birthsByCentury, runs } from './ordering'
import { genderedNoun } from './prompts'
import type { GenerationContext } from './variants'

const PAIRS = 4
const MIN_PAIRS = 3

interface Pair {
  left: string
  right: string
  facts: readonly Fact[]
}

function emitMatching(
  ctx: GenerationContext,
  key: string,
  prompt: string,
  pairs: Pair[],
  explanation: string,
  subject?: Entity,
  relation = 'match',
): void {
  if (pairs.length < MIN_PAIRS) return
  const lefts = pairs.map((p) => p.left)
  const rights = pairs.map((p) => p.right)
  if (new Set(lefts).size !== lefts.length || new Set(rights).size !== rights.length) return
  const meta = ctx.cache.meta({
    deckId: ctx.deckId,
    key,
    ...(subject ? { subject } : {}),
    relation,
    facts: [...new Set(pairs.flatMap((p) => p.facts))],
    explanation,
  })
  const q: Question = makeQuestion(
    meta,
    'matching',
    prompt,
    pairs.map((p) => `${p.left} → ${p.right}`),
  )
  const random = createRandom(seedFrom(ctx.seed, q.id))
  q.pairs = { left: shuffled(random, lefts), right: shuffled(random, rights) }
  ctx.out.push(q)
}

/** "Match each person to their relation to John VII": the closest relatives, one per relation. */
export function kinMatching(ctx: GenerationContext, person: Entity): void {
  const { index } = ctx
  const { kin } = index
  // Every way each relative is related by any source: a relative related twice is ambiguous.
  const ways = new Map<string, number>()
  const count = (ids: Iterable<string>) => {
    for (const id of ids) ways.set(id, (ways.get(id) ?? 0) + 1)
  }
  count(new Set(kin.anyParentsOf(person.id)))
  count(new Set(kin.anyChildrenOf(person.id)))
  count(new Set(kin.anySpousesOf(person.id)))
  for (const r of DERIVED_RELATIONS) count(kin.anyDerivedExclusive(person.id, r))

  const candidates: Array<{ relation: keyof typeof KIN_WORDS; id: string; facts: readonly Fact[] }> = []
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  for (const link of kin.parentsOf(person.id).slice().sort(byId))
    candidates.push({ relation: link.fact.role ?? 'parent', id: link.id, facts: [link.fact] })
  for (const link of kin.spousesOf(person.id).slice().sort(byId))
    candidates.push({ relation: 'spouse', id: link.id, facts: [link.fact] })
  for (const link of kin.childrenOf(person.id).slice().sort(byId))
    candidates.push({ relation: 'child', id: link.id, facts: [link.fact] })
  for (const r of DERIVED_RELATIONS) {
    const found = kin.derived(person.id, r)
    for (const id of found.ids.slice().sort()) candidates.push({ relation: r, id, facts: found.facts })
  }
  const pairs: Pair[] = []
  // Words of one group ("father", "mother", "parent") may share a question only if none is the
  // neutral one: John V is a "parent" as much as a "father".
  const usedWords = new Map<string, Set<string>>()
  for (const c of candidates) {
    if (pairs.length >= PAIRS) break
    if (ways.get(c.id) !== 1) continue
    const other = index.entities.get(c.id)
    if (!other) continue
    const group = c.relation === 'father' || c.relation === 'mother' ? 'parent' : c.relation
    const [male, female, neutral] = KIN_WORDS[c.relation]
    const word = genderedNoun([other.gender], male, female, neutral)
    const used = usedWords.get(group) ?? new Set<string>()
    const neutralWord = KIN_WORDS[group as keyof typeof KIN_WORDS][2]
    if (used.has(word) || (used.size && (word === neutralWord || used.has(neutralWord)))) continue
    used.add(word)
    usedWords.set(group, used)
    pairs.push({ left: other.name, right: word, facts: c.facts })
  }
  emitMatching(
    ctx,
    `match.kin/${person.id}`,
    `Match each person to their relation to ${person.name}.`,
    pairs,
    `${pairs.map((p) => `${p.left}: ${p.right}`).join('; ')}.`,
    person,
    'kin',
  )
}

/** "Match each person to the date of their birth", in runs of four by century. */
export function birthMatching(ctx: GenerationContext): void {
  for (const [, items] of birthsByCentury(ctx.index)) {
    const sorted = items.slice().sort((a, b) => dateSortKey(a.date) - dateSortKey(b.date) || (a.text < b.text ? -1 : 1))
    const seen = new Set<string>()
    const distinct = sorted.filter((i) => !seen.has(i.date.text) && !!seen.add(i.date.text))
    for (const run of runs(distinct, PAIRS)) {
      emitMatching(
        ctx,
        `match.born/${run[0]?.id}`,
        'Match each person to the date of their birth.',
        run.map((i) => ({ left: i.text, right: i.date.text, facts: [i.fact] })),
        `${run.map((i) => `${i.text}: born ${i.date.text}`).join('; ')}.`,
        undefined,
        'born',
      )
    }
  }
}
