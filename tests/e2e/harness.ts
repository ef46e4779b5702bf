// Shared harness for the browser tests: a `vite preview` server we own by PID (so a test can
// kill it and prove the app runs offline) and Debian's Chromium driven by playwright-core in a
// persistent profile (the default context counts as incognito, which is never installable).
// It builds nothing: run `npm run build` first (CI does).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, type TestContext } from 'node:test'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const root = join(import.meta.dirname, '..', '..')
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** The built-in deck every spec studies. */
export const deckId = 'john-vii-palaiologos'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface PreviewServer {
  /** Origin plus base, ending in '/', e.g. http://127.0.0.1:41234/ */
  readonly url: string
  readonly pid: number
  /** Kills the server by its PID and waits until the port refuses connections. */
  stop(): Promise<void>
}

export interface PreviewOptions {
  /** Build output to serve, relative to the repo (default dist). */
  outDir?: string
  /** Sub-path the build was made for (BASE_PATH), default '/'. */
  base?: string
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const outDir = options.outDir ?? 'dist'
  const base = options.base ?? '/'
  if (!existsSync(join(root, outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html is missing: run \`npm run build\` before \`npm run e2e\`.`)
  }
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir, '--base', base],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BASE_PATH: base } },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const pid = child.pid
  if (pid === undefined) throw new Error('vite preview did not start')
  const url = `http://127.0.0.1:${port}${base}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early:\n${output}`)
    try {
      if ((await fetch(url)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL')
      throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  let stopped = false
  return {
    url,
    pid,
    async stop() {
      if (stopped) return
      stopped = true
      process.kill(pid, 'SIGTERM')
      await exited
      const stillUp = await fetch(url).then(
        () => true,
        () => false,
      )
      if (stillUp) throw new Error(`preview server (pid ${pid}) still answers on ${url} after being killed`)
    },
  }
}

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
      rmSync(profile, { recursive: true, force: true })
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
      void report(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return { problems }
}

/**
 * A browser test with a screenshot in test-results/ when it fails, so a red CI run shows what
 * the page looked like.
 */
export function browserTest(name: string, getPage: () => Page | undefined, fn: (t: TestContext) => Promise<void>): void {
  test(name, async (t) => {
    try {
      await fn(t)
    } catch (error) {
      const page = getPage()
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
