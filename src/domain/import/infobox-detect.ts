// Cheap checks for the importers' format guess, kept apart from the readers so that guessing
// a file's format loads neither.

const INFOBOX_LABEL =
  /^[ \t]*(born|died|reign|in office|predecessor|successor|preceded by|succeeded by|spouse(?:\(s\)|s)?|issue|children|father|mother|parents?|dynasty|house|coronation|proclamation)[ \t]*(?:\t|$)/i

/** Pasted text that looks like a copied infobox: at least two different labels such as Born or Reign. */
export function looksLikeInfoboxText(text: string): boolean {
  const labels = new Set<string>()
  for (const line of text.split(/\r\n|\r|\n/, 400)) {
    const label = INFOBOX_LABEL.exec(line.replace(/\u00a0/g, ' '))?.[1]
    if (label) labels.add(label.toLowerCase())
  }
  return labels.size >= 2
}

/** Wikitext holding an infobox template: `{{Infobox royalty | …`. */
export const looksLikeWikitext = (text: string): boolean => /\{\{\s*Infobox[ _]/i.test(text)

/**
 * Wikidata JSON: entities (wbgetentities, Special:EntityData) or a SPARQL result with item URIs.
 * Looks at the text only, so a deck in JSON is never taken for it.
 */
export function looksLikeWikidata(text: string): boolean {
  const head = text.slice(0, 4000)
  if (/^\s*\{\s*"head"\s*:\s*\{\s*"vars"/.test(head)) return /"results"\s*:/.test(text)
  return (
    /^\s*[{[]/.test(head) &&
    /"entities"\s*:/.test(head) &&
    /"(claims|labels)"\s*:/.test(head) &&
    /"Q[1-9]\d*"/.test(head)
  )
}
