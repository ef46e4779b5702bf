import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Question } from '../domain/questions/types'
import { createRandom } from '../domain/random'
import { plural } from '../domain/text/format'
import type { Grade, IntervalPreview } from '../domain/scheduling/types'
import {
  answerCurrent,
  buildStudyQueue,
  customStudyTitle,
  failedSince,
  isPractice,
  isSetAside,
  moreNewTitle,
  pendingCardIds,
  practiceRepeats,
  raisedNewLimit,
  withoutSetAside,
  type CustomStudy,
  type CustomStudyChoices,
  isResumable,
  itemQueue,
  nextDueOf,
  queueOf,
  queueRepeatOfLast,
  repeatPlanned,
  sessionCounts,
  sessionMovedOn,
  shouldRepeatInSession,
  suggestGrade,
  summarizeSession,
  undoLastAnswer,
  type SessionCounts,
  type SessionSummary,
} from '../domain/study'
import type { SessionAnswer, StudySession } from '../domain/study/types'
import type { AnswerGiven, AnswerResponse, AnswerResult } from '../domain/questions/response-types'
import type { StudyQueue } from '../domain/study/queue'
import type { QueueRequest } from '../workers/deck-questions'
import { useClock } from './clock'
import type { DeckQuestionSource } from './deck'
import { useSettingsStore } from './settings'
import { useStorageStore } from './storage'

export type StudyPhase = 'idle' | 'loading' | 'studying' | 'done' | 'empty' | 'error'

export const studySessionId = (deckId: string) => `study:${deckId}`

const customQueue = () => import('../domain/study/custom-queue')
/** Answer checking (typed-answer matching, date parsing): not needed to show a card. */
const checker = () => import('../domain/questions/check-response')

/** A deck's questions held in the page, as a source (tests, and callers that have the list). */
function listSource(all: readonly Question[]): DeckQuestionSource {
  return {
    queue: async ({ seed, ...options }): Promise<StudyQueue> =>
      buildStudyQueue({ ...options, questions: all, random: createRandom(seed) }),
    custom: async ({ seed, ...options }) =>
      (await customQueue()).buildCustomQueue({ ...options, questions: all, random: createRandom(seed) }),
    choices: async (options) => (await customQueue()).customStudyChoices({ ...options, questions: all }),
    questions: async (ids) => {
      const wanted = new Set(ids)
      return all.filter((q) => wanted.has(q.id))
    },
  }
}

/**
 * One study session: the queue of cards, the card showing, its answer and grade. A grade is written
 * to storage (card state, log entry and session, in one transaction) before the next card shows,
 * and the saved session lets a reload resume where the learner was — and undo its last review.
 */
