// A newer app version upgrades the database while this tab holds it open (Dexie's
// `versionchange`): this tab lets go of the database at once, so the upgrade is not blocked,
// tells the learner another tab updated the app with a Reload button, does not reload by
// itself, and every review graded before is still in the upgraded database.
import assert from 'node:assert/strict'
import { readReviews, revealAndGrade, showAnswer, studyUrl } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

browserTest(
  'another tab upgrading the database: reload offered, nothing lost, no reload by itself',
  fixture,
  async () => {
    const page = fixture.page
    await page.goto(studyUrl(fixture.server.url))
    await revealAndGrade(page, '3')
    await revealAndGrade(page, '4')
    await showAnswer(page)
    const reviews = await readReviews(page)
    assert.equal(reviews.length, 2)
    await page.evaluate(() => ((window as unknown as { e2eNotReloaded: boolean }).e2eNotReloaded = true))

    // The "new version" in a second tab: open the database one version higher.
    const other = await fixture.browser.context.newPage()
    await other.goto(`${fixture.server.url}icons/coin.svg`) // same origin, without the app
    const upgrade = await other.evaluate(
      () =>
        new Promise<{ from: number; to: number; reviews: number }>((resolve, reject) => {
          void indexedDB.databases().then((dbs) => {
            const current = dbs.find((db) => db.name === 'stavraton')?.version ?? 0
            const open = indexedDB.open('stavraton', current + 1)
            open.onblocked = () =>
              reject(new Error('the upgrade was blocked: the app tab did not close its connection'))
            open.onerror = () => reject(open.error)
            open.onsuccess = () => {
              const db = open.result
              const count = db.transaction('reviews').objectStore('reviews').count()
              count.onsuccess = () => {
                resolve({ from: current, to: db.version, reviews: count.result })
                db.close()
              }
            }
          })
        }),
    )
    assert.equal(upgrade.to, upgrade.from + 1)
    assert.equal(upgrade.reviews, 2, 'the upgraded database still holds both reviews')

    const notice = page.getByRole('status').filter({ hasText: 'updated in another tab' })
    await notice.waitFor()
    await notice.getByRole('button', { name: 'Reload' }).waitFor()
    await page.waitForTimeout(1000)
    assert.equal(
      await page.evaluate(() => (window as unknown as { e2eNotReloaded?: boolean }).e2eNotReloaded),
      true,
      'the tab reloaded by itself',
    )
    await other.close()
  },
)
