// The card browser's list: one row per card (the scheduling unit), made from its questions, with
// its progress, and the filters the browser offers. Pure: the caller passes `now` and the day's end.
import { normalizeAnswer } from '../questions/answers'
import type { Question, QuestionKind } from '../questions/types'
import { cardStatus, isSetAside, type CardStatus } from './card-status'
import { isDue } from './queue'
import type { CardProgress } from './types'
import { ITEMS_PER_STEP, type Steps } from '../steps'

/**
 * One card of the list, without its questions: what the card browser and the progress tab show,
 * filter and act on. A deck of 100,000 facts has 400,000 questions but 100,000 rows, so the rows
 * are what the question service sends the page (see CardRows).
 */
export interface CardRow {
  cardId: string
  /** The question that names the card best (typed or flashcard first), and its answer. */
  prompt: string
  answer: string
  kinds: QuestionKind[]
  subject?: string
  relation?: string
  /** True for the deck's own cards (flashcards, term lists, choice and cloze). */
  handWritten: boolean
  /** The fingerprint of the card's first question (what a card never studied is stored with). */
  fingerprint: string
  /** Normalized text of every prompt and answer of the card, for the search box. */
  text: string
}

/** A row with the card's stored progress, if it has some. */
export interface CardEntry extends CardRow {
  progress?: CardProgress
}

export type CardStateFilter = CardStatus | 'due'

export interface CardFilter {
  /** Words that must all appear (case, accents and punctuation ignored). */
  text?: string
  kind?: QuestionKind
  subject?: string
  /**
   * Words that must each start a word of the card's subject ("constantine pal"): the About filter
   * of a deck about too many people to list in a menu.
   */
  about?: string
  relation?: string
  state?: CardStateFilter
}

const NAMING: readonly QuestionKind[] = ['basic', 'typed', 'cloze', 'choice', 'multiple-choice', 'date']
const HAND_WRITTEN = /\/card\/[^/]+$/

const answerOf = (q: Question) => (Array.isArray(q.answer) ? q.answer.join(', ') : q.answer)
const rankOf = (q: Question) => {
  const rank = NAMING.indexOf(q.kind)
  return rank < 0 ? NAMING.length : rank
}

interface RowSoFar {
  row: CardRow
  rank: number
  words: string[]
}

/**
 * The card rows of questions given in any batches (a deck's cache parts one after another), in
 * the order of each card's first question: the same rows as cardRows(all of them). Only the rows
 * are kept, never the questions.
 */
export class CardRows {
  private readonly cards = new Map<string, RowSoFar>()

  add(questions: Iterable<Question>): void {
    for (const q of questions) {
      let card = this.cards.get(q.cardId)
      if (!card) {
        card = {
          row: {
            cardId: q.cardId,
            prompt: '',
            answer: '',
            kinds: [],
            handWritten: HAND_WRITTEN.test(q.cardId),
            fingerprint: q.fingerprint,
            text: '',
          },
          rank: Infinity,
          words: [],
        }
        this.cards.set(q.cardId, card)
      }
      const { row } = card
      if (!row.kinds.includes(q.kind)) row.kinds.push(q.kind)
      // The card's own words: its prompts and answers, not what it borrows from other cards (wrong
      // options, and the wrong pairing a false true/false statement shows).
      if (q.kind !== 'true-false') card.words.push(q.prompt, answerOf(q))
      // The first question of the best naming kind names the card (the first question when none has one).
      const rank = rankOf(q)
      if (rank < card.rank) {
        card.rank = rank
        row.prompt = q.prompt
        row.answer = answerOf(q)
        if (q.subject) row.subject = q.subject
        else delete row.subject
        if (q.relation) row.relation = q.relation
        else delete row.relation
      }
    }
  }

  /** The rows so far, in deck order. */
  rows(): CardRow[] {
    const out: CardRow[] = []
    for (const { row, words } of this.cards.values()) out.push({ ...row, text: normalizeAnswer(words.join(' ')) })
    return out
  }
}

/** One row per card, in deck order. */
export function cardRows(questions: Iterable<Question>): CardRow[] {
  const rows = new CardRows()
  rows.add(questions)
  return rows.rows()
}

/** The rows with each card's stored progress. */
export function withProgress(rows: readonly CardRow[], progress: readonly CardProgress[]): CardEntry[] {
  if (progress.length === 0) return rows.slice()
  const byId = new Map(progress.map((p) => [p.cardId, p]))
  return rows.map((row) => {
    const p = byId.get(row.cardId)
    return p ? { ...row, progress: p } : row
  })
}

/** One entry per card, in deck order, with its progress. */
export function buildCardList(questions: readonly Question[], progress: readonly CardProgress[]): CardEntry[] {
  return withProgress(cardRows(questions), progress)
}

/** The entries that pass every filter given; `now` and `endOfDay` decide "due today". */
export function filterCards(
  entries: readonly CardEntry[],
  filter: CardFilter,
  now: number,
  endOfDay: number,
): CardEntry[] {
  const words = filter.text ? normalizeAnswer(filter.text).split(' ').filter(Boolean) : []
  const about = filter.about ? normalizeAnswer(filter.about).split(' ').filter(Boolean) : []
  // Each subject's name is read once: thousands of cards share a few hundred subjects.
  const aboutMatches = new Map<string, boolean>()
  const isAbout = (subject: string | undefined) => {
    if (!subject) return false
    let match = aboutMatches.get(subject)
    if (match === undefined) {
      const name = normalizeAnswer(subject)
      match = about.every((w) => name.startsWith(w) || name.includes(` ${w}`))
      aboutMatches.set(subject, match)
    }
    return match
  }
  return entries.filter((e) => {
    if (e.progress?.retired) return false
    if (filter.kind && !e.kinds.includes(filter.kind)) return false
    if (filter.subject && e.subject !== filter.subject) return false
    if (about.length && !isAbout(e.subject)) return false
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

/** What the filter menus offer: the subjects (people…), relations and question kinds of the cards. */
export interface CardFacets {
  subjects: string[]
  relations: string[]
  kinds: QuestionKind[]
}

/** The filter menus of the deck's cards, read some thousands of rows a step. */
export function* cardFacets(entries: readonly CardRow[]): Steps<CardFacets> {
  const subjects = new Set<string>()
  const relations = new Set<string>()
  const kinds = new Set<QuestionKind>()
  let read = 0
  for (const e of entries) {
    if (++read % (4 * ITEMS_PER_STEP) === 0) yield
    if (e.subject) subjects.add(e.subject)
    if (e.relation) relations.add(e.relation)
    for (const k of e.kinds) kinds.add(k)
  }
  return { subjects: [...subjects].sort(), relations: [...relations].sort(), kinds: [...kinds] }
}
