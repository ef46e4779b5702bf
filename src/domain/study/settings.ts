// Learner settings: defaults and bounds, shared by the settings view and storage.
import { DEFAULT_DESIRED_RETENTION, MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from '../scheduling/retention'

export type Theme = 'system' | 'light' | 'dark'
export const THEMES: readonly Theme[] = ['system', 'light', 'dark']

export interface Settings {
  /** 0.70–0.99: the FSRS target recall probability. */
  desiredRetention: number
  /** New cards introduced per deck per day. */
  newPerDay: number
  /** Ask new facts as multiple choice first, then as typed recall. */
  recognitionFirst: boolean
  theme: Theme
  /** Questions in a quiz. */
  quizLength: number
  /** Reviews a day the learner aims for (all decks together); 0 turns the goal off. */
  dailyGoal: number
  /**
   * Seconds after the app checked an answer (an option picked, a typed answer checked) before the
   * study screen continues with the suggested grade by itself; 0: off (Space or Enter continues).
   */
  autoContinueSeconds: number
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  desiredRetention: DEFAULT_DESIRED_RETENTION,
  newPerDay: 20,
  recognitionFirst: true,
  theme: 'system',
  quizLength: 10,
  dailyGoal: 20,
  autoContinueSeconds: 0,
}

/** Inclusive bounds, also usable as the min/max/step of the settings inputs. */
export const SETTINGS_BOUNDS = {
  desiredRetention: { min: MIN_DESIRED_RETENTION, max: MAX_DESIRED_RETENTION, step: 0.01 },
  newPerDay: { min: 0, max: 1000, step: 1 },
  quizLength: { min: 1, max: 100, step: 1 },
  dailyGoal: { min: 0, max: 1000, step: 1 },
  autoContinueSeconds: { min: 0, max: 10, step: 1 },
} as const

/** The delays the settings offer for continuing by itself (0: off). */
export const AUTO_CONTINUE_CHOICES: readonly number[] = [0, 1, 2, 3, 5]

export class InvalidSettingError extends Error {
  override name = 'InvalidSettingError'
  constructor(
    readonly field: keyof Settings,
    message: string,
  ) {
    super(message)
  }
}

/** Checks a partial update; throws InvalidSettingError naming the field and the allowed range. */
export function checkSettingsPatch(patch: Partial<Settings>): Partial<Settings> {
  for (const [field, bounds] of Object.entries(SETTINGS_BOUNDS) as Array<
    [keyof typeof SETTINGS_BOUNDS, { min: number; max: number; step: number }]
  >) {
    const value = patch[field]
    if (value === undefined) continue
    const whole = bounds.step === 1 ? Number.isInteger(value) : true
    if (typeof value !== 'number' || !Number.isFinite(value) || value < bounds.min || value > bounds.max || !whole) {
      throw new InvalidSettingError(
        field,
        `${field} must be ${bounds.step === 1 ? 'a whole number ' : ''}between ${bounds.min} and ${bounds.max}, got ${String(value)}.`,
      )
    }
  }
  if (patch.recognitionFirst !== undefined && typeof patch.recognitionFirst !== 'boolean') {
    throw new InvalidSettingError(
      'recognitionFirst',
      `recognitionFirst must be true or false, got ${String(patch.recognitionFirst)}.`,
    )
  }
  if (patch.theme !== undefined && !THEMES.includes(patch.theme)) {
    throw new InvalidSettingError('theme', `theme must be one of ${THEMES.join(', ')}, got ${String(patch.theme)}.`)
  }
  return patch
}
