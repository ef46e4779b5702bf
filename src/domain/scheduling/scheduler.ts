// A thin wrapper over ts-fsrs: (state, grade, now) → next state. Time is always an argument.
import { fsrs, type Grade as FsrsGrade } from 'ts-fsrs'
import { fromFsrsCard, toFsrsCard, toReviewEntry } from './fsrs-adapter'
import { newCardState } from './new-card'
import { formatInterval } from '../text/format'
import { DEFAULT_DESIRED_RETENTION, MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from './retention'
import {
  GRADES,
  type CardState,
  type Grade,
  type IntervalPreview,
  type Scheduler,
  type SchedulerOptions,
} from './types'

export { DEFAULT_DESIRED_RETENTION, MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION, newCardState }

export class SchedulerOptionsError extends Error {
  override name = 'SchedulerOptionsError'
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const desiredRetention = options.desiredRetention ?? DEFAULT_DESIRED_RETENTION
  if (!(desiredRetention >= MIN_DESIRED_RETENTION && desiredRetention <= MAX_DESIRED_RETENTION)) {
    throw new SchedulerOptionsError(
      `Desired retention must be between ${MIN_DESIRED_RETENTION} and ${MAX_DESIRED_RETENTION}, got ${desiredRetention}.`,
    )
  }
  const engine = fsrs({
    request_retention: desiredRetention,
    enable_fuzz: options.enableFuzz ?? true,
    ...(options.maximumInterval === undefined ? {} : { maximum_interval: options.maximumInterval }),
  })

  return {
    desiredRetention,
    newCardState,
    review(state, grade, now) {
      const { card, log } = engine.next(toFsrsCard(state, now), new Date(now), grade as number as FsrsGrade)
      const next = fromFsrsCard(card)
      return { state: next, log: toReviewEntry(log, state, next) }
    },
    previewIntervals(state, now) {
      const preview = engine.repeat(toFsrsCard(state, now), new Date(now))
      const out = {} as Record<Grade, IntervalPreview>
      for (const grade of GRADES) {
        const due = preview[grade as number as FsrsGrade].card.due.getTime()
        out[grade] = { due, label: formatInterval(due - now) }
      }
      return out
    },
    retrievability(state: CardState, now: number) {
      if (state.phase === 'new') return 0
      return engine.get_retrievability(toFsrsCard(state, now), new Date(now), false)
    },
  }
}
