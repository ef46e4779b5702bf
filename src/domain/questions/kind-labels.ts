import type { QuestionKind } from './types'

/** How each question kind is named on screen. */
export const KIND_LABELS: Readonly<Record<QuestionKind, string>> = {
  'multiple-choice': 'Multiple choice',
  'true-false': 'True or false',
  typed: 'Type the answer',
  date: 'Date',
  ordering: 'Put in order',
  matching: 'Match',
  basic: 'Flashcard',
  choice: 'Multiple choice',
  cloze: 'Fill the gap',
}

/** What a card asks about, as a kind of fact on screen ("Fathers", "Birth dates"), by `Question.relation`. */
const RELATION_LABELS: ReadonlyMap<string, string> = new Map([
  ['born', 'Birth dates'],
  ['died', 'Death dates'],
  ['bornAt', 'Birthplaces'],
  ['diedAt', 'Places of death'],
  ['ageAtDeath', 'Age at death'],
  ['event', 'Events'],
  ['dynasty', 'Dynasties'],
  ['title', 'Titles'],
  ['father', 'Fathers'],
  ['mother', 'Mothers'],
  ['parent', 'Parents'],
  ['adoptive-parent', 'Adoptive parents'],
  ['child', 'Children'],
  ['spouse', 'Spouses'],
  ['sibling', 'Siblings'],
  ['half-sibling', 'Half-siblings'],
  ['grandparent', 'Grandparents'],
  ['grandchild', 'Grandchildren'],
  ['uncle-aunt', 'Uncles and aunts'],
  ['cousin', 'Cousins'],
  ['kin', 'Relatives, matched'],
  ['life', 'Life events, in order'],
  ['reign', 'Reigns, in order'],
  ['reignStart', 'Start of reign'],
  ['reignEnd', 'End of reign'],
  ['reignLength', 'Length of reign'],
  ['predecessor', 'Predecessors'],
  ['successor', 'Successors'],
  ['holder', 'Office holders'],
  ['lastHeldBy', 'Last holders of an office'],
  ['coRuler', 'Co-rulers'],
  ['participant', 'Parties to an event'],
  ['outcome', 'Outcomes'],
  ['note', 'Notes'],
  ['caption', 'Pictures'],
  ['family-tree-box', 'Family tree boxes'],
  ['marriage', 'Marriages, in order'],
  ['marriage-order', 'Order of marriages'],
  ['marriage-year', 'Marriage years'],
  ['marriage-date', 'Marriage dates'],
  ['match', 'Matching rounds'],
])

/** A relation key on screen: its label, or the key in words ("someKey" → "Some key"). */
export function relationLabel(relation: string): string {
  const known = RELATION_LABELS.get(relation)
  if (known) return known
  const words = relation
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
