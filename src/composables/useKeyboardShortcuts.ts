import { onScopeDispose, toValue, type MaybeRefOrGetter } from 'vue'

/** A handler per key (`event.key`, lower-cased for letters: ' ', 'Enter', '1', 'a'). Return false to let the key through. */
export type ShortcutMap = Partial<Record<string, (event: KeyboardEvent) => boolean | void>>

export interface KeyboardShortcutsOptions {
  /** Shortcuts are ignored while this is false. */
  enabled?: MaybeRefOrGetter<boolean>
  target?: Window | HTMLElement
}

const typingSelector = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]'
// Space and Enter already activate these; handling them again would act twice.
const activatableSelector = 'button, a[href], summary, [role="button"], [role="link"], input, select, textarea'

/** True when a key press on `target` belongs to that element rather than to the app's shortcuts. */
export function isOwnedByElement(event: KeyboardEvent): boolean {
  const target = event.target
  if (!(target instanceof Element)) return false
  if (event.key === ' ' || event.key === 'Enter')
    return target.closest(activatableSelector) !== null && !passesThroughField(event, target)
  return target.closest(typingSelector) !== null
}

/**
 * Keys a text field lets through to the app: Enter it did not handle itself (an empty or finished
 * answer), and Space in an empty field, which would type nothing useful — so Space shows the answer
 * even while an answer field has focus.
 */
function passesThroughField(event: KeyboardEvent, target: Element): boolean {
  if (!(target instanceof HTMLInputElement) || !textTypes.has(target.type)) return false
  return event.key === 'Enter' || target.value === ''
}

const textTypes = new Set(['text', 'number', 'search', ''])

/**
 * Keyboard shortcuts for the current component scope, as in Anki: Space/Enter show the answer, 1–4 grade,
 * 1–9 and a–d pick an option. Keys typed into a field are left alone, except Enter (and Space in an empty
 * field); keys with Ctrl, Alt
 * or Meta, auto-repeats and events already handled (defaultPrevented) are ignored.
 */
export function useKeyboardShortcuts(shortcuts: MaybeRefOrGetter<ShortcutMap>, options: KeyboardShortcutsOptions = {}) {
  const target = options.target ?? window
  const onKeydown = (event: Event) => {
    if (!(event instanceof KeyboardEvent)) return
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return
    if (options.enabled !== undefined && !toValue(options.enabled)) return
    if (isOwnedByElement(event)) return
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
    const handler = toValue(shortcuts)[key]
    if (!handler) return
    if (handler(event) !== false) event.preventDefault()
  }
  target.addEventListener('keydown', onKeydown)
  onScopeDispose(() => target.removeEventListener('keydown', onKeydown))
}
