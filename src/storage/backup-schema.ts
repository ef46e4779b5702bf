// The progress backup file (Settings → Export progress): its format and its validation.
import * as v from 'valibot'
import type { Deck } from '../domain/deck/types'
import type { Settings } from '../domain/study/settings'
import { DEFAULT_SETTINGS, SETTINGS_BOUNDS, THEMES } from '../domain/study/settings'
import { SLUG_PATTERN } from '../domain/deck/schema'
import type { CardProgress, QuizAttempt, ReviewRecord, StudySession } from '../domain/study/types'
import type { DeckSubscription } from '../domain/import/subscription'
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

/**
 * Version 1 of the backup file. `sessions` (the study or quiz in progress) and `subscriptions` (decks
 * followed at a URL) were added later: older files lack them.
 */
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
  sessions?: StudySession[]
  subscriptions?: DeckSubscription[]
}

export type ImportMode = 'merge' | 'replace'

export interface ImportResult {
  mode: ImportMode
  /** Records written from the backup (new ones, and in merge mode those that won over local ones). */
  written: { decks: number; cards: number; reviews: number; quizAttempts: number }
  /** Merge mode: records already present locally and kept as they were. */
  skipped: { decks: number; cards: number; reviews: number; quizAttempts: number }
  /** What was repaired on the way in (times from a clock that was ahead, due dates out of range). */
  repairs: string[]
}

const text = v.pipe(v.string(), v.minLength(1, 'Expected a non-empty text'))
/** Latest time a JS Date can hold (year 275760). */
const MAX_TIME = 8.64e15
const time = v.pipe(
  v.number(),
  v.finite('Expected a time in epoch milliseconds'),
  v.minValue(0, 'Expected a time after 1970'),
  v.maxValue(MAX_TIME, 'Expected a time a JavaScript date can hold'),
)
/** A due date out of range is brought into range on import (backup-check.ts), not refused. */
const dueTime = v.pipe(v.number(), v.finite('Expected a time in epoch milliseconds'))
const deckId = v.pipe(v.string(), v.regex(SLUG_PATTERN, 'Expected a deck id like `john-vii-palaiologos`'))
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
  due: dueTime,
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
  deckId,
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
  deckId,
  source: v.picklist(['study', 'quiz']),
  ms: v.optional(amount),
  grade,
  at: time,
  elapsedDays: amount,
  phaseBefore: phase,
  stabilityBefore: amount,
  difficultyBefore: amount,
  dueBefore: dueTime,
  phaseAfter: phase,
  stabilityAfter: amount,
  difficultyAfter: amount,
  dueAfter: dueTime,
  scheduledDays: count,
})

const QuizAttemptSchema = v.object({
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  deckId,
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
  // Backups made before there was a daily goal have none: the default applies.
  dailyGoal: v.optional(bounded(SETTINGS_BOUNDS.dailyGoal), DEFAULT_SETTINGS.dailyGoal),
  // Backups made before continuing by itself have none: the default applies.
  autoContinueSeconds: v.optional(bounded(SETTINGS_BOUNDS.autoContinueSeconds), DEFAULT_SETTINGS.autoContinueSeconds),
})

// The deck's content is checked for shape here, then validated as an imported deck (backup-check.ts).
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
  id: deckId,
  origin: v.picklist(['builtin', 'user', 'imported']),
  title: v.string(),
  version: v.string(),
  deck: v.optional(DeckContentSchema),
  savedAt: time,
  fingerprints: v.record(v.string(), v.string()),
  syncedAt: v.optional(time),
})

const SessionSchema = v.object({
  id: text,
  mode: v.picklist(['study', 'quiz']),
  deckId,
  startedAt: time,
  updatedAt: time,
  seed: v.optional(v.number()),
  // A practice session restored from a backup must stay practice: its answers never schedule.
  practice: v.optional(v.boolean()),
  title: v.optional(v.string()),
  items: v.array(
    v.object({
      cardId: text,
      questionId: text,
      isNew: v.boolean(),
      queue: v.optional(v.picklist(['new', 'learning', 'review'])),
    }),
  ),
  answers: v.array(
    v.looseObject({
      cardId: text,
      questionId: text,
      grade,
      correct: v.optional(v.boolean()),
      ms: v.optional(amount),
      at: time,
      itemsBefore: v.optional(count),
    }),
  ),
})

const SubscriptionSchema = v.object({
  deckId,
  url: v.pipe(v.string(), v.url('Expected the web address of the published deck')),
  etag: v.optional(v.string()),
  lastModified: v.optional(v.string()),
  versionHash: v.string(),
  subscribedAt: time,
  checkedAt: v.optional(time),
  autoUpdate: v.boolean(),
})

