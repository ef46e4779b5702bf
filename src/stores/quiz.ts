import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Question } from '../domain/questions/types'
import { createRandom } from '../domain/random'
import { buildQuiz, QUIZ_KINDS, scoreQuiz, type QuizScore } from '../domain/study'
import type { QuizAnswer } from '../domain/study/types'
import { describeResponse } from '../domain/questions/check-response'
import type { AnswerResult } from '../domain/questions/response-types'
import { useClock } from './clock'
import { useSettingsStore } from './settings'
import { useStorageStore } from './storage'

export interface QuizEntry {
  question: Question
  result: AnswerResult
}

/**
 * A quiz: N questions of mixed kinds, feedback after each, a score at the end. Each answer also
 * updates the card's schedule (wrong → Again), written before the feedback shows.
 */
export const useQuizStore = defineStore('quiz', () => {
  const phase = ref<'idle' | 'answering' | 'feedback' | 'done' | 'empty' | 'error'>('idle')
  const error = ref<string>()
  const deckId = ref<string>()
  const questions = shallowRef<Question[]>([])
  const entries = shallowRef<QuizEntry[]>([])
  const saving = ref(false)
  const score = shallowRef<QuizScore>()
  let startedAt = 0
  let seed = 0

  const index = computed(() => entries.value.length - (phase.value === 'feedback' ? 1 : 0))
  const question = computed(() => questions.value[index.value])
  const lastEntry = computed(() => (phase.value === 'feedback' ? entries.value.at(-1) : undefined))
  const mistakes = computed(() => entries.value.filter((e) => !e.result.check.correct))

  function start(deck: string, deckQuestions: readonly Question[]) {
    const { settings } = useSettingsStore()
    deckId.value = deck
    startedAt = useClock().now()
    seed = startedAt >>> 0
    questions.value = buildQuiz(deckQuestions, {
      count: settings.quizLength,
      random: createRandom(seed),
      kinds: QUIZ_KINDS,
    })
    entries.value = []
    score.value = undefined
    error.value = undefined
    phase.value = questions.value.length ? 'answering' : 'empty'
  }

  /** Records the answer on the card (one transaction), then shows the feedback. */
  async function answer(result: AnswerResult): Promise<void> {
    const q = question.value
    if (!q || phase.value !== 'answering' || saving.value) return
    saving.value = true
    try {
      await useStorageStore().db().recordQuizAnswer({
        cardId: q.cardId,
        questionId: q.id,
        deckId: q.deckId,
        fingerprint: q.fingerprint,
        kind: q.kind,
        correct: result.check.correct,
        ms: result.elapsedMs,
        now: useClock().now(),
      })
      entries.value = [...entries.value, { question: q, result }]
      phase.value = 'feedback'
    } catch (e) {
      fail(e)
    } finally {
      saving.value = false
    }
  }

  async function next(): Promise<void> {
    if (phase.value !== 'feedback') return
    if (entries.value.length < questions.value.length) {
      phase.value = 'answering'
      return
    }
    const answers: QuizAnswer[] = entries.value.map(({ question: q, result }) => ({
      questionId: q.id,
      cardId: q.cardId,
      kind: q.kind,
      correct: result.check.correct,
      ms: result.elapsedMs,
      given: describeResponse(result.response),
    }))
    score.value = scoreQuiz(answers)
    phase.value = 'done'
    try {
      await useStorageStore()
        .db()
        .quizAttempts.add({ deckId: deckId.value ?? '', startedAt, finishedAt: useClock().now(), seed, answers })
    } catch (e) {
      fail(e)
    }
  }

  function fail(e: unknown) {
    if (useStorageStore().report(e)) return
    error.value = e instanceof Error ? e.message : String(e)
    phase.value = 'error'
  }

  return {
    phase,
    error,
    deckId,
    questions,
    entries,
    saving,
    score,
    index,
    question,
    lastEntry,
    mistakes,
    start,
    answer,
    next,
  }
})
