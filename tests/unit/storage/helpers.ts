// One fresh in-memory IndexedDB (fake-indexeddb) per test, so tests never share state.
import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { openStorage } from '../../../src/storage'
import type { OpenStorageOptions, Storage } from '../../../src/storage'
import type { Deck } from '../../../src/domain/deck/types'
import type { Grade } from '../../../src/domain/scheduling'
import { deckContentHash, deckQuestionsKey, deckSeed } from '../../../src/domain/questions/cache-key'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { CompactPart, PartSource } from '../../../src/domain/questions/compact'
import { compactQuestions } from '../../../src/domain/questions/compact-write'
import { QuestionStubs } from '../../../src/domain/questions/stubs'
import type { Question } from '../../../src/domain/questions/types'
import { QUESTION_CACHE_PART } from '../../../src/storage/repositories'

// Dexie's liveQuery stays silent unless Dexie found a global indexedDB when it loaded (browsers always
// have one); these tests pass a fresh factory to each database instead.
Dexie.dependencies.indexedDB ??= new IDBFactory()

export const NOW = Date.UTC(2025, 2, 10, 9, 0, 0)
export const MINUTE = 60_000
export const DAY = 86_400_000

export interface TestDatabase {
  factory: IDBFactory
  name: string
  open(options?: Partial<OpenStorageOptions>): Promise<Storage>
}

let counter = 0

export function testDatabase(): TestDatabase {
  const factory = new IDBFactory()
  const name = `stavraton-test-${++counter}`
  return {
    factory,
    name,
    open: (options = {}) => openStorage({ name, indexedDB: factory, IDBKeyRange, enableFuzz: false, ...options }),
  }
}

export { IDBKeyRange }

/** Questions as the question cache takes them: compacted in parts of its size, with their stubs. */
export function cacheable(questions: readonly Question[]): { parts: PartSource; stubs: QuestionStubs } {
  const parts = compactQuestions(questions, QUESTION_CACHE_PART)
  return {
    parts: { count: parts.length, part: (i) => parts[i] as CompactPart },
    stubs: QuestionStubs.fromQuestions(questions),
  }
}

export const userDeck: Deck = {
  id: 'coins-of-john-vii',
  title: 'Coins of John VII',
  language: 'en',
  version: '1.0.0',
  author: 'A teacher',
  sources: [{ id: 'infobox', title: 'Infobox' }],
  entities: [{ id: 'john-vii', kind: 'person', name: 'John VII Palaiologos', aliases: ['John VII'], gender: 'male' }],
  facts: [],
  cards: [
    { type: 'basic', id: 'stavraton', front: 'What is a stavraton?', back: 'A silver coin', sources: ['infobox'] },
    {
      type: 'choice',
      id: 'metal',
      prompt: 'The stavraton was made of…',
      options: ['silver', 'gold', 'copper'],
      answer: 'silver',
      sources: ['infobox'],
    },
  ],
}

const BUILTIN = 'john-vii-palaiologos'
const builtinKeys = [
  'born/john-vii',
  'died/john-vii',
  'parent.father/john-vii',
  'spouse/john-vii',
  'diedAt/john-vii',
  'tenure/john-vii/1390',
]

