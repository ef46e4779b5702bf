// Work done in steps: a long layout yields between steps, so that a page can do it a few steps per
// task and answer taps meanwhile; what runs it at once runs every step in a row.

/** A computation that yields between steps and returns its result. */
export type Steps<T> = Generator<void, T, void>

/** Runs every step at once and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** How many items a long loop handles between two yields: some 1 to 5 ms of work at most. */
export const ITEMS_PER_STEP = 500
