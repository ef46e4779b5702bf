// The one clock the stores read: the time, and the user's local calendar days. The domain never
// reads the clock; stores take the time from here and pass it down, and tests replace it.

export interface Clock {
  /** Epoch ms. */
  now(): number
  /** The local midnight that starts the day containing `at` (follows daylight-saving changes). */
  startOfDay(at: number): number
  /** The local midnight that ends the day containing `at`: 23 or 25 hours later on a daylight-saving day. */
  endOfDay(at: number): number
  /** Local time minus UTC in minutes at `at` (minus `getTimezoneOffset()`), for the charts' day buckets. */
  utcOffsetMinutes(at: number): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  startOfDay: (at) => new Date(at).setHours(0, 0, 0, 0),
  endOfDay: (at) => new Date(at).setHours(24, 0, 0, 0),
  utcOffsetMinutes: (at) => -new Date(at).getTimezoneOffset(),
}

let current: Clock = systemClock

export function useClock(): Clock {
  return current
}

/** Replaces the clock (tests); returns a function that puts the previous one back. */
export function setClock(clock: Clock): () => void {
  const previous = current
  current = clock
  return () => {
    current = previous
  }
}
