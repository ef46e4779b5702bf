// Suggested grades for choice kinds answered directly, and the grade a quiz answer gives.
import { describe, expect, it } from 'vitest'
import { GRADE_THRESHOLDS, quizGrade, suggestGrade } from '../../../src/domain/study'

describe('suggestGrade', () => {
  it('suggests Again for a wrong answer, however fast', () => {
    expect(suggestGrade({ correct: false, ms: 500, kind: 'multiple-choice' })).toBe(1)
  })

  it('suggests Easy, Good or Hard for a right answer by speed', () => {
    const { easyMs, goodMs } = GRADE_THRESHOLDS['multiple-choice']
    expect(suggestGrade({ correct: true, ms: easyMs as number, kind: 'multiple-choice' })).toBe(4)
    expect(suggestGrade({ correct: true, ms: (easyMs as number) + 1, kind: 'multiple-choice' })).toBe(3)
    expect(suggestGrade({ correct: true, ms: goodMs, kind: 'multiple-choice' })).toBe(3)
    expect(suggestGrade({ correct: true, ms: goodMs + 1, kind: 'multiple-choice' })).toBe(2)
  })

  it('never suggests Easy for true/false', () => {
    expect(suggestGrade({ correct: true, ms: 100, kind: 'true-false' })).toBe(3)
  })

  it('gives ordering more time than multiple choice', () => {
    expect(suggestGrade({ correct: true, ms: 20_000, kind: 'ordering' })).toBe(3)
    expect(suggestGrade({ correct: true, ms: 20_000, kind: 'multiple-choice' })).toBe(2)
  })
})

describe('quizGrade', () => {
  it('counts a wrong answer as Again and a right one as Good at most', () => {
    expect(quizGrade({ correct: false, ms: 1000, kind: 'typed' })).toBe(1)
    expect(quizGrade({ correct: true, ms: 1000, kind: 'typed' })).toBe(3)
    expect(quizGrade({ correct: true, ms: 60_000, kind: 'typed' })).toBe(2)
  })
})
