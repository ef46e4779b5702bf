// On the first visit a service worker installs, precaches the app and takes control of the page
// (clientsClaim), so the very next load works without a network.
import assert from 'node:assert/strict'
import { after, before } from 'node:test'
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
  const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)
  assert.equal(scriptURL, `${server.url}sw.js`)
})
