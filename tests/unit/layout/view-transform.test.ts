// Pan and zoom of the family tree as plain numbers: fitted, the whole drawing is inside the frame
// (no box cut off) and centred on the focus as far as that allows; zooming keeps the point under
// the finger or pointer still; no pan or zoom can push the drawing out of sight; revealing a box
// moves just enough. On the built-in deck, on a phone and a desktop frame, every person's box is
// inside the frame after fitting and John VII is as central as the fit allows.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDeckTextOrThrow } from '../../../src/domain/deck/parse'
import { layoutFamilyTree } from '../../../src/domain/layout/family-tree'
import {
  boxInFrame,
  centreOn,
  clampView,
  fitScale,
  fitView,
  openView,
  overlaps,
  panView,
  revealBox,
  scaleRange,
  shownArea,
  zoomView,
  type ViewBounds,
} from '../../../src/domain/layout/view-transform'

const bounds = (cw: number, ch: number, fw: number, fh: number, padding = 8): ViewBounds => ({
  content: { width: cw, height: ch },
  frame: { width: fw, height: fh },
  padding,
  maxScale: 3,
})
const whole = (b: ViewBounds) => ({ x: 0, y: 0, ...b.content })
const screen = (v: { scale: number; x: number; y: number }, p: { x: number; y: number }) => ({
  x: p.x * v.scale + v.x,
  y: p.y * v.scale + v.y,
})

describe('openView', () => {
  it('fits a drawing that stays readable fitted, as fitView does', () => {
    const b = bounds(600, 300, 400, 300)
    expect(openView(b, { x: 100, y: 100 }, 0.5)).toEqual(fitView(b, { x: 100, y: 100 }))
  })

  it('opens a drawing too big to read fitted at the readable scale, on the focus, with zoom left to fit it', () => {
    const b = bounds(20_000, 3_000, 390, 500)
    const focus = { x: 12_000, y: 1_500 }
    const v = openView(b, focus, 0.6)
    expect(v.scale).toBe(0.6)
    expect(screen(v, focus).x).toBeCloseTo(195)
    expect(screen(v, focus).y).toBeCloseTo(250)
    expect(scaleRange(b).min).toBeLessThan(0.6)
  })

  it('shows the part of the drawing in the frame, and around it by a margin of its size', () => {
    const v = { scale: 0.5, x: -1000, y: -200 }
    expect(shownArea(v, { width: 400, height: 300 })).toEqual({ x: 2000, y: 400, width: 800, height: 600 })
    expect(shownArea(v, { width: 400, height: 300 }, 0.25)).toEqual({ x: 1800, y: 250, width: 1200, height: 900 })
    const area = shownArea(v, { width: 400, height: 300 })
    expect(overlaps(area, { x: 2790, y: 990, width: 100, height: 40 })).toBe(true)
    expect(overlaps(area, { x: 2801, y: 990, width: 100, height: 40 })).toBe(false)
    expect(overlaps(area, { x: 1850, y: 300, width: 100, height: 40 })).toBe(false)
  })
})

describe('fitView', () => {
  it('scales a wide drawing down to the frame’s width, padding included, and centres it vertically', () => {
    const b = bounds(1000, 200, 400, 600, 10)
    const v = fitView(b)
    expect(v.scale).toBeCloseTo(0.38)
    expect(v.x).toBeCloseTo(10)
    expect(v.y).toBeCloseTo((600 - 76) / 2)
  })

  it('never blows a small drawing up, and centres it', () => {
    const v = fitView(bounds(100, 50, 400, 300))
    expect(v).toEqual({ scale: 1, x: 150, y: 125 })
  })

  it('centres the focus where the frame has room, and keeps every edge inside where it has not', () => {
    const b = bounds(1000, 200, 400, 600, 10)
    const left = fitView(b, { x: 100, y: 100 })
    expect(left.x).toBeCloseTo(10)
    expect(screen(left, { x: 100, y: 100 }).y).toBeCloseTo(300)
    // A small drawing: the focus goes to the centre as far as the drawing stays inside.
    const small = bounds(300, 100, 400, 300, 0)
    const near = fitView(small, { x: 180, y: 50 })
    expect(screen(near, { x: 180, y: 50 })).toEqual({ x: 200, y: 150 })
    const far = fitView(small, { x: 10, y: 50 })
    expect(far.x).toBe(100)
  })

  it('puts any drawing wholly inside any frame, at most at scale 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cw, ch, fw, fh, fx, fy) => {
          const b = bounds(cw, ch, fw, fh)
          const v = fitView(b, { x: fx * cw, y: fy * ch })
          expect(v.scale).toBeLessThanOrEqual(1)
          const inner = { width: fw, height: fh }
          expect(boxInFrame({ ...v, x: v.x - 1e-6, y: v.y - 1e-6 }, whole(b), inner)).toBe(true)
        },
      ),
    )
  })
})

