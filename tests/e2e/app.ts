// What a learner does in the app, as browser-test steps, and what the app stored, read back
// straight from IndexedDB (database "stavraton", see src/storage/db.ts).
import type { Page } from 'playwright-core'
import { deckId } from './harness'

export const deckUrl = (base: string) => `${base}deck/${deckId}`
export const studyUrl = (base: string) => `${base}deck/${deckId}/study`

/** The card being studied: an article named by its prompt. */
export const studyCard = (page: Page) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2 }) })

/**
 * Waits until the card on screen takes input: it is painted and past a double press of the key
 * that brought it (the card is aria-busy until then, and ignores keys and taps).
 */
export async function cardReady(page: Page): Promise<void> {
  await page.locator('article.study-card[aria-busy="false"]').waitFor()
}

export async function currentPrompt(page: Page): Promise<string> {
  return (await studyCard(page).getByRole('heading', { level: 2 }).innerText()).trim()
}

/**
 * Reveals the answer with the keyboard, as a learner would: Space. A typed-answer card holds the
 * focus in its text box, where Space types a space, so first Tab to the "Show answer" button
 * (Space then presses the button).
 */
export async function showAnswer(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Show answer' })
  await button.waitFor()
  await cardReady(page)
  if (await inTextField(page)) {
    for (let i = 0; i < 6 && !(await button.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Space')
  await page.getByRole('region', { name: 'Answer' }).waitFor()
}

/** Reveals the current card and grades it with key 1–4; resolves once the next card or the summary shows. */
export async function revealAndGrade(page: Page, key: '1' | '2' | '3' | '4'): Promise<string> {
  const prompt = await currentPrompt(page)
  const before = (await readReviews(page)).length
  await showAnswer(page)
  await page.getByRole('group', { name: 'Grade your answer' }).waitFor()
  await page.keyboard.press(key)
  // The review is one transaction committed before the next card shows: poll the database for it.
  const deadline = Date.now() + 10_000
  while ((await readReviews(page)).length <= before) {
    if (Date.now() > deadline) throw new Error(`grading "${prompt}" stored no review`)
    await page.waitForTimeout(50)
  }
  return prompt
}

const inTextField = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
  })

export interface StoredReview {
  cardId: string
  questionId: string
  deckId: string
  grade: number
  source: string
}

export interface StoredSession {
  id: string
  updatedAt: number
  items: { cardId: string; questionId: string }[]
  answers: { cardId: string; grade: number }[]
}

/** All rows of an object store of the app's database, read with plain IndexedDB. */
export function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    // Opening a database that does not exist would create it: check first.
    if (!(await indexedDB.databases()).some((db) => db.name === 'stavraton')) return []
    return new Promise<T[]>((resolve, reject) => {
      const open = indexedDB.open('stavraton')
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        const db = open.result
        if (!db.objectStoreNames.contains(name)) {
          db.close()
          return resolve([])
        }
        const request = db.transaction(name, 'readonly').objectStore(name).getAll()
        request.onsuccess = () => {
          db.close()
          resolve(request.result as T[])
        }
        request.onerror = () => reject(request.error)
      }
    })
  }, table)
}

export const readReviews = (page: Page) => readTable<StoredReview>(page, 'reviews')
export const readSessions = (page: Page) => readTable<StoredSession>(page, 'sessions')

/** Forgets the saved study sessions: the next study view builds a new one (with the settings as they are). */
export async function clearSession(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('stavraton')
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite')
          tx.objectStore('sessions').clear()
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
        }
      }),
  )
}

/**
 * A new study session in deck order, recall first (the built-in deck's first card is then John
 * VII's disputed birth, asked as a date), its first card ready.
 */
export async function studyRecallFirst(page: Page, base: string): Promise<void> {
  await writeSettings(page, { recognitionFirst: false })
  await clearSession(page)
  await page.goto(studyUrl(base))
  await cardReady(page)
}

/** Stores settings straight into IndexedDB (the app must have opened its database); reload to apply. */
export function writeSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  return page.evaluate(async (values) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('stavraton')
      open.onerror = () => reject(open.error)
      // The app must have created its database: opening a missing one would create an empty one.
      open.onupgradeneeded = () => {
        open.transaction?.abort()
        reject(new Error('writeSettings: the app has not opened its database yet'))
      }
      open.onsuccess = () => {
        const db = open.result
        const store = db.transaction('settings', 'readwrite').objectStore('settings')
        const get = store.get('settings')
        get.onsuccess = () => {
          store.put({ ...(get.result ?? {}), ...values, id: 'settings' })
          store.transaction.oncomplete = () => {
            db.close()
            resolve()
          }
        }
        get.onerror = () => reject(get.error)
      }
    })
  }, patch)
}

export interface StoredAnswer {
  cardId: string
  grade: number
  correct?: boolean
}

/** The phone the study screen is designed for. */
export const phone = { width: 390, height: 844 }
