// Pictures of built-in decks at build time: a fixture deck's 1200×900 PNG (drawn by the test) is
// resized to 480 px wide WebP under a hashed name, emitted into a real `vite build`, named by the
// compiled deck, and listed in the service worker's precache — which stays within its budget. A
// missing or unreadable picture stops the build with an error at its `file:` line.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileDecks } from '../../../scripts/compile-decks'
import { MAX_WIDTH } from '../../../scripts/deck-images'
import { buildWithPictureDeck, drawPng, pictureDeckYaml, type PictureBuild } from '../../fixtures/picture-build'
import { captureOutput } from '../deck/capture-output'
import { isDeckImage, KB, PRECACHE_BUDGET, precacheEntries, sizeOf } from './build-output'

describe('a deck’s picture in the build', () => {
  let build: PictureBuild
  beforeAll(async () => {
    build = await buildWithPictureDeck('picture-build-unit')
  }, 180_000)

  it('is resized to at most 480 px wide, as WebP, under a name with a hash of its bytes', async () => {
    const [image] = build.compiled.images
    expect(build.compiled.images).toHaveLength(1)
    expect(image!.name).toMatch(/^test-coin-[0-9a-f]{10}\.webp$/)
    const meta = await sharp(readFileSync(join(build.dist, 'deck-images', image!.name))).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: MAX_WIDTH, height: 360 })
    expect(image).toMatchObject({ width: 480, height: 360 })
  })

  it('is named by the compiled deck, with its size, licence and credit', () => {
    const [image] = build.compiled.images
    const deck = build.compiled.decks[0]!
    expect(deck.entities[0]!.image).toEqual({
      file: 'test-coin.png',
      licence: 'CC0 1.0',
      credit: 'Drawn by the Stavraton tests',
      alt: 'A coin drawn for the tests',
      src: `deck-images/${image!.name}`,
      width: 480,
      height: 360,
    })
    // The deck's chunk in the build points at the emitted file.
    const deckChunk = readdirSync(join(build.dist, 'assets')).find((f) => /^test-pictures-[\w-]+\.js$/.test(f))
    expect(deckChunk).toBeDefined()
    expect(readFileSync(join(build.dist, 'assets', deckChunk!), 'utf8')).toContain(`deck-images/${image!.name}`)
  })

  it('is precached for offline use, and the precache stays within its budget', () => {
    const [image] = build.compiled.images
    const entries = [...new Set(precacheEntries(build.dist))]
    expect(entries).toContain(`deck-images/${image!.name}`)
    const images = entries.filter(isDeckImage).reduce((sum, url) => sum + sizeOf(url, build.dist), 0)
    const total = entries.reduce((sum, url) => sum + sizeOf(url, build.dist), 0)
    console.info(`picture build: precache ${(total / KB).toFixed(1)} KB, pictures ${(images / KB).toFixed(1)} KB`)
    expect(images).toBeGreaterThan(0)
    expect(images).toBeLessThanOrEqual(150 * KB)
    expect(total).toBeLessThanOrEqual(PRECACHE_BUDGET)
  })
})

describe('a picture the build cannot use', () => {
  const output = captureOutput()
  function contentWith(png: Buffer | undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'stavraton-pictures-'))
    const content = join(dir, 'content')
    mkdirSync(content)
    writeFileSync(join(content, 'pictures.yaml'), pictureDeckYaml)
    if (png) writeFileSync(join(content, 'test-coin.png'), png)
    return { content, out: join(dir, 'out'), display: (f: string) => f.slice(dir.length + 1) }
  }

  it('stops the build with an error at `file:` when the file is not beside the deck', async () => {
    const { content, out, display } = contentWith(undefined)
    const result = await compileDecks({ contentDir: content, outDir: out, display })
    expect(result.ok).toBe(false)
    expect(result.issues.map((i) => [i.file, i.line, i.column, i.code, i.path])).toEqual([
      ['content/pictures.yaml', 11, 13, 'unreadable-file', 'entities.test-coin.image.file'],
    ])
    expect(output.err).toContain(
      'content/pictures.yaml:11:13: error: cannot read the picture `test-coin.png`: no such file',
    )
    expect(result.issues[0]!.hint).toContain('test-coin.png')
  })

  it('stops the build when the file is not a picture, and writes nothing', async () => {
    const { content, out, display } = contentWith(Buffer.from('not a picture'))
    const result = await compileDecks({ contentDir: content, outDir: out, display })
    expect(result.ok).toBe(false)
    expect(result.issues[0]).toMatchObject({ code: 'unreadable-file', line: 11, column: 13 })
    expect(existsSync(out)).toBe(false)
  })

  it('keeps a small picture at its size (never enlarged)', async () => {
    const { content, out } = contentWith(drawPng(120, 80))
    const result = await compileDecks({ contentDir: content, outDir: out })
    expect(result.ok).toBe(true)
    expect(result.images[0]).toMatchObject({ width: 120, height: 80 })
  })
})
