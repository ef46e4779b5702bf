// Limits for anything a user hands us. Beyond them an import is refused with a clear message.

/** Largest file accepted (bytes): about 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** Largest deck accepted: facts + hand-written cards. */
export const MAX_DECK_ITEMS = 50_000

/** Largest uncompressed file read from inside an .apkg (the SQLite collection). */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024

/**
 * A zip entry larger than this must not be more than MAX_COMPRESSION_RATIO times its compressed size.
 * Real Anki collections compress about 3–20×; a zip bomb compresses hundreds or thousands of times.
 */
export const RATIO_CHECK_FROM_BYTES = 1024 * 1024
export const MAX_COMPRESSION_RATIO = 200

/** Largest deck a share link may carry once inflated (JSON bytes). */
export const MAX_LINK_DECK_BYTES = 2 * 1024 * 1024

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}
