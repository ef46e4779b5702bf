// What every question of one card shares: ids, sources, explanation, dispute, fact ids and the
// fingerprint. Computed once per card and shared by its variants (strings and arrays are not
// copied), which keeps a 100k-fact deck's questions small.
import type { Entity, Fact } from '../deck/types'
import type { Question, QuestionKind, QuestionSource } from './types'
import { digest } from '../random'
import type { DeckIndex } from './deck-index'

export interface CardMeta {
  cardId: string
  deckId: string
  subject?: string
  subjectId?: string
  relation?: string
  sources: QuestionSource[]
  explanation: string
  dispute?: string
  factIds: string[]
  fingerprint: string
}

/** Caches shared by every card of one deck. */
export class CardCache {
  private readonly factDigests = new WeakMap<Fact, string>()
  private readonly sourceLists = new Map<string, QuestionSource[]>()

  constructor(private readonly index: DeckIndex) {}

  sourcesOf(ids: readonly string[]): QuestionSource[] {
    const key = ids.join('\u0000')
    let list = this.sourceLists.get(key)
    if (!list) {
      list = ids.map((id) => this.index.sources.get(id) ?? { id, title: id })
      this.sourceLists.set(key, list)
    }
    return list
  }

  /** Digest of what a fact asserts (value, alternatives, sources…), not of its free-text note. */
  factDigest(fact: Fact): string {
    let d = this.factDigests.get(fact)
    if (d === undefined) {
      const { note: _note, ...asserted } = fact
      d = digest(stableJson(asserted))
      this.factDigests.set(fact, d)
    }
    return d
  }

  /** The card's fingerprint: independent of the order the facts were collected in. */
  fingerprint(facts: readonly Fact[], extra = ''): string {
    if (facts.length === 1 && !extra) return this.factDigest(facts[0] as Fact)
    return digest(facts.map((f) => this.factDigest(f)).sort().join('') + extra)
  }

  meta(options: {
    deckId: string
    key: string
    subject?: Entity
    relation?: string
    facts: readonly Fact[]
    explanation: string
    dispute?: string
    fingerprintExtra?: string
    sourceIds?: readonly string[]
  }): CardMeta {
    const { facts } = options
    const sourceIds = options.sourceIds ?? unionSources(facts)
    const meta: CardMeta = {
      cardId: `${options.deckId}/${options.key}`,
      deckId: options.deckId,
      sources: this.sourcesOf(sourceIds),
      explanation: options.explanation,
      factIds: facts.map((f) => f.id),
      fingerprint: this.fingerprint(facts, options.fingerprintExtra),
    }
    if (options.subject) {
      meta.subject = options.subject.name
      meta.subjectId = options.subject.id
    }
    if (options.relation) meta.relation = options.relation
    if (options.dispute) meta.dispute = options.dispute
    return meta
  }
}

export function unionSources(facts: readonly Fact[]): string[] {
  if (facts.length === 1) return (facts[0] as Fact).sources
  const out: string[] = []
  for (const f of facts) for (const s of f.sources) if (!out.includes(s)) out.push(s)
  return out
}

/** A question of one kind of the card. */
export function makeQuestion(meta: CardMeta, kind: QuestionKind, prompt: string, answer: string | string[]): Question {
  const q: Question = {
    id: `${meta.cardId}/${kind}`,
    cardId: meta.cardId,
    deckId: meta.deckId,
    kind,
    prompt,
    answer,
    sources: meta.sources,
    explanation: meta.explanation,
    factIds: meta.factIds,
    fingerprint: meta.fingerprint,
  }
  if (meta.subject !== undefined) q.subject = meta.subject
  if (meta.subjectId !== undefined) q.subjectId = meta.subjectId
  if (meta.relation !== undefined) q.relation = meta.relation
  if (meta.dispute !== undefined) q.dispute = meta.dispute
  return q
}

/** JSON with object keys sorted, so that equal facts hash equally however they were built. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
}
