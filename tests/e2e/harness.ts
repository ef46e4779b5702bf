// Shared harness for the browser tests: the preview server from scripts/browser.ts and Debian's
// Chromium driven by playwright-core in a persistent profile (the default context counts as
// incognito, which is never installable). It builds nothing: run `npm run build` first (CI does).
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test, type TestContext } from 'node:test'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import {
  chromiumArgs,
  chromiumPath,
  removeProfile,
  root,
  startPreview,
  type PreviewOptions,
  type PreviewServer,
} from '../../scripts/browser'

export {
  chromiumArgs,
  chromiumPath,
  defaultOutDir,
  root,
  startPreview,
  type PreviewServer,
} from '../../scripts/browser'

/** The built-in deck every spec studies. */
export const deckId = 'john-vii-palaiologos'

export interface Browser {
  readonly context: BrowserContext
  readonly page: Page
  close(): Promise<void>
}

/** Chromium with a fresh persistent profile (deleted on close). */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'stavraton-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 412, height: 900 }, // mobile first
  })
  context.setDefaultTimeout(10_000)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    async close() {
      await context.close()
      removeProfile(profile)
    },
  }
}

/** Waits until a service worker controls the page (first visit: clientsClaim). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })
}

/**
 * Records what the browser reports as broken: Content-Security-Policy violations (from the
 * `securitypolicyviolation` event, installed before any page script runs), console errors and
 * uncaught exceptions.
 */
export async function watchProblems(page: Page): Promise<{ problems: string[] }> {
  const problems: string[] = []
  await page.context().exposeBinding('__stavratonReportCsp', (_source, text: string) => {
    problems.push(text)
  })
  await page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __stavratonReportCsp: (text: string) => void }).__stavratonReportCsp
      void report(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return { problems }
}

export interface BrowserFixture {
  readonly server: PreviewServer
  readonly browser: Browser
  readonly page: Page
}

export interface BrowserFixtureOptions extends PreviewOptions {
  /** Runs once the browser is up, before the first test (e.g. to watch the page for problems). */
  onStart?: (browser: Browser) => Promise<void>
}

/**
 * One preview server and one browser profile for all tests of a spec file, started before the
 * first test and stopped after the last. (Node 20 starts top-level `before` hooks without waiting
 * for earlier ones: preparation a file registers before this must be synchronous, and anything
 * that needs the browser goes in `onStart`.)
 */
export function useBrowserFixture(options: BrowserFixtureOptions = {}): BrowserFixture {
  let server: PreviewServer | undefined
  let browser: Browser | undefined
  before(async () => {
    server = await startPreview(options)
    browser = await launchBrowser()
    await options.onStart?.(browser)
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser fixture is not started (did `before` fail?)')
    return value
  }
  return {
    get server() {
      return ready(server)
    },
    get browser() {
      return ready(browser)
    },
    get page() {
      return ready(browser).page
    },
  }
}

/**
 * A browser test with a screenshot in test-results/ when it fails, so a red CI run shows what
 * the page looked like.
 */
export function browserTest(
  name: string,
  fixture: BrowserFixture | undefined,
  fn: (t: TestContext) => Promise<void>,
): void {
  test(name, async (t) => {
    try {
      await fn(t)
    } catch (error) {
      const page = (() => {
        try {
          return fixture?.page
        } catch {
          return undefined
        }
      })()
      if (page && !page.isClosed()) {
        const dir = join(root, 'test-results')
        mkdirSync(dir, { recursive: true })
        const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
        t.diagnostic(`screenshot: ${file}`)
      }
      throw error
    }
  })
}
