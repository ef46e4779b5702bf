import { onScopeDispose, shallowRef } from 'vue'
import { useClock } from '../stores/clock'

/** The current time (epoch ms), refreshed every `intervalMs`: for "3 minutes ago" and "due in 2 days". */
export function useNow(intervalMs = 60_000) {
  const now = shallowRef(useClock().now())
  const timer = setInterval(() => (now.value = useClock().now()), intervalMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
