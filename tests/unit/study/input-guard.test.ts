// Which inputs the study screen acts on: a press belongs to the card on screen when it was made.
// Times are event timestamps (ms); each case replays what a fast or clumsy learner does.
import { describe, expect, it } from 'vitest'
import { createInputGuard, DEFAULT_BURST_MS, DEFAULT_SETTLE_MS } from '../../../src/domain/study/input-guard'

const key = (at: number, repeat = false, name?: string) => ({
  at,
  kind: 'key' as const,
  repeat,
  ...(name ? { key: name } : {}),
})
const tap = (at: number) => ({ at, kind: 'pointer' as const })

/** A guard whose first card was painted at t = 1000. */
function shown() {
  const guard = createInputGuard()
  guard.painted(1000, true)
  return guard
}

describe('input guard', () => {
  it('takes nothing before the first card is painted, and input made before the paint even if handled after', () => {
    const guard = createInputGuard()
    expect(guard.accept(key(10))).toBe(false)
    guard.painted(1000, true)
    expect(guard.accept(key(990))).toBe(false)
    expect(guard.accept(key(1200))).toBe(true)
  })

  it('drops input while a grade saves, and the double press that lands on the next card', () => {
    const guard = shown()
    expect(guard.accept(key(2000))).toBe(true) // "3" grades the card
    guard.hold() // saving
    expect(guard.accept(key(2015))).toBe(false) // the same key again 15 ms later
    guard.painted(2040, true) // the next card is on screen
    // A human double press (~120 ms) would pick option 3 of the new card: dropped.
    expect(guard.accept(key(2000 + DEFAULT_SETTLE_MS - 1))).toBe(false)
    expect(guard.accept(key(2000 + DEFAULT_SETTLE_MS + DEFAULT_BURST_MS))).toBe(true)
  })

  it('drops the rest of a burst after a dropped press: a dropped Space does not leave its "3" to the next card', () => {
    const guard = shown()
    expect(guard.accept(key(2000))).toBe(true)
    guard.hold()
    guard.painted(2030, true)
    const space = 2000 + DEFAULT_SETTLE_MS - 5 // just too early
    expect(guard.accept(key(space))).toBe(false)
    expect(guard.accept(key(space + 15))).toBe(false) // its grade key, past the settle time
    expect(guard.accept(key(space + 15 + DEFAULT_BURST_MS))).toBe(true) // the next press, after a pause
  })

  it('a burst lasts while presses come faster than the burst window, and ends at the first pause', () => {
    const guard = shown()
    guard.hold()
    expect(guard.accept(key(2000))).toBe(false) // during a save: starts a burst
    guard.painted(2010, false)
    // Space+grade pairs 100 ms apart: the whole run is one burst, so no pair is split.
    for (const t of [2100, 2120, 2220, 2240]) expect(guard.accept(key(t))).toBe(false)
    // A pause of the burst window: the next pair is taken whole.
    expect(guard.accept(key(2240 + DEFAULT_BURST_MS))).toBe(true)
    expect(guard.accept(key(2240 + DEFAULT_BURST_MS + 15))).toBe(true)
  })

  it('drops the grade of a Space+grade pair whose Space was dropped, however late it arrives', () => {
    const guard = shown()
    expect(guard.accept(key(2000, false, '3'))).toBe(true) // grades
    guard.hold()
    expect(guard.accept(key(2010, false, ' '))).toBe(false) // the next pair's Space, during the save
    guard.painted(2040, true)
    // Its "3", delayed past the settle time and the burst window: still not an option pick.
    expect(guard.accept(key(2400, false, '3'))).toBe(false)
    // A Space taken ends the rule; then the answer side takes the grade.
    expect(guard.accept(key(2600, false, ' '))).toBe(true)
    guard.revealed(2600)
    expect(guard.accept(key(2615, false, '3'))).toBe(true)
  })

  it('lets a deliberate option key through a second after a dropped Space', () => {
    const guard = shown()
    guard.hold()
    expect(guard.accept(key(2000, false, ' '))).toBe(false)
    guard.painted(2040, false)
    expect(guard.accept(key(2000 + 1000, false, '2'))).toBe(true)
  })

  it('ignores key auto-repeat', () => {
    const guard = shown()
    expect(guard.accept(key(2000, true))).toBe(false)
    expect(guard.accept(key(2010))).toBe(true)
  })

  it('lets Space and a grade key pressed together both act on the same card', () => {
    const guard = shown()
    guard.revealed(2000)
    expect(guard.accept(key(2000))).toBe(true) // Space shows the answer
    expect(guard.accept(key(2015))).toBe(true) // "3" grades it
  })

  it('drops the second tap of a double tap on Show answer, which would land on a grade button', () => {
    const guard = shown()
    expect(guard.accept(tap(2000))).toBe(true)
    guard.revealed(2000)
    expect(guard.accept(tap(2150))).toBe(false)
    expect(guard.accept(tap(2000 + DEFAULT_SETTLE_MS + DEFAULT_BURST_MS))).toBe(true)
  })

  it('says from when it takes input', () => {
    const guard = createInputGuard()
    expect(guard.readyAt()).toBe(Infinity)
    guard.painted(1000, true)
    expect(guard.readyAt()).toBe(1000)
    guard.accept(key(2000))
    guard.hold()
    expect(guard.readyAt()).toBe(Infinity)
    guard.painted(2040, true)
    expect(guard.readyAt()).toBe(2000 + DEFAULT_SETTLE_MS)
    guard.hold()
    guard.painted(2500, false) // the same card again (intervals refreshed): no new settle time
    expect(guard.readyAt()).toBe(2500)
  })
})
