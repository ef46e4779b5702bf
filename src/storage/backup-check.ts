// What a backup must satisfy beyond its shape before anything is written:
// - every deck's content passes the same validation as an imported deck file, under its own id;
// - times are real and not in the future: a backup from a device whose clock was ahead has all
//   its times moved back by that much (intervals kept), so Study never sees a review after "now";
// - every card state agrees with its log and with itself: the last review is not later than the
//   card's last logged review, and the due date lies between the last review and 100 years on.
// Refusals throw BackupFormatError (nothing written); repairs are returned to be shown.
import { validateDeckObject } from '../domain/deck/validate'
import { deckToFileObject } from '../domain/deck/serialize'
import { describeInterval, plural } from '../domain/text/format'
import type { BackupV1 } from './backup-schema'
import { BackupFormatError, type BackupIssue } from './errors'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** Times this far past "now" are clock differences between devices, not an error. */
const CLOCK_TOLERANCE = 5 * MINUTE
/** The longest interval the scheduler gives (ts-fsrs' maximum_interval is 36,500 days). */
const MAX_INTERVAL = 36_500 * DAY

export interface CheckedBackup {
  backup: BackupV1
  /** What was repaired, one sentence each, for the learner. */
  repairs: string[]
}

/** Deck content validated as an import would be; throws with the deck and the first problems. */
export function checkBackupDecks(backup: BackupV1): BackupV1 {
  const issues: BackupIssue[] = []
  const decks = backup.decks.map((row, index) => {
    if (!row.deck) return row
    const path = `decks[${index}].deck`
    if (row.deck.id !== row.id) {
      issues.push({ path: `${path}.id`, message: `The deck inside is "${row.deck.id}", not "${row.id}"` })
      return row
    }
    let fileObject: unknown
    try {
      fileObject = deckToFileObject(row.deck)
    } catch {
      issues.push({ path, message: 'The deck content is damaged (it cannot be read as a deck)' })
      return row
    }
    const result = validateDeckObject(fileObject, { file: row.title || row.id })
    if (!result.deck) {
      for (const issue of result.issues.filter((i) => i.severity === 'error').slice(0, 3))
        issues.push({ path: issue.path ? `${path}: ${issue.path}` : path, message: issue.message })
      return row
    }
    return { ...row, deck: result.deck }
  })
  if (issues.length) {
    const [first] = issues
    throw new BackupFormatError(
      `This backup cannot be imported: a deck in it is not valid (${first?.path}: ${first?.message}). Nothing was changed.`,
      issues,
    )
  }
  return { ...backup, decks }
}

/** Latest time the backup records (what the exporting device believed "now" was, at least). */
function latestTime(backup: BackupV1): number {
  let latest = -Infinity
  const see = (t: number | undefined) => {
    if (t !== undefined && t > latest) latest = t
  }
  for (const r of backup.reviews) see(r.at)
  for (const c of backup.cards) see(c.state.lastReview)
  for (const q of backup.quizAttempts) see(q.finishedAt)
  for (const s of backup.sessions ?? []) {
    see(s.updatedAt)
    for (const a of s.answers) see(a.at)
  }
  return latest
}

/** Every time of the backup moved by `delta` (due dates too, so intervals stay as they were). */
function shiftTimes(backup: BackupV1, delta: number): BackupV1 {
  const move = (t: number) => t + delta
  return {
    ...backup,
    decks: backup.decks.map((d) => ({
      ...d,
      savedAt: move(d.savedAt),
      ...(d.syncedAt === undefined ? {} : { syncedAt: move(d.syncedAt) }),
    })),
    cards: backup.cards.map((c) => ({
      ...c,
      state: {
        ...c.state,
        due: move(c.state.due),
        ...(c.state.lastReview === undefined ? {} : { lastReview: move(c.state.lastReview) }),
      },
    })),
    reviews: backup.reviews.map((r) => ({
      ...r,
      at: move(r.at),
      dueBefore: move(r.dueBefore),
      dueAfter: move(r.dueAfter),
    })),
    quizAttempts: backup.quizAttempts.map((q) => ({
      ...q,
      startedAt: move(q.startedAt),
      finishedAt: move(q.finishedAt),
    })),
    ...(backup.subscriptions
      ? {
          subscriptions: backup.subscriptions.map((s) => ({
            ...s,
            subscribedAt: move(s.subscribedAt),
            ...(s.checkedAt === undefined ? {} : { checkedAt: move(s.checkedAt) }),
          })),
        }
      : {}),
    ...(backup.sessions
      ? {
          sessions: backup.sessions.map((s) => ({
            ...s,
            startedAt: move(s.startedAt),
            updatedAt: move(s.updatedAt),
            answers: s.answers.map((a) => ({ ...a, at: move(a.at) })),
          })),
        }
      : {}),
  }
}

/** Times checked against the clock and each card against its log; returns the repaired backup. */
export function repairBackupTimes(input: BackupV1, now: number): CheckedBackup {
  const repairs: string[] = []
  let backup = input
  const ahead = latestTime(backup) - now
  if (ahead > CLOCK_TOLERANCE) {
    backup = shiftTimes(backup, -ahead)
    repairs.push(
      `Times were moved back by ${describeInterval(ahead)}: this backup was made on a device whose clock was ahead.`,
    )
  }
  const lastLogged = new Map<string, number>()
  for (const r of backup.reviews) if (r.at > (lastLogged.get(r.cardId) ?? -Infinity)) lastLogged.set(r.cardId, r.at)

  let lastReviewFixed = 0
  let dueFixed = 0
  const cards = backup.cards.map((card) => {
    let { lastReview, due } = card.state
    const logged = lastLogged.get(card.cardId)
    if (lastReview !== undefined && logged !== undefined && lastReview > logged) {
      lastReview = logged
      lastReviewFixed++
    }
    const earliest = lastReview ?? 0
    const latest = Math.max(now, lastReview ?? now) + MAX_INTERVAL
    if (due < earliest || due > latest) {
      due = Math.min(Math.max(due, earliest), latest)
      dueFixed++
    }
    if (lastReview === card.state.lastReview && due === card.state.due) return card
    return {
      ...card,
      state: { ...card.state, due, ...(lastReview === undefined ? {} : { lastReview }) },
    }
  })
  if (lastReviewFixed)
    repairs.push(
      `${plural(lastReviewFixed, 'card')} claimed a review later than ${lastReviewFixed === 1 ? 'its' : 'their'} last logged one; the logged time was kept.`,
    )
  if (dueFixed)
    repairs.push(
      `${plural(dueFixed, 'card')} had a due date before ${dueFixed === 1 ? 'its' : 'their'} last review or more than 100 years away; ${dueFixed === 1 ? 'it was' : 'they were'} set to the nearest possible date.`,
    )
  return { backup: dueFixed || lastReviewFixed ? { ...backup, cards } : backup, repairs }
}
