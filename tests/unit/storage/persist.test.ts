// requestPersistence reports what the browser decided; the browser's StorageManager is replaced by a
// small stand-in since Node has none.
import { describe, expect, it } from 'vitest'
import { persistenceStatus, requestPersistence, storageEstimate } from '../../../src/storage'

const manager = (persisted: boolean, grant: boolean) => {
  const calls: string[] = []
  return {
    calls,
    persisted: async () => (calls.push('persisted'), persisted),
    persist: async () => (calls.push('persist'), grant),
    estimate: async () => ({ usage: 1200, quota: 10_000 }),
  }
}

describe('requestPersistence', () => {
  it('reports granted without asking again when storage is already persistent', async () => {
    const m = manager(true, false)
    expect(await requestPersistence(m)).toBe('granted')
    expect(m.calls).toEqual(['persisted'])
  })

  it('asks, and reports what the browser answered', async () => {
    expect(await requestPersistence(manager(false, true))).toBe('granted')
    expect(await requestPersistence(manager(false, false))).toBe('denied')
  })

  it('reports unsupported without a storage manager, or when it throws', async () => {
    expect(await requestPersistence(undefined)).toBe('unsupported')
    expect(
      await requestPersistence({ persisted: async () => false, persist: async () => Promise.reject(new Error('no')) }),
    ).toBe('unsupported')
  })

  it('checks the status without asking', async () => {
    const m = manager(false, true)
    expect(await persistenceStatus(m)).toBe('denied')
    expect(m.calls).toEqual(['persisted'])
    expect(await persistenceStatus(undefined)).toBe('unsupported')
  })

  it('gives the storage estimate when the browser does', async () => {
    expect(await storageEstimate(manager(true, true))).toEqual({ usage: 1200, quota: 10_000 })
    expect(await storageEstimate(undefined)).toBeNull()
  })
})
