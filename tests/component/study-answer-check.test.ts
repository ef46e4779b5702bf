// Answer checking (typed-answer matching, date parsing) is not needed to show a card: it loads
// with the first answer. An answer given before it has loaded is checked once it loads, on the
// card it was given on — never dropped, never applied to the card that shows next — and a grade
// pressed meanwhile waits for that check.
// Sets the global indexedDB before Dexie loads: liveQuery only runs where Dexie saw one.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Grade } from '../../src/domain/scheduling/types'
import { studySessionId } from '../../src/stores/study'
import { question } from './fixtures'

/** The checker's module, arriving only when the test lets it (as over a slow network). */
function slowChecker() {
  const checker = { asked: 0, arrive: () => {} }
  const arrived = new Promise<void>((resolve) => (checker.arrive = resolve))
  vi.doMock('../../src/domain/questions/check-response', async (original) => {
    checker.asked++
    await arrived
    return original()
  })
  return checker
}

const questions = [question('multiple-choice'), question('true-false'), question('basic')]
let opened: Array<{ close(): void }> = []

/** A fresh page: its modules loaded anew, the checker not yet. */
async function startApp(name: string) {
  vi.resetModules()
  const checker = slowChecker()
  const { useStorageStore } = await import('../../src/stores/storage')
  const { useSettingsStore } = await import('../../src/stores/settings')
  const { useStudyStore } = await import('../../src/stores/study')
  setActivePinia(createPinia())
  const storage = useStorageStore()
  await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name, enableFuzz: false })
  opened.push(storage.db())
  await useSettingsStore().load()
  const study = useStudyStore()
  await study.start('test-deck', questions)
  expect(study.phase).toBe('studying')
  return { study, db: storage.db(), checker }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('an answer given before the checker has loaded', () => {
  afterEach(() => {
    for (const db of opened) db.close()
    opened = []
  })

  it('is checked once it loads, on its own card; a grade pressed meanwhile waits and records it', async () => {
    const { study, db, checker } = await startApp('answer-before-checker')
    expect(checker.asked).toBe(0) // showing the card did not ask for it
    const first = study.question!
    expect(first.kind).toBe('multiple-choice')

    // A wrong pick: the answer side shows at once, the verdict once the checker is there.
    const picked = study.answered({ response: { kind: 'choice', choice: 'John V Palaiologos' }, elapsedMs: 4000 })
    expect(study.revealed).toBe(true)
    expect(study.pending).toEqual({ kind: 'choice', choice: 'John V Palaiologos' })
    expect(study.result).toBeUndefined()
    // A second press on the same card changes nothing: the first answer is the one checked.
    void study.answered({ response: { kind: 'choice', choice: 'Andronikos IV Palaiologos' }, elapsedMs: 4100 })
    const graded = study.grade(3 as Grade)
    await settle()
    expect(checker.asked).toBe(1)
    expect(study.question?.id).toBe(first.id)
    expect(study.grading).toBe(true)
    expect(await db.reviews.count()).toBe(0)

    checker.arrive()
    await Promise.all([picked, graded])
    const saved = await db.sessions.load(studySessionId('test-deck'))
    expect(saved?.answers).toHaveLength(1)
    expect(saved?.answers[0]).toMatchObject({ cardId: first.cardId, grade: 3, ms: 4000, correct: false })
    expect((await db.reviews.forCard(first.cardId)).map((r) => r.grade)).toEqual([3])
    // The next card shows unanswered: nothing of the first card's answer is on it.
    expect(study.question?.id).not.toBe(first.id)
    expect(study.revealed).toBe(false)
    expect(study.result).toBeUndefined()
    expect(study.pending).toBeUndefined()
  })

  it('is not checked on another card when the learner left its card before the check', async () => {
    const { study, checker } = await startApp('undo-before-check')
    const first = study.question!
    study.reveal()
    await study.grade(3 as Grade)
    const second = study.question!
    expect(second.id).not.toBe(first.id)
    const answered = study.answered({ response: { kind: 'choice', choice: String(second.answer) }, elapsedMs: 2000 })
    expect(study.pending).toBeDefined()
    // Undo (Z) before the checker arrived: the first card shows again, question side up.
    await study.undo()
    expect(study.question?.id).toBe(first.id)
    checker.arrive()
    await answered
    expect(checker.asked).toBe(1)
    expect(study.result).toBeUndefined()
    expect(study.pending).toBeUndefined()
    expect(study.revealed).toBe(false)
  })
})
