// Cloze gaps: Stavraton writes `{{Constantinople}}`; Anki writes `{{c1::Constantinople}}` or
// `{{c1::Constantinople::city}}` (a hint). The deck format rewrites Anki's form (normalizeCloze).
export { normalizeCloze } from '../deck/normalize'

export function hasAnkiCloze(text: string): boolean {
  return /\{\{c\d+::/.test(text)
}

/** A cloze text must keep at least one non-empty gap. */
export function hasGap(text: string): boolean {
  return /\{\{[^{}]*\S[^{}]*\}\}/.test(text)
}
