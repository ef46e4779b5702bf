// Input for a pannable, zoomable frame: one finger or the mouse drags (after a few pixels, so a
// tap or click on a link inside still works), two fingers pinch, Ctrl+wheel and a trackpad pinch
// zoom, and the keyboard: + − zoom, 0 fits, arrows move. It reports moves in frame pixels; what
// they do to the view is the caller's.
import type { Ref } from 'vue'

export interface PanZoomHandlers {
  pan: (dx: number, dy: number) => void
  /** Zoom by `factor` about a point given in frame pixels (the frame's centre when absent). */
  zoom: (factor: number, anchor?: { x: number; y: number }) => void
  fit: () => void
}

/** A drag starts after this many pixels; less is a tap. */
const SLOP = 6
/** One key press zooms by this factor, or moves this many pixels. */
export const ZOOM_STEP = 1.25
const PAN_STEP = 80

export function usePanZoomGestures(frame: Ref<HTMLElement | undefined>, on: PanZoomHandlers) {
  const pointers = new Map<number, { x: number; y: number }>()
  let start = { x: 0, y: 0 }
  let dragged = false

  const local = (x: number, y: number) => {
    const rect = frame.value?.getBoundingClientRect()
    return { x: x - (rect?.left ?? 0), y: y - (rect?.top ?? 0) }
  }
  const pair = () => {
    const [a, b] = [...pointers.values()]
    return a && b ? { spread: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : undefined
  }

  function pointerdown(event: PointerEvent) {
    if (event.pointerType === 'mouse' && event.button !== 0) return
    if (pointers.size === 0) {
      start = { x: event.clientX, y: event.clientY }
      dragged = false
    }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY })
  }

  function pointermove(event: PointerEvent) {
    const last = pointers.get(event.pointerId)
    if (!last) return
    const now = { x: event.clientX, y: event.clientY }
    if (pointers.size === 1) {
      if (!dragged && Math.hypot(now.x - start.x, now.y - start.y) < SLOP) return
      if (!dragged) frame.value?.setPointerCapture?.(event.pointerId)
      dragged = true
      pointers.set(event.pointerId, now)
      on.pan(now.x - last.x, now.y - last.y)
      return
    }
    const before = pair()
    pointers.set(event.pointerId, now)
    const after = pair()
    dragged = true
    if (!before || !after || before.spread <= 0) return
    on.pan(after.x - before.x, after.y - before.y)
    on.zoom(after.spread / before.spread, local(after.x, after.y))
  }

  function pointerup(event: PointerEvent) {
    pointers.delete(event.pointerId)
  }

  // A drag that ends over a link is not a click on it.
  function click(event: MouseEvent) {
    if (!dragged) return
    dragged = false
    event.preventDefault()
    event.stopPropagation()
  }

  function wheel(event: WheelEvent) {
    if (!event.ctrlKey) return
    event.preventDefault()
    on.zoom(Math.exp(-event.deltaY / 200), local(event.clientX, event.clientY))
  }

  const keys = new Map<string, () => void>([
    ['+', () => on.zoom(ZOOM_STEP)],
    ['=', () => on.zoom(ZOOM_STEP)],
    ['-', () => on.zoom(1 / ZOOM_STEP)],
    ['−', () => on.zoom(1 / ZOOM_STEP)],
    ['_', () => on.zoom(1 / ZOOM_STEP)],
    ['0', on.fit],
    ['ArrowLeft', () => on.pan(PAN_STEP, 0)],
    ['ArrowRight', () => on.pan(-PAN_STEP, 0)],
    ['ArrowUp', () => on.pan(0, PAN_STEP)],
    ['ArrowDown', () => on.pan(0, -PAN_STEP)],
  ])
  function keydown(event: KeyboardEvent) {
    const action = keys.get(event.key)
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return
    event.preventDefault()
    action()
  }

  return { pointerdown, pointermove, pointerup, pointercancel: pointerup, click, wheel, keydown }
}
