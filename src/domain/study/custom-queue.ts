// Building a custom session's queue and its menu's choices from a deck's questions: run where the
// questions are (the deck-questions service), apart from the titles and menu in ./custom.ts, so the
// study view's code does not carry the question generator's relation tables.
import { KIND_LABELS } from '../questions/kind-labels'
import { FAMILY_TREE_RELATION } from '../questions/family-tree-box'
import { KIN_WORDS } from '../questions/kinship'
import type { Question, QuestionKind } from '../questions/types'
import { randomInt, shuffled } from '../random'
import { isSetAside } from './card-status'
import {
  DEFAULT_PRACTICE_SIZE,
  STUDY_TOPICS,
  TOPIC_LABELS,
  type CustomChoicesOptions,
  type CustomQueue,
  type CustomQueueOptions,
  type CustomStudy,
  type CustomStudyChoices,
  type StudyTopic,
} from './custom'
import { chooseVariant, groupByCard, queueOf, type StudyQueueItem } from './queue'
import { QUIZ_KINDS } from './quiz'
import type { CardProgress } from './types'

const DATE_RELATIONS = new Set(['born', 'died', 'event', 'reignStart', 'reignEnd', 'life', 'reign'])
const FAMILY_RELATIONS = new Set<string>([...Object.keys(KIN_WORDS), 'kin', 'dynasty', FAMILY_TREE_RELATION])
const OFFICE_RELATIONS = new Set([
  'title',
  'reign',
  'reignStart',
  'reignEnd',
  'reignLength',
  'predecessor',
  'successor',
  'holder',
  'lastHeldBy',
  'coRuler',
])

/** Does this question belong to the topic? A card can be in several (a reign's start is a date and an office). */
export function inTopic(question: Pick<Question, 'kind' | 'relation'>, topic: StudyTopic): boolean {
  const relation = question.relation ?? ''
  switch (topic) {
    case 'dates':
      return question.kind === 'date' || DATE_RELATIONS.has(relation) || /^marriage-(year|date)$/.test(relation)
    case 'family':
      return FAMILY_RELATIONS.has(relation) || /^(adoptive|half|marriage)-/.test(relation)
    case 'offices':
      return OFFICE_RELATIONS.has(relation)
  }
}

/** What the practice menu offers, each with its number of cards; choices with none are left out. */
export function customStudyChoices(options: CustomChoicesOptions): CustomStudyChoices {
  const setAside = setAsideIds(options.cards, options.now)
  const byCard = [...groupByCard(options.questions)].filter(([cardId]) => !setAside.has(cardId))
  const count = (test: (q: Question) => boolean) => byCard.filter(([, qs]) => qs.some(test)).length

  const topics = STUDY_TOPICS.map((topic) => ({
    value: topic,
    label: TOPIC_LABELS[topic],
    cards: count((q) => inTopic(q, topic)),
  }))

  const present = new Set(options.questions.map((q) => q.kind))
  const byLabel = new Map<string, QuestionKind[]>()
  for (const kind of [...QUIZ_KINDS, 'basic' as const]) {
    if (!present.has(kind)) continue
    const list = byLabel.get(KIND_LABELS[kind])
    if (list) list.push(kind)
    else byLabel.set(KIND_LABELS[kind], [kind])
  }
  const kinds = [...byLabel].map(([label, value]) => ({ value, label, cards: count((q) => value.includes(q.kind)) }))

  const people = new Map<string, number>()
  for (const [, qs] of byCard) {
    const subject = qs.find((q) => q.subject)?.subject
    if (subject) people.set(subject, (people.get(subject) ?? 0) + 1)
  }

  const ids = new Set(byCard.map(([cardId]) => cardId))
  return {
    topics: topics.filter((t) => t.cards > 0),
    kinds: kinds.filter((k) => k.cards > 0),
    people: [...people]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([subject, cards]) => ({ value: subject, label: subject, cards })),
    failedToday: (options.failedToday ?? []).filter((id) => ids.has(id)).length,
  }
}

/**
 * The cards of a custom session, each with the variant to ask: for a kind, a question of that kind;
 * otherwise the variant the card's stage calls for (chooseVariant). Practice draws at random from
 * the matching cards (failed cards in the order failed); Study now keeps the order it was given.
 */
export function buildCustomQueue(options: CustomQueueOptions): CustomQueue {
  const { custom, random, now } = options
  const variants = groupByCard(options.questions)
  const progress = new Map(options.cards.map((c) => [c.cardId, c]))
  const recognitionFirst = options.recognitionFirst ?? true

  let asked: string[]
  switch (custom.type) {
    case 'cards':
      asked = [...new Set(custom.cardIds)].filter((id) => variants.has(id))
      break
    case 'failed-today':
      asked = (options.failedToday ?? []).filter((id) => variants.has(id))
      break
    default: {
      const test = matcher(custom)
      asked = [...variants].filter(([, qs]) => qs.some(test)).map(([cardId]) => cardId)
    }
  }
  const kept = asked.filter((id) => {
    const card = progress.get(id)
    return !card || !isSetAside(card, now)
  })
  const ordered = custom.type === 'cards' || custom.type === 'failed-today' ? kept : shuffled(random, kept)
  const chosen =
    custom.type === 'cards' ? ordered : ordered.slice(0, Math.max(0, options.limit ?? DEFAULT_PRACTICE_SIZE))

  const items = chosen.map((cardId): StudyQueueItem => {
    const state = progress.get(cardId)?.state
    const all = variants.get(cardId) ?? []
    const ofKind = custom.type === 'kind' ? all.filter((q) => custom.kinds.includes(q.kind)) : []
    const question = ofKind.length
      ? (ofKind[randomInt(random, ofKind.length)] as Question)
      : chooseVariant(all, state, recognitionFirst, random)
    const isNew = !state || state.phase === 'new'
    return { cardId, question, isNew, ...(state ? { state } : {}) }
  })
  const newCount = items.filter((i) => queueOf(i) === 'new').length
  return {
    items,
    dueCount: items.length - newCount,
    newCount,
    newAvailable: newCount,
    setAside: asked.length - kept.length,
  }
}

function matcher(custom: Extract<CustomStudy, { type: 'topic' | 'kind' | 'person' }>): (q: Question) => boolean {
  switch (custom.type) {
    case 'topic':
      return (q) => inTopic(q, custom.topic)
    case 'kind':
      return (q) => custom.kinds.includes(q.kind)
    case 'person':
      return (q) => q.subject === custom.subject
  }
}

function setAsideIds(cards: readonly CardProgress[], now: number): Set<string> {
  return new Set(cards.filter((c) => isSetAside(c, now)).map((c) => c.cardId))
}
