import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'
import type { liveQuery as LiveQuery } from '../storage'

// Dexie is not part of the first view: it loads with the storage (src/stores/storage.ts opens it).
// Until then a subscription waits for the module; afterwards subscribing is synchronous again.
let liveQuery: typeof LiveQuery | undefined
let loadingModule: Promise<typeof LiveQuery> | undefined
const loadLiveQuery = () => (loadingModule ??= import('../storage').then((m) => (liveQuery = m.liveQuery)))

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
export function useLiveQuery<T>(
  querier: () => T | Promise<T>,
  initial: T,
  sources: WatchSource[] = [],
): LiveQueryResult<T> {
  const data = shallowRef(initial) as ShallowRef<T>
  const error = shallowRef<unknown>()
  const loading = shallowRef(true)
  let subscription: { unsubscribe(): void } | undefined
  let generation = 0

  const start = (observe: typeof LiveQuery) => {
    subscription = observe(querier).subscribe({
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
  const subscribe = () => {
    subscription?.unsubscribe()
    subscription = undefined
    loading.value = true
    const current = ++generation
    if (liveQuery) return start(liveQuery)
    loadLiveQuery().then(
      (observe) => current === generation && start(observe),
      (e: unknown) => {
        if (current !== generation) return
        error.value = e
        loading.value = false
      },
    )
  }
  if (sources.length) watch(sources, subscribe, { immediate: true })
  else subscribe()
  onScopeDispose(() => {
    generation++ // a subscription still waiting for the module never starts
    subscription?.unsubscribe()
  })

  return { data, error, loading }
}
