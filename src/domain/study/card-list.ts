// The card browser's list: one entry per card (the scheduling unit) with its questions and its
// progress, and the filters the browser offers. Pure: the caller passes `now` and the day's end.
import { normalizeAnswer } from '../questions/answers'
import type { Question, QuestionKind } from '../questions/types'
import { cardStatus, isSetAside, type CardStatus } from './card-status'
import { groupByCard, isDue } from './queue'
import type { CardProgress } from './types'

export interface CardEntry {
  cardId: string
  /** The question that names the card best (typed or flashcard first), and its answer. */
  prompt: string
  answer: string
  questions: Question[]
  kinds: QuestionKind[]
  subject?: string
  relation?: string
  /** True for the deck's own cards (flashcards, term lists, choice and cloze). */
  handWritten: boolean
  progress?: CardProgress
  /** Normalized text of every prompt and answer of the card, for the search box. */
  text: string
}

export type CardStateFilter = CardStatus | 'due'

export interface CardFilter {
  /** Words that must all appear (case, accents and punctuation ignored). */
  text?: string
  kind?: QuestionKind
  subject?: string
  relation?: string
  state?: CardStateFilter
}

const NAMING: readonly QuestionKind[] = ['basic', 'typed', 'cloze', 'choice', 'multiple-choice', 'date']
const HAND_WRITTEN = /\/card\/[^/]+$/

const answerOf = (q: Question) => (Array.isArray(q.answer) ? q.answer.join(', ') : q.answer)

/** One entry per card, in deck order. */
export function buildCardList(questions: readonly Question[], progress: readonly CardProgress[]): CardEntry[] {
  const byId = new Map(progress.map((p) => [p.cardId, p]))
  const out: CardEntry[] = []
  for (const [cardId, variants] of groupByCard(questions)) {
    const main = NAMING.map((k) => variants.find((q) => q.kind === k)).find((q) => q) ?? (variants[0] as Question)
    const words: string[] = []
    // The card's own words: its prompts and answers, not what it borrows from other cards (wrong
    // options, and the wrong pairing a false true/false statement shows).
    for (const q of variants) if (q.kind !== 'true-false') words.push(q.prompt, answerOf(q))
    const entry: CardEntry = {
      cardId,
      prompt: main.prompt,
      answer: answerOf(main),
      questions: variants,
      kinds: [...new Set(variants.map((q) => q.kind))],
      handWritten: HAND_WRITTEN.test(cardId),
      text: normalizeAnswer(words.join(' ')),
    }
    if (main.subject) entry.subject = main.subject
    if (main.relation) entry.relation = main.relation
    const p = byId.get(cardId)
    if (p) entry.progress = p
    out.push(entry)
  }
  return out
}

/** The entries that pass every filter given; `now` and `endOfDay` decide "due today". */
export function filterCards(
  entries: readonly CardEntry[],
  filter: CardFilter,
  now: number,
  endOfDay: number,
): CardEntry[] {
  const words = filter.text ? normalizeAnswer(filter.text).split(' ').filter(Boolean) : []
  return entries.filter((e) => {
    if (e.progress?.retired) return false
    if (filter.kind && !e.kinds.includes(filter.kind)) return false
    if (filter.subject && e.subject !== filter.subject) return false
    if (filter.relation && e.relation !== filter.relation) return false
    if (filter.state) {
      if (filter.state === 'due') {
        const p = e.progress
        if (!p || isSetAside(p, now) || !isDue(p.state, now, endOfDay)) return false
      } else if (cardStatus(e.progress, now) !== filter.state) return false
    }
    return words.every((w) => e.text.includes(w))
  })
}

/** The people (or other subjects) and relations the deck's cards are about, for the filter menus. */
export function cardFacets(entries: readonly CardEntry[]): { subjects: string[]; relations: string[] } {
  const subjects = new Set<string>()
  const relations = new Set<string>()
  for (const e of entries) {
    if (e.subject) subjects.add(e.subject)
    if (e.relation) relations.add(e.relation)
  }
  return { subjects: [...subjects].sort(), relations: [...relations].sort() }
}
