// Continuing by itself after the app checked an answer (a setting): see useAutoContinue.
import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'

export interface AutoContinueSources {
  /** Seconds to wait; 0 turns it off. */
  seconds: MaybeRefOrGetter<number>
  /** Changes with every showing of a card. */
  showing: MaybeRefOrGetter<number>
  /** The app checked the learner's answer (an option picked, a typed answer checked), not a plain reveal. */
  checked: MaybeRefOrGetter<boolean>
  /** A save runs or the next card is being prepared: never continue meanwhile. */
  held: MaybeRefOrGetter<boolean>
  /** Continue with the suggested grade. Called only while the card of `showing` is on screen. */
  go: () => void
}

const TICK_MS = 100

/**
 * After the app has checked an answer, continues with the suggested grade once `seconds` have
 * passed, when the learner turned it on in Settings. Any key press or tap stops the countdown for
 * that card (a grade key then grades as usual); input the input guard drops never reaches it, and
 * neither does a held key's auto-repeat. The grade goes to the card whose answer started the
 * countdown: if another card is showing, or a save is running, nothing happens.
 */
export function useAutoContinue(sources: AutoContinueSources): {
  /** Seconds left, while counting down. */
  remaining: Readonly<Ref<number | undefined>>
  cancel: () => void
} {
  const remaining = shallowRef<number>()
  let timer: ReturnType<typeof setInterval> | undefined
  let stoppedFor = -1

  const stop = () => {
    clearInterval(timer)
    timer = undefined
    remaining.value = undefined
    window.removeEventListener('keydown', onKey, { capture: true })
    window.removeEventListener('pointerdown', cancel, { capture: true })
  }
  function cancel() {
    stoppedFor = toValue(sources.showing)
    stop()
  }
  function onKey(event: KeyboardEvent) {
    if (!event.repeat) cancel()
  }

  watch(
    () =>
      [toValue(sources.showing), toValue(sources.checked), toValue(sources.held), toValue(sources.seconds)] as const,
    ([showing, checked, held, seconds]) => {
      stop()
      if (!checked || held || seconds <= 0 || stoppedFor === showing) return
      const deadline = performance.now() + seconds * 1000
      remaining.value = seconds
      window.addEventListener('keydown', onKey, { capture: true })
      window.addEventListener('pointerdown', cancel, { capture: true })
      timer = setInterval(() => {
        const left = deadline - performance.now()
        if (left > 0) {
          remaining.value = Math.ceil(left / 1000)
          return
        }
        stop()
        // Still the card that was answered, nothing saving: continue with it.
        if (toValue(sources.showing) === showing && toValue(sources.checked) && !toValue(sources.held)) {
          stoppedFor = showing
          sources.go()
        }
      }, TICK_MS)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return { remaining, cancel }
}
