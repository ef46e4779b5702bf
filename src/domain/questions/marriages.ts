// Cards about a person's marriages, from what the deck says about each one: "Who was the third
// wife of Henry VIII?" (only from a stated `order`: a deck never holds every marriage, so no
// order is counted from dates), "Whom did Henry VIII marry in 1540?" (every spouse married that
// year is right; a spouse whose wedding could fall in that year is never a wrong option) and
// "When did Henry VIII marry Anne of Cleves?".
import { dateBounds } from '../deck/dates'
import type { Entity, Gender, HistoricalDate, RelationFact } from '../deck/types'
import type { Ask } from './ask'
import type { DeckIndex } from './deck-index'
import { KIN_WORDS, type Link } from './kinship'
import { genderPools, withNote } from './life'
import { yearText } from './dates'
import { proofsOf } from './proofs'
import { genderedNoun, joinList, ordinal } from './prompts'

type Emit = (ask: Ask) => void

export function marriageAsks(index: DeckIndex, person: Entity, emit: Emit): void {
  const links = index.kin.spousesOf(person.id)
  if (!links.length) return
  orderAsks(index, person, links, emit)
  yearAsks(index, person, links, emit)
  for (const link of links) if (asksFrom(index, link.fact) === person.id) dateAsk(index, person, link.fact, emit)
}

/** A wedding is asked once, from the side with more marriages: "When did Henry VIII marry Anne of Cleves?". */
function asksFrom(index: DeckIndex, fact: RelationFact): string {
  const count = (id: string) => index.kin.spousesOf(id).length
  return count(fact.value) > count(fact.subject) ? fact.value : fact.subject
}

const genderOf = (index: DeckIndex, id: string): Gender | undefined => index.entities.get(id)?.gender
const nameOf = (index: DeckIndex, id: string): string => index.entities.get(id)?.name ?? id

/** Which marriage of `person` this is, when the deck says. */
export function marriageOrder(fact: RelationFact, person: string): number | undefined {
  return fact.subject === person ? fact.marriage?.subjectOrder : fact.marriage?.valueOrder
}

/** "wife", "husband", or "spouse" when the deck gives no gender. */
function spouseWord(index: DeckIndex, id: string): string {
  const [male, female, neutral] = KIN_WORDS.spouse
  return genderedNoun([genderOf(index, id)], male, female, neutral)
}

function yearOf(index: DeckIndex, id: string): { year?: number } {
  const year = index.yearOf.get(id)
  return year === undefined ? {} : { year }
}

/** "Who was the third wife of Henry VIII?": one card per stated order. */
function orderAsks(index: DeckIndex, person: Entity, links: readonly Link[], emit: Emit): void {
  const S = person.name
  for (const link of links) {
    const n = marriageOrder(link.fact, person.id)
    if (n === undefined) continue
    const word = `${ordinal(n)} ${spouseWord(index, link.id)}`
    // The deck gives one spouse per order (the checker sees to it): anyone else is provably not
    // the third wife. Spouses by a disputed link stay out of the options all the same.
    const exclude = new Set([person.id, link.id, ...disputedSpouses(index, person.id)])
    emit({
      key: `marriage.order/${person.id}/${n}`,
      subject: person,
      relation: 'marriage-order',
      facts: [link.fact],
      prompt: `Who was the ${word} of ${S}?`,
      statement: `{} was the ${word} of ${S}.`,
      explanation: withNote(`${nameOf(index, link.id)} was the ${word} of ${S}`, link.fact),
      answer: {
        type: 'entity',
        correct: [link.id],
        exclude,
        pools: [`spouses:${person.id}`, ...genderPools(genderOf(index, link.id))],
        // One spouse per order: the stated one proves every other wrong.
        wrongBecause: () => `the ${word} of ${S} was ${nameOf(index, link.id)}`,
        ...yearOf(index, link.id),
      },
    })
  }
}

/** Spouses any source names whose link is disputed (not among the settled links). */
function disputedSpouses(index: DeckIndex, person: string): string[] {
  const settled = new Set(index.kin.spousesOf(person).map((l) => l.id))
  return index.kin.anySpousesOf(person).filter((id) => !settled.has(id))
}

/** The year a wedding was for certain: a single date, not circa, not doubted. */
function certainYear(date: HistoricalDate | undefined): number | undefined {
  return date && date.kind === 'on' && !date.circa && !date.uncertain ? date.start.year : undefined
}

/** Years either side of a "c." or doubted date that it could stand for. */
const VAGUE_YEARS = 5

/** Could the wedding have been in `year`? Unknown dates could; vague ones within a few years. */
function couldBeIn(date: HistoricalDate | undefined, year: number): boolean {
  if (!date) return true
  const { earliest, latest } = dateBounds(date)
  const slack = date.circa || date.uncertain ? VAGUE_YEARS * 10000 : 0
  return earliest - slack <= year * 10000 + 1231 && latest + slack >= year * 10000 + 101
}

/**
 * "Whom did Henry VIII marry in 1540?" for a person with more than one spouse. Everyone
 * married that year for certain is right; a spouse whose wedding date is unknown, vague or
 * disputed could be right too and is never offered as wrong.
 */
