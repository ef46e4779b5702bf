// Typed storage errors. `message` is written for the learner; the original error is in `cause`.

export class StorageError extends Error {
  override name = 'StorageError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** IndexedDB is missing or refused (private browsing, blocked site data, a broken profile). */
export class StorageUnavailableError extends StorageError {
  override name = 'StorageUnavailableError'
  constructor(options?: { cause?: unknown }) {
    super(
      'Stavraton cannot save progress in this browser: storage is unavailable (private browsing or blocked site data?). ' +
        'Allow site data for this site or open it in a normal window, then reload.',
      options,
    )
  }
}

export class QuotaExceededError extends StorageError {
  override name = 'QuotaExceededError'
  constructor(options?: { cause?: unknown }) {
    super(
      'Your device has no storage space left for Stavraton, so the last change was not saved. ' +
        'Free some space, then try again (Settings → Export progress keeps a copy).',
      options,
    )
  }
}

/** An older version of the app in another tab keeps the database open, so it cannot be upgraded. */
export class StorageBlockedError extends StorageError {
  override name = 'StorageBlockedError'
  constructor(options?: { cause?: unknown }) {
    super(
      'Stavraton is open in another tab with an older version. Close the other tabs, then reload this page.',
      options,
    )
  }
}

/** The database was closed because another tab upgraded it. */
export class StorageClosedError extends StorageError {
  override name = 'StorageClosedError'
  constructor(options?: { cause?: unknown }) {
    super('Stavraton was updated in another tab. Reload this page to continue; your progress is saved.', options)
  }
}

/** Undo found the card reviewed again since (in another tab or a quiz): nothing was changed. */
export class UndoUnavailableError extends StorageError {
  override name = 'UndoUnavailableError'
  constructor() {
    super('This review can no longer be undone: the card was reviewed again since (in another tab or a quiz).')
  }
}

/**
 * A cached question's part was gone or replaced when the question was read (the deck's cache was
 * rewritten or dropped since it was opened): the deck's questions must be read or generated again.
 */
export class StaleQuestionCacheError extends StorageError {
  override name = 'StaleQuestionCacheError'
  constructor(readonly deckId: string) {
    super('The questions of this deck changed while it was open. Open it again.')
  }
}

/**
 * A deck's questions were to be synced, but the deck is no longer stored (it was deleted while it
 * was opening): nothing was written, so no card of a deleted deck comes back.
 */
export class DeckDeletedError extends StorageError {
  override name = 'DeckDeletedError'
  constructor(readonly deckId: string) {
    super(`The deck "${deckId}" was deleted.`)
  }
}

export interface BackupIssue {
  /** Where in the file: `cards[3].state.due`. */
  path: string
  message: string
}

/** A backup file that cannot be imported; nothing was changed. */
export class BackupFormatError extends StorageError {
  override name = 'BackupFormatError'
  constructor(
    message: string,
    readonly issues: BackupIssue[] = [],
  ) {
    super(message)
  }
}

const namesOf = (error: unknown): string[] => {
  const names: string[] = []
  let e = error as { name?: unknown; inner?: unknown; cause?: unknown } | undefined
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.name === 'string') names.push(e.name)
    e = (e.inner ?? e.cause) as typeof e
  }
  return names
}

const OPEN_FAILURES = ['MissingAPIError', 'OpenFailedError', 'SecurityError', 'InvalidStateError', 'UnknownError']

/**
 * Maps IndexedDB/Dexie failures to the typed errors above; other errors (bugs) pass through.
 * `opening`: the failure happened while opening the database, where any refusal means "unavailable".
 */
export function toStorageError(
  error: unknown,
  context: { opening?: boolean; closedByUpgrade?: boolean } = {},
): unknown {
  if (error instanceof StorageError) return error
  const names = namesOf(error)
  if (names.includes('QuotaExceededError')) return new QuotaExceededError({ cause: error })
  if (names.includes('DatabaseClosedError') && context.closedByUpgrade) return new StorageClosedError({ cause: error })
  if (names.includes('MissingAPIError') || (context.opening && names.some((n) => OPEN_FAILURES.includes(n)))) {
    return new StorageUnavailableError({ cause: error })
  }
  return error
}
