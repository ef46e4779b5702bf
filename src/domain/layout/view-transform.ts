// Pan and zoom of a drawing (the family tree) inside a fixed frame, as plain numbers.
// A view maps a drawing point p to the frame point p·scale + (x, y). Every function returns a
// view that keeps the drawing in bounds: a drawing smaller than the frame stays wholly inside it
// (a `padding` from the edges), a larger one always covers the frame, so the drawing can never
// be pushed out of sight and, fitted, no box is cut off at an edge.

export interface View {
  scale: number
  x: number
  y: number
}

export interface Size {
  width: number
  height: number
}

export interface ViewPoint {
  x: number
  y: number
}

export interface ViewBounds {
  /** The drawing's size at scale 1. */
  content: Size
  /** The frame it is shown in. */
  frame: Size
  /** Free space kept between the drawing and the frame's edges. */
  padding: number
  /** The largest zoom; the smallest is the one that fits the whole drawing (or 1 if that is larger). */
  maxScale: number
}

/** The scale that shows the whole drawing, at most 1 (a small drawing is not blown up). */
export function fitScale(b: ViewBounds): number {
  const { content, frame, padding } = b
  if (content.width <= 0 || content.height <= 0) return 1
  const s = Math.min((frame.width - 2 * padding) / content.width, (frame.height - 2 * padding) / content.height, 1)
  return Math.max(s, Number.MIN_VALUE)
}

/** The smallest and largest zoom allowed. */
export function scaleRange(b: ViewBounds): { min: number; max: number } {
  const min = fitScale(b)
  return { min, max: Math.max(min, b.maxScale) }
}

/** One axis: the offset kept between `padding` inside either edge (small drawing) or covering the frame (large). */
function clampAxis(offset: number, content: number, frame: number, padding: number): number {
  const a = padding
  const b = frame - padding - content
  return Math.min(Math.max(offset, Math.min(a, b)), Math.max(a, b))
}

/** The view moved and scaled back into bounds. */
export function clampView(view: View, b: ViewBounds): View {
  const { min, max } = scaleRange(b)
  const scale = Math.min(Math.max(view.scale, min), max)
  return {
    scale,
    x: clampAxis(view.x, b.content.width * scale, b.frame.width, b.padding),
    y: clampAxis(view.y, b.content.height * scale, b.frame.height, b.padding),
  }
}

/** A view at `scale` with drawing point `focus` as near the frame's centre as the bounds allow. */
export function centreOn(focus: ViewPoint, scale: number, b: ViewBounds): View {
  return clampView(
    { scale, x: b.frame.width / 2 - focus.x * scale, y: b.frame.height / 2 - focus.y * scale },
    { ...b, maxScale: Math.max(b.maxScale, scale) },
  )
}

/** The whole drawing in the frame, centred on `focus` (the main person) as far as that allows. */
export function fitView(b: ViewBounds, focus?: ViewPoint): View {
  const scale = fitScale(b)
  return centreOn(focus ?? { x: b.content.width / 2, y: b.content.height / 2 }, scale, b)
}

/** Zoomed by `factor` about frame point `anchor` (the drawing point under it stays put). */
export function zoomView(view: View, factor: number, anchor: ViewPoint, b: ViewBounds): View {
  const { min, max } = scaleRange(b)
  const scale = Math.min(Math.max(view.scale * factor, min), max)
  const k = scale / view.scale
  return clampView({ scale, x: anchor.x - (anchor.x - view.x) * k, y: anchor.y - (anchor.y - view.y) * k }, b)
}

/** Moved by (dx, dy) frame pixels. */
export function panView(view: View, dx: number, dy: number, b: ViewBounds): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, b)
}

/** The smallest move that brings a drawing box (e.g. a focused person) wholly into the frame. */
export function revealBox(view: View, box: ViewPoint & Size, b: ViewBounds): View {
  const shift = (start: number, size: number, offset: number, frame: number) => {
    const lo = start * view.scale + offset
    const hi = lo + size * view.scale
    if (hi - lo > frame - 2 * b.padding) return (frame - lo - hi) / 2
    if (lo < b.padding) return b.padding - lo
    if (hi > frame - b.padding) return frame - b.padding - hi
    return 0
  }
  return clampView(
    {
      ...view,
      x: view.x + shift(box.x, box.width, view.x, b.frame.width),
      y: view.y + shift(box.y, box.height, view.y, b.frame.height),
    },
    b,
  )
}

/** True when the drawing box is wholly inside the frame. */
export function boxInFrame(view: View, box: ViewPoint & Size, frame: Size): boolean {
  const left = box.x * view.scale + view.x
  const top = box.y * view.scale + view.y
  return (
    left >= 0 &&
    top >= 0 &&
    left + box.width * view.scale <= frame.width &&
    top + box.height * view.scale <= frame.height
  )
}

/**
 * The view a drawing opens at: fitted (see fitView) unless that would draw it smaller than
 * `readable`; then at that scale, centred on `focus`. A family of 2,000 people fitted to a phone is
 * specks; the main person's family, readable, is where a learner starts.
 */
export function openView(b: ViewBounds, focus: ViewPoint | undefined, readable: number): View {
  if (fitScale(b) >= readable) return fitView(b, focus)
  const scale = Math.min(readable, b.maxScale)
  return centreOn(focus ?? { x: b.content.width / 2, y: b.content.height / 2 }, scale, b)
}

/** The part of the drawing the frame shows at `view`, grown by `margin` of its size on every side. */
export function shownArea(view: View, frame: Size, margin = 0): ViewPoint & Size {
  const box = {
    x: -view.x / view.scale,
    y: -view.y / view.scale,
    width: frame.width / view.scale,
    height: frame.height / view.scale,
  }
  return grown(box, margin)
}

/** The box grown by `margin` of its size on every side. */
export function grown(box: ViewPoint & Size, margin: number): ViewPoint & Size {
  return {
    x: box.x - box.width * margin,
    y: box.y - box.height * margin,
    width: box.width * (1 + 2 * margin),
    height: box.height * (1 + 2 * margin),
  }
}

/** True when two boxes overlap (or touch). */
export function overlaps(a: ViewPoint & Size, b: ViewPoint & Size): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height
}
