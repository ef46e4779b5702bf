// The charts' y axis ends on a round number just above the tallest bar.
import { describe, expect, it } from 'vitest'
import { axisTicks, shortDay } from '../../../src/domain/stats'

describe('axisTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and reaches the maximum', () => {
    expect(axisTicks(0)).toEqual([0, 1])
    expect(axisTicks(3)).toEqual([0, 1, 2, 3])
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8])
    expect(axisTicks(37)).toEqual([0, 10, 20, 30, 40])
    expect(axisTicks(120)).toEqual([0, 50, 100, 150])
    expect(axisTicks(1000)).toEqual([0, 500, 1000])
  })

  it('never steps by less than one review', () => {
    expect(axisTicks(2, 4)).toEqual([0, 1, 2])
  })
})

describe('shortDay', () => {
  it('writes a day key as a short date', () => {
    expect(shortDay('2025-03-10')).toBe('10 Mar')
    expect(shortDay('2025-12-01', true)).toBe('1 Dec 2025')
  })
})
