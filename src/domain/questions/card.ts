// What every question of one card shares: ids, sources, explanation, dispute, fact ids and the
// fingerprint. Computed once per card and shared by its variants (strings and arrays are not
// copied), which keeps a 100k-fact deck's questions small.
import { canonicalText } from '../text/canonical'
import type { Entity, Fact } from '../deck/types'
import type { Question, QuestionImage, QuestionKind, QuestionSource } from './types'
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
  image?: QuestionImage
}

/** Caches shared by every card of one deck. */
export class CardCache {
  private readonly factHashes = new WeakMap<Fact, { text: string; a: number; b: number }>()
  private readonly sourceLists = new Map<string, QuestionSource[]>()

  private prefix: [string, string] | undefined

  constructor(private readonly index: DeckIndex) {}

  /** "deck-id/", built once. */
  private deckPrefix(deckId: string): string {
    if (this.prefix?.[0] !== deckId) this.prefix = [deckId, `${deckId}/`]
    return this.prefix[1]
  }

  sourcesOf(ids: readonly string[]): QuestionSource[] {
    const key = ids.length === 1 ? (ids[0] as string) : ids.join('\u0000')
    let list = this.sourceLists.get(key)
    if (!list) {
      list = ids.map((id) => this.index.sources.get(id) ?? { id, title: id })
      this.sourceLists.set(key, list)
    }
    return list
  }

  /** Hash of what a fact asserts (value, alternatives, sources…), not of its free-text note. */
  private factHash(fact: Fact): { text: string; a: number; b: number } {
    let h = this.factHashes.get(fact)
    if (!h) {
      const [a, b] = hash2(canonicalFact(fact))
      h = { text: hex(a) + hex(b), a, b }
      this.factHashes.set(fact, h)
    }
    return h
  }

  factDigest = (fact: Fact): string => this.factHash(fact).text

  /** The card's fingerprint: independent of the order the facts were collected in. */
  fingerprint(facts: readonly Fact[], extra = ''): string {
    if (facts.length === 1 && !extra) return this.factHash(facts[0] as Fact).text
    if (facts.length === 0) return textFingerprint(extra)
    // Sums are order-independent; the count and the extra text keep subsets apart.
    let a = facts.length
    let b = extra ? (hash2(extra)[0] as number) : 0
    for (const f of facts) {
      const h = this.factHash(f)
      a = (a + h.a) >>> 0
      b = (b + Math.imul(h.b, 0x9e3779b1)) >>> 0
    }
    return hex(a) + hex(b)
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
    image?: QuestionImage
  }): CardMeta {
    const { facts } = options
    const meta: CardMeta = {
      cardId: this.deckPrefix(options.deckId) + options.key,
      deckId: options.deckId,
      sources: this.sourcesOf(options.sourceIds ?? unionSources(facts)),
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
    if (options.image) meta.image = options.image
    return meta
  }
}

/**
 * The fingerprint of a card that rests on no fact, only on its own text (a hand-written card):
 * what `CardCache.fingerprint([], text)` gives, without a deck index.
 */
export function textFingerprint(text: string): string {
  return hex(0) + hex(text ? (hash2(text)[0] as number) : 0)
}

/** A fact as canonical text: keys sorted, the note left out (editing a note keeps progress). */
export function canonicalFact(fact: Fact): string {
  return canonicalText(fact, 'note')
}

/** Two independent 32-bit FNV-style hashes in one pass. */
function hash2(text: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x9747b28c ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return [a >>> 0, (b ^ (b >>> 15)) >>> 0]
}

const hex = (n: number): string => n.toString(16).padStart(8, '0')

export function unionSources(facts: readonly Fact[]): string[] {
  if (facts.length === 1) return (facts[0] as Fact).sources
  const out: string[] = []
  for (const f of facts) for (const s of f.sources) if (!out.includes(s)) out.push(s)
  return out
}

// Shared suffixes: an id is then one concatenation of two shared strings.
const ID_SUFFIX: Partial<Record<QuestionKind, string>> = Object.fromEntries(
  (['multiple-choice', 'true-false', 'typed', 'date', 'ordering', 'matching', 'basic', 'choice', 'cloze'] as const).map(
    (k) => [k, `/${k}`],
  ),
)

/**
 * A question of one kind of the card. Every optional field is present (undefined until set) so
 * that all questions share one object shape: smaller and faster with half a million of them.
 */
export function makeQuestion(meta: CardMeta, kind: QuestionKind, prompt: string, answer: string | string[]): Question {
  return {
    id: meta.cardId + (ID_SUFFIX[kind] ?? `/${kind}`),
    cardId: meta.cardId,
    deckId: meta.deckId,
    kind,
    prompt,
    answer,
    choices: undefined,
    why: undefined,
    accept: undefined,
    acceptAs: undefined,
    subject: meta.subject,
    subjectId: meta.subjectId,
    relation: meta.relation,
    difficulty: undefined,
    sources: meta.sources,
    explanation: meta.explanation,
    dispute: meta.dispute,
    factIds: meta.factIds,
    fingerprint: meta.fingerprint,
    date: undefined,
    items: undefined,
    pairs: undefined,
    image: meta.image,
  }
}