/** A realistic little history: two decks, a few days of reviews (study and quiz), a quiz attempt, settings, a session, a suspended and a buried card. */
export async function populate(storage: Storage): Promise<void> {
  await storage.settings.update({ desiredRetention: 0.85, newPerDay: 15, theme: 'dark' })
  await storage.decks.save(userDeck, { origin: 'user', now: NOW - 3 * DAY })
  const seed = deckSeed(userDeck.id)
  await storage.questionCache.put(
    userDeck.id,
    deckQuestionsKey(deckContentHash(userDeck), seed),
    cacheable(generateQuestions(userDeck, { seed })),
  )
  await storage.syncDeckQuestions(
    BUILTIN,
    builtinKeys.map((k) => ({ cardId: `${BUILTIN}/${k}`, fingerprint: `fp:${k}` })),
    NOW - 3 * DAY,
    {
      title: 'John VII Palaiologos',
      version: '1',
    },
  )
  await storage.syncDeckQuestions(
    userDeck.id,
    userDeck.cards.map((c) => ({ cardId: `${userDeck.id}/${c.id}`, fingerprint: `fp:${c.id}` })),
    NOW - 3 * DAY,
  )

  const grades: Grade[] = [3, 1, 4, 2, 3, 3]
  for (let day = 3; day >= 1; day--) {
    for (const [i, key] of builtinKeys.entries()) {
      const now = NOW - day * DAY + i * MINUTE
      await storage.recordReview({
        cardId: `${BUILTIN}/${key}`,
        questionId: `${BUILTIN}/${key}/${day === 3 ? 'multiple-choice' : 'typed'}`,
        deckId: BUILTIN,
        fingerprint: `fp:${key}`,
        grade: grades[(i + day) % grades.length] as Grade,
        now,
        ms: 2000 + 700 * i,
      })
    }
  }
  await storage.recordQuizAnswer({
    cardId: `${userDeck.id}/metal`,
    questionId: `${userDeck.id}/metal/choice`,
    deckId: userDeck.id,
    fingerprint: 'fp:metal',
    kind: 'choice',
    correct: false,
    ms: 5000,
    now: NOW - DAY,
  })
  await storage.quizAttempts.add({
    deckId: userDeck.id,
    startedAt: NOW - DAY - 2 * MINUTE,
    finishedAt: NOW - DAY,
    seed: 42,
    answers: [
      {
        questionId: `${userDeck.id}/metal/choice`,
        cardId: `${userDeck.id}/metal`,
        kind: 'choice',
        correct: false,
        ms: 5000,
        given: 'gold',
      },
      {
        questionId: `${userDeck.id}/stavraton/basic`,
        cardId: `${userDeck.id}/stavraton`,
        kind: 'basic',
        correct: true,
        ms: 3000,
      },
    ],
  })
  // Since schema version 2: one card suspended, one buried until tomorrow.
  const ref = (key: string) => ({ cardId: `${BUILTIN}/${key}`, fingerprint: `fp:${key}` })
  await storage.suspendCards(BUILTIN, [ref('spouse/john-vii')], true, NOW)
  await storage.buryCards(BUILTIN, [ref('diedAt/john-vii')], NOW + DAY, NOW)
  await storage.sessions.save({
    id: `study:${BUILTIN}`,
    mode: 'study',
    deckId: BUILTIN,
    startedAt: NOW - 10 * MINUTE,
    updatedAt: NOW - 9 * MINUTE,
    seed: 7,
    items: builtinKeys
      .slice(0, 3)
      .map((k) => ({ cardId: `${BUILTIN}/${k}`, questionId: `${BUILTIN}/${k}/typed`, isNew: false })),
    answers: [
      {
        cardId: `${BUILTIN}/${builtinKeys[0]}`,
        questionId: `${BUILTIN}/${builtinKeys[0]}/typed`,
        grade: 3,
        ms: 2500,
        at: NOW - 9 * MINUTE,
      },
    ],
  })
}

/** A deck followed at a teacher's URL (since schema version 4), with one review of its cards. */
export async function populateSubscription(storage: Storage): Promise<void> {
  const deck: Deck = { ...userDeck, id: 'published-coins', title: 'Coins, as the teacher publishes them' }
  const questions = generateQuestions(deck, { seed: deckSeed(deck.id) })
  await storage.saveSubscribedDeck({
    deck,
    questions,
    subscription: {
      deckId: deck.id,
      url: 'https://school.example/decks/coins.yaml',
      etag: 'W/"coins-1"',
      lastModified: 'Sat, 08 Mar 2025 10:00:00 GMT',
      versionHash: 'v1-hash',
      subscribedAt: NOW - 2 * DAY,
      checkedAt: NOW - DAY,
      autoUpdate: false,
    },
    now: NOW - 2 * DAY,
  })
  const [question] = questions
  if (!question) throw new Error('the published deck has no questions')
  await storage.recordReview({
    cardId: question.cardId,
    questionId: question.id,
    deckId: deck.id,
    fingerprint: question.fingerprint,
    grade: 3,
    now: NOW - DAY,
  })
}
