// Which key presses and taps the study screen acts on. A press belongs to the card that was on
// screen when it was made: input made while a grade is saving, before the next card is painted, or
// so soon after the press that brought that card that it cannot be a reaction to it (a double
// press), is dropped — and so is the rest of the same burst (presses less than `burstMs` apart),
// so a dropped Space cannot leave its "3" to pick an option on the next card. A burst ends at the
// first pause, which falls between a learner's Space+grade pairs, never inside one.

export type InputKind = 'key' | 'pointer'

export interface GuardedInput {
  /** When the input was made (the event's timeStamp, on the same clock as `painted`). */
  at: number
  kind: InputKind
  /** A key held down: auto-repeat. */
  repeat?: boolean
  /** `KeyboardEvent.key`, for the rule on option keys after a dropped Space or Enter. */
  key?: string
}

export interface InputGuardOptions {
  /** A new card ignores input for this long after the press that brought it (default 250 ms). */
  settleMs?: number
  /** Input this soon after a dropped one belongs to the same burst and is dropped too (default 120 ms). */
  burstMs?: number
  /**
   * On the question side, an option key (digit or letter) this soon after a dropped Space or Enter
   * is dropped too (default 1 s): it was the grade of a Space+grade pair, however slowly the two
   * arrived, not a choice.
   */
  pairMs?: number
}

export interface InputGuard {
  /** A save started or the next card is being prepared: drop everything until `painted`. */
  hold(): void
  /**
   * The card showing is on screen since `at`. `newCard`: it replaced the previous card, so the
   * input that caused the change gets no follow-up (`settleMs`).
   */
  painted(at: number, newCard: boolean): void
  /** The answer side appeared: a tap lands on different controls now (the grade bar). */
  revealed(at: number): void
  /** Should this input be acted on? Call once per input, in the order they arrive. */
  accept(input: GuardedInput): boolean
  /** From when a key press is taken (Infinity while held). */
  readyAt(): number
}

export const DEFAULT_SETTLE_MS = 250
export const DEFAULT_BURST_MS = 120
export const DEFAULT_PAIR_MS = 1000

const isRevealKey = (key: string | undefined) => key === ' ' || key === 'Enter'
const isOptionKey = (key: string | undefined) => key !== undefined && key.length === 1 && key !== ' '

export function createInputGuard(options: InputGuardOptions = {}): InputGuard {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS
  const burstMs = options.burstMs ?? DEFAULT_BURST_MS
  const pairMs = options.pairMs ?? DEFAULT_PAIR_MS
  let questionSide = true
  let revealDroppedAt = -Infinity
  let held = true
  let paintedAt = Infinity
  let settledAt = -Infinity
  let pointerSettledAt = -Infinity
  let droppedAt = -Infinity
  let acceptedAt = -Infinity

  return {
    hold() {
      held = true
    },
    painted(at, newCard) {
      held = false
      paintedAt = at
      if (newCard) {
        settledAt = acceptedAt + settleMs
        questionSide = true
      }
    },
    revealed(at) {
      pointerSettledAt = at + settleMs
      questionSide = false
    },
    readyAt: () => (held ? Infinity : Math.max(paintedAt, settledAt)),
    accept({ at, kind, repeat, key }) {
      if (repeat) return false
      const early = held || at < paintedAt || at < settledAt || (kind === 'pointer' && at < pointerSettledAt)
      const pairOfDropped = questionSide && isOptionKey(key) && at - revealDroppedAt < pairMs
      if (early || pairOfDropped || at - droppedAt < burstMs) {
        droppedAt = Math.max(droppedAt, at)
        if (isRevealKey(key)) revealDroppedAt = at
        return false
      }
      if (isRevealKey(key)) revealDroppedAt = -Infinity
      acceptedAt = at
      return true
    },
  }
}
