// A `vite preview` server owned by PID (so a browser test can kill it and prove the app runs
// offline) and the way this project starts Debian's Chromium. Used by tests/e2e and the benchmarks;
// it builds nothing: run `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { Deck } from '../src/domain/deck/types'
import { deckContentHash } from '../src/domain/questions/cache-key'

export const root = join(import.meta.dirname, '..')
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
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

/**
 * The build the browser tests serve: dist/, or E2E_DIST (relative to the repo) — handy where
 * several people share one working tree and someone may rebuild dist/ in the middle of a run.
 */
export const defaultOutDir = process.env.E2E_DIST ?? 'dist'

export interface PreviewOptions {
  /** Build output to serve, relative to the repo (default: defaultOutDir). */
  outDir?: string
  /** Sub-path the build was made for (BASE_PATH), default '/'. */
  base?: string
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const outDir = options.outDir ?? defaultOutDir
  const base = options.base ?? '/'
  if (!existsSync(join(root, outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html is missing: run \`npm run build\` before \`npm run e2e\`.`)
  }
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
      '--base',
      base,
    ],
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

export interface DebuggableChromium {
  /** The DevTools-protocol port, for tools such as Lighthouse that connect by themselves. */
  readonly port: number
  readonly pid: number
  stop(): Promise<void>
}

/** Starts Chromium with a fresh profile and --remote-debugging-port, and waits until the port answers. */
export async function startDebuggableChromium(): Promise<DebuggableChromium> {
  const port = await freePort()
  const profile = mkdtempSync(join(tmpdir(), 'stavraton-chromium-'))
  const child = spawn(
    chromiumPath,
    [...chromiumArgs, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: 'ignore',
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start ${chromiumPath}`)
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${chromiumPath} exited early (code ${child.exitCode})`)
    const ready = await fetch(`http://127.0.0.1:${port}/json/version`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) break
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL')
      throw new Error(`Chromium did not open its debugging port ${port} within 30 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    port,
    pid,
    async stop() {
      process.kill(pid, 'SIGTERM')
      await exited
      removeProfile(profile)
    },
  }
}

/**
 * Deletes a Chromium profile folder. Chromium's helper processes can still be writing into it
 * for a moment after the browser process exits, which makes a single rmdir fail with ENOTEMPTY.
 */
export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
}

/**
 * Saves a deck into the app's database in the page, as an import would (an "imported" deck: its
 * head with the content hash, and its content), with plain IndexedDB. The app must have opened its
 * database in this browser once.
 */
export function saveDeckInPage(page: Page, deck: Deck): Promise<void> {
  return page.evaluate(
    ({ deck, contentHash }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stavraton')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(['decks', 'deckContents'], 'readwrite')
          tx.objectStore('deckContents').put({ id: deck.id, deck })
          tx.objectStore('decks').put({
            id: deck.id,
            origin: 'imported',
            title: deck.title,
            version: deck.version,
            savedAt: Date.now(),
            contentHash,
          })
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { deck, contentHash: deckContentHash(deck) },
  )
}

/**
 * Script text for a page (plain JS: tsx would wrap inner functions in `__name()`, which the page
 * lacks): `window.bench.longestTask` is the longest main-thread task so far (PerformanceObserver
 * "longtask", ms) and `window.bench.tasksOver50` how many took over 50 ms.
 */
export const longTaskProbe = `
  window.bench = { longestTask: 0, tasksOver50: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.bench.longestTask = Math.max(window.bench.longestTask, e.duration);
      if (e.duration > 50) window.bench.tasksOver50++;
    }
  }).observe({ type: 'longtask', buffered: true });
`

/** A phone-sized Chromium on a fresh profile, and the preview server serving the build. */
export interface BenchBrowser {
  context: BrowserContext
  page: Page
  server: PreviewServer
  close(): Promise<void>
}

/**
 * Starts the preview server and a phone-sized Chromium (390×844) on a fresh profile, running
 * `initScript` in every page, for a benchmark (long timeouts). `close` stops both.
 */
export async function openBenchBrowser(initScript: string): Promise<BenchBrowser> {
  const server = await startPreview()
  const profile = mkdtempSync(join(tmpdir(), 'stavraton-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 390, height: 844 },
  })
  const close = async () => {
    await context.close()
    removeProfile(profile)
    await server.stop()
  }
  try {
    context.setDefaultTimeout(600_000)
    await context.addInitScript({ content: initScript })
    const page = context.pages()[0] ?? (await context.newPage())
    return { context, page, server, close }
  } catch (e) {
    await close()
    throw e
  }
}
