import { onScopeDispose, shallowRef } from 'vue'

/** The current time (epoch ms), refreshed every `intervalMs`: for "3 minutes ago" and "due in 2 days". */
export function useNow(intervalMs = 60_000) {
  const now = shallowRef(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), intervalMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
