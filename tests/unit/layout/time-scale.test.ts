// The time axis: dates to fractional years without JS Date, BC without a year 0, round ticks,
// and the zoom/pan window arithmetic used by the timeline component.
import { describe, expect, it } from 'vitest'
import {
  axisTicks,
  axisYear,
  datePeriod,
  historicalYear,
  panWindow,
  yearPosition,
  zoomWindow,
} from '../../../src/domain/layout/time-scale'
import { on, range } from './deck-builder'

describe('yearPosition', () => {
  it('spans a year, a month or a day', () => {
    expect(yearPosition({ year: 1408 }, 'start')).toBe(1408)
    expect(yearPosition({ year: 1408 }, 'end')).toBe(1409)
    expect(yearPosition({ year: 1408, month: 9 }, 'start')).toBeCloseTo(1408 + 8 / 12, 10)
    expect(yearPosition({ year: 1408, month: 9 }, 'end')).toBeCloseTo(1408 + 9 / 12, 10)
    expect(yearPosition({ year: 1408, month: 9, day: 22 }, 'start')).toBeCloseTo(1408 + (8 + 21 / 30) / 12, 10)
    expect(yearPosition({ year: 1408, month: 9, day: 22 }, 'end')).toBeCloseTo(1408 + (8 + 22 / 30) / 12, 10)
  })

  it('uses the Julian leap years for February before 1583', () => {
    // 1300 is a leap year in the Julian calendar (not in the Gregorian one).
    expect(yearPosition({ year: 1300, month: 2, day: 29 }, 'end')).toBeCloseTo(1300 + 2 / 12, 10)
    expect(yearPosition({ year: 1900, month: 2, day: 28 }, 'end')).toBeCloseTo(1900 + 2 / 12, 10)
  })

  it('counts 1 BC as axis year 0, so that spans across the era stay continuous', () => {
    expect(axisYear(-1)).toBe(0)
    expect(yearPosition({ year: -44 }, 'start')).toBe(-43)
    expect(yearPosition({ year: 14 }, 'start') - yearPosition({ year: -44 }, 'start')).toBe(57)
    expect(historicalYear(-43)).toBe(-44)
    expect(historicalYear(1370.5)).toBe(1370)
  })
})

describe('datePeriod', () => {
  it('covers a range, and reaches `spread` years beyond before/after dates', () => {
    expect(datePeriod(range(1408, 1410), 2)).toEqual({ lo: 1408, hi: 1411 })
    expect(datePeriod({ ...on(1397, 8), kind: 'before' }, 2)).toEqual({ lo: 1397 + 7 / 12 - 2, hi: 1397 + 7 / 12 })
    expect(datePeriod({ ...on(1397), kind: 'after' }, 3)).toEqual({ lo: 1398, hi: 1401 })
  })
})

describe('axisTicks', () => {
  it('puts about the asked number of ticks at round years', () => {
    const ticks = axisTicks(1330, 1450, 10)
    expect(ticks[0]).toEqual({ value: 1340, label: '1340' })
    expect(ticks.map((t) => t.value)).toEqual([1340, 1360, 1380, 1400, 1420, 1440])
  })

  it('labels BC years and months when zoomed in', () => {
    expect(axisTicks(-60, -30, 3).map((t) => t.label)).toEqual(['61 BC', '51 BC', '41 BC', '31 BC'])
    expect(axisTicks(1390, 1391, 4).map((t) => t.label)).toEqual(['1390', 'Apr 1390', 'Jul 1390', 'Oct 1390', '1391'])
    expect(axisTicks(5, 5)).toEqual([])
  })
})

describe('zoomWindow and panWindow', () => {
  const bounds = { start: 1300, end: 1500 }

  it('zooms around the anchor and stays inside the bounds', () => {
    expect(zoomWindow(bounds, 2, 0.5, bounds)).toEqual({ start: 1350, end: 1450 })
    expect(zoomWindow({ start: 1350, end: 1450 }, 2, 0, bounds)).toEqual({ start: 1350, end: 1400 })
    expect(zoomWindow({ start: 1350, end: 1450 }, 0.1, 0.5, bounds)).toEqual(bounds)
    expect(zoomWindow(bounds, 1e9, 0.5, bounds).end - zoomWindow(bounds, 1e9, 0.5, bounds).start).toBeCloseTo(
      1 / 12,
      10,
    )
  })

  it('pans without leaving the bounds', () => {
    expect(panWindow({ start: 1350, end: 1400 }, 20, bounds)).toEqual({ start: 1370, end: 1420 })
    expect(panWindow({ start: 1350, end: 1400 }, -100, bounds)).toEqual({ start: 1300, end: 1350 })
    expect(panWindow({ start: 1350, end: 1400 }, 500, bounds)).toEqual({ start: 1450, end: 1500 })
  })
})
