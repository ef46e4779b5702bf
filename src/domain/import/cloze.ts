// Cloze gaps: Stavraton writes `{{Constantinople}}`; Anki writes `{{c1::Constantinople}}` or
// `{{c1::Constantinople::city}}` (a hint). Both are accepted; Anki's form is rewritten to ours.

const ANKI_GAP = /\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g

export function hasAnkiCloze(text: string): boolean {
  return /\{\{c\d+::/.test(text)
}

export function normalizeCloze(text: string): string {
  return text.replace(ANKI_GAP, (_whole, answer: string) => `{{${answer}}}`)
}

/** A cloze text must keep at least one non-empty gap. */
export function hasGap(text: string): boolean {
  return /\{\{[^{}]*\S[^{}]*\}\}/.test(text)
}
