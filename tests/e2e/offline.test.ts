// Truly offline. On the first visit a service worker takes control of the page;
// after that the preview server is killed by its PID and the browser is put offline, and the app
// still loads — with every review stored before — and opens deep links it never visited online,
// among them the deck format's help page, opened from the editor as a teacher would.
import assert from 'node:assert/strict'
import { axeViolations, describeViolations } from './axe'
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
  // Some Chromium builds (150) leave navigator.onLine true in a document loaded while the context's
  // network is emulated offline; the network going away with the page open fires the 'offline'
  // event the badge follows, as it does for a learner whose connection drops mid-session.
  if (await page.evaluate(() => navigator.onLine)) {
    await fixture.browser.context.setOffline(false)
    await fixture.browser.context.setOffline(true)
  }
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

browserTest(
  'offline, the editor’s YAML tab opens the deck format help in a new tab, readable on a phone',
  fixture,
  async () => {
    // Still offline, and neither the editor nor the help page was opened while online.
    const page = fixture.page
    await page.goto(`${fixture.server.url}editor/new`)
    await page.getByRole('tab', { name: 'YAML' }).click()
    const [help] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Writing a deck' }).click(),
    ])
    await help.setViewportSize({ width: 390, height: 844 })
    await help.getByRole('heading', { level: 1, name: 'Writing a deck' }).waitFor()
    assert.equal(new URL(help.url()).pathname, '/help/deck-format')
    assert.equal(await help.getByRole('heading', { level: 1 }).count(), 1)
    const example = help.locator('pre').filter({ hasText: 'id: john-vii-short' })
    await example.waitFor()
    // Wide code scrolls inside its box; the page itself does not scroll sideways.
    assert.ok(await example.evaluate((el) => el.scrollWidth > el.clientWidth), 'the example is wider than a phone')
    assert.equal(await help.evaluate(() => document.documentElement.scrollWidth), 390)
    // An in-page link goes to its heading.
    await help.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Dates' }).click()
    await help.waitForURL(/#dates$/)
    assert.ok(await help.getByRole('heading', { name: 'Dates', exact: true }).isVisible())
    const violations = await axeViolations(help)
    assert.deepEqual(violations, [], describeViolations(violations))
    await help.close()
  },
)
