import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'
import { liveQuery } from '../storage'

export interface LiveQueryResult<T> {
  /** The latest result; `initial` until the first one arrives. Held shallow: results can be big lists. */
  data: Readonly<ShallowRef<T>>
  error: Readonly<ShallowRef<unknown>>
  /** True until the first result (or error) for the current inputs. */
  loading: Readonly<ShallowRef<boolean>>
}

/**
 * Runs a Dexie query and re-runs it whenever the tables it read change, in this tab or another.
 * Re-subscribes when `sources` change; unsubscribes when the calling scope ends.
 */
export function useLiveQuery<T>(querier: () => T | Promise<T>, initial: T, sources: WatchSource[] = []): LiveQueryResult<T> {
  const data = shallowRef(initial) as ShallowRef<T>
  const error = shallowRef<unknown>()
  const loading = shallowRef(true)
  let subscription: { unsubscribe(): void } | undefined

  const subscribe = () => {
    subscription?.unsubscribe()
    loading.value = true
    subscription = liveQuery(querier).subscribe({
      next: (value) => {
        data.value = value
        error.value = undefined
        loading.value = false
      },
      error: (e: unknown) => {
        error.value = e
        loading.value = false
      },
    })
  }
  if (sources.length) watch(sources, subscribe, { immediate: true })
  else subscribe()
  onScopeDispose(() => subscription?.unsubscribe())

  return { data, error, loading }
}
