// Build step for the pictures of built-in decks: each `image: { file: … }` names a file beside the
// deck; it is resized (at most MAX_WIDTH × MAX_HEIGHT, never enlarged), re-encoded as WebP (which
// also drops its metadata), and written under a name that carries a hash of its bytes, so a changed
// picture is a new URL and the service worker's precache never serves a stale one. The deck keeps
// the copy's path (`src`, relative to the app's base URL) and size; the app shows only that copy.
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { DeckIssue, Path } from '../src/domain/deck/issues'
import { pathToString } from '../src/domain/deck/issues'
import { slugify } from '../src/domain/deck/structure'
import type { Deck, DeckImage } from '../src/domain/deck/types'

export const MAX_WIDTH = 480
export const MAX_HEIGHT = 640
/** Where the copies are served from, under the app's base URL. */
export const IMAGES_URL_DIR = 'deck-images'

export interface BuiltImage {
  /** File name in the images folder (and under IMAGES_URL_DIR in the build). */
  name: string
  width: number
  height: number
  bytes: number
}

/** Every picture of a deck that names a file, with where it is written in the deck file. */
export function imagesOf(deck: Deck): { image: DeckImage; path: Path }[] {
  const out: { image: DeckImage; path: Path }[] = []
  for (const entity of deck.entities)
    if (entity.image?.file !== undefined) out.push({ image: entity.image, path: ['entities', entity.id, 'image'] })
  for (const fact of deck.facts)
    if (fact.type === 'text' && fact.image?.file !== undefined)
      out.push({ image: fact.image, path: ['entities', fact.subject, fact.key, 'image'] })
  return out
}

/**
 * Resizes the deck's pictures into `outDir` and sets their `src`, `width` and `height` (the deck
 * is changed in place). A picture that is missing or cannot be read is an error at its `file:`.
 */
export async function buildDeckImages(
  deck: Deck,
  options: {
    contentDir: string
    outDir: string
    file: string
    locate: (path: Path) => { line: number; column: number }
  },
): Promise<{ issues: DeckIssue[]; images: BuiltImage[] }> {
  const { default: sharp } = await import('sharp')
  const issues: DeckIssue[] = []
  const built = new Map<string, BuiltImage>()
  for (const { image, path } of imagesOf(deck)) {
    const name = image.file as string
    let copy = built.get(name)
    if (!copy) {
      const at = [...path, 'file']
      let bytes: Buffer
      try {
        bytes = await readFile(join(options.contentDir, name))
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
        issues.push(imageIssue(options, at, `cannot read the picture \`${name}\`: ${reason}`, name))
        continue
      }
      try {
        const { data, info } = await sharp(bytes)
          .rotate() // as the camera held it (EXIF orientation), before the metadata goes
          .resize({ width: MAX_WIDTH, height: MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 75 })
          .toBuffer({ resolveWithObject: true })
        const hash = createHash('sha256').update(data).digest('hex').slice(0, 10)
        copy = {
          name: `${slugify(basename(name, extname(name)))}-${hash}.webp`,
          width: info.width,
          height: info.height,
          bytes: data.length,
        }
        await mkdir(options.outDir, { recursive: true })
        await writeFile(join(options.outDir, copy.name), data)
        built.set(name, copy)
      } catch (error) {
        issues.push(imageIssue(options, at, `cannot read the picture \`${name}\`: ${(error as Error).message}`, name))
        continue
      }
    }
    image.src = `${IMAGES_URL_DIR}/${copy.name}`
    image.width = copy.width
    image.height = copy.height
  }
  return { issues, images: [...built.values()] }
}

function imageIssue(
  options: { file: string; contentDir: string; locate: (path: Path) => { line: number; column: number } },
  path: Path,
  message: string,
  name: string,
): DeckIssue {
  return {
    severity: 'error',
    code: 'unreadable-file',
    file: options.file,
    ...options.locate(path),
    path: pathToString(path),
    message,
    hint: `put the picture (PNG, JPEG, WebP, GIF, AVIF or TIFF) beside the deck as ${join(options.contentDir, name)}`,
  }
}
