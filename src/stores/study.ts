import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Question } from '../domain/questions/types'
import { createRandom } from '../domain/random'
import type { Grade, IntervalPreview } from '../domain/scheduling/types'
import { startOfDay } from '../domain/stats'
import {
  buildStudyQueue,
  LEARN_AHEAD_MS,
  shouldRepeatInSession,
  suggestGrade,
  summarizeSession,
  type SessionSummary,
} from '../domain/study'
import type { SessionAnswer, StudySession } from '../domain/study/types'
import type { AnswerResult } from '../domain/questions/response-types'
import { useSettingsStore } from './settings'
import { useStorageStore } from './storage'

export type StudyPhase = 'idle' | 'loading' | 'studying' | 'done' | 'empty' | 'error'

export const studySessionId = (deckId: string) => `study:${deckId}`

const utcOffset = (now: number) => -new Date(now).getTimezoneOffset()

/**
 * One study session: the queue of cards, the card showing, its answer and grade. A grade is written
 * to storage (card state, log entry and session, in one transaction) before the next card shows,
 * and the saved session lets a reload resume where the learner was.
 */
export const useStudyStore = defineStore('study', () => {
  const phase = ref<StudyPhase>('idle')
  const error = ref<string>()
  const session = shallowRef<StudySession>()
  const questions = shallowRef<ReadonlyMap<string, Question>>(new Map())
  const revealed = ref(false)
  const result = shallowRef<AnswerResult>()
  const intervals = shallowRef<Record<Grade, IntervalPreview>>()
  const intervalsAt = ref(0)
  const grading = ref(false)
  const summary = shallowRef<SessionSummary>()
  /** Earliest due time among the deck's studied cards, for "Nothing due" and the summary. */
  const nextDue = ref<number>()
  const newLimitReached = ref(false)
  let shownAt = 0

  const position = computed(() => session.value?.answers.length ?? 0)
  const total = computed(() => session.value?.items.length ?? 0)
  const currentItem = computed(() => session.value?.items[position.value])
  const question = computed(() => (currentItem.value ? questions.value.get(currentItem.value.questionId) : undefined))
  const suggested = computed<Grade | undefined>(() =>
    result.value && question.value
      ? suggestGrade({ correct: result.value.check.correct, ms: result.value.elapsedMs, kind: question.value.kind })
      : undefined,
  )

  /** Resumes the deck's saved session, or builds a new one from what is due. */
  async function start(deckId: string, deckQuestions: readonly Question[]): Promise<void> {
    phase.value = 'loading'
    error.value = undefined
    summary.value = undefined
    questions.value = new Map(deckQuestions.map((q) => [q.id, q]))
    try {
      const db = useStorageStore().db()
      const saved = await db.sessions.load(studySessionId(deckId))
      const now = Date.now()
      // A session from an earlier day is stale: what is due has moved on since.
      const sameDay = saved && startOfDay(saved.updatedAt, utcOffset(now)) === startOfDay(now, utcOffset(now))
      const resumable =
        saved &&
        sameDay &&
        saved.answers.length < saved.items.length &&
        saved.items.every((i) => questions.value.has(i.questionId))
      session.value = resumable ? saved : await newSession(deckId, deckQuestions)
      if (!session.value) {
        await readNextDue(deckId)
        phase.value = 'empty'
        return
      }
      await show()
    } catch (e) {
      fail(e)
    }
  }

  async function newSession(deckId: string, deckQuestions: readonly Question[]): Promise<StudySession | undefined> {
    const db = useStorageStore().db()
    const { settings } = useSettingsStore()
    const now = Date.now()
    const [{ cards, knownCardIds }, newIntroducedToday] = await Promise.all([
      db.cards.forStudy(deckId, now, utcOffset(now)),
      db.reviews.newIntroducedSince(deckId, startOfDay(now, utcOffset(now))),
    ])
    const seed = now >>> 0
    const queue = buildStudyQueue({
      cards,
      knownCardIds,
      questions: deckQuestions,
      now,
      utcOffsetMinutes: utcOffset(now),
      newPerDay: settings.newPerDay,
      newIntroducedToday,
      recognitionFirst: settings.recognitionFirst,
      random: createRandom(seed),
    })
    newLimitReached.value = queue.newAvailable > queue.newCount
    if (!queue.items.length) return undefined
    const fresh: StudySession = {
      id: studySessionId(deckId),
      mode: 'study',
      deckId,
      startedAt: now,
      updatedAt: now,
      seed,
      items: queue.items.map((i) => ({ cardId: i.cardId, questionId: i.question.id, isNew: i.isNew })),
      answers: [],
    }
    await db.sessions.save(fresh)
    return fresh
  }

  async function show(): Promise<void> {
    revealed.value = false
    result.value = undefined
    intervals.value = undefined
    if (!currentItem.value) return finish()
    phase.value = 'studying'
    shownAt = performance.now()
    const now = Date.now()
    intervals.value = await useStorageStore().db().previewIntervals(currentItem.value.cardId, now)
    intervalsAt.value = now
  }

  function reveal() {
    revealed.value = true
  }

  /** The learner answered a question with an input: show the answer, and suggest a grade. */
  function answered(answer: AnswerResult) {
    if (result.value) return
    result.value = answer
    revealed.value = true
  }

  /** Stores the grade (card, log and session in one transaction), then shows the next card. */
  async function grade(value: Grade): Promise<void> {
    const current = session.value
    const item = currentItem.value
    const q = question.value
    if (!current || !item || !q || grading.value || !revealed.value) return
    grading.value = true
    const now = Date.now()
    const ms = Math.round(result.value?.elapsedMs ?? performance.now() - shownAt)
    const answer: SessionAnswer = { cardId: item.cardId, questionId: item.questionId, grade: value, ms, at: now }
    if (result.value) answer.correct = result.value.check.correct
    const next: StudySession = { ...current, updatedAt: now, answers: [...current.answers, answer] }
    // A card kept in short learning steps comes back later in this session, as in Anki. The grade's
    // preview says so in advance, so the repeat is saved in the review's own transaction.
    const again = { cardId: item.cardId, questionId: item.questionId, isNew: false }
    const preview = intervals.value?.[value]
    const repeatPlanned = preview !== undefined && preview.due - intervalsAt.value <= LEARN_AHEAD_MS
    if (repeatPlanned) next.items = [...next.items, again]
    try {
      const db = useStorageStore().db()
      const { card } = await db.recordReview({
        cardId: item.cardId,
        questionId: item.questionId,
        deckId: current.deckId,
        fingerprint: q.fingerprint,
        grade: value,
        now,
        ms,
        source: 'study',
        session: next,
      })
      if (!repeatPlanned && shouldRepeatInSession(card.state, now)) {
        next.items = [...next.items, again]
        await db.sessions.save(next)
      }
      session.value = next
      await show()
    } catch (e) {
      fail(e)
    } finally {
      grading.value = false
    }
  }

  async function finish(): Promise<void> {
    const current = session.value
    if (!current) return
    const db = useStorageStore().db()
    const cards = await db.cards.forDeck(current.deckId)
    summary.value = summarizeSession(current, cards)
    await readNextDue(current.deckId)
    await db.sessions.clear(current.id)
    phase.value = 'done'
  }

  async function readNextDue(deckId: string): Promise<void> {
    const cards = await useStorageStore().db().cards.forDeck(deckId)
    nextDue.value = cards.reduce<number | undefined>(
      (min, c) =>
        c.retired || c.state.phase === 'new' || (min !== undefined && min <= c.state.due) ? min : c.state.due,
      undefined,
    )
  }

  function fail(e: unknown) {
    if (useStorageStore().report(e)) return
    error.value = e instanceof Error ? e.message : String(e)
    phase.value = 'error'
  }

  return {
    phase,
    error,
    session,
    revealed,
    result,
    intervals,
    intervalsAt,
    grading,
    summary,
    nextDue,
    newLimitReached,
    position,
    total,
    question,
    suggested,
    start,
    reveal,
    answered,
    grade,
  }
})
