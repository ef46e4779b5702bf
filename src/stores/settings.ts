import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { DEFAULT_SETTINGS, InvalidSettingError, type Settings } from '../domain/study/settings'
import { useStorageStore } from './storage'

const FIELD_LABELS: Readonly<Record<keyof Settings, string>> = {
  desiredRetention: 'Desired retention',
  newPerDay: 'New cards per day',
  recognitionFirst: 'Recognition first',
  theme: 'Theme',
  quizLength: 'Questions per quiz',
  dailyGoal: 'Daily goal',
  autoContinueSeconds: 'Continue by itself',
}

/** The learner's settings, kept in step with storage (and with other tabs) through liveQuery. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<Settings>({ ...DEFAULT_SETTINGS })
  const loaded = ref(false)
  const error = ref<string>()
  let subscription: { unsubscribe(): void } | undefined

  /** Starts following the stored settings; resolves once they are read. */
  async function load(): Promise<void> {
    const db = useStorageStore().db()
    // Already loaded: the storage module (and Dexie) came with the open database `db` belongs to.
    const { liveQuery } = await import('../storage')
    subscription?.unsubscribe()
    return new Promise((resolve) => {
      subscription = liveQuery(() => db.settings.get()).subscribe({
        next: (value) => {
          settings.value = value
          loaded.value = true
          resolve()
        },
        error: (e: unknown) => {
          useStorageStore().report(e)
          resolve()
        },
      })
    })
  }

  async function update(patch: Partial<Settings>): Promise<boolean> {
    error.value = undefined
    try {
      settings.value = await useStorageStore().db().settings.update(patch)
      return true
    } catch (e) {
      if (e instanceof InvalidSettingError) error.value = e.message.replace(e.field, FIELD_LABELS[e.field])
      else if (!useStorageStore().report(e)) error.value = e instanceof Error ? e.message : String(e)
      return false
    }
  }

  return { settings, loaded, error, load, update }
})
