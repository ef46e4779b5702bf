// Safe updates. A new version is deployed while the learner is in the middle of a
// study session: the app offers "Update available — Reload" and does NOT reload by itself; a
// second open tab is told another tab updated the app, and does not reload either. Only the click
// activates the new version, and the session resumes with no review lost.
//
// "Deploying" = rewriting a copy of dist/ that the preview server serves: index.html gains a
// version marker and sw.js the new revision of index.html, exactly what a real deploy changes.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before } from 'node:test'
import type { Page } from 'playwright-core'
import { readReviews, revealAndGrade, showAnswer, studyUrl } from './app'
import { browserTest, defaultOutDir, root, useBrowserFixture, waitForServiceWorkerControl } from './harness'

const liveDir = join('.e2e-tmp', 'update-live')
const marker = '<meta name="stavraton-e2e-version" content="2" />'

before(() => {
  rmSync(join(root, liveDir), { recursive: true, force: true })
  cpSync(join(root, defaultOutDir), join(root, liveDir), { recursive: true })
})
after(() => {
  rmSync(join(root, liveDir), { recursive: true, force: true })
})
const fixture = useBrowserFixture({ outDir: liveDir })

function deployNewVersion(): void {
  const indexPath = join(root, liveDir, 'index.html')
  const html = readFileSync(indexPath, 'utf8').replace('</head>', `  ${marker}\n  </head>`)
  writeFileSync(indexPath, html)
  const revision = createHash('md5').update(html).digest('hex')
  const swPath = join(root, liveDir, 'sw.js')
  const sw = readFileSync(swPath, 'utf8')
  const updated = sw.replace(/\{url:"index\.html",revision:"[0-9a-f]+"\}/, `{url:"index.html",revision:"${revision}"}`)
  assert.notEqual(updated, sw, 'sw.js lists index.html in its precache manifest')
  writeFileSync(swPath, updated)
}

const versionOf = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[name="stavraton-e2e-version"]')?.getAttribute('content') ?? '1')
/** A flag in the page's JS heap: it survives anything but a reload. */
const markPage = (page: Page) =>
  page.evaluate(() => ((window as unknown as { e2eNotReloaded: boolean }).e2eNotReloaded = true))
const stillSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { e2eNotReloaded?: boolean }).e2eNotReloaded === true)

browserTest('an update waits for the click on Reload, mid-session, in every tab', fixture, async () => {
  const page = fixture.page
  await page.goto(studyUrl(fixture.server.url))
  await waitForServiceWorkerControl(page)
  await revealAndGrade(page, '3')
  await showAnswer(page) // mid-card: the answer is showing, not yet graded
  const other = await fixture.browser.context.newPage()
  await other.goto(fixture.server.url)
  await waitForServiceWorkerControl(other)
  await markPage(page)
  await markPage(other)

  deployNewVersion()
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update()
  })

  const prompt = page.getByRole('status').filter({ hasText: 'Update available' })
  await prompt.waitFor({ timeout: 20_000 })
  await other.getByText('Update available').waitFor()
  // Give an automatic reload every chance to happen — it must not.
  await page.waitForTimeout(1500)
  assert.equal(await stillSamePage(page), true, 'the studying tab reloaded by itself')
  assert.equal(
    await page.getByRole('region', { name: 'Answer' }).isVisible(),
    true,
    'the revealed answer is still showing',
  )
  assert.equal(await versionOf(page), '1')

  await Promise.all([
    page.waitForEvent('load', { timeout: 20_000 }),
    prompt.getByRole('button', { name: 'Reload' }).click(),
  ])
  await page.waitForFunction(() => document.querySelector('meta[name="stavraton-e2e-version"]') !== null)
  assert.equal(await versionOf(page), '2')
  // The session resumes where it was: the one graded review is kept.
  assert.equal((await readReviews(page)).length, 1)
  await page.getByRole('button', { name: 'Show answer' }).waitFor()

  // The other tab learns that another tab updated the app and keeps running until asked.
  await other.getByText('updated in another tab').waitFor()
  assert.equal(await stillSamePage(other), true, 'the other tab reloaded by itself')
  await other.close()
})
