/**
 * JSON-like text with object keys sorted and undefined fields left out, so that equal values give
 * equal text however they were built. Fact fingerprints (question ids' progress) and deck diffs
 * both compare through it; its output must not change, or stored fingerprints would stop matching.
 */
export function canonicalText(value: unknown, skipKey?: string): string {
  return canonical(value, skipKey)
}

// Built by concatenation: a fact's text is a few dozen short pieces, and every fact of a deck is written.
function canonical(value: unknown, skip?: string): string {
  if (value === null || typeof value !== 'object')
    return typeof value === 'string' ? JSON.stringify(value) : String(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i) out += ','
      out += canonical(value[i])
    }
    return out + ']'
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  if (keys.length > 1) keys.sort()
  let out = '{'
  let first = true
  for (const key of keys) {
    const v = record[key]
    if (v === undefined || key === skip) continue
    if (!first) out += ','
    out += key + ':' + canonical(v)
    first = false
  }
  return out + '}'
}
