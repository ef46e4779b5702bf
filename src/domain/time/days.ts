// Calendar days for daily limits and charts. The domain never reads the clock or the time zone:
// callers pass `utcOffsetMinutes` (local time minus UTC, i.e. minus the browser's `getTimezoneOffset()`).
// A fixed offset is an approximation across a daylight-saving change; it shifts a bucket by an hour at most.

export const DAY_MS = 86_400_000

/** Epoch ms of the local midnight that starts the day containing `at`. */
export function startOfDay(at: number, utcOffsetMinutes = 0): number {
  const shift = utcOffsetMinutes * 60_000
  return Math.floor((at + shift) / DAY_MS) * DAY_MS - shift
}

/** Local calendar date of `at` as `YYYY-MM-DD`. */
export function dayKey(at: number, utcOffsetMinutes = 0): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
}
