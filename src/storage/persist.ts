// Asking the browser to keep our data (navigator.storage.persist): without it, IndexedDB may be
// evicted under storage pressure. The storage manager is a parameter so tests can pass a fake.

export type PersistenceResult = 'granted' | 'denied' | 'unsupported'

type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted'> & Partial<Pick<StorageManager, 'estimate'>>

const defaultManager = (): StorageManagerLike | undefined => globalThis.navigator?.storage

/** Requests persistent storage. Browsers may grant it silently, prompt, or deny (e.g. a site not yet engaged with). */
export async function requestPersistence(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<PersistenceResult> {
  if (!manager?.persist) return 'unsupported'
  try {
    if (await manager.persisted?.()) return 'granted'
    return (await manager.persist()) ? 'granted' : 'denied'
  } catch {
    return 'unsupported'
  }
}

/** Whether storage is already persistent, without asking. */
export async function persistenceStatus(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<PersistenceResult> {
  if (!manager?.persisted) return 'unsupported'
  try {
    return (await manager.persisted()) ? 'granted' : 'denied'
  } catch {
    return 'unsupported'
  }
}

/** Bytes used and available to the site, when the browser says. */
export async function storageEstimate(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<{ usage: number; quota: number } | null> {
  if (!manager?.estimate) return null
  try {
    const { usage, quota } = await manager.estimate()
    return usage === undefined || quota === undefined ? null : { usage, quota }
  } catch {
    return null
  }
}
