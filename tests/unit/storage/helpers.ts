// One fresh in-memory IndexedDB (fake-indexeddb) per test, so tests never share state.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { openStorage } from '../../../src/storage'
import type { OpenStorageOptions, Storage } from '../../../src/storage'

export const NOW = Date.UTC(2025, 2, 10, 9, 0, 0)
export const MINUTE = 60_000
export const DAY = 86_400_000

export interface TestDatabase {
  factory: IDBFactory
  name: string
  open(options?: Partial<OpenStorageOptions>): Promise<Storage>
}

let counter = 0

export function testDatabase(): TestDatabase {
  const factory = new IDBFactory()
  const name = `stavraton-test-${++counter}`
  return {
    factory,
    name,
    open: (options = {}) => openStorage({ name, indexedDB: factory, IDBKeyRange, enableFuzz: false, ...options }),
  }
}

export { IDBKeyRange }
