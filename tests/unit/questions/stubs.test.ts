// A deck's stubs held column by column (QuestionStubs) give the study queue, the sync and the
// digest exactly what a list of stub objects gave: for random cards (in any order, split across
// parts), kinds, fingerprints, stored progress and limits, the new path (stubs from compact heads,
// and from fresh questions) equals the former one, kept here as it was.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CompactQuestions } from '../../../src/domain/questions/compact'
import { compactQuestions } from '../../../src/domain/questions/compact-write'
import { QuestionStubs, type QuestionStub } from '../../../src/domain/questions/stubs'
import type { Question, QuestionKind } from '../../../src/domain/questions/types'
import { createRandom, type Random } from '../../../src/domain/random'
import type { CardPhase, CardState } from '../../../src/domain/scheduling'
import { isSetAside } from '../../../src/domain/study/card-status'
import { planDeckSync, type DeckChangeSummary, type DeckSyncPlan } from '../../../src/domain/study/deck-diff'
import { deckFingerprints, fingerprintsDigest } from '../../../src/domain/study/fingerprints'
import {
  buildStudyQueue,
  chooseVariant,
  endOfToday,
  isDue,
  RECOGNITION_KINDS,
  type StudyQueue,
  type StudyQueueItem,
  type StudyQueueOptions,
} from '../../../src/domain/study/queue'
import type { CardProgress } from '../../../src/domain/study/types'
import { QUIZ_KINDS } from '../../../src/domain/study/quiz'
import { unchangedSync } from '../../../src/storage/deck-sync'
import { DAY, NOW, question } from '../study/helpers'

type Synced = Pick<Question, 'cardId' | 'fingerprint'>

// The former object path, as it was before the stubs were held by column.

function formerQueue(options: StudyQueueOptions<QuestionStub> & { questions: readonly QuestionStub[] }) {
  const { now, random } = options
  const recognitionFirst = options.recognitionFirst ?? true
  const newLimit = Math.max(0, (options.newPerDay ?? 20) - (options.newIntroducedToday ?? 0))
  const cutoff = options.endOfDay ?? endOfToday(now, options.utcOffsetMinutes)
  const progress = new Map(options.cards.map((c) => [c.cardId, c]))
  const variants = new Map<string, QuestionStub[]>()
  for (const q of options.questions) {
    const list = variants.get(q.cardId)
    if (list) list.push(q)
    else variants.set(q.cardId, [q])
  }
  const due: Array<{ cardId: string; state: CardState }> = []
  const fresh: Array<{ cardId: string; state?: CardState }> = []
  for (const cardId of variants.keys()) {
    const card = progress.get(cardId)
    if (card && isSetAside(card, now)) continue
    if (!card) {
      if (!options.knownCardIds?.has(cardId)) fresh.push({ cardId })
    } else if (card.state.phase === 'new') fresh.push({ cardId, state: card.state })
    else if (isDue(card.state, now, cutoff)) due.push({ cardId, state: card.state })
  }
  due.sort((a, b) => a.state.due - b.state.due || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0))
  const item = (cardId: string, isNew: boolean, state?: CardState): StudyQueueItem<QuestionStub> => ({
    cardId,
    question: chooseVariant(variants.get(cardId) ?? [], state, recognitionFirst, random),
    isNew,
    ...(state ? { state } : {}),
  })
  const newItems = fresh.slice(0, newLimit).map((f) => item(f.cardId, true, f.state))
  const recognisable = newItems.filter((i) => RECOGNITION_KINDS.includes(i.question.kind))
  const ordered =
    !recognitionFirst || recognisable.length === newItems.length || !recognisable.length
      ? newItems
      : [...recognisable, ...newItems.filter((i) => !RECOGNITION_KINDS.includes(i.question.kind))]
  const items = [...due.map((d) => item(d.cardId, false, d.state)), ...ordered]
  return { items, dueCount: due.length, newCount: Math.min(newLimit, fresh.length), newAvailable: fresh.length }
}

function formerDeckFingerprints(questions: readonly Synced[]): Record<string, string> {
  const out = new Map<string, string>()
  for (const q of questions) if (!out.has(q.cardId)) out.set(q.cardId, q.fingerprint)
  return Object.fromEntries(out)
}

function formerUnchangedSync(
  synced: { version: string; fingerprints: Readonly<Record<string, string>> },
  questions: readonly Synced[],
  version: string | undefined,
): DeckChangeSummary | undefined {
  if (version !== undefined && version !== synced.version) return undefined
  const known = synced.fingerprints
  const seen = new Set<string>()
  for (const q of questions) {
    if (seen.has(q.cardId)) continue
    seen.add(q.cardId)
    if (!Object.hasOwn(known, q.cardId) || known[q.cardId] !== q.fingerprint) return undefined
  }
  const unchanged = Object.keys(known)
  if (unchanged.length !== seen.size) return undefined
  return { added: [], changed: [], removed: [], unchanged, firstSync: unchanged.length === 0 }
}

