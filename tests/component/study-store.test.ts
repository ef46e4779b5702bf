// The study session against real storage (fake-indexeddb): a grade is written — card state, log
// entry and session in one transaction — before the next card shows; a failed write never moves
// on; and a reload resumes the session after the last stored review.
// Sets the global indexedDB before Dexie loads: liveQuery only runs where Dexie saw one.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { watch } from 'vue'
import type { Grade } from '../../src/domain/scheduling/types'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'
import { studySessionId, useStudyStore } from '../../src/stores/study'
import { question } from './fixtures'

const questions = [question('multiple-choice'), question('basic'), question('typed')]
let opened: Array<{ close(): void }> = []

async function startApp(factory: IDBFactory, name: string) {
  setActivePinia(createPinia())
  const storage = useStorageStore()
  await storage.open({ indexedDB: factory, IDBKeyRange, name, enableFuzz: false })
  expect(storage.status).toBe('ready')
  opened.push(storage.db())
  await useSettingsStore().load()
  const study = useStudyStore()
  await study.start('test-deck', questions)
  return { storage, study, db: storage.db() }
}

describe('study store', () => {
  afterEach(() => {
    for (const db of opened) db.close()
    opened = []
  })

  it('stores each grade before it shows the next card', async () => {
    const { study, db } = await startApp(new IDBFactory(), 'grade-order')
    expect(study.phase).toBe('studying')
    expect(study.total).toBe(3)
    const first = study.question!

    const events: string[] = []
    const recordReview = db.recordReview
    db.recordReview = async (input) => {
      const stored = await recordReview(input)
      events.push(`stored ${input.cardId}`)
      return stored
    }
    const stop = watch(
      () => study.question?.id,
      (id) => events.push(`showing ${id}`),
      { flush: 'sync' },
    )

    study.reveal()
    await study.grade(3 as Grade)
    stop()

    expect(events).toEqual([`stored ${first.cardId}`, `showing ${questions[1]!.id}`])
    const log = await db.reviews.forCard(first.cardId)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ grade: 3, questionId: first.id, deckId: 'test-deck', source: 'study' })
    const card = await db.cards.get(first.cardId)
    expect(card?.state.reps).toBe(1)
    const saved = await db.sessions.load(studySessionId('test-deck'))
    expect(saved?.answers.map((a) => a.cardId)).toEqual([first.cardId])
  })

  it('queues a card graded Again to come back in this session, saved with the review itself', async () => {
    const { study, db } = await startApp(new IDBFactory(), 'repeat')
    const first = study.question!
    let separateSaves = 0
    const save = db.sessions.save
    db.sessions.save = (session) => {
      separateSaves++
      return save(session)
    }
    study.reveal()
    await study.grade(1 as Grade)
    const saved = await db.sessions.load(studySessionId('test-deck'))
    expect(saved?.items.map((i) => i.questionId)).toEqual([...questions.map((q) => q.id), first.id])
    expect(separateSaves).toBe(0)
    expect(study.total).toBe(4)
  })

  it('does not move on when the grade cannot be stored', async () => {
    const { study, db, storage } = await startApp(new IDBFactory(), 'grade-fails')
    const first = study.question!.id
    db.recordReview = () => Promise.reject(new Error('disk on fire'))
    study.reveal()
    await study.grade(1 as Grade)
    expect(study.question?.id).toBe(first)
    expect(study.phase).toBe('error')
    expect(study.error).toContain('disk on fire')
    expect(storage.status).toBe('ready')
    expect(await db.reviews.count()).toBe(0)
  })

  // The scheduler (ts-fsrs) is not needed for the first card: it loads with the first card's
  // intervals, once the answer shows. A grade pressed before they are ready waits for them.
  it('asks for intervals once the answer shows; a grade pressed before they are ready waits and grades that card', async () => {
    setActivePinia(createPinia())
    const storage = useStorageStore()
    await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'grade-while-loading', enableFuzz: false })
    const db = storage.db()
    opened.push(db)
    await useSettingsStore().load()
    let ready!: () => void
    const loaded = new Promise<void>((resolve) => (ready = resolve))
    const asked: string[] = []
    const previewIntervals = db.previewIntervals
    db.previewIntervals = async (cardId, now) => {
      asked.push(cardId)
      await loaded
      return previewIntervals(cardId, now)
    }
    let separateSaves = 0
    const save = db.sessions.save
    db.sessions.save = (session) => {
      separateSaves++
      return save(session)
    }
    const study = useStudyStore()
    await study.start('test-deck', questions)
    expect(study.phase).toBe('studying')
    const first = study.question!
    expect(asked).toEqual([])

    study.reveal()
    expect(asked).toEqual([first.cardId])
    const pressed = study.grade(1 as Grade)
    const again = study.grade(4 as Grade) // a second key while the first waits: input is held
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await db.reviews.count()).toBe(0)
    expect(study.question?.id).toBe(first.id)
    expect(study.grading).toBe(true)

    ready()
    await Promise.all([pressed, again])
    expect(study.phase).toBe('studying')
    const reviews = await db.reviews.forDeck('test-deck')
    expect(reviews.map((r) => [r.cardId, r.grade])).toEqual([[first.cardId, 1]])
    expect(study.question?.id).toBe(questions[1]!.id)
    // Again's one-minute step, read from the intervals, queued the card again with the review itself.
    const saved = await db.sessions.load(studySessionId('test-deck'))
    expect(saved?.items.map((i) => i.questionId)).toEqual([...questions.map((q) => q.id), first.id])
    expect(separateSaves).toBe(1) // the new session, saved once when it was built
    expect(asked).toEqual([first.cardId])
  })

  it('ignores a grade before the answer is shown', async () => {
    const { study, db } = await startApp(new IDBFactory(), 'grade-hidden')
    await study.grade(3 as Grade)
    expect(study.position).toBe(0)
    expect(await db.reviews.count()).toBe(0)
  })

  it('resumes after a reload with the reviews kept and the right card next', async () => {
    const factory = new IDBFactory()
    const first = await startApp(factory, 'resume')
    first.study.reveal()
    await first.study.grade(3 as Grade)
    first.study.reveal()
    await first.study.grade(4 as Grade)
    const expectedNext = first.study.question!.id
    first.db.close()

    const second = await startApp(factory, 'resume')
    expect(second.study.position).toBe(2)
    expect(second.study.question?.id).toBe(expectedNext)
    expect(await second.db.reviews.count()).toBe(2)
  })

  it('starts afresh instead of resuming a session left on an earlier day', async () => {
    const factory = new IDBFactory()
    const first = await startApp(factory, 'stale')
    first.study.reveal()
    await first.study.grade(1 as Grade)
    const saved = (await first.db.sessions.load(studySessionId('test-deck')))!
    await first.db.sessions.save({
      ...saved,
      startedAt: saved.startedAt - 2 * 86_400_000,
      updatedAt: saved.updatedAt - 2 * 86_400_000,
    })
    first.db.close()

    const second = await startApp(factory, 'stale')
    expect(second.study.position).toBe(0)
    expect(second.study.session?.startedAt).toBeGreaterThan(saved.startedAt)
  })

  it('ends with a summary once every card is graded, and then has nothing due', async () => {
    const factory = new IDBFactory()
    const { study, db } = await startApp(factory, 'finish')
    for (let i = 0; i < 3; i++) {
      study.reveal()
      await study.grade(4 as Grade)
    }
    expect(study.phase).toBe('done')
    expect(study.summary?.reviewed).toBe(3)
    expect(study.nextDue).toBeGreaterThan(Date.now())
    // The finished session stays saved (its last review can still be undone) but does not resume.
    expect((await db.sessions.load(studySessionId('test-deck')))?.answers).toHaveLength(3)

    await study.start('test-deck', questions)
    expect(study.phase).toBe('empty')
  })

  it('undoes reviews one by one: card state, log entry and session step back, and the card shows again', async () => {
    const factory = new IDBFactory()
    const { study, db } = await startApp(factory, 'undo')
    const shown: string[] = []
    for (const grade of [3, 1, 4] as Grade[]) {
      shown.push(study.question!.id)
      study.reveal()
      await study.grade(grade)
    }
    const cardOf = (id: string) => questions.find((q) => q.id === id)!.cardId
    expect(await db.reviews.count()).toBe(3)
    const afterFirst = await db.cards.get(cardOf(shown[0]!))

    await study.undo()
    expect(study.question?.id).toBe(shown[2])
    expect(study.revealed).toBe(false)
    expect(await db.cards.get(cardOf(shown[2]!))).toBeUndefined() // the review created it
    await study.undo()
    expect(study.question?.id).toBe(shown[1])
    // The Again repeat it queued is gone with it; the first Good's 10-minute step stays queued.
    expect(study.total).toBe(4)
    expect(await db.reviews.count()).toBe(1)
    expect(await db.cards.get(cardOf(shown[0]!))).toEqual(afterFirst)
    const saved = await db.sessions.load(studySessionId('test-deck'))
    expect(saved?.answers.map((a) => a.questionId)).toEqual([shown[0]])
    expect(saved?.items).toHaveLength(4)

    // After a reload the last review of the session can still be undone.
    db.close()
    const reloaded = await startApp(factory, 'undo')
    expect(reloaded.study.question?.id).toBe(shown[1])
    expect(reloaded.study.canUndo).toBe(true)
    await reloaded.study.undo()
    expect(reloaded.study.question?.id).toBe(shown[0])
    expect(await reloaded.db.reviews.count()).toBe(0)
    expect(await reloaded.db.cards.get(cardOf(shown[0]!))).toBeUndefined()
    expect(reloaded.study.canUndo).toBe(false)
  })

  it('counts New · Learning · Review left, each going down; Again moves a card to Learning', async () => {
    const { study } = await startApp(new IDBFactory(), 'counts')
    expect(study.counts).toEqual({ new: 3, learning: 0, review: 0 })
    study.reveal()
    await study.grade(1 as Grade)
    expect(study.counts).toEqual({ new: 2, learning: 1, review: 0 })
    study.reveal()
    await study.grade(4 as Grade)
    expect(study.counts).toEqual({ new: 1, learning: 1, review: 0 })
  })
})
