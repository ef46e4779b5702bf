// Editing one hand-written card of a deck in place (the card browser): the edited deck is checked
// by the same validator as an import, so an edit is accepted whole or not at all, and every
// problem names the field it is in. The card keeps its id, so its progress can be kept with it.
import { deckToFileObject } from './serialize'
import type { Deck, HandCard } from './types'
import { validateDeckObject } from './validate'

/** The text fields of a hand-written card, as the edit form shows them (named as the deck editor names them). */
export type CardFields =
  | { type: 'basic'; front: string; back: string }
  | { type: 'choice'; prompt: string; options: string[]; answer: string }
  | { type: 'cloze'; text: string }

export type CardField = 'front' | 'back' | 'prompt' | 'options' | 'answer' | 'text'

export interface CardEditIssue {
  /** The form field the problem is in; undefined for a problem of the card as a whole. */
  field?: CardField
  /** For `options`: which option (0-based). */
  index?: number
  /** "Answer: invalid `back`: …; expected text that is not blank" — says where and what. */
  message: string
}

export type CardEditResult =
  { ok: true; deck: Deck; card: HandCard; changed: boolean } | { ok: false; issues: CardEditIssue[] }

export const CARD_FIELD_LABELS: Readonly<Record<CardField, string>> = {
  front: 'Question',
  back: 'Answer',
  prompt: 'Question',
  options: 'Choices',
  answer: 'Answer',
  text: 'Sentence',
}

/** The deck file's names for the fields (what the validator's paths say). */
const FILE_FIELDS: ReadonlyMap<string, CardField> = new Map([
  ['front', 'front'],
  ['back', 'back'],
  ['question', 'prompt'],
  ['choices', 'options'],
  ['answer', 'answer'],
  ['cloze', 'text'],
])

export function cardFields(card: HandCard): CardFields {
  if (card.type === 'basic') return { type: 'basic', front: card.front, back: card.back }
  if (card.type === 'choice')
    return { type: 'choice', prompt: card.prompt, options: [...card.options], answer: card.answer }
  return { type: 'cloze', text: card.text }
}

/**
 * The deck with card `cardId` (the card's own id, as in `deck.cards`) given new text. Nothing else
 * of the deck changes; the result is the deck as validation normalizes it.
 */
export function editHandCard(deck: Deck, cardId: string, fields: CardFields): CardEditResult {
  const index = deck.cards.findIndex((c) => c.id === cardId)
  const old = deck.cards[index]
  if (!old) return { ok: false, issues: [{ message: `This card is no longer in the deck (${cardId}).` }] }
  if (old.type !== fields.type) return { ok: false, issues: [{ message: 'A card cannot change its kind here.' }] }
  const card: HandCard = { ...old, ...trimmed(fields) } as HandCard
  const cards = deck.cards.slice()
  cards[index] = card
  const result = validateDeckObject(deckToFileObject({ ...deck, cards }))
  const errors = result.issues.filter((i) => i.severity === 'error')
  if (!result.deck || errors.length) return { ok: false, issues: errors.map((e) => locate(e, index)) }
  const edited = result.deck.cards.find((c) => c.id === cardId)
  if (!edited) return { ok: false, issues: [{ message: 'The card lost its id; nothing was changed.' }] }
  const changed = JSON.stringify(cardFields(edited)) !== JSON.stringify(cardFields(old))
  return { ok: true, deck: result.deck, card: edited, changed }
}

function trimmed(fields: CardFields): CardFields {
  if (fields.type === 'basic') return { ...fields, front: fields.front.trim(), back: fields.back.trim() }
  if (fields.type === 'choice')
    return {
      ...fields,
      prompt: fields.prompt.trim(),
      options: fields.options.map((o) => o.trim()),
      answer: fields.answer.trim(),
    }
  return { ...fields, text: fields.text.trim() }
}

function locate(issue: { path: string; message: string; expected?: string; hint?: string }, index: number) {
  const [top, at, name, sub] = issue.path.split('.')
  const detail = [issue.message, issue.expected && `expected ${issue.expected}`, issue.hint].filter(Boolean).join('; ')
  const field = top === 'cards' && Number(at) === index && name ? FILE_FIELDS.get(name) : undefined
  if (!field) return { message: detail }
  const out: CardEditIssue = { field, message: `${CARD_FIELD_LABELS[field]}: ${detail}` }
  if (field === 'options' && sub !== undefined && /^\d+$/.test(sub)) {
    out.index = Number(sub)
    out.message = `${CARD_FIELD_LABELS[field]}, choice ${out.index + 1}: ${detail}`
  }
  return out
}
