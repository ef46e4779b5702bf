// Truly offline. On the first visit a service worker takes control of the page;
// after that the preview server is killed by its PID and the browser is put offline, and the app
// still loads — with every review stored before — and opens deep links it never visited online.
import assert from 'node:assert/strict'
import { currentPrompt, deckUrl, readReviews, revealAndGrade, studyUrl } from './app'
import { browserTest, useBrowserFixture, waitForServiceWorkerControl } from './harness'

const fixture = useBrowserFixture()

browserTest('first visit: a service worker takes control of the page', fixture, async () => {
  const page = fixture.page
  await page.goto(fixture.server.url)
  await waitForServiceWorkerControl(page)
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), `${fixture.server.url}sw.js`)
})

browserTest('study two cards, kill the server, reload: the app and both reviews are still there', fixture, async () => {
  const page = fixture.page
  await page.goto(studyUrl(fixture.server.url))
  const studied = [await revealAndGrade(page, '3'), await revealAndGrade(page, '4')]
  const stored = await readReviews(page)
  assert.equal(stored.length, 2)
  const next = await currentPrompt(page)
  assert.ok(!studied.includes(next), 'a graded card is not shown again right away')

  await fixture.server.stop() // kill -TERM <pid>, and check the port is closed
  await fixture.browser.context.setOffline(true)
  await page.reload()

  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.equal(await currentPrompt(page), next, 'the session resumes at the card that was next')
  assert.deepEqual(await readReviews(page), stored)
  await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor()
})

browserTest('deep links open offline: a deck page and its study view', fixture, async () => {
  // Still offline from the test above, and the deck page was never opened while online.
  const page = fixture.page
  assert.equal(
    await fetch(fixture.server.url).then(
      () => 'up',
      () => 'down',
    ),
    'down',
  )
  await page.goto(deckUrl(fixture.server.url))
  await page.getByRole('heading', { level: 1, name: /John VII Palaiologos/ }).waitFor()
  await page
    .getByRole('link', { name: 'Study' })
    .or(page.getByRole('button', { name: 'Study' }))
    .first()
    .waitFor()

  await page.goto(studyUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.equal((await readReviews(page)).length, 2)
})
