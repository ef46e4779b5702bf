// Reading a zip (an .apkg) without trusting it: every entry's declared sizes are checked before
// anything is inflated, and only the entries asked for are inflated at all. fflate inflates into a
// buffer of the declared size and never grows it, so a lying header cannot make it allocate more.
import { unzipSync } from 'fflate'
import { formatBytes } from '../text/format'
import { MAX_COMPRESSION_RATIO, MAX_UNZIPPED_BYTES, RATIO_CHECK_FROM_BYTES } from './limits'

export interface ZipEntry {
  name: string
  /** Compressed size as declared by the archive. */
  size: number
  /** Uncompressed size as declared by the archive. */
  originalSize: number
}

export type UnzipResult =
  | { ok: true; entries: ZipEntry[]; files: Record<string, Uint8Array> }
  | { ok: false; code: 'zip-invalid' | 'zip-too-large' | 'zip-bomb'; message: string }

export interface UnzipOptions {
  /** Which entries to inflate; the others are only listed. */
  wanted: (name: string) => boolean
  maxEntryBytes?: number
  maxTotalBytes?: number
}

class Refused extends Error {
  constructor(
    readonly code: 'zip-too-large' | 'zip-bomb',
    message: string,
  ) {
    super(message)
  }
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  )
}

export function safeUnzip(bytes: Uint8Array, options: UnzipOptions): UnzipResult {
  const maxEntry = options.maxEntryBytes ?? MAX_UNZIPPED_BYTES
  const maxTotal = options.maxTotalBytes ?? MAX_UNZIPPED_BYTES * 2
  const entries: ZipEntry[] = []
  let total = 0
  try {
    const files = unzipSync(bytes, {
      filter: (info) => {
        entries.push({ name: info.name, size: info.size, originalSize: info.originalSize })
        if (!options.wanted(info.name)) return false
        if (info.originalSize > maxEntry) {
          throw new Refused(
            'zip-too-large',
            `"${info.name}" inside the package would unpack to ${formatBytes(info.originalSize)}; the limit is ${formatBytes(maxEntry)}.`,
          )
        }
        if (info.originalSize > RATIO_CHECK_FROM_BYTES && info.originalSize > info.size * MAX_COMPRESSION_RATIO) {
          throw new Refused(
            'zip-bomb',
            `"${info.name}" inside the package claims to unpack from ${formatBytes(info.size)} to ${formatBytes(info.originalSize)}: that looks like a zip bomb, so the file was not opened.`,
          )
        }
        total += info.originalSize
        if (total > maxTotal)
          throw new Refused('zip-too-large', `The package would unpack to more than ${formatBytes(maxTotal)}.`)
        return true
      },
    })
    return { ok: true, entries, files }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code, message: error.message }
    return {
      ok: false,
      code: 'zip-invalid',
      message: 'This file is not a valid zip archive (it may be damaged or incomplete).',
    }
  }
}
