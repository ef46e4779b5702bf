import { downloadText } from '../browser/download'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { BackupFormatError, type BackupIssue, type ImportMode } from '../storage'
import { plural } from '../domain/text/format'
import { useClock } from './clock'
import { useStorageStore } from './storage'

/** Export and import of the progress backup (Settings), and the outcome to show. */
export const useBackupStore = defineStore('backup', () => {
  const busy = ref(false)
  const status = ref<string>()
  const errors = shallowRef<{ message: string; issues: BackupIssue[] }>()

  /** Downloads every deck's progress as `stavraton-progress-YYYY-MM-DD.json`. */
  async function exportProgress(): Promise<void> {
    await run(async () => {
      const now = useClock().now()
      const backup = await useStorageStore().db().exportBackup(now)
      const fileName = `stavraton-progress-${new Date(now).toISOString().slice(0, 10)}.json`
      downloadText(fileName, JSON.stringify(backup, null, 1), 'application/json')
      status.value = `Exported ${plural(backup.cards.length, 'card')} and ${plural(backup.reviews.length, 'review')}.`
    })
  }

  /** Validates the file first; on any error nothing is changed and every issue is listed. */
  async function importProgress(file: File, mode: ImportMode): Promise<void> {
    await run(async () => {
      const result = await useStorageStore()
        .db()
        .importBackup(await file.text(), { mode })
      const { cards, reviews, quizAttempts } = result.written
      status.value =
        `${mode === 'replace' ? 'Replaced your progress' : 'Merged'}: ${plural(cards, 'card')}, ${plural(reviews, 'review')} and ${plural(quizAttempts, 'quiz result')} imported` +
        (mode === 'merge' && result.skipped.reviews + result.skipped.cards > 0
          ? ' (records already here were kept).'
          : '.')
    })
  }

  async function run(task: () => Promise<void>): Promise<void> {
    busy.value = true
    status.value = undefined
    errors.value = undefined
    try {
      await task()
    } catch (e) {
      if (e instanceof BackupFormatError) errors.value = { message: e.message, issues: e.issues }
      else if (!useStorageStore().report(e))
        errors.value = { message: e instanceof Error ? e.message : String(e), issues: [] }
    } finally {
      busy.value = false
    }
  }

  return { busy, status, errors, exportProgress, importProgress }
})
