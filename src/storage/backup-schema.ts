// The progress backup file (Settings → Export progress): its format and its validation.
import * as v from 'valibot'
import type { Deck } from '../domain/deck/types'
import type { Settings } from '../domain/study/settings'
import { SETTINGS_BOUNDS, THEMES } from '../domain/study/settings'
import type { CardProgress, QuizAttempt, ReviewRecord } from '../domain/study/types'
import { BackupFormatError, type BackupIssue } from './errors'

export const BACKUP_FORMAT = 'stavraton-backup'
export const BACKUP_VERSION = 1

/** Kept apart from the database's DeckRow on purpose: the file format is versioned separately from the schema. */
export interface BackupDeck {
  id: string
  origin: 'builtin' | 'user' | 'imported'
  title: string
  version: string
  /** Content of a user or imported deck. */
  deck?: Deck
  savedAt: number
  /** card id → fingerprint known at the last sync. */
  fingerprints: Record<string, string>
  syncedAt?: number
}

/** Version 1 of the backup file. Sessions in progress are not part of it. */
export interface BackupV1 {
  format: typeof BACKUP_FORMAT
  version: 1
  /** ISO 8601. */
  exportedAt: string
  decks: BackupDeck[]
  cards: CardProgress[]
  reviews: ReviewRecord[]
  quizAttempts: QuizAttempt[]
  settings: Settings
}

export type ImportMode = 'merge' | 'replace'

export interface ImportResult {
  mode: ImportMode
  /** Records written from the backup (new ones, and in merge mode those that won over local ones). */
  written: { decks: number; cards: number; reviews: number; quizAttempts: number }
  /** Merge mode: records already present locally and kept as they were. */
  skipped: { decks: number; cards: number; reviews: number; quizAttempts: number }
}

const text = v.pipe(v.string(), v.minLength(1, 'Expected a non-empty text'))
const time = v.pipe(v.number(), v.finite('Expected a time in epoch milliseconds'))
const count = v.pipe(v.number(), v.integer('Expected a whole number'), v.minValue(0))
const amount = v.pipe(v.number(), v.finite(), v.minValue(0))
const phase = v.picklist(['new', 'learning', 'review', 'relearning'])
const grade = v.picklist([1, 2, 3, 4] as const)
const bounded = (b: { min: number; max: number; step: number }) =>
  b.step === 1
    ? v.pipe(v.number(), v.integer(), v.minValue(b.min), v.maxValue(b.max))
    : v.pipe(v.number(), v.minValue(b.min), v.maxValue(b.max))

const CardStateSchema = v.object({
  phase,
  due: time,
  stability: amount,
  difficulty: amount,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  lastReview: v.optional(time),
})

const CardSchema = v.object({
  cardId: text,
  deckId: text,
  fingerprint: v.string(),
  retired: v.boolean(),
  state: CardStateSchema,
  suspended: v.optional(v.boolean()),
  buriedUntil: v.optional(time),
})

const ReviewSchema = v.object({
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  cardId: text,
  questionId: text,
  deckId: text,
  source: v.picklist(['study', 'quiz']),
  ms: v.optional(amount),
  grade,
  at: time,
  elapsedDays: amount,
  phaseBefore: phase,
  stabilityBefore: amount,
  difficultyBefore: amount,
  dueBefore: time,
  phaseAfter: phase,
  stabilityAfter: amount,
  difficultyAfter: amount,
  dueAfter: time,
  scheduledDays: count,
})

const QuizAttemptSchema = v.object({
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  deckId: text,
  startedAt: time,
  finishedAt: time,
  seed: v.optional(v.number()),
  answers: v.array(
    v.object({
      questionId: text,
      cardId: text,
      kind: text,
      correct: v.boolean(),
      ms: v.optional(amount),
      given: v.optional(v.union([v.string(), v.array(v.string())])),
    }),
  ),
})

const SettingsSchema = v.object({
  desiredRetention: bounded(SETTINGS_BOUNDS.desiredRetention),
  newPerDay: bounded(SETTINGS_BOUNDS.newPerDay),
  recognitionFirst: v.boolean(),
  theme: v.picklist(THEMES),
  quizLength: bounded(SETTINGS_BOUNDS.quizLength),
})

// The deck's content is checked for shape only; it was validated when it was first saved.
const DeckContentSchema = v.looseObject({
  id: text,
  title: v.string(),
  language: v.string(),
  version: v.string(),
  sources: v.array(v.unknown()),
  entities: v.array(v.unknown()),
  facts: v.array(v.unknown()),
  cards: v.array(v.unknown()),
})

const DeckSchema = v.object({
  id: text,
  origin: v.picklist(['builtin', 'user', 'imported']),
  title: v.string(),
  version: v.string(),
  deck: v.optional(DeckContentSchema),
  savedAt: time,
  fingerprints: v.record(v.string(), v.string()),
  syncedAt: v.optional(time),
})

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.string(),
  decks: v.array(DeckSchema),
  cards: v.array(CardSchema),
  reviews: v.array(ReviewSchema),
  quizAttempts: v.array(QuizAttemptSchema),
  settings: SettingsSchema,
})

const MAX_LISTED_ISSUES = 5

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = ''
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  }
  return out || '(the file)'
}

function fail(issues: BackupIssue[]): never {
  const [first] = issues
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
  throw new BackupFormatError(
    `This backup cannot be imported: ${first?.path}: ${first?.message}${more}. Nothing was changed.`,
    issues.slice(0, MAX_LISTED_ISSUES),
  )
}

function duplicates<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  field: string,
  what: string,
): BackupIssue[] {
  const seen = new Set<string>()
  const issues: BackupIssue[] = []
  items.forEach((item, i) => {
    const key = keyOf(item)
    if (key === undefined) return
    if (seen.has(key)) issues.push({ path: `${field}[${i}]`, message: `${what} ${key} appears twice` })
    seen.add(key)
  })
  return issues
}

/** Parses (when given text) and validates a backup; throws BackupFormatError with the path of each bad field. */
export function parseBackup(input: unknown): BackupV1 {
  let data = input
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input)
    } catch (e) {
      throw new BackupFormatError(
        `This file is not a Stavraton backup: it is not valid JSON (${(e as Error).message}). Nothing was changed.`,
      )
    }
  }
  const head = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown }
  if (head.format !== BACKUP_FORMAT) {
    throw new BackupFormatError(
      `This file is not a Stavraton progress backup (expected "format": "${BACKUP_FORMAT}"). Nothing was changed.`,
      [{ path: 'format', message: `Expected "${BACKUP_FORMAT}"` }],
    )
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new BackupFormatError(
      `This backup was made by a newer version of Stavraton (backup version ${head.version}). Update the app, then import it again. Nothing was changed.`,
      [{ path: 'version', message: `Expected ${BACKUP_VERSION} or lower` }],
    )
  }
  const result = v.safeParse(BackupSchema, data)
  if (!result.success) fail(result.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })))
  const backup = result.output as unknown as BackupV1
  const issues = [
    ...duplicates(backup.decks, (d) => d.id, 'decks', 'Deck id'),
    ...duplicates(backup.cards, (c) => c.cardId, 'cards', 'Card id'),
    ...duplicates(backup.reviews, (r) => (r.id === undefined ? undefined : String(r.id)), 'reviews', 'Review id'),
    ...duplicates(
      backup.quizAttempts,
      (q) => (q.id === undefined ? undefined : String(q.id)),
      'quizAttempts',
      'Quiz attempt id',
    ),
  ]
  if (issues.length) fail(issues)
  return backup
}
