// The Content-Security-Policy holds in the real app: the main views, the deck's tabs
// and the editor run without a single CSP violation or console error, and an inline script
// injected into the page — what a malicious deck would need — is blocked.
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
  for (const path of ['progress', 'settings', 'editor/new']) {
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
