import { downloadText } from '../browser/download'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { BackupFormatError, type BackupIssue, type BackupProgress, type ImportMode } from '../storage'
import { plural } from '../domain/text/format'
import { useClock } from './clock'
import { useStorageStore } from './storage'

/** Lets the page paint and answer input between two chunks of a long import. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Export and import of the progress backup (Settings), and the outcome to show. */
export const useBackupStore = defineStore('backup', () => {
  const busy = ref(false)
  const status = ref<string>()
  const errors = shallowRef<{ message: string; issues: BackupIssue[] }>()
  /** How far an import is; shown only once it has taken more than a second (`slow`). */
  const progress = shallowRef<BackupProgress>()
  const slow = ref(false)

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
    progress.value = { step: 'reading', done: 0, total: file.size }
    const timer = setTimeout(() => (slow.value = true), 1000)
    try {
      await run(async () => {
        const text = await file.text()
        await pause()
        const result = await useStorageStore()
          .db()
          .importBackup(text, {
            mode,
            now: useClock().now(),
            onProgress: (p) => (progress.value = p),
            pause,
          })
        const { cards, reviews, quizAttempts } = result.written
        status.value =
          `${mode === 'replace' ? 'Replaced your progress' : 'Merged'}: ${plural(cards, 'card')}, ${plural(reviews, 'review')} and ${plural(quizAttempts, 'quiz result')} imported` +
          (mode === 'merge' && result.skipped.reviews + result.skipped.cards > 0
            ? ' (records already here were kept).'
            : '.') +
          result.repairs.map((repair) => ` ${repair}`).join('')
      })
    } finally {
      clearTimeout(timer)
      slow.value = false
      progress.value = undefined
    }
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

  return { busy, status, errors, progress, slow, exportProgress, importProgress }
})
