// The Content-Security-Policy holds in the real app: the main views, the deck's tabs
// and the editor run without a single CSP violation or console error, and an inline script
// injected into the page — what a malicious deck would need — is blocked. Subscribed decks may be
// fetched from any https origin, never from plain http (another origin than the app's).
import assert from 'node:assert/strict'
import { deckUrl, showAnswer, studyUrl } from './app'
import { browserTest, useBrowserFixture, watchProblems } from './harness'

let problems: string[] = []
const fixture = useBrowserFixture({
  onStart: async ({ page }) => {
    ;({ problems } = await watchProblems(page))
  },
})

browserTest('no CSP violation or console error on the main views', fixture, async () => {
  const page = fixture.page
  await page.goto(fixture.server.url)
  await page
    .getByRole('link', { name: /John VII Palaiologos/ })
    .first()
    .waitFor()
  await page.goto(deckUrl(fixture.server.url))
  await page.getByRole('heading', { level: 1, name: /John VII Palaiologos/ }).waitFor()
  // Every tab of the deck page (overview, family tree, timeline …): the SVG views set positions too.
  const tabs = await page.getByRole('tab').all()
  assert.ok(tabs.length > 1, 'the deck page has tabs')
  for (const tab of tabs) {
    await tab.click()
    await page.getByRole('tabpanel').first().waitFor()
  }
  await page.goto(studyUrl(fixture.server.url))
  await showAnswer(page)
  await page.goto(`${deckUrl(fixture.server.url)}/quiz`)
  await page.getByRole('heading', { level: 2 }).first().waitFor()
  for (const path of ['progress', 'settings', 'editor/new', 'subscribe']) {
    await page.goto(`${fixture.server.url}${path}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
  }
  await page.waitForTimeout(300) // late reports
  assert.deepEqual(problems, [])
})

browserTest('an injected inline script does not run', fixture, async () => {
  const page = fixture.page
  problems.length = 0
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script')
    script.textContent = 'window.inlineScriptRan = true'
    document.head.append(script)
    await new Promise((resolve) => setTimeout(resolve, 100))
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true
  })
  assert.equal(ran, false)
  assert.ok(
    problems.some((p) => p.includes('CSP violation: script-src')),
    problems.join('\n'),
  )
})

browserTest('connect-src lets the page read https origins and refuses plain http ones', fixture, async () => {
  const page = fixture.page
  problems.length = 0
  // An http origin other than the app's (the app runs on 127.0.0.1 here): refused before any request.
  const other = new URL(fixture.server.url)
  other.hostname = 'localhost'
  const refused = await page.evaluate(
    (url) =>
      fetch(url).then(
        () => 'fetched',
        (e: Error) => e.name,
      ),
    other.href,
  )
  assert.equal(refused, 'TypeError')
  await page.waitForTimeout(200) // the violation report arrives after the refusal
  assert.ok(
    problems.some((p) => p.includes('CSP violation: connect-src')),
    problems.join('\n'),
  )
  // An https origin is allowed by the policy: whatever the network says, no violation is reported.
  problems.length = 0
  await page.evaluate(() => fetch('https://127.0.0.1:9/deck.yaml').catch(() => undefined))
  await page.waitForTimeout(200)
  assert.deepEqual(
    problems.filter((p) => p.includes('connect-src')),
    [],
  )
})
