// The deck editor's text fields that name an entity (a father, a birthplace, a predecessor) show
// the entity's name, never its id; what the learner types back is turned into the id here when it
// names an entity of the deck, and left as typed otherwise (resolveEntity then creates it).
import { pickerLabels, type EntitySummary } from './deck-form'

export interface EntityLabels {
  /** What the field shows for a stored reference: the entity's label, or the text as it is. */
  label(ref: string): string
  /** The reference to write for what was typed: the id of the entity it labels, or the text. */
  ref(typed: string): string
  /** Every entity's label, for the fields' suggestion lists. */
  all: ReadonlyArray<{ id: string; label: string }>
}

export function entityLabels(entities: readonly EntitySummary[]): EntityLabels {
  const labels = pickerLabels(entities)
  const byLabel = new Map<string, string>()
  for (const [id, label] of labels) byLabel.set(label.toLowerCase(), id)
  return {
    label: (ref) => labels.get(ref) ?? ref,
    ref: (typed) => byLabel.get(typed.trim().toLowerCase()) ?? typed,
    all: [...labels].map(([id, label]) => ({ id, label })),
  }
}
