// Studying more after "Nothing due": which cards a custom session holds. On the built-in deck: a
// topic, a question kind or a person gives exactly the cards about it; cards failed today come in
// the order they were failed; Study now keeps exactly the chosen cards; suspended, buried and
// retired cards are never in one; "more new cards" raises today's limit by what was asked.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import type { Deck } from '../../../src/domain/deck/types'
import { deckSeed } from '../../../src/domain/questions/cache-key'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { createRandom } from '../../../src/domain/random'
import { newCardState } from '../../../src/domain/scheduling'
import { buildCustomQueue, customStudyChoices, inTopic } from '../../../src/domain/study/custom-queue'
import {
  buildStudyQueue,
  customStudyTitle,
  failedSince,
  isPractice,
  raisedNewLimit,
  type CardProgress,
  type CustomStudy,
} from '../../../src/domain/study'
import { card, DAY, MINUTE, NOW, question, variants } from './helpers'

const root = join(import.meta.dirname, '..', '..', '..')
const deck = parseDeckText(readFileSync(join(root, 'content', 'john-vii-palaiologos.yaml'), 'utf8')).deck as Deck
const all = generateQuestions(deck, { seed: deckSeed(deck.id) })
const byCard = new Map<string, Question[]>()
for (const q of all) byCard.set(q.cardId, [...(byCard.get(q.cardId) ?? []), q])

const progressOf = (cardId: string, extra: Partial<CardProgress> = {}): CardProgress => ({
  cardId,
  deckId: deck.id,
  fingerprint: byCard.get(cardId)?.[0]?.fingerprint ?? '',
  retired: false,
  state: { ...newCardState(NOW), phase: 'review', stability: 10, reps: 3, lastReview: NOW - DAY, due: NOW + 5 * DAY },
  ...extra,
})

const queue = (
  custom: CustomStudy,
  cards: CardProgress[] = [],
  extra: { failedToday?: string[]; limit?: number } = {},
) => buildCustomQueue({ custom, questions: all, cards, now: NOW, random: createRandom(7), limit: 10_000, ...extra })

