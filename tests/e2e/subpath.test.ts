// Served from a sub-path (BASE_PATH=/stavraton/), the same app is installable with start_url and
// scope inside the sub-path, its service worker controls only that scope, and deep links work
// offline there too. This spec makes its own sub-path build (about 10 s) into .e2e-tmp/.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { after, before } from 'node:test'
import { studyUrl } from './app'
import { browserTest, launchBrowser, root, startPreview, waitForServiceWorkerControl, type Browser, type PreviewServer } from './harness'

const base = '/stavraton/'
const outDir = join('.e2e-tmp', 'dist-subpath')

let server: PreviewServer
let browser: Browser | undefined

before(async () => {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, BASE_PATH: base },
    encoding: 'utf8',
  })
  assert.equal(build.status, 0, `sub-path build failed:\n${build.stdout}\n${build.stderr}`)
  server = await startPreview({ outDir, base })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

browserTest('under a sub-path: installable, start_url and scope inside it, deep links offline', () => browser?.page, async () => {
  const page = browser!.page
  assert.ok(server.url.endsWith(base))
  await page.goto(server.url)
  await waitForServiceWorkerControl(page)
  const registration = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration()
    return { scope: r?.scope, script: r?.active?.scriptURL }
  })
  assert.deepEqual(registration, { scope: server.url, script: `${server.url}sw.js` })

  const cdp = await browser!.context.newCDPSession(page)
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, [])
  const manifest = await cdp.send('Page.getAppManifest')
  assert.equal(manifest.url, `${server.url}manifest.webmanifest`)
  const { start_url: startUrl, scope } = JSON.parse(manifest.data ?? '{}') as { start_url: string; scope: string }
  assert.equal(new URL(startUrl, manifest.url).href, server.url)
  assert.equal(new URL(scope, manifest.url).href, server.url)

  await server.stop()
  await browser!.context.setOffline(true)
  await page.goto(studyUrl(server.url))
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
})