describe('zoomView', () => {
  const b = bounds(2000, 1000, 400, 400)
  const start = centreOn({ x: 1000, y: 500 }, 1, b)

  it('keeps the drawing point under the anchor where it is', () => {
    const anchor = { x: 120, y: 260 }
    const under = { x: (anchor.x - start.x) / start.scale, y: (anchor.y - start.y) / start.scale }
    const v = zoomView(start, 1.5, anchor, b)
    expect(v.scale).toBeCloseTo(1.5)
    expect(screen(v, under).x).toBeCloseTo(anchor.x)
    expect(screen(v, under).y).toBeCloseTo(anchor.y)
  })

  it('zooms back to where it was, and stops at the limits: the whole drawing, and the largest zoom', () => {
    const centre = { x: 200, y: 200 }
    const back = zoomView(zoomView(start, 2, centre, b), 0.5, centre, b)
    expect(back.scale).toBeCloseTo(1)
    expect(back.x).toBeCloseTo(start.x)
    expect(back.y).toBeCloseTo(start.y)
    expect(zoomView(start, 100, centre, b).scale).toBe(3)
    expect(zoomView(start, 0.0001, centre, b).scale).toBeCloseTo(fitScale(b))
    expect(scaleRange(b)).toEqual({ min: fitScale(b), max: 3 })
  })
})

describe('panView and clampView', () => {
  const b = bounds(2000, 1000, 400, 400, 8)

  it('moves by the pixels dragged, and no further than the drawing’s edges', () => {
    const v = centreOn({ x: 1000, y: 500 }, 1, b)
    expect(panView(v, 30, -20, b)).toEqual({ scale: 1, x: v.x + 30, y: v.y - 20 })
    const far = panView(v, 1e6, 1e6, b)
    expect(far).toEqual({ scale: 1, x: 8, y: 8 })
    const other = panView(v, -1e6, -1e6, b)
    expect(other).toEqual({ scale: 1, x: 400 - 8 - 2000, y: 400 - 8 - 1000 })
  })

  it('is idempotent and always leaves the drawing covering or inside the frame (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.integer({ min: 10, max: 3000 }),
        fc.integer({ min: 10, max: 3000 }),
        (scale, x, y, cw, ch) => {
          const bb = bounds(cw, ch, 400, 300)
          const v = clampView({ scale, x, y }, bb)
          expect(clampView(v, bb)).toEqual(v)
          const w = cw * v.scale
          if (w <= 400 - 16) expect(v.x >= 8 - 1e-9 && v.x + w <= 392 + 1e-9).toBe(true)
          else expect(v.x <= 8 + 1e-9 && v.x + w >= 392 - 1e-9).toBe(true)
        },
      ),
    )
  })
})

describe('revealBox', () => {
  const b = bounds(2000, 1000, 400, 400, 8)
  const v = centreOn({ x: 1000, y: 500 }, 1, b)

  it('leaves a box in view alone and moves just enough to show one that is not', () => {
    expect(revealBox(v, { x: 950, y: 480, width: 100, height: 40 }, b)).toEqual(v)
    const right = revealBox(v, { x: 1300, y: 480, width: 100, height: 40 }, b)
    expect(right.y).toBe(v.y)
    expect(screen(right, { x: 1400, y: 0 }).x).toBeCloseTo(392)
    expect(boxInFrame(right, { x: 1300, y: 480, width: 100, height: 40 }, b.frame)).toBe(true)
  })
})

describe('the built-in deck’s tree', () => {
  const deck = parseDeckTextOrThrow(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'content', 'john-vii-palaiologos.yaml'), 'utf8'),
  )
  const layout = layoutFamilyTree(deck)
  const john = layout.nodes.find((n) => n.id === 'john-vii')!
  const focus = { x: john.x + john.width / 2, y: john.y + john.height / 2 }

  for (const frame of [
    { name: 'a phone', width: 356, height: 520 },
    { name: 'a desktop', width: 1200, height: 544 },
  ]) {
    it(`fits every box in ${frame.name}’s frame, with John VII as central as that allows`, () => {
      const b: ViewBounds = {
        content: { width: layout.width, height: layout.height },
        frame,
        padding: 8,
        maxScale: 3,
      }
      const v = fitView(b, focus)
      expect(layout.nodes.filter((n) => !boxInFrame(v, n, frame)).map((n) => n.id)).toEqual([])
      // Centred exactly, a box would be cut off: he is in the middle half of the frame.
      const at = screen(v, focus)
      expect(Math.abs(at.x - frame.width / 2)).toBeLessThan(frame.width / 4)
      expect(Math.abs(at.y - frame.height / 2)).toBeLessThan(frame.height / 4)
    })
  }
})