describe('custom study sessions', () => {
  it('a topic holds the cards about it, each asked once', () => {
    const family = queue({ type: 'topic', topic: 'family' })
    const ids = family.items.map((i) => i.cardId)
    expect(new Set(ids).size).toBe(ids.length)
    // Every family card of the deck is there, and nothing else: the oracle is the question's relation.
    const expected = [...byCard].filter(([, qs]) => qs.some((q) => inTopic(q, 'family'))).map(([id]) => id)
    expect(expected.length).toBeGreaterThan(10)
    expect([...ids].sort()).toEqual([...expected].sort())
    // A teacher's reading: John VII's father is a family card, his date of birth is not.
    expect(ids.some((id) => /father\/john-vii$/.test(id))).toBe(true)
    expect(family.items.every((i) => i.question.kind !== 'date')).toBe(true)
    expect(queue({ type: 'topic', topic: 'dates' }).items.some((i) => i.question.relation === 'born')).toBe(true)
    const offices = queue({ type: 'topic', topic: 'offices' }).items.map((i) => i.question.relation)
    expect(offices).toContain('predecessor')
    expect(offices).not.toContain('father')
  })

  it('a question kind asks every card that has that kind, as that kind', () => {
    const dates = queue({ type: 'kind', kinds: ['date'] })
    const withDate = [...byCard].filter(([, qs]) => qs.some((q) => q.kind === 'date')).map(([id]) => id)
    expect(dates.items.map((i) => i.cardId).sort()).toEqual(withDate.sort())
    expect(dates.items.every((i) => i.question.kind === 'date')).toBe(true)
    // Even for a card in its recognition stage (new), which a normal session asks as multiple choice.
    expect(dates.items.every((i) => i.isNew)).toBe(true)
  })

  it('a person gives the cards about that person only', () => {
    const manuel = queue({ type: 'person', subject: 'Manuel II Palaiologos' })
    expect(manuel.items.length).toBeGreaterThan(2)
    for (const i of manuel.items)
      expect(byCard.get(i.cardId)?.some((q) => q.subject === 'Manuel II Palaiologos')).toBe(true)
    expect(manuel.items.some((i) => i.question.subject === 'John VII Palaiologos')).toBe(false)
  })

  it('leaves out suspended, buried and retired cards, and counts what it left out', () => {
    const family = queue({ type: 'topic', topic: 'family' }).items.map((i) => i.cardId)
    const [a, b, c, d] = family as [string, string, string, string]
    const cards = [
      progressOf(a, { suspended: true }),
      progressOf(b, { buriedUntil: NOW + DAY }),
      progressOf(c, { retired: true }),
      // Buried until a time already past: back in.
      progressOf(d, { buriedUntil: NOW - MINUTE }),
    ]
    const practice = queue({ type: 'topic', topic: 'family' }, cards)
    const ids = practice.items.map((i) => i.cardId)
    expect(ids).not.toContain(a)
    expect(ids).not.toContain(b)
    expect(ids).not.toContain(c)
    expect(ids).toContain(d)
    expect(practice.setAside).toBe(3)

    const now = queue({ type: 'cards', cardIds: [a, d, b] }, cards)
    expect(now.items.map((i) => i.cardId)).toEqual([d])
    expect(now.setAside).toBe(2)
  })

  it('Study now holds exactly the chosen cards, in the order chosen, each with its state', () => {
    const chosen = [...byCard.keys()].filter((_, i) => i % 17 === 3)
    const studied = progressOf(chosen[1] as string)
    const now = queue({ type: 'cards', cardIds: [...chosen, chosen[0] as string, 'no-such-card'] }, [studied])
    expect(now.items.map((i) => i.cardId)).toEqual(chosen)
    const second = now.items[1]
    expect(second).toMatchObject({ isNew: false, state: studied.state })
    expect(now.items[0]?.isNew).toBe(true)
    expect(now).toMatchObject({ newCount: chosen.length - 1, dueCount: 1, setAside: 0 })
    expect(isPractice({ type: 'cards', cardIds: chosen })).toBe(false)
  })

  it('cards failed today come once each, in the order first failed, and only from today', () => {
    const [x, y, z] = [...byCard.keys()] as [string, string, string]
    const start = NOW - 3 * 60 * MINUTE
    const log = [
      { cardId: y, at: start + 2 * MINUTE, grade: 1 as const },
      { cardId: x, at: start - MINUTE, grade: 1 as const }, // yesterday
      { cardId: z, at: start + MINUTE, grade: 3 as const }, // passed
      { cardId: x, at: start + 5 * MINUTE, grade: 1 as const },
      { cardId: y, at: start + 6 * MINUTE, grade: 1 as const },
    ]
    const failed = failedSince(log, start)
    expect(failed).toEqual([y, x])
    const session = queue({ type: 'failed-today' }, [progressOf(x, { suspended: true })], { failedToday: failed })
    expect(session.items.map((i) => i.cardId)).toEqual([y])
    expect(isPractice({ type: 'failed-today' })).toBe(true)
  })

  it('a practice session draws at most `limit` cards, at random but the same for one seed', () => {
    const draw = (seed: number) =>
      buildCustomQueue({
        custom: { type: 'topic', topic: 'family' },
        questions: all,
        cards: [],
        now: NOW,
        random: createRandom(seed),
        limit: 5,
      }).items
    const a = draw(1)
    expect(a).toHaveLength(5)
    expect(draw(1).map((i) => i.question.id)).toEqual(a.map((i) => i.question.id))
    expect(draw(2).map((i) => i.cardId)).not.toEqual(a.map((i) => i.cardId))
  })

  it('the practice menu offers what the deck has, with the cards each would draw from', () => {
    const family = queue({ type: 'topic', topic: 'family' }).items.map((i) => i.cardId)
    const choices = customStudyChoices({
      questions: all,
      cards: [progressOf(family[0] as string, { suspended: true })],
      now: NOW,
      failedToday: [family[0] as string, family[1] as string, 'gone'],
    })
    expect(choices.topics.map((t) => t.label)).toEqual(['Dates', 'Family', 'Offices and reigns'])
    expect(choices.topics.find((t) => t.value === 'family')?.cards).toBe(family.length - 1)
    // Kinds in the quiz's order, named as everywhere else; no plain flashcards in a fact deck.
    expect(choices.kinds.map((k) => k.label)).toEqual([
      'Multiple choice',
      'True or false',
      'Type the answer',
      'Date',
      'Put in order',
      'Match',
    ])
    // As many as a session about that person holds with the same card suspended.
    const john = choices.people.find((p) => p.value === 'John VII Palaiologos')
    const suspended = [progressOf(family[0] as string, { suspended: true })]
    expect(john?.cards).toBe(queue({ type: 'person', subject: 'John VII Palaiologos' }, suspended).items.length)
    expect(john?.cards).toBeGreaterThan(20)
    expect(choices.people.map((p) => p.value)).toEqual(
      [...choices.people.map((p) => p.value)].sort((a, b) => a.localeCompare(b)),
    )
    // The suspended card is not offered as failed today; a card the deck no longer has is not either.
    expect(choices.failedToday).toBe(1)
  })

  it('kinds that share a name are offered as one choice', () => {
    const mixed = [...variants('fact'), question('own', 'choice')]
    const choices = customStudyChoices({ questions: mixed, cards: [], now: NOW })
    expect(choices.kinds.find((k) => k.label === 'Multiple choice')).toEqual({
      value: ['multiple-choice', 'choice'],
      label: 'Multiple choice',
      cards: 2,
    })
  })

  it('titles say what the session is', () => {
    expect(customStudyTitle({ type: 'topic', topic: 'offices' })).toBe('Practice: Offices and reigns')
    expect(customStudyTitle({ type: 'kind', kinds: ['typed'] })).toBe('Practice: Type the answer')
    expect(customStudyTitle({ type: 'person', subject: 'John V Palaiologos' })).toBe('Practice: John V Palaiologos')
    expect(customStudyTitle({ type: 'failed-today' })).toBe('Practice: cards failed today')
  })
})

describe("more new cards than today's limit", () => {
  it('raises the limit by the number asked, past what was already introduced', () => {
    expect(raisedNewLimit(20, 20, 10)).toBe(30)
    // The setting was lowered after 25 were introduced: still 10 more.
    expect(raisedNewLimit(20, 25, 10)).toBe(35)
    expect(raisedNewLimit(0, 0, 5)).toBe(5)
    expect(raisedNewLimit(20, 20, -3)).toBe(20)
  })

  it("gives exactly that many new cards once the day's new cards are done", () => {
    const questions = Array.from({ length: 40 }, (_, i) => variants(`c${i}`)).flat()
    const introduced = Array.from({ length: 20 }, (_, i) => card(`c${i}`, { phase: 'review', due: NOW + 3 * DAY }))
    const base = {
      cards: introduced,
      questions,
      now: NOW,
      random: createRandom(3),
      newPerDay: 20,
      newIntroducedToday: 20,
    }
    expect(buildStudyQueue(base).items).toHaveLength(0)
    const more = buildStudyQueue({ ...base, newPerDay: raisedNewLimit(20, 20, 10) })
    expect(more.items.map((i) => i.cardId)).toEqual(Array.from({ length: 10 }, (_, i) => `deck/c${i + 20}`))
    expect(more.items.every((i) => i.isNew)).toBe(true)
  })
})
