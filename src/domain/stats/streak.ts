// Study streak and daily goal: calendar days follow the learner's local midnight. The caller passes
// the day function (the store passes its clock's `startOfDay`, which follows daylight-saving
// changes), so a 23- or 25-hour day is still one day.

/** The local midnight that starts the day containing `at`. */
export type StartOfDay = (at: number) => number

export interface Streak {
  /** Consecutive days with at least one review, ending today (or yesterday while today has none yet). */
  days: number
  /** Today already has a review: the streak is safe until midnight. */
  today: boolean
  /** The longest run of consecutive days among the reviews given. */
  longest: number
}

/**
 * The study streak from review times. Reviews after `now` (written while the clock was ahead and
 * then moved back) are left out: they say nothing about the days up to now.
 */
export function studyStreak(times: Iterable<number>, now: number, startOfDay: StartOfDay): Streak {
  const days = new Set<number>()
  for (const at of times) if (at <= now) days.add(startOfDay(at))
  const previous = (day: number) => startOfDay(day - 1)

  const today = startOfDay(now)
  const studiedToday = days.has(today)
  let run = 0
  for (let day = studiedToday ? today : previous(today); days.has(day); day = previous(day)) run++

  let longest = 0
  let current = 0
  let last: number | undefined
  for (const day of [...days].sort((a, b) => a - b)) {
    current = last !== undefined && previous(day) === last ? current + 1 : 1
    longest = Math.max(longest, current)
    last = day
  }
  return { days: run, today: studiedToday, longest }
}

export interface DailyGoal {
  /** Reviews a day the learner aims for; 0 means no goal. */
  goal: number
  /** Reviews so far today. */
  done: number
  /** Reviews still to do today (0 once met). */
  left: number
  met: boolean
  /** done / goal, capped at 1 (0 without a goal). */
  share: number
}

/** Today's reviews against the daily goal: reviews from the local midnight up to `now`. */
export function dailyGoal(times: Iterable<number>, goal: number, now: number, startOfDay: StartOfDay): DailyGoal {
  const from = startOfDay(now)
  let done = 0
  for (const at of times) if (at >= from && at <= now) done++
  const met = goal > 0 && done >= goal
  return { goal, done, left: Math.max(0, goal - done), met, share: goal > 0 ? Math.min(1, done / goal) : 0 }
}
