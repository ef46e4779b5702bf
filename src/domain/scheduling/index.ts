export * from './types'
export {
  createScheduler,
  newCardState,
  SchedulerOptionsError,
  DEFAULT_DESIRED_RETENTION,
  MIN_DESIRED_RETENTION,
  MAX_DESIRED_RETENTION,
} from './scheduler'
export { formatInterval } from '../text/format'
