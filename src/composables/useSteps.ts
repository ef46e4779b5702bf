import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'
import { runSteps, type Steps } from '../domain/steps'

/** The most a task works on steps before it lets the page draw and answer taps. */
export const SLICE_MS = 12

export interface UseStepsOptions<S> {
  /** True when `source`'s steps are few enough to run at once (the result is then there at once). */
  atOnce: (source: S) => boolean
  /**
   * True when the older source's result may stay shown while the newer's is made (the same deck,
   * changed): no flash of "being made", and the page keeps its height and scroll.
   */
  keep?: (older: S, newer: S) => boolean
  /** The clock the slices are timed by. */
  now?: () => number
}

/**
 * The result of `make(source())`, remade when the source changes. Big work is done in slices of
 * at most SLICE_MS a task, and the result is set in a task of its own: a result is drawn in the
 * task that sets it, so work and drawing never add up into one long task. Meanwhile the result is
 * undefined (say what is being made), or the older one if `keep` says so; a newer source meanwhile
 * drops the older's work.
 */
export function useSteps<S, T>(
  source: () => S,
  make: (source: S) => Steps<T>,
  { atOnce, keep, now = () => performance.now() }: UseStepsOptions<S>,
): ShallowRef<T | undefined> {
  const result = shallowRef<T>()
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(
    source,
    (value, older) => {
      clearTimeout(timer)
      if (atOnce(value)) {
        result.value = runSteps(make(value))
        return
      }
      if (older === undefined || !keep?.(older, value)) result.value = undefined
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

/** For `keep`: the same thing (a deck, changed) by its id. */
export const sameId = (older: { id: string }, newer: { id: string }): boolean => older.id === newer.id
