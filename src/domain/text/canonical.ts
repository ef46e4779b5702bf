/**
 * JSON-like text with object keys sorted and undefined fields left out, so that equal values give
 * equal text however they were built. Fact fingerprints (question ids' progress) and deck diffs
 * both compare through it; its output must not change, or stored fingerprints would stop matching.
 */
export function canonicalText(value: unknown, skipKey?: string): string {
  const out: string[] = []
  canonical(value, out, skipKey)
  return out.join('')
}

function canonical(value: unknown, out: string[], skip?: string): void {
  if (value === null || typeof value !== 'object') {
    out.push(typeof value === 'string' ? JSON.stringify(value) : String(value))
    return
  }
  if (Array.isArray(value)) {
    out.push('[')
    for (let i = 0; i < value.length; i++) {
      if (i) out.push(',')
      canonical(value[i], out)
    }
    out.push(']')
    return
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  if (keys.length > 1) keys.sort()
  out.push('{')
  let first = true
  for (const key of keys) {
    const v = record[key]
    if (v === undefined || key === skip) continue
    out.push(first ? '' : ',', key, ':')
    first = false
    canonical(v, out)
  }
  out.push('}')
}
