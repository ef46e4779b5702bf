import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'
import { runSteps, type Steps } from '../domain/steps'

/** The most a task works on steps before it lets the page draw and answer taps. */
export const SLICE_MS = 12

export interface UseStepsOptions<S> {
  /** True when `source`'s steps are few enough to run at once (the result is then there at once). */
  atOnce: (source: S) => boolean
  /** The clock the slices are timed by. */
  now?: () => number
}

/**
 * The result of `make(source())`, remade when the source changes. Big work is done in slices of
 * at most SLICE_MS a task, and the result is set in a task of its own: a result is drawn in the
 * task that sets it, so work and drawing never add up into one long task. Meanwhile the result is
 * undefined (say what is being made); a newer source meanwhile drops the older's work.
 */
export function useSteps<S, T>(
  source: () => S,
  make: (source: S) => Steps<T>,
  { atOnce, now = () => performance.now() }: UseStepsOptions<S>,
): ShallowRef<T | undefined> {
  const result = shallowRef<T>()
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    source,
    (value) => {
      clearTimeout(timer)
      if (atOnce(value)) {
        result.value = runSteps(make(value))
        return
      }
      result.value = undefined
      const steps = make(value)
      const slice = () => {
        const until = now() + SLICE_MS
        for (;;) {
          const next = steps.next()
          if (next.done) {
            timer = setTimeout(() => (result.value = next.value), 0)
            return
          }
          if (now() >= until) {
            timer = setTimeout(slice, 0)
            return
          }
        }
      }
      timer = setTimeout(slice, 0)
    },
    { immediate: true },
  )
  onScopeDispose(() => clearTimeout(timer))
  return result
}
