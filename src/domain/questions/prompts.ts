// English phrasing shared by the generators: articles, ordinals, lists, pronouns and the few
// verb forms needed to turn an event label ("was proclaimed co-emperor") into a question.
import type { Entity, Gender } from '../deck/types'

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']

/** 1 → "first", 12 → "12th". */
export function ordinal(n: number): string {
  const word = ORDINALS[n - 1]
  if (word) return word
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** "an uncle", "a father". */
export function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`
}

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** "he"/"she" only where the deck gives the gender. */
export function pronoun(gender: Gender | undefined): string | undefined {
  return gender === 'male' ? 'he' : gender === 'female' ? 'she' : undefined
}

export function possessive(gender: Gender | undefined): string | undefined {
  return gender === 'male' ? 'his' : gender === 'female' ? 'her' : undefined
}

/** Gendered word when every person it names has the same known gender: ("son", "daughter", "child"). */
export function genderedNoun(
  genders: ReadonlyArray<Gender | undefined>,
  male: string,
  female: string,
  neutral: string,
): string {
  if (genders.length > 0 && genders.every((g) => g === 'male')) return male
  if (genders.length > 0 && genders.every((g) => g === 'female')) return female
  return neutral
}

// Names of events and works that read as common nouns take "the": "the Treaty of Gallipoli".
const TAKES_THE =
  /^(treaty|battle|siege|council|fall|sack|peace|congress|union|war|synod|capture|conquest|coronation|revolt|massacre|edict|schism|crusade|first|second|third|fourth|fifth|great|holy)\b/i

/** The entity's name as it reads inside a sentence ("the Treaty of Gallipoli", "John VII Palaiologos"). */
export function nameInSentence(entity: Pick<Entity, 'name' | 'kind'>): string {
  if (entity.kind !== 'person' && TAKES_THE.test(entity.name)) return `the ${entity.name}`
  return entity.name
}

const IRREGULAR: Record<string, string> = {
  became: 'become',
  took: 'take',
  led: 'lead',
  won: 'win',
  lost: 'lose',
  fought: 'fight',
  made: 'make',
  went: 'go',
  gave: 'give',
  left: 'leave',
  fled: 'flee',
  met: 'meet',
  began: 'begin',
  founded: 'found',
  built: 'build',
  wrote: 'write',
  sent: 'send',
  held: 'hold',
  rode: 'ride',
  swore: 'swear',
  bore: 'bear',
  had: 'have',
  ruled: 'rule',
  married: 'marry',
  died: 'die',
  signed: 'sign',
  returned: 'return',
  abdicated: 'abdicate',
  captured: 'capture',
  crowned: 'crown',
  visited: 'visit',
  entered: 'enter',
  reigned: 'reign',
  travelled: 'travel',
  traveled: 'travel',
  attacked: 'attack',
  besieged: 'besiege',
  succeeded: 'succeed',
  defeated: 'defeat',
  converted: 'convert',
  joined: 'join',
  moved: 'move',
  retired: 'retire',
  surrendered: 'surrender',
}

/**
 * A question about an event label, or undefined when the label's verb is not known:
 * ("When", "John VII", "was proclaimed co-emperor") → "When was John VII proclaimed co-emperor?";
 * ("Where", "Irene", "married John VII") → "Where did Irene marry John VII?".
 */
export function askAboutLabel(wh: string, name: string, label: string): string | undefined {
  const [verb = '', ...rest] = label.trim().split(/\s+/)
  const tail = rest.length ? ` ${rest.join(' ')}` : ''
  if (verb === 'was' || verb === 'were') return `${wh} ${verb} ${name}${tail}?`
  const key = verb.toLowerCase()
  const base = Object.hasOwn(IRREGULAR, key) ? IRREGULAR[key] : undefined
  if (base) return `${wh} did ${name} ${base}${tail}?`
  return undefined
}

/** "was proclaimed co-emperor" → "Was proclaimed co-emperor" (list items in ordering questions). */
export const labelItem = (label: string): string => capitalize(label.trim())

/** The preposition before a place: "on Mount Athos", "in Thessalonica". */
export const placePreposition = (place: string): 'on' | 'in' => (/^Mount\s/.test(place.trim()) ? 'on' : 'in')

/**
 * Replace `{}` in a statement template with a value ("{} was the father of John VII."); "in {}"
 * becomes "on {}" before a mountain ("died on Mount Athos").
 */
export function fill(template: string, value: string): string {
  const at = template.indexOf('{}')
  if (at < 0) return template
  // "the {} dynasty" with "Palaiologos dynasty" must not read "dynasty dynasty".
  const next = /^\s+([\p{L}\p{N}-]+)/u.exec(template.slice(at + 2))?.[1]
  const trimmed =
    next && value.toLowerCase().endsWith(` ${next.toLowerCase()}`) ? value.slice(0, -next.length - 1) : value
  let before = template.slice(0, at)
  if (/(^|\s)in $/.test(before) && placePreposition(value) === 'on') before = `${before.slice(0, -3)}on `
  return before + trimmed + template.slice(at + 2)
}

/** Make sure a sentence ends with a full stop. */
export const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)
