// Installable: Chromium's own installability check finds nothing missing (in a
// persistent profile: the default context counts as incognito), the app offers its Install
// button when the browser allows it, and on iOS Safari, which has no install event, the button
// explains Share → Add to Home Screen.
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'
import { browserTest, useBrowserFixture, chromiumArgs, chromiumPath, waitForServiceWorkerControl } from './harness'

const fixture = useBrowserFixture()

browserTest('Page.getInstallabilityErrors returns no errors', fixture, async () => {
  const page = fixture.page
  await page.goto(fixture.server.url)
  await waitForServiceWorkerControl(page)
  const cdp = await fixture.browser.context.newCDPSession(page)
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
  assert.deepEqual(installabilityErrors, [])
  const manifest = await cdp.send('Page.getAppManifest')
  assert.equal(manifest.url, `${fixture.server.url}manifest.webmanifest`)
  assert.deepEqual(manifest.errors, [])
})

browserTest('the Install button appears when the browser offers installation', fixture, async () => {
  const page = fixture.page
  await page.getByRole('banner').getByRole('button', { name: 'Install' }).waitFor({ timeout: 20_000 })
})

browserTest('iOS Safari: the Install button explains Share → Add to Home Screen', undefined, async () => {
  const safari = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  try {
    const context = await safari.newContext({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await page.goto(fixture.server.url)
    const install = page.getByRole('banner').getByRole('button', { name: 'Install' })
    assert.equal(await install.getAttribute('aria-expanded'), 'false')
    assert.equal(await page.getByText('Add to Home Screen').isVisible(), false)
    await install.focus()
    await page.keyboard.press('Enter')
    await page.getByText('Tap Share, then “Add to Home Screen”.').waitFor()
    assert.equal(await install.getAttribute('aria-expanded'), 'true')
  } finally {
    await safari.close()
  }
})