export const useStudyStore = defineStore('study', () => {
  const phase = ref<StudyPhase>('idle')
  const error = ref<string>()
  /** A problem that leaves the session usable (an undo that could not be done). */
  const notice = ref<string>()
  const session = shallowRef<StudySession>()
  const questions = shallowRef<ReadonlyMap<string, Question>>(new Map())
  const revealed = ref(false)
  const result = shallowRef<AnswerResult>()
  /** The learner's answer while the checker loads (see answered). */
  const pending = shallowRef<AnswerResponse>()
  const intervals = shallowRef<Record<Grade, IntervalPreview>>()
  const intervalsAt = ref(0)
  /** A grade or an undo is being saved, or the next card prepared: input waits. */
  const grading = ref(false)
  /** Counts every showing of a card (a new card, the same card after an undo): input belongs to one showing. */
  const showing = ref(0)
  const summary = shallowRef<SessionSummary>()
  /** Earliest due time among the deck's studied cards, for "Nothing due" and the summary. */
  const nextDue = ref<number>()
  const newLimitReached = ref(false)
  /** New cards not yet studied beyond today's limit, for "Study more new cards". */
  const newBeyondLimit = ref(0)
  /** Counts each queue built, so a late count of new cards belongs to the latest. */
  let countings = 0
  /** What a practice session can be about, once "Nothing due" asked for it. */
  const choices = shallowRef<CustomStudyChoices>()
  /** A custom session asked for before the study view opened (Study now in the card browser). */
  let requested: { deckId: string; custom: CustomStudy } | undefined
  let shownAt = 0
  /** The intervals being computed for one showing of a card (see previewShown). */
  let previewing: { shown: number; done: Promise<void> } | undefined
  /** The answer being checked on one showing of a card (see answered). */
  let checking: { shown: number; done: Promise<void> } | undefined
  /** Where the deck's questions are; the page holds only the session's (`questions`). */
  let source: DeckQuestionSource = listSource([])
  let following: { unsubscribe(): void } | undefined
  /** The deck "Nothing due" is showing. */
  let shownDeck: string | undefined
  /**
   * A new session being saved, on a first visit once storage opens (its first card does not wait
   * for that): a grade waits for it.
   */
  let saving: Promise<void> = Promise.resolve()
  /** Counts each follow, so that only the latest one subscribes. */
  let follows = 0

  const position = computed(() => session.value?.answers.length ?? 0)
  const total = computed(() => session.value?.items.length ?? 0)
  const counts = computed<SessionCounts>(() =>
    session.value ? sessionCounts(session.value) : { new: 0, learning: 0, review: 0 },
  )
  const currentItem = computed(() => session.value?.items[position.value])
  const question = computed(() => (currentItem.value ? questions.value.get(currentItem.value.questionId) : undefined))
  const suggested = computed<Grade | undefined>(() =>
    result.value && question.value
      ? suggestGrade({ correct: result.value.check.correct, ms: result.value.elapsedMs, kind: question.value.kind })
      : undefined,
  )
  const currentQueue = computed(() => (currentItem.value ? itemQueue(currentItem.value) : undefined))
  const practice = computed(() => session.value?.practice === true)
  const canUndo = computed(() => {
    const last = session.value?.answers.at(-1)
    return last !== undefined && (last.undo !== undefined || practice.value)
  })

  /**
   * Resumes the deck's saved session, or builds a new one from what is due. The deck's questions
   * come as a list or as a source that keeps them elsewhere (the deck store's worker) and hands
   * over only the session's.
   */
  async function start(deckId: string, deckQuestions: readonly Question[] | DeckQuestionSource): Promise<void> {
    phase.value = 'loading'
    error.value = undefined
    notice.value = undefined
    summary.value = undefined
    questions.value = new Map()
    source = 'queue' in deckQuestions ? deckQuestions : listSource(deckQuestions)
    try {
      const db = await useStorageStore().reading()
      const clock = useClock()
      const saved = await db.sessions.load(studySessionId(deckId))
      if (saved) await fetchQuestions(saved)
      const now = clock.now()
      const today = { start: clock.startOfDay(now), end: clock.endOfDay(now) }
      const asked = requested?.deckId === deckId ? requested.custom : undefined
      requested = undefined
      if (asked) return await begin(deckId, () => customSession(deckId, asked))
      session.value = isResumable(saved, today, (id) => questions.value.has(id)) ? saved : await newSession(deckId)
      follow(deckId)
      if (!session.value) return await empty(deckId)
      await show()
    } catch (e) {
      fail(e)
    }
  }

  /** Study now: the next study view of this deck starts a session of exactly these cards. */
  function request(deckId: string, custom: CustomStudy): void {
    requested = { deckId, custom }
  }

  /** After "Nothing due": `count` new cards beyond today's limit, studied (and scheduled) as usual. */
  async function studyMoreNew(count: number): Promise<void> {
    const deckId = session.value?.deckId ?? shownDeck
    if (!deckId) return
    await begin(deckId, () => newSession(deckId, count))
  }

  /** After "Nothing due": a custom session (practice, or chosen cards). */
  async function studyCustom(custom: CustomStudy): Promise<void> {
    const deckId = session.value?.deckId ?? shownDeck
    if (!deckId) return
    await begin(deckId, () => customSession(deckId, custom))
  }

  async function begin(deckId: string, build: () => Promise<StudySession | undefined>): Promise<void> {
    phase.value = 'loading'
    error.value = undefined
    notice.value = undefined
    summary.value = undefined
    try {
      session.value = await build()
      follow(deckId)
      if (!session.value) {
        notice.value ??= 'No card matches: nothing to study.'
        return await empty(deckId)
      }
      await show()
    } catch (e) {
      fail(e)
    }
  }

  /** "Nothing due": when the next card is, and what studying more can offer. */
  async function empty(deckId: string): Promise<void> {
    shownDeck = deckId
    await readNextDue(deckId)
    phase.value = 'empty'
  }

  /** Reads what a practice session can be about (for the "Study more" menu). */
  async function loadChoices(): Promise<void> {
    const deckId = shownDeck
    if (!deckId) return
    try {
      const storage = useStorageStore()
      await storage.open()
      const db = storage.db()
      const clock = useClock()
      const now = clock.now()
      const [cards, failedToday] = await Promise.all([db.cards.forDeck(deckId), failedTodayIn(deckId, now)])
      choices.value = await source.choices({ cards, now, failedToday })
    } catch (e) {
      fail(e)
    }
  }

  const failedTodayIn = async (deckId: string, now: number) => {
    const since = useClock().startOfDay(now)
    return failedSince(await useStorageStore().db().reviews.forDeck(deckId, { since }), since)
  }

  async function customSession(deckId: string, custom: CustomStudy): Promise<StudySession | undefined> {
    const db = useStorageStore().db()
    const { settings } = useSettingsStore()
    const now = useClock().now()
    const [cards, failedToday] = await Promise.all([
      db.cards.forDeck(deckId),
      custom.type === 'failed-today' ? failedTodayIn(deckId, now) : undefined,
    ])
    const seed = now >>> 0
    const queue = await source.custom({
      custom,
      cards,
      now,
      seed,
      recognitionFirst: settings.recognitionFirst,
      ...(failedToday ? { failedToday } : {}),
    })
    questions.value = new Map(queue.items.map((i) => [i.question.id, i.question]))
    if (queue.setAside) notice.value = `Left out ${plural(queue.setAside, 'suspended or buried card')}.`
    if (!queue.items.length) return undefined
    return saveNew(deckId, now, seed, queue, {
      title: customStudyTitle(custom),
      ...(isPractice(custom) ? { practice: true } : {}),
    })
  }

  /** Brings the questions of a session's items into the page (those the deck still has). */
  async function fetchQuestions(of: StudySession): Promise<void> {
    const missing = [...new Set(of.items.map((i) => i.questionId))].filter((id) => !questions.value.has(id))
    if (!missing.length) return
    const found = await source.questions(missing)
    questions.value = new Map([...questions.value, ...found.map((q) => [q.id, q] as const)])
  }

  async function newSession(deckId: string, extraNew = 0): Promise<StudySession | undefined> {
    const db = await useStorageStore().reading()
    const clock = useClock()
    const { settings } = useSettingsStore()
    const now = clock.now()
    const endOfDay = clock.endOfDay(now)
    const [{ cards, knownCardIds }, newIntroducedToday] = await Promise.all([
      db.cards.forStudy(deckId, now, { endOfDay }),
      db.reviews.newIntroducedSince(deckId, clock.startOfDay(now)),
    ])
    const seed = now >>> 0
    const request: QueueRequest = {
      cards,
      knownCardIds,
      now,
      endOfDay,
      newPerDay: extraNew ? raisedNewLimit(settings.newPerDay, newIntroducedToday, extraNew) : settings.newPerDay,
      newIntroducedToday,
      recognitionFirst: settings.recognitionFirst,
      seed,
    }
    const queue = await source.queue(request)
    questions.value = new Map(queue.items.map((i) => [i.question.id, i.question]))
    countNew(queue)
    // The queue came from the deck's first cards (the rest was being generated): the new cards
    // beyond today's limit are counted again once the whole deck is there.
    const asked = ++countings
    if (queue.newAvailableSoFar)
      void source.queue({ ...request, whole: true }).then(
        (whole) => {
          if (asked === countings) countNew(whole)
        },
        () => undefined,
      )
    if (!queue.items.length) return undefined
    return saveNew(deckId, now, seed, queue, extraNew ? { title: moreNewTitle(queue.newCount) } : {})
  }

  function countNew(queue: StudyQueue) {
    newLimitReached.value = queue.newAvailable > queue.newCount
    newBeyondLimit.value = queue.newAvailable - queue.newCount
  }

  async function saveNew(
    deckId: string,
    now: number,
    seed: number,
    queue: StudyQueue,
    extra: Pick<StudySession, 'practice' | 'title'>,
  ): Promise<StudySession> {
    const fresh: StudySession = {
      id: studySessionId(deckId),
      mode: 'study',
      deckId,
      startedAt: now,
      updatedAt: now,
      seed,
      ...extra,
      items: queue.items.map((i) => ({
        cardId: i.cardId,
        questionId: i.question.id,
        isNew: i.isNew,
        queue: queueOf(i),
      })),
      answers: [],
    }
    const storage = useStorageStore()
    const saved = (await storage.reading()).sessions.save(fresh)
    // A first visit shows its first card before storage opens: the session is saved once it is.
    if (storage.status === 'ready') await saved
    else {
      saving = saved
      saved.catch(fail)
    }
    return fresh
  }

  /** Shows the session's current card, question side up (its intervals come with its answer). */
  async function show(): Promise<void> {
    revealed.value = false
    result.value = undefined
    pending.value = undefined
    intervals.value = undefined
    await skipSetAside()
    showing.value++
    if (!currentItem.value) return finish()
    summary.value = undefined
    phase.value = 'studying'
    shownAt = performance.now()
  }

  /**
   * The card's intervals for its grade buttons, computed once its answer shows: the scheduler
   * (ts-fsrs) loads then, not before the first card. Practice schedules nothing: no intervals.
   */
  function previewShown(): Promise<void> {
    const cardId = currentItem.value?.cardId
    if (practice.value || cardId === undefined) return Promise.resolve()
    const shown = showing.value
    if (previewing?.shown !== shown) previewing = { shown, done: preview(cardId, shown) }
    return previewing.done
  }

  async function preview(cardId: string, shown: number): Promise<void> {
    const now = useClock().now()
    const storage = useStorageStore()
    // A first visit's storage (and scheduler) may still be opening.
    if (storage.status !== 'ready') await storage.open()
    const byGrade = await storage.db().previewIntervals(cardId, now)
    if (showing.value !== shown) return
    intervals.value = byGrade
    intervalsAt.value = now
  }

  /**
   * Cards suspended or buried since the session was built (in the card browser, here or in another
   * tab) are not shown, neither when due nor when coming back in their learning steps.
   */
  async function skipSetAside(): Promise<void> {
    const current = session.value
    if (!current) return
    const item = current.items[current.answers.length]
    if (!item) return
    const db = await useStorageStore().reading()
    const now = useClock().now()
    // One read per card shown; the rest of the session is read only once the card showing is set aside.
    const card = await db.cards.get(item.cardId)
    if (!card || !isSetAside(card, now)) return
    const cards = await db.cards.many(pendingCardIds(current))
    const aside = new Set(cards.filter((c) => isSetAside(c, now)).map((c) => c.cardId))
    const next = withoutSetAside(current, aside)
    if (next === current || session.value !== current) return
    await db.sessions.save(next)
    session.value = next
  }

  function reveal() {
    revealed.value = true
    previewShown().catch(fail)
  }

  /**
   * The learner answered a question with an input: show the answer, and once the answer is
   * checked, its verdict and a suggested grade. The checker loads with the first answer (or
   * before, see loadChecker); an answer given meanwhile is checked then, for the card it was given
   * on, and a grade pressed meanwhile waits for that check.
   */
  function answered(answer: AnswerGiven): Promise<void> {
    const q = question.value
    const shown = showing.value
    if (!q || result.value || checking?.shown === shown) return checking?.done ?? Promise.resolve()
    pending.value = answer.response
    revealed.value = true
    previewShown().catch(fail)
    checking = { shown, done: check(q, answer, shown).catch(fail) }
    return checking.done
  }

  async function check(q: Question, answer: AnswerGiven, shown: number): Promise<void> {
    const { checkResponse } = await checker()
    if (showing.value !== shown) return
    result.value = { ...answer, check: checkResponse(q, answer.response) }
    pending.value = undefined
  }

  /** Loads the answer checker ahead of the first answer (the study view does once its first card shows). */
  function loadChecker(): void {
    checker().catch(() => undefined)
  }

  /** Stores the grade (card, log and session in one transaction), then shows the next card. */
  async function grade(value: Grade): Promise<void> {
    const current = session.value
    const item = currentItem.value
    const q = question.value
    if (!current || !item || !q || grading.value || !revealed.value) return
    grading.value = true
    notice.value = undefined
    const now = useClock().now()
    const pressedAt = performance.now()
    try {
      // Pressed while the answer's check or the intervals (and the scheduler) still load: the
      // grade waits for them, and input stays held, so it grades this card.
      if (checking?.shown === showing.value) await checking.done
      await previewShown()
      await saving
      const ms = Math.round(result.value?.elapsedMs ?? pressedAt - shownAt)
      const answer: SessionAnswer = { cardId: item.cardId, questionId: item.questionId, grade: value, ms, at: now }
      if (result.value) answer.correct = result.value.check.correct
      // A card kept in short learning steps comes back later in this session, as in Anki.
      const planned = repeatPlanned(intervals.value?.[value], intervalsAt.value)
      let next = answerCurrent(current, answer, planned)
      const db = useStorageStore().db()
      if (current.practice) {
        // Practice: the answer is kept in the session only; no review, no card state.
        next = answerCurrent(current, answer, practiceRepeats(value))
        await db.sessions.save(next)
        session.value = next
        await show()
        return
      }
      const recorded = await db.recordReview({
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
      next = recorded.session ?? next
      if (!planned && shouldRepeatInSession(recorded.card.state, now)) {
        next = queueRepeatOfLast(next)
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

  /**
   * Takes back the last review, as Anki's Undo: the card's earlier state, its log entry and the
   * session's step, in one transaction; then that card shows again, question side up.
   */
  async function undo(): Promise<void> {
    const current = session.value
    if (!current || grading.value) return
    const undone = undoLastAnswer(current, useClock().now())
    if (!undone) return
    grading.value = true
    notice.value = undefined
    try {
      const db = useStorageStore().db()
      const saved = undone.answer.undo
      if (saved)
        await db.undoReview({
          reviewId: saved.reviewId,
          cardId: undone.answer.cardId,
          before: saved.before,
          session: undone.session,
        })
      else await db.sessions.save(undone.session)
      session.value = undone.session
      await show()
    } catch (e) {
      if (e instanceof Error && e.name === 'UndoUnavailableError') notice.value = e.message
      else fail(e)
    } finally {
      grading.value = false
    }
  }

  /**
   * Follows the saved session, so a second tab on the same deck moves with the first: it never asks
   * again a card graded there, and shows the intervals of the card as it is now.
   */
  function follow(deckId: string) {
    following?.unsubscribe()
    following = undefined
    const storage = useStorageStore()
    const asked = ++follows
    // On a first visit, once storage opens (after the first card).
    void storage
      .open()
      .then(() => import('../storage'))
      .then(({ liveQuery }) => {
        if (asked !== follows || storage.status !== 'ready') return
        const db = storage.db()
        following = liveQuery(() => db.sessions.load(studySessionId(deckId))).subscribe({
          // Following is a convenience: a closed database shows its own message elsewhere.
          error: () => undefined,
          next: async (saved) => {
            const local = session.value
            if (grading.value || !local || local.deckId !== deckId || !sessionMovedOn(local, saved)) return
            await fetchQuestions(saved).catch(() => undefined)
            if (session.value !== local || !saved.items.every((i) => questions.value.has(i.questionId))) return
            session.value = saved
            show().catch(fail)
          },
        })
      })
  }

  function stop() {
    follows++
    following?.unsubscribe()
    following = undefined
  }

  async function finish(): Promise<void> {
    const current = session.value
    if (!current) return
    const db = useStorageStore().db()
    const cards = await db.cards.forDeck(current.deckId)
    summary.value = summarizeSession(current, cards)
    shownDeck = current.deckId
    await readNextDue(current.deckId)
    // The finished session stays saved until the next one replaces it: its last review can be undone.
    phase.value = 'done'
  }

  async function readNextDue(deckId: string): Promise<void> {
    nextDue.value = nextDueOf(await (await useStorageStore().reading()).cards.forDeck(deckId))
  }

  function fail(e: unknown) {
    if (useStorageStore().report(e)) return
    error.value = e instanceof Error ? e.message : String(e)
    phase.value = 'error'
  }

  return {
    phase,
    error,
    notice,
    session,
    revealed,
    result,
    pending,
    intervals,
    intervalsAt,
    grading,
    showing,
    summary,
    nextDue,
    newLimitReached,
    newBeyondLimit,
    choices,
    practice,
    position,
    total,
    counts,
    currentQueue,
    question,
    suggested,
    canUndo,
    start,
    request,
    studyMoreNew,
    studyCustom,
    loadChoices,
    stop,
    reveal,
    answered,
    loadChecker,
    grade,
    undo,
  }
})
