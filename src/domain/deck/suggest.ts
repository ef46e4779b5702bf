// "Did you mean …?" — the closest known word by edit distance.

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array<number>(rows * cols).fill(0)
  const at = (i: number, j: number) => d[i * cols + j] as number
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1)
      d[i * cols + j] = best
    }
  }
  return at(a.length, b.length)
}

export interface ClosestMatchOptions {
  ignoreCase?: boolean
}

/** The candidate closest to `word`, if it is close enough to be a plausible typo. */
export function closestMatch(
  word: string,
  candidates: Iterable<string>,
  options: ClosestMatchOptions = {},
): string | undefined {
  const norm = (s: string) => (options.ignoreCase ? s.toLowerCase() : s)
  const target = norm(word)
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const c = norm(candidate)
    if (c === target) return candidate
    const distance = editDistance(target, c)
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(c.length, target.length) / 3)))
    const prefix = c.length >= 3 && (c.startsWith(target) || target.startsWith(c)) && target.length >= 3
    if ((distance <= limit || prefix) && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

export function didYouMean(
  word: string,
  candidates: Iterable<string>,
  options?: ClosestMatchOptions,
): string | undefined {
  const match = closestMatch(word, candidates, options)
  return match === undefined ? undefined : `did you mean \`${match}\`?`
}
