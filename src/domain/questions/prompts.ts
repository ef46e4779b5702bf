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

/** What a holder of an office is called: its gendered name for the holder's gender ("Queen of England"), else its name. */
export function officeTitle(office: Pick<Entity, 'name' | 'gendered'>, holder: Pick<Entity, 'gender'>): string {
  return (holder.gender && office.gendered?.[holder.gender]) || office.name
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
 * A question about an event label: ("When", "John VII", "was proclaimed co-emperor") → "When was
 * John VII proclaimed co-emperor?"; ("Where", "Irene", "married John VII") → "Where did Irene marry
 * John VII?". A verb it does not know keeps the label as written: "When was it that John VII
 * fortified Selymbria?" (never "When did this happen: …?").
 */
export function askAboutLabel(wh: string, name: string, label: string): string {
  const [verb = '', ...rest] = label.trim().split(/\s+/)
  const tail = rest.length ? ` ${rest.join(' ')}` : ''
  if (verb === 'was' || verb === 'were') return `${wh} ${verb} ${name}${tail}?`
  const key = verb.toLowerCase()
  const base = Object.hasOwn(IRREGULAR, key) ? IRREGULAR[key] : undefined
  if (base) return `${wh} did ${name} ${base}${tail}?`
  return `${wh} was it that ${name} ${label.trim()}?`
}

/** How an event of this kind happens: a treaty is concluded, a battle fought, a council held. */
export function eventVerb(event: Pick<Entity, 'name'>): { passive?: string } {
  const first = /^(?:the\s+)?(?:first\s+|second\s+|third\s+)?(\p{L}+)/iu.exec(event.name)?.[1]?.toLowerCase()
  if (first === 'treaty' || first === 'peace' || first === 'union' || first === 'edict') return { passive: 'concluded' }
  if (first === 'battle') return { passive: 'fought' }
  if (first === 'council' || first === 'synod' || first === 'congress') return { passive: 'held' }
  return {}
}

/** "When was the Treaty of Gallipoli concluded?" / "When did the siege of Thessalonica take place?" */
export function eventWhen(event: Pick<Entity, 'name' | 'kind'>): { prompt: string; statement: string } {
  const S = nameInSentence(event)
  const { passive } = eventVerb(event)
  return passive
    ? { prompt: `When was ${S} ${passive}?`, statement: `${capitalize(S)} was ${passive} {}.` }
    : { prompt: `When did ${S} take place?`, statement: `${capitalize(S)} took place {}.` }
}

/** "Where was the Treaty of Gallipoli concluded?" / "Where did the siege take place?" */
export function eventWhere(event: Pick<Entity, 'name' | 'kind'>): { prompt: string; statement: string } {
  const S = nameInSentence(event)
  const { passive } = eventVerb(event)
  return passive
    ? { prompt: `Where was ${S} ${passive}?`, statement: `${capitalize(S)} was ${passive} in {}.` }
    : { prompt: `Where did ${S} take place?`, statement: `${capitalize(S)} took place in {}.` }
}

/** Taking part in an event; the parties to a treaty. */
export function participation(event: Pick<Entity, 'name' | 'kind'>): {
  prompt: string
  typedPrompt: string
  statement: string
  verb: string
} {
  const S = nameInSentence(event)
  if (eventVerb(event).passive === 'concluded')
    return {
      prompt: `Which of these was a party to ${S}?`,
      typedPrompt: `Name a party to ${S}.`,
      statement: `{} was a party to ${S}.`,
      verb: `were the parties to ${S}`,
    }
  return {
    prompt: `Which of these took part in ${S}?`,
    typedPrompt: `Name someone who took part in ${S}.`,
    statement: `{} took part in ${S}.`,
    verb: `took part in ${S}`,
  }
}

/** "was proclaimed co-emperor" → "Was proclaimed co-emperor" (list items in ordering questions). */
export const labelItem = (label: string): string => capitalize(label.trim())

// Places named like a building or a region of something read with "the": "in the Tower of London".
const PLACE_TAKES_THE =
  /^(tower|palace|castle|abbey|cathedral|church|monastery|basilica|mosque|temple|kingdom|republic|empire|duchy|county|principality|isle|bay|gulf|straits?|river|valley|island)\s+of\b/i

/** Places read with "on": mountains and islands by name, or a place the deck describes as an island. */
const ON_PLACE = /^(mount|mt\.?|isle|island|isles|islands)\s/i

/** A place as it reads after "in"/"on": "the Tower of London", "Lemnos". */
export const placeInSentence = (place: string): string =>
  PLACE_TAKES_THE.test(place.trim()) ? `the ${place.trim()}` : place.trim()

/**
 * The preposition before a place: "on Mount Athos", "on Lemnos" (when the deck describes it as an
 * island: pass the names of such places), "in Thessalonica", "in the Tower of London".
 */
export function placePreposition(place: string, onPlaces?: ReadonlySet<string>): 'on' | 'in' {
  const name = place.trim()
  // The deck's own list decides when given (it already holds mountains by name, unless marked `in`).
  if (onPlaces) return onPlaces.has(name) ? 'on' : 'in'
  return ON_PLACE.test(name) ? 'on' : 'in'
}

/**
 * Names of the deck's places that read with "on": those whose `preposition` says so, mountains by
 * name, and islands by their description. `preposition: in` keeps a place with "in".
 */
export function onPlaceNames(
  entities: readonly Pick<Entity, 'kind' | 'name' | 'description' | 'preposition'>[],
): Set<string> {
  const out = new Set<string>()
  for (const e of entities) {
    if (e.kind !== 'place' || e.preposition === 'in') continue
    if (e.preposition === 'on' || ON_PLACE.test(e.name) || /\b(island|isle|islet|atoll)\b/i.test(e.description ?? ''))
      out.add(e.name)
  }
  return out
}

/**
 * Replace `{}` in a statement template with a value ("{} was the father of John VII."); a place
 * after "in {}" gets its preposition and article ("died on Mount Athos", "in the Tower of London").
 */
export function fill(template: string, value: string, onPlaces?: ReadonlySet<string>): string {
  const at = template.indexOf('{}')
  if (at < 0) return template
  // "the {} dynasty" with "Palaiologos dynasty" must not read "dynasty dynasty".
  const next = /^\s+([\p{L}\p{N}-]+)/u.exec(template.slice(at + 2))?.[1]
  let filled = next && value.toLowerCase().endsWith(` ${next.toLowerCase()}`) ? value.slice(0, -next.length - 1) : value
  let before = template.slice(0, at)
  if (/(^|\s)in $/.test(before)) {
    if (placePreposition(value, onPlaces) === 'on') before = `${before.slice(0, -3)}on `
    filled = placeInSentence(filled)
  }
  return before + filled + template.slice(at + 2)
}

/** Any word written twice in a row ("dynasty dynasty"), which generated text must never contain. */
export const doubledWord = (text: string): string | undefined => /\b(\p{L}+)\s+\1\b/iu.exec(text)?.[1]

/** Make sure a sentence ends with a full stop. */
export const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)
