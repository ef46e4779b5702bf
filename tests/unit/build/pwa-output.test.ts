// The built manifest, icons and Content-Security-Policy as a browser will read them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { distDir, hasBuild, missingBuildReason, precacheEntries, readDist } from './build-output'

interface ManifestIcon {
  src: string
  sizes: string
  type: string
  purpose?: string
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

// Registered only without a build, so the skip says why.
if (!hasBuild) it.skip(`built PWA output: ${missingBuildReason}`, () => {})

describe.skipIf(!hasBuild)('built PWA output', () => {
  // Read lazily: vitest collects a skipped suite too, and without a build there is nothing to read.
  const readManifest = () =>
    JSON.parse(readDist('manifest.webmanifest')) as Record<string, unknown> & { icons: ManifestIcon[] }

  it('the manifest names the app and opens standalone', () => {
    const manifest = readManifest()
    expect(manifest).toMatchObject({ name: 'Stavraton', display: 'standalone' })
    expect(typeof manifest.short_name).toBe('string')
    expect(String(manifest.description).length).toBeGreaterThan(10)
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('start_url and scope are relative, so a sub-path deploy needs no other build', () => {
    const manifest = readManifest()
    // Relative URLs resolve against the manifest's own URL, which lives at the deploy's base.
    const at = 'https://example.org/sub/path/manifest.webmanifest'
    expect(new URL(String(manifest.start_url), at).href).toBe('https://example.org/sub/path/')
    expect(new URL(String(manifest.scope), at).href).toBe('https://example.org/sub/path/')
    for (const icon of manifest.icons) expect(icon.src).not.toMatch(/^\//)
  })

  it('has 192 and 512 icons and a maskable 512, with the pixel sizes they claim', () => {
    const png = readManifest().icons.filter((icon) => icon.type === 'image/png')
    const find = (sizes: string, purpose: string) =>
      png.find((icon) => icon.sizes === sizes && (icon.purpose ?? 'any').split(' ').includes(purpose))
    for (const [sizes, purpose] of [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ] as const) {
      const icon = find(sizes, purpose)
      expect(icon, `${sizes} ${purpose}`).toBeDefined()
      const [w, h] = pngSize(join(distDir, icon!.src))
      expect(`${w}x${h}`).toBe(sizes)
    }
  })

  it('precaches the app shell, the manifest icons and every built JS and CSS file', () => {
    const entries = new Set(precacheEntries())
    expect(entries).toContain('index.html')
    for (const icon of readManifest().icons) expect(entries).toContain(icon.src)
    const html = readDist('index.html')
    const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1] as string)
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) expect(entries).toContain(asset)
  })

  it('index.html carries a CSP that allows only own scripts: no inline script, no eval', () => {
    const html = readDist('index.html')
    const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)
    expect(match, 'CSP meta tag').not.toBeNull()
    const directives = new Map(
      match![1]!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/)
        return [name!, values]
      }),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    const scripts = directives.get('script-src')!
    expect(scripts).toContain("'self'")
    expect(scripts).not.toContain("'unsafe-inline'")
    expect(scripts).not.toContain("'unsafe-eval'")
    expect(scripts.every((s) => ["'self'", "'wasm-unsafe-eval'"].includes(s))).toBe(true)
    expect(directives.get('style-src')).not.toContain("'unsafe-inline'")
    expect(directives.get('object-src')).toEqual(["'none'"])
    // Subscribed decks come from any https site; never from plain http or anything else.
    expect(directives.get('connect-src')).toEqual(["'self'", 'https:'])
    // and the page itself contains no inline script the policy would have to allow
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
