import { nextTick, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import { createInputGuard, type InputGuard, type InputKind } from '../domain/study/input-guard'

export interface InputGuardSources {
  /** A save is running or the next card is being prepared. */
  held: MaybeRefOrGetter<boolean>
  /** Changes with every showing of a card. */
  showing: MaybeRefOrGetter<number>
  /** The answer side is showing. */
  revealed: MaybeRefOrGetter<boolean>
  /** Taps on buttons inside this element are guarded. */
  root: MaybeRefOrGetter<HTMLElement | undefined>
  guard?: InputGuard
}

const passKeys = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'Escape', 'CapsLock', 'Backspace', 'Delete'])

/**
 * Keys that act on the card: Space, Enter, digits and letters, in an answer field too (a "3" typed
 * into the year of the next card is as stray as one that picks its third option). Moving around
 * (Tab, arrows) and correcting (Backspace) are never held back.
 */
function actsOnCard(event: KeyboardEvent): boolean {
  return !passKeys.has(event.key) && !event.key.startsWith('Arrow')
}

/** Resolves once the page's next frame is painted, with its time. */
export const paintedFrame = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))

/**
 * Drops key presses and taps that do not belong to the card on screen (see src/domain/study/input-guard):
 * listens before every other handler (capture on window) and stops what the guard refuses.
 */
export function useInputGuard(sources: InputGuardSources): { guard: InputGuard; ready: Readonly<Ref<boolean>> } {
  const guard = sources.guard ?? createInputGuard()
  /** The card on screen takes input (for aria-busy: false while a save runs or the next card settles). */
  const ready = shallowRef(false)
  let readyTimer: ReturnType<typeof setTimeout> | undefined
  const refuse = (event: Event, kind: InputKind, repeat = false, key?: string) => {
    if (guard.accept({ at: event.timeStamp, kind, repeat, ...(key === undefined ? {} : { key }) })) return
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  const onKeydown = (event: KeyboardEvent) => {
    if (actsOnCard(event)) refuse(event, 'key', event.repeat, event.key)
  }
  const onClick = (event: MouseEvent) => {
    const root = toValue(sources.root)
    const target = event.target instanceof Element ? event.target : null
    if (!root || !target?.closest('button') || !root.contains(target)) return
    // A click from the keyboard (Space or Enter on a button) is a key press.
    refuse(event, event.detail === 0 ? 'key' : 'pointer')
  }
  window.addEventListener('keydown', onKeydown, { capture: true })
  window.addEventListener('click', onClick, { capture: true })

  let paintedShowing = -1
  let generation = 0
  watch(
    () => [toValue(sources.showing), toValue(sources.held)] as const,
    async ([showing, held]) => {
      const current = ++generation
      guard.hold()
      ready.value = false
      clearTimeout(readyTimer)
      if (held) return
      await nextTick()
      const at = await paintedFrame()
      if (current !== generation) return
      guard.painted(at, showing !== paintedShowing)
      paintedShowing = showing
      readyTimer = setTimeout(() => current === generation && (ready.value = true), guard.readyAt() - performance.now())
    },
    { immediate: true },
  )
  watch(
    () => toValue(sources.revealed),
    (revealed) => revealed && guard.revealed(performance.now()),
  )
  onScopeDispose(() => {
    generation++
    clearTimeout(readyTimer)
    window.removeEventListener('keydown', onKeydown, { capture: true })
    window.removeEventListener('click', onClick, { capture: true })
  })
  return { guard, ready }
}