/** The former plan; the restarted state comes from the new one (it is newCardState(now) in both). */
function formerPlan(known: Record<string, string>, stored: readonly CardProgress[], questions: readonly Synced[]) {
  const current = new Map<string, Set<string>>()
  for (const q of questions) {
    const set = current.get(q.cardId)
    if (set) set.add(q.fingerprint)
    else current.set(q.cardId, new Set([q.fingerprint]))
  }
  const previous = new Map(Object.entries(known))
  for (const c of stored) {
    if (c.retired) previous.delete(c.cardId)
    else previous.set(c.cardId, c.fingerprint)
  }
  const summary: DeckChangeSummary = {
    added: [],
    changed: [],
    removed: [],
    unchanged: [],
    firstSync: previous.size === 0,
  }
  for (const [cardId, fps] of current) {
    const before = previous.get(cardId)
    if (before === undefined) summary.added.push(cardId)
    else if (fps.has(before)) summary.unchanged.push(cardId)
    else summary.changed.push(cardId)
  }
  for (const cardId of previous.keys()) if (!current.has(cardId)) summary.removed.push(cardId)
  const updates: Array<{ cardId: string; retired: boolean; fingerprint: string; restarted: boolean }> = []
  for (const card of stored) {
    const fps = current.get(card.cardId)
    if (!fps) {
      if (!card.retired)
        updates.push({ cardId: card.cardId, retired: true, fingerprint: card.fingerprint, restarted: false })
    } else if (!fps.has(card.fingerprint)) {
      const fingerprint = fps.values().next().value as string
      updates.push({ cardId: card.cardId, retired: false, fingerprint, restarted: true })
    } else if (card.retired) {
      updates.push({ cardId: card.cardId, retired: false, fingerprint: card.fingerprint, restarted: false })
    }
  }
  return { summary, updates, fingerprints: formerDeckFingerprints(questions) }
}

const planShape = (plan: DeckSyncPlan, stored: readonly CardProgress[]) => ({
  summary: plan.summary,
  updates: plan.updates.map((u) => ({
    cardId: u.cardId,
    retired: u.retired,
    fingerprint: u.fingerprint,
    restarted: u.state !== stored.find((s) => s.cardId === u.cardId)?.state,
  })),
  fingerprints: plan.fingerprints,
})

// Random decks: a few cards (ids that are also Object's own names among them), in any order.

