// The streak and the daily goal count local calendar days: a daylight-saving day (23 or 25 hours)
// is one day, a review at 23:59 and one at 00:01 are two days, and reviews the clock dated in the
// future (it was ahead, then moved back) count for nothing.
import { describe, expect, it } from 'vitest'
import { dailyGoal, studyStreak, type StartOfDay } from '../../../src/domain/stats'
import { DAY, MINUTE } from '../study/helpers'

const HOUR = 60 * MINUTE

/** Wall-clock time in an IANA time zone, as epoch ms of the same reading in UTC. */
function wallClockIn(timeZone: string): (at: number) => number {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  return (at) => {
    const p = new Map<string, number>(format.formatToParts(at).map((x) => [x.type, Number(x.value)]))
    const get = (k: string) => p.get(k) ?? 0
    const ms = ((at % 1000) + 1000) % 1000
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'), ms)
  }
}

/** Local midnight in an IANA time zone, as the browser's clock finds it (`setHours(0, 0, 0, 0)`). */
function startOfDayIn(timeZone: string): StartOfDay {
  const wall = wallClockIn(timeZone)
  return (at) => {
    const midnight = Math.floor(wall(at) / DAY) * DAY
    // The offset at midnight may differ from the offset at `at` (the change happens at night).
    const guess = midnight - (wall(at) - at)
    return midnight - (wall(guess) - guess)
  }
}

const berlin = startOfDayIn('Europe/Berlin')
const berlinWall = wallClockIn('Europe/Berlin')
/** The moment a Berlin wall clock reads `iso` (UTC+1 in winter, UTC+2 in summer). */
function at(iso: string): number {
  const reading = Date.parse(`${iso}Z`)
  const found = [reading - HOUR, reading - 2 * HOUR].find((t) => berlinWall(t) === reading)
  if (found === undefined) throw new Error(`${iso} does not exist in Berlin`)
  return found
}

describe('studyStreak', () => {
  it('counts consecutive local days ending today', () => {
    const now = at('2026-01-15T20:00')
    const times = [at('2026-01-15T08:00'), at('2026-01-14T23:59'), at('2026-01-13T00:01'), at('2026-01-11T12:00')]
    expect(studyStreak(times, now, berlin)).toEqual({ days: 3, today: true, longest: 3 })
  })

  it('keeps the streak through today until a review is done, and breaks it after a missed day', () => {
    const times = [at('2026-01-14T09:00'), at('2026-01-13T09:00')]
    expect(studyStreak(times, at('2026-01-15T22:00'), berlin)).toEqual({ days: 2, today: false, longest: 2 })
    expect(studyStreak(times, at('2026-01-16T00:30'), berlin)).toEqual({ days: 0, today: false, longest: 2 })
  })

  it('splits days at local midnight, not at UTC midnight', () => {
    // 00:30 in Berlin on the 14th is 23:30 UTC on the 13th: the same UTC day as a review at 08:00 on the 13th.
    const times = [at('2026-01-13T08:00'), at('2026-01-14T00:30')]
    expect(new Date(times[1] as number).toISOString()).toBe('2026-01-13T23:30:00.000Z')
    expect(studyStreak(times, at('2026-01-14T12:00'), berlin).days).toBe(2)
  })

  it('counts a 23-hour and a 25-hour day as one day each', () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026 in Berlin.
    const spring = [at('2026-03-28T23:30'), at('2026-03-29T23:30'), at('2026-03-30T00:15')]
    expect(studyStreak(spring, at('2026-03-30T10:00'), berlin)).toEqual({ days: 3, today: true, longest: 3 })
    const autumn = [at('2026-10-24T12:00'), at('2026-10-25T00:10'), at('2026-10-25T23:50'), at('2026-10-26T00:10')]
    expect(studyStreak(autumn, at('2026-10-26T09:00'), berlin)).toEqual({ days: 3, today: true, longest: 3 })
    // A fixed 24-hour step from midnight would land in the wrong day on both.
    expect(berlin(at('2026-03-30T00:15')) - berlin(at('2026-03-29T12:00'))).toBe(23 * HOUR)
    expect(berlin(at('2026-10-26T00:10')) - berlin(at('2026-10-25T12:00'))).toBe(25 * HOUR)
  })

  it('leaves out reviews dated after now (the clock was ahead, then moved back)', () => {
    const now = at('2026-01-15T10:00')
    const times = [at('2026-01-14T09:00'), at('2026-01-15T18:00'), at('2026-01-16T09:00'), at('2026-01-17T09:00')]
    expect(studyStreak(times, now, berlin)).toEqual({ days: 1, today: false, longest: 1 })
  })

  it('finds the longest run anywhere in the log', () => {
    const times = [1, 2, 3, 4, 8, 9].map((d) => at(`2026-02-0${d}T10:00`))
    expect(studyStreak(times, at('2026-02-09T11:00'), berlin)).toEqual({ days: 2, today: true, longest: 4 })
    expect(studyStreak([], at('2026-02-09T11:00'), berlin)).toEqual({ days: 0, today: false, longest: 0 })
  })
})

describe('dailyGoal', () => {
  it('counts today’s reviews from local midnight against the goal', () => {
    const now = at('2026-03-29T12:00')
    const times = [at('2026-03-28T23:59'), at('2026-03-29T00:01'), at('2026-03-29T11:00'), at('2026-03-29T13:00')]
    expect(dailyGoal(times, 5, now, berlin)).toEqual({ goal: 5, done: 2, left: 3, met: false, share: 0.4 })
    expect(dailyGoal(times, 2, now, berlin)).toEqual({ goal: 2, done: 2, left: 0, met: true, share: 1 })
  })

  it('caps the share at the goal and has no goal at 0', () => {
    const now = Date.UTC(2026, 0, 1, 12)
    const times = Array.from({ length: 30 }, (_, i) => now - i * MINUTE)
    expect(dailyGoal(times, 20, now, berlin)).toMatchObject({ done: 30, met: true, share: 1, left: 0 })
    expect(dailyGoal(times, 0, now, berlin)).toMatchObject({ done: 30, met: false, share: 0 })
    expect(dailyGoal([now - DAY], 20, now, berlin).done).toBe(0)
  })
})
