// Served from a sub-path (BASE_PATH=/stavraton/), the same app is installable with start_url and
// scope inside the sub-path, its service worker controls only that scope, and deep links work
// offline there too. This spec makes its own sub-path build (about 10 s) into .e2e-tmp/.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { before } from 'node:test'
import { studyUrl } from './app'
import { browserTest, useBrowserFixture, root, waitForServiceWorkerControl } from './harness'

const base = '/stavraton/'
const outDir = join('.e2e-tmp', 'dist-subpath')

before(() => {
  const build = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      cwd: root,
      env: { ...process.env, BASE_PATH: base },
      encoding: 'utf8',
    },
  )
  assert.equal(build.status, 0, `sub-path build failed:\n${build.stdout}\n${build.stderr}`)
})
const fixture = useBrowserFixture({ outDir, base })

browserTest('under a sub-path: installable, start_url and scope inside it, deep links offline', fixture, async () => {
  const page = fixture.page
  assert.ok(fixture.server.url.endsWith(base))
  await page.goto(fixture.server.url)
  await waitForServiceWorkerControl(page)
  const registration = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration()
    return { scope: r?.scope, script: r?.active?.scriptURL }
  })
  assert.deepEqual(registration, { scope: fixture.server.url, script: `${fixture.server.url}sw.js` })

  const cdp = await fixture.browser.context.newCDPSession(page)
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, [])
  const manifest = await cdp.send('Page.getAppManifest')
  assert.equal(manifest.url, `${fixture.server.url}manifest.webmanifest`)
  const { start_url: startUrl, scope } = JSON.parse(manifest.data ?? '{}') as { start_url: string; scope: string }
  assert.equal(new URL(startUrl, manifest.url).href, fixture.server.url)
  assert.equal(new URL(scope, manifest.url).href, fixture.server.url)

  await fixture.server.stop()
  await fixture.browser.context.setOffline(true)
  await page.goto(studyUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
})