function yearAsks(index: DeckIndex, person: Entity, links: readonly Link[], emit: Emit): void {
  if (index.kin.anySpousesOf(person.id).length < 2) return
  const byYear = new Map<number, Link[]>()
  for (const link of links) {
    const year = certainYear(link.fact.marriage?.start)
    if (year === undefined) continue
    byYear.set(year, [...(byYear.get(year) ?? []), link])
  }
  const S = person.name
  for (const [year, married] of byYear) {
    const ids = married.map((l) => l.id)
    const exclude = new Set([person.id, ...ids, ...disputedSpouses(index, person.id)])
    for (const link of links) if (couldBeIn(link.fact.marriage?.start, year)) exclude.add(link.id)
    // Date texts already carry AD where the deck needs it (generate.ts): the year follows them.
    const text = yearText(
      year,
      married.some((l) => /\bAD\b/.test(l.fact.marriage?.start?.text ?? '')),
    )
    const genders = ids.map((id) => genderOf(index, id))
    const gender = genders.every((g) => g === genders[0]) ? genders[0] : undefined
    const names = ids.map((id) => nameOf(index, id))
    emit({
      key: `marriage.year/${person.id}/${year}`,
      subject: person,
      relation: 'marriage-year',
      facts: married.map((l) => l.fact),
      prompt: ids.length === 1 ? `Whom did ${S} marry in ${text}?` : `Which of these did ${S} marry in ${text}?`,
      typedPrompt: ids.length === 1 ? `Whom did ${S} marry in ${text}?` : `Name someone ${S} married in ${text}.`,
      explanation: `${S} married ${joinList(
        married.map((l, i) => `${names[i]} (${l.fact.marriage?.start?.text ?? text})`),
      )}.`,
      answer: {
        type: 'entity',
        correct: ids,
        exclude,
        pools: [`spouses:${person.id}`, ...genderPools(gender)],
        year,
        wrongBecause: (id) => notMarriedIn(index, person, links, id, year),
      },
    })
  }
}

/** Why `id` did not marry `person` in `year`: another wedding year for certain, or a life that misses the year. */
function notMarriedIn(
  index: DeckIndex,
  person: Entity,
  links: readonly Link[],
  id: string,
  year: number,
): string | undefined {
  const own = links.find((l) => l.id === id)?.fact.marriage?.start
  if (own && !couldBeIn(own, year)) return `${person.name} married ${nameOf(index, id)} in ${own.text}`
  const proofs = proofsOf(index)
  const when = yearText(year, false)
  return proofs.bornAfter(id, year, when) ?? proofs.diedBefore(id, year, when)
}

/** "When did Henry VIII marry Anne of Cleves?", asked once per marriage with a settled, dated link. */
function dateAsk(index: DeckIndex, subject: Entity, fact: RelationFact, emit: Emit): void {
  const start = fact.marriage?.start
  if (!start) return
  const A = subject.name
  const B = nameOf(index, fact.subject === subject.id ? fact.value : fact.subject)
  const married = `${A} married ${B} ${start.kind === 'on' && start.start.day !== undefined ? 'on' : 'in'} ${start.text}`
  emit({
    key: `marriage.date/${fact.subject}/${fact.value}`,
    subject,
    relation: 'marriage-date',
    facts: [fact],
    prompt: `When did ${A} marry ${B}?`,
    explanation: withNote(`${married}${endingText(index, fact)}`, fact),
    answer: { type: 'date', date: start, alternatives: [], ...lifeBounds(index, fact) },
  })
}

/** "; the marriage was annulled in 1540", for an explanation. */
export function endingText(index: DeckIndex, fact: RelationFact): string {
  const m = fact.marriage
  if (!m?.ended && !m?.end) return ''
  const when = m.end ? ` ${m.end.start.day !== undefined && m.end.kind === 'on' ? 'on' : 'in'} ${m.end.text}` : ''
  if (m.ended === 'annulment') return `; the marriage was annulled${when}`
  if (m.ended === 'divorce') return `; they divorced${when}`
  if (m.ended === 'death') {
    const dead = [fact.subject, fact.value].filter((id) => m.end && index.died.get(id)?.value.text === m.end.text)
    return dead.length === 1
      ? `; the marriage ended with the death of ${nameOf(index, dead[0] as string)}${when}`
      : `; the marriage ended with a death${when}`
  }
  return `; the marriage ended${when}`
}

/** A wedding falls within both lives: wrong dates are chosen inside them. */
function lifeBounds(index: DeckIndex, fact: RelationFact): { minYear?: number; maxYear?: number } {
  const born = [fact.subject, fact.value].map((id) => index.born.get(id)?.value.start.year)
  const died = [fact.subject, fact.value].map((id) => index.died.get(id)?.value.start.year)
  const min = Math.max(...born.filter((y): y is number => y !== undefined))
  const max = Math.min(...died.filter((y): y is number => y !== undefined))
  return {
    ...(Number.isFinite(min) ? { minYear: min + 12 } : {}),
    ...(Number.isFinite(max) ? { maxYear: max } : {}),
  }
}