const KINDS: QuestionKind[] = [...QUIZ_KINDS, 'basic']
const cardKey = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'constructor', '__proto__', 'x/y')
const questionsArb = fc
  .array(
    fc.record({
      key: cardKey,
      kind: fc.constantFrom(...KINDS),
      print: fc.constantFrom('1', '2', '3'),
      odd: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map(({ key, kind, print, odd }, i) => {
      const q = question(key, kind, `fp-${print}`)
      return odd ? { ...q, id: `${q.id}#${i}` } : q
    }),
  )

interface ProgressRow {
  key: string
  phase: CardPhase
  due: number
  print: string
  retired: boolean
  suspended: boolean
  buried: number | undefined
}

const phase = fc.constantFrom<CardPhase>('new', 'learning', 'review', 'relearning')
const progressArb = fc.array(
  fc.record({
    key: cardKey,
    phase,
    due: fc.integer({ min: -3 * DAY, max: 3 * DAY }),
    print: fc.constantFrom('1', '2', '3', '4'),
    retired: fc.boolean(),
    suspended: fc.boolean(),
    buried: fc.constantFrom(undefined, NOW - DAY, NOW + DAY),
  }),
  { maxLength: 10 },
)
function progress(rows: readonly ProgressRow[]): CardProgress[] {
  // One row per card (the last wins), as storage keeps them.
  const byCard = new Map(rows.map((r) => [r.key, r]))
  return [...byCard.values()].map((r) => ({
    cardId: `deck/${r.key}`,
    deckId: 'deck',
    fingerprint: `fp-${r.print}`,
    retired: r.retired,
    state: {
      phase: r.phase,
      due: NOW + r.due,
      stability: r.phase === 'new' ? 0 : 3,
      difficulty: r.phase === 'new' ? 0 : 5,
      scheduledDays: 0,
      learningSteps: 0,
      reps: r.phase === 'new' ? 0 : 2,
      lapses: 0,
    },
    ...(r.suspended ? { suspended: true } : {}),
    ...(r.buried === undefined ? {} : { buriedUntil: r.buried }),
  }))
}

/** The questions as stored in parts of `size` and read back: stubs from the heads. */
function fromHeads(questions: Question[], size: number): QuestionStubs {
  const parts = compactQuestions(questions, size)
  return new CompactQuestions(
    parts.map((p) => JSON.parse(JSON.stringify(p.head)) as string),
    (part) => Promise.resolve(parts[part]!.body),
  ).stubs
}

const objects = (questions: readonly Question[]): QuestionStub[] =>
  questions.map((q, index) => ({ cardId: q.cardId, kind: q.kind, fingerprint: q.fingerprint, index }))

const plain = (queue: StudyQueue<QuestionStub>) => JSON.parse(JSON.stringify(queue)) as unknown

describe('QuestionStubs', () => {
  it('read back each question and each card as the list of questions has them', () => {
    fc.assert(
      fc.property(questionsArb, fc.integer({ min: 1, max: 12 }), (questions, size) => {
        const list = objects(questions)
        for (const stubs of [fromHeads(questions, size), QuestionStubs.fromQuestions(questions)]) {
          expect(stubs.length).toBe(list.length)
          expect(stubs.toArray()).toEqual(list)
          const cards = [...new Set(list.map((s) => s.cardId))]
          expect(stubs.cardCount).toBe(cards.length)
          cards.forEach((cardId, c) => {
            const mine = list.filter((s) => s.cardId === cardId)
            expect(stubs.cardId(c)).toBe(cardId)
            expect(stubs.cardFingerprint(c)).toBe(mine[0]!.fingerprint)
            expect([...stubs.questionsOf(c)]).toEqual(mine.map((s) => s.index))
            expect(stubs.variants(c)).toEqual(mine)
            expect(new Set(stubs.fingerprints(c))).toEqual(new Set(mine.map((s) => s.fingerprint)))
            expect(stubs.fingerprints(c)[0]).toBe(mine[0]!.fingerprint)
          })
        }
      }),
      { numRuns: 300, seed: 21 },
    )
  })

  it('build the study queue the list of stubs built', () => {
    fc.assert(
      fc.property(
        questionsArb,
        fc.integer({ min: 1, max: 12 }),
        progressArb,
        fc.record({
          known: fc.subarray(['a', 'b', 'c', 'd', 'constructor']),
          newPerDay: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
          newIntroducedToday: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          recognitionFirst: fc.option(fc.boolean(), { nil: undefined }),
          withKnown: fc.boolean(),
          seed: fc.integer(),
        }),
        (questions, size, rows, o) => {
          const base = {
            cards: progress(rows),
            now: NOW,
            ...(o.newPerDay === undefined ? {} : { newPerDay: o.newPerDay }),
            ...(o.newIntroducedToday === undefined ? {} : { newIntroducedToday: o.newIntroducedToday }),
            ...(o.recognitionFirst === undefined ? {} : { recognitionFirst: o.recognitionFirst }),
            ...(o.withKnown ? { knownCardIds: new Set(o.known.map((k) => `deck/${k}`)) } : {}),
          }
          const random = (): Random => createRandom(o.seed)
          const expected = plain(formerQueue({ ...base, questions: objects(questions), random: random() }))
          expect(plain(buildStudyQueue({ ...base, questions: fromHeads(questions, size), random: random() }))).toEqual(
            expected,
          )
          expect(plain(buildStudyQueue({ ...base, questions: objects(questions), random: random() }))).toEqual(expected)
          expect(
            plain(buildStudyQueue({ ...base, questions: QuestionStubs.fromQuestions(questions), random: random() })),
          ).toEqual(expected)
        },
      ),
      { numRuns: 400, seed: 22 },
    )
  })

  it('plan the sync, skip an unchanged one and digest the fingerprints as the list of stubs did', () => {
    fc.assert(
      fc.property(
        questionsArb,
        questionsArb,
        fc.integer({ min: 1, max: 12 }),
        progressArb,
        fc.constantFrom(undefined, 'v1', 'v2'),
        (before, questions, size, rows, version) => {
          const stored = progress(rows)
          const known = formerDeckFingerprints(before)
          const list = objects(questions)
          const stubs = fromHeads(questions, size)
          const expected = formerPlan(known, stored, list)
          for (const q of [stubs, list]) {
            expect(planShape(planDeckSync({ known, stored, questions: q, now: NOW }), stored)).toEqual(expected)
            expect(deckFingerprints(q)).toEqual(formerDeckFingerprints(list))
            expect(fingerprintsDigest(deckFingerprints(q))).toBe(fingerprintsDigest(formerDeckFingerprints(list)))
            for (const synced of [before, questions]) {
              const last = { version: 'v1', fingerprints: formerDeckFingerprints(synced) }
              expect(unchangedSync(last, q, version)).toEqual(formerUnchangedSync(last, list, version))
            }
          }
        },
      ),
      { numRuns: 400, seed: 23 },
    )
  })
})
