// Seeded randomness: the domain never calls Math.random. Pass a Random in.

export type Random = () => number

/** mulberry32: a small, fast, seeded generator returning numbers in [0, 1). */
export function createRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n)
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1)
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

/** Derive a seed from a string, so that per-question randomness is stable (e.g. seed + question id). */
export function seedFrom(...parts: Array<string | number>): number {
  return hashString(parts.join('\u0000')) >>> 0
}

/** 32-bit FNV-1a. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A short stable hex digest (two independent 32-bit FNV variants), for fingerprints. */
export function digest(text: string): string {
  const a = hashString(text)
  const b = hashString(`${text.length}:${text}`)
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}
