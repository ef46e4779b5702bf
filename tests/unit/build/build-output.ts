// Reads the production build in dist/ (made by `npm run build`; .ci/run builds before testing),
// or in DIST_DIR when set (a build made elsewhere with `vite build --outDir <dir>`).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

export const distDir = process.env.DIST_DIR ?? join(import.meta.dirname, '..', '..', '..', 'dist')
export const hasBuild = existsSync(join(distDir, 'index.html')) && existsSync(join(distDir, 'sw.js'))
export const missingBuildReason = 'dist/ is not built: run `npm run build` first (.ci/run does)'

export const readDist = (path: string, dir = distDir): string => readFileSync(join(dir, path), 'utf8')
export const sizeOf = (path: string, dir = distDir): number => statSync(join(dir, path)).size
export const gzipSizeOf = (path: string): number => gzipSync(readFileSync(join(distDir, path))).length

/** The JS and CSS the browser loads for the first view: what index.html references, plus every static import of those scripts. */
export function firstViewFiles(): string[] {
  const html = readDist('index.html')
  const referenced = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => toDistPath(match[1] as string))
  const files = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    if (!file.endsWith('.js')) return
    for (const spec of staticImportsOf(readDist(file))) {
      if (spec.startsWith('.')) visit(posix.normalize(posix.join(dirname(file), spec)))
    }
  }
  referenced.forEach(visit)
  return [...files].sort()
}

interface ManifestChunk {
  file: string
  css?: string[]
  imports?: string[]
}

/**
 * What the study view of a deck needs before its first card, from the build's chunk graph
 * (dist/.vite/manifest.json): the entry chunk, the study route's chunk and the deck-questions
 * worker, each with everything it imports statically, and their CSS. (Chunks loaded by dynamic
 * import on the way — storage, the built-in deck and its questions — are measured in Chromium by
 * scripts/bench/first-card.bench.ts.)
 */
export function firstCardFiles(): string[] {
  const manifest = JSON.parse(readDist('.vite/manifest.json')) as Record<string, ManifestChunk>
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  const study = Object.keys(manifest).find((key) => key.endsWith('src/views/StudyView.vue'))
  if (!study) throw new Error('the build has no study view chunk (src/views/StudyView.vue)')
  visit('index.html')
  visit(study)
  // The worker is built on its own: its file is named in the chunk that starts it.
  const worker = [...files]
    .filter((f) => f.endsWith('.js'))
    .map((f) => /assets\/([\w.-]+\.worker-[\w-]+\.js)/.exec(readDist(f))?.[1])
    .find((name) => name !== undefined)
  const visitWorker = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const spec of staticImportsOf(readDist(file)))
      if (spec.startsWith('.')) visitWorker(posix.normalize(posix.join(dirname(file), spec)))
  }
  if (worker) visitWorker(`assets/${worker}`)
  return [...files].sort()
}

/** `import … from "x"` and `import "x"` (not the dynamic `import("x")`) in a built module. */
export function staticImportsOf(code: string): string[] {
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map(
    (m) => m[1] as string,
  )
}

/** The precache manifest workbox baked into dist/sw.js (or another build's). */
export function precacheEntries(dir = distDir): string[] {
  const sw = readDist('sw.js', dir)
  return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1] as string)
}

function toDistPath(url: string): string {
  // index.html URLs start with the build's base ('/' or '/sub/path/'); dist/ mirrors what follows.
  const base = process.env.BASE_PATH ?? '/'
  return url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, '')
}

/** Deck pictures (scripts/deck-images.ts) have their own budget line; this tells them apart. */
export const isDeckImage = (url: string): boolean => url.startsWith('deck-images/')

/** Bytes in a KB, as the budgets count them. */
export const KB = 1000
/** The whole service-worker precache (uncompressed), pictures included: see budget.test.ts for why. */
export const PRECACHE_BUDGET = 1435 * KB
