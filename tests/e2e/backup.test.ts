// Backups in a real browser: export → replace brings back the session in progress at the card it
// had reached; a tampered backup is refused with its reason and every page still opens with the
// data as it was; a backup from a clock three days ahead is repaired and Study still works; a
// large backup shows its progress and the page keeps answering while it is imported.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { currentPrompt, readReviews, readSessions, revealAndGrade, studyUrl } from './app'
import { browserTest, useBrowserFixture, watchProblems } from './harness'

let watched: { problems: string[] } = { problems: [] }
const fixture = useBrowserFixture({
  onStart: async (browser) => {
    watched = await watchProblems(browser.page)
  },
})

const DAY = 86_400_000

async function openSettings(page: Page): Promise<void> {
  await page.goto(`${fixture.server.url}settings`)
  await page.getByRole('heading', { name: 'Backup' }).waitFor()
}

async function exportBackup(page: Page): Promise<Record<string, unknown>> {
  await openSettings(page)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ])
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>
}

/** Picks the backup in Settings (from a file on disk: a large buffer takes long to send to the browser). */
async function importBackup(page: Page, backup: unknown, mode: 'Merge' | 'Replace'): Promise<void> {
  await openSettings(page)
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check()
  const file = join(mkdtempSync(join(tmpdir(), 'stavraton-backup-')), 'backup.json')
  writeFileSync(file, JSON.stringify(backup))
  await page.getByLabel('Progress backup file').setInputFiles(file, { timeout: 30_000 })
}

/** Library, Progress and Study open and show no error. */
async function pagesStillOpen(page: Page): Promise<void> {
  await page.goto(fixture.server.url)
  await page.getByRole('heading', { name: 'Library' }).waitFor()
  assert.doesNotMatch(await page.locator('main').innerText(), /NaN|undefined|Cannot read/)
  await page.goto(`${fixture.server.url}progress`)
  await page.getByRole('heading', { level: 1 }).waitFor()
  assert.doesNotMatch(await page.locator('main').innerText(), /NaN|undefined|Cannot read/)
  await page.goto(studyUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.deepEqual(
    watched.problems.filter((p) => !p.includes('favicon')),
    [],
  )
}

browserTest('export → replace brings the session in progress back at the card it had reached', fixture, async () => {
  const page = fixture.page
  await page.goto(studyUrl(fixture.server.url))
  await revealAndGrade(page, '3')
  await revealAndGrade(page, '3')
  const next = await currentPrompt(page)
  const backup = await exportBackup(page)
  assert.equal((backup.sessions as unknown[]).length, 1)
  await importBackup(page, backup, 'Replace')
  await page.getByRole('status').filter({ hasText: 'Replaced your progress' }).waitFor()
  const [session] = await readSessions(page)
  assert.equal(session?.answers.length, 2)
  await page.goto(studyUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.equal(await currentPrompt(page), next)
})

browserTest('a tampered backup is refused with its reason, and every page still opens', fixture, async () => {
  const page = fixture.page
  const backup = await exportBackup(page)
  const reviews = await readReviews(page)
  const decks = backup.decks as Array<Record<string, unknown>>
  await importBackup(page, { ...backup, decks: [...decks, { ...decks[0], id: '__proto__' }] }, 'Merge')
  const alert = page.getByRole('alert')
  await alert.waitFor()
  assert.match(await alert.innerText(), /cannot be imported/)
  assert.match(await alert.innerText(), /decks\[\d+\]\.id/)
  assert.deepEqual(await readReviews(page), reviews)
  await pagesStillOpen(page)
})

browserTest('a backup from a clock three days ahead is repaired, and Study still works', fixture, async () => {
  const page = fixture.page
  const backup = await exportBackup(page)
  const ahead = (t: number) => t + 3 * DAY
  const shifted = {
    ...backup,
    cards: (backup.cards as Array<{ state: { due: number; lastReview?: number } }>).map((c) => ({
      ...c,
      state: {
        ...c.state,
        due: ahead(c.state.due),
        ...(c.state.lastReview ? { lastReview: ahead(c.state.lastReview) } : {}),
      },
    })),
    reviews: (backup.reviews as Array<{ at: number; dueBefore: number; dueAfter: number }>).map((r) => ({
      ...r,
      at: ahead(r.at),
      dueBefore: ahead(r.dueBefore),
      dueAfter: ahead(r.dueAfter),
    })),
  }
  await importBackup(page, shifted, 'Replace')
  const status = page.getByRole('status').filter({ hasText: 'Times were moved back' })
  await status.waitFor()
  const latest = Math.max(...(await readReviews(page)).map((r) => (r as unknown as { at: number }).at))
  assert.ok(latest <= (await page.evaluate(() => Date.now())), 'no review is in the future')
  await pagesStillOpen(page)
})

browserTest('a large backup shows its progress and the page keeps answering', fixture, async () => {
  const page = fixture.page
  const backup = await exportBackup(page)
  const [review] = backup.reviews as Array<Record<string, unknown>>
  assert.ok(review, 'the earlier tests left reviews')
  const now = await page.evaluate(() => Date.now())
  const reviews = Array.from({ length: 60_000 }, (_, i) => ({ ...review, id: i + 1, at: now - 10 * DAY - i * 1000 }))
  await importBackup(page, { ...backup, reviews }, 'Replace')
  const progress = page.getByRole('progressbar')
  await progress.waitFor({ timeout: 20_000 })
  // While the import runs, the page still answers: the next frame paints within a second. (An import
  // on the main thread blocks it for many seconds; a tighter bound only measures how busy the machine is.)
  const lag = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now()
        requestAnimationFrame(() => resolve(performance.now() - start))
      }),
  )
  assert.ok(lag < 1000, `a frame took ${Math.round(lag)} ms during the import`)
  assert.match(await page.getByRole('status').filter({ has: progress }).innerText(), /Reading|Checking|Saving/)
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))
  await page.getByRole('status').filter({ hasText: 'Replaced your progress' }).waitFor({ timeout: 60_000 })
  assert.equal(await progress.count(), 0)
  assert.equal((await readReviews(page)).length, 60_000)
})
