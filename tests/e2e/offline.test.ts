// Truly offline (issue 5 §2, §6). On the first visit a service worker takes control of the page;
// after that the preview server is killed by its PID and the browser is put offline, and the app
// still loads — with every review stored before — and opens deep links it never visited online.
import assert from 'node:assert/strict'
import { after, before } from 'node:test'
import { currentPrompt, deckUrl, readReviews, revealAndGrade, studyUrl } from './app'
import { browserTest, launchBrowser, startPreview, waitForServiceWorkerControl, type Browser, type PreviewServer } from './harness'

let server: PreviewServer
let browser: Browser | undefined

before(async () => {
  server = await startPreview()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

browserTest('first visit: a service worker takes control of the page', () => browser?.page, async () => {
  const page = browser!.page
  await page.goto(server.url)
  await waitForServiceWorkerControl(page)
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), `${server.url}sw.js`)
})

browserTest('study two cards, kill the server, reload: the app and both reviews are still there', () => browser?.page, async () => {
  const page = browser!.page
  await page.goto(studyUrl(server.url))
  const studied = [await revealAndGrade(page, '3'), await revealAndGrade(page, '4')]
  const stored = await readReviews(page)
  assert.equal(stored.length, 2)
  const next = await currentPrompt(page)
  assert.ok(!studied.includes(next), 'a graded card is not shown again right away')

  await server.stop() // kill -TERM <pid>, and check the port is closed
  await browser!.context.setOffline(true)
  await page.reload()

  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.equal(await currentPrompt(page), next, 'the session resumes at the card that was next')
  assert.deepEqual(await readReviews(page), stored)
  await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor()
})

browserTest('deep links open offline: a deck page and its study view', () => browser?.page, async () => {
  // Still offline from the test above, and the deck page was never opened while online.
  const page = browser!.page
  assert.equal(await fetch(server.url).then(() => 'up', () => 'down'), 'down')
  await page.goto(deckUrl(server.url))
  await page.getByRole('heading', { level: 1, name: /John VII Palaiologos/ }).waitFor()
  await page.getByRole('link', { name: 'Study' }).or(page.getByRole('button', { name: 'Study' })).first().waitFor()

  await page.goto(studyUrl(server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.equal((await readReviews(page)).length, 2)
})