// The file's frame; the long lists are checked item by item afterwards (in chunks, with progress).
const BackupFrameSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.string(),
  decks: v.array(v.unknown()),
  cards: v.array(v.unknown()),
  reviews: v.array(v.unknown()),
  quizAttempts: v.array(v.unknown()),
  settings: SettingsSchema,
  sessions: v.optional(v.array(v.unknown())),
  subscriptions: v.optional(v.array(v.unknown())),
})

const LISTS = [
  ['decks', DeckSchema],
  ['cards', CardSchema],
  ['reviews', ReviewSchema],
  ['quizAttempts', QuizAttemptSchema],
  ['sessions', SessionSchema],
  ['subscriptions', SubscriptionSchema],
] as const

/** Records checked between two pauses: about 50 ms of work, so the page keeps answering. */
const CHUNK = 5000

export interface BackupProgress {
  step: 'reading' | 'checking' | 'writing'
  done: number
  total: number
}

export interface ParseBackupHooks {
  onProgress?: (progress: BackupProgress) => void
  /** Awaited between chunks (the caller yields to the page here). */
  pause?: () => Promise<void>
}

const MAX_LISTED_ISSUES = 5

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = ''
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  }
  return out || '(the file)'
}

/** `cards[3].state.due`: the item's place in its list, then the path inside the item. */
function itemIssue(list: string, index: number, issue: v.BaseIssue<unknown>): BackupIssue {
  const inner = issue.path?.length ? pathOf(issue) : ''
  const path = `${list}[${index}]${inner === '' || inner.startsWith('[') ? inner : `.${inner}`}`
  return { path, message: issue.message }
}

function fail(issues: BackupIssue[], total = issues.length): never {
  const [first] = issues
  const more = total > 1 ? ` (and ${(total - 1).toLocaleString('en')} more problem${total > 2 ? 's' : ''})` : ''
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

/** A subscription updates a deck the backup holds: one without its deck would have nothing to update. */
function subscribedDecksMissing(backup: BackupV1): BackupIssue[] {
  const decks = new Set(backup.decks.filter((d) => d.deck && d.origin === 'imported').map((d) => d.id))
  return (backup.subscriptions ?? []).flatMap((s, i) =>
    decks.has(s.deckId)
      ? []
      : [{ path: `subscriptions[${i}].deckId`, message: `No imported deck "${s.deckId}" in this backup to update` }],
  )
}

/**
 * Parses (when given text) and validates a backup; throws BackupFormatError with the path of each
 * bad field. The lists are checked in chunks, reporting progress and pausing between them.
 */
export async function parseBackup(input: unknown, hooks: ParseBackupHooks = {}): Promise<BackupV1> {
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
  const frame = v.safeParse(BackupFrameSchema, data, { abortEarly: true })
  if (!frame.success) fail(frame.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })))
  const checked: Record<string, unknown[]> = {}
  const found: BackupIssue[] = []
  let problems = 0
  const total = LISTS.reduce((sum, [name]) => sum + (frame.output[name]?.length ?? 0), 0)
  let done = 0
  for (const [name, schema] of LISTS) {
    const items = frame.output[name]
    if (!items) continue
    const out: unknown[] = new Array<unknown>(items.length)
    for (let start = 0; start < items.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, items.length)
      for (let i = start; i < end; i++) {
        const result = v.safeParse(schema as v.GenericSchema, items[i], { abortEarly: true })
        if (result.success) out[i] = result.output
        else if (problems++ < MAX_LISTED_ISSUES) found.push(itemIssue(name, i, result.issues[0]))
      }
      done += end - start
      hooks.onProgress?.({ step: 'checking', done, total })
      if (hooks.pause) await hooks.pause()
    }
    checked[name] = out
  }
  if (problems) fail(found, problems)
  const backup = { ...frame.output, ...checked } as unknown as BackupV1
  const issues = [
    ...duplicates(backup.decks, (d) => d.id, 'decks', 'Deck id'),
    ...duplicates(backup.cards, (c) => c.cardId, 'cards', 'Card id'),
    ...duplicates(backup.reviews, (r) => (r.id === undefined ? undefined : String(r.id)), 'reviews', 'Review id'),
    ...duplicates(backup.sessions ?? [], (s) => s.id, 'sessions', 'Session id'),
    ...duplicates(backup.subscriptions ?? [], (s) => s.deckId, 'subscriptions', 'Subscription of deck'),
    ...subscribedDecksMissing(backup),
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
