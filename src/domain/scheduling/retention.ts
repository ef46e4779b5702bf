// Desired-retention defaults and bounds. Kept apart from scheduler.ts so that settings (and the
// first view, which reads them) do not pull ts-fsrs into the bundle.
export const DEFAULT_DESIRED_RETENTION = 0.9
export const MIN_DESIRED_RETENTION = 0.7
export const MAX_DESIRED_RETENTION = 0.99
