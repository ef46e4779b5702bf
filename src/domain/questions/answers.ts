// Matching typed answers: one normal form for comparing (case, accents and punctuation ignored),
// the forms an entity's name is accepted in, and a small, honest typo tolerance: a typo is
// forgiven only in long words, and never in a regnal number or a year ("John V" is not "John VI").
import { editDistance } from '../deck/suggest'
import type { Entity } from '../deck/types'

const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' }

const ASCII = /^[\x20-\x7e]*$/

/** "Andronikos IV Palaiologos" → "andronikos iv palaiologos"; "Bibliothèque Nationale" → "bibliotheque nationale". */
export function normalizeAnswer(text: string): string {
  let out: string
  if (ASCII.test(text)) {
    out = text
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  } else {
    out = text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[ßæœøđðłþı]/g, (c) => FOLDED[c] ?? c)
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  }
  return out.startsWith('the ') ? out.slice(4) : out
}

const ROMAN = /^(?=[mdclxvi])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/

/** A token that must be typed exactly: a number or a regnal numeral. */
export const isExactToken = (token: string): boolean => /^\d+$/.test(token) || ROMAN.test(token)

/** Edits forgiven in one word of this length. */
const wordBudget = (length: number): number => (length <= 4 ? 0 : length <= 8 ? 1 : 2)
/** At most this many edits in the whole answer, and none in an answer shorter than this. */
const MAX_TYPOS = 2
const MIN_TYPO_LENGTH = 8

/**
 * Edits between two normalized answers if they differ only by small typos in long words
 * (same words, same numbers), else undefined.
 */
export function typoDistance(input: string, form: string): number | undefined {
  if (form.length < MIN_TYPO_LENGTH) return undefined
  const a = input.split(' ')
  const b = form.split(' ')
  if (a.length !== b.length) return undefined
  let total = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string
    const y = b[i] as string
    if (x === y) continue
    if (isExactToken(x) || isExactToken(y)) return undefined
    if (Math.abs(x.length - y.length) > wordBudget(y.length)) return undefined
    const d = editDistance(x, y)
    if (d > wordBudget(y.length)) return undefined
    total += d
    if (total > MAX_TYPOS) return undefined
  }
  return total
}

export interface FormMatch {
  /** Index into the forms. */
  index: number
  /** 0 for an exact (normalized) match. */
  typos: number
}

const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
]

/** "xiv" → 14 (a valid numeral only). */
export function romanToNumber(numeral: string): number | undefined {
  if (!ROMAN.test(numeral)) return undefined
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 }
  let total = 0
  for (let i = 0; i < numeral.length; i++) {
    const v = values[numeral[i] as string] as number
    const next = values[numeral[i + 1] as string] ?? 0
    total += v < next ? -v : v
  }
  return total
}

/**
 * Regnal numbers written any way a learner writes them, as digits: "john v", "john 5", "john
 * 5th", "john the fifth" → "john 5". Applied alike to what is typed and to the accepted forms,
 * after the first word (a name is never a numeral: "Vi" stays a name).
 */
export function regnalDigits(normalized: string): string {
  const words = normalized.split(' ')
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    if (i === 0) {
      out.push(w)
      continue
    }
    const next = words[i + 1]
    const ordinal = (word: string | undefined) =>
      word === undefined ? -1 : /^\d+(st|nd|rd|th)$/.test(word) ? parseInt(word, 10) : ORDINAL_WORDS.indexOf(word) + 1
    if (w === 'the' && ordinal(next) > 0) {
      out.push(String(ordinal(next)))
      i++
      continue
    }
    const n = ordinal(w) > 0 && /^\d/.test(w) ? ordinal(w) : romanToNumber(w)
    out.push(n !== undefined ? String(n) : w)
  }
  return out.join(' ')
}

/** The accepted form the input matches: exactly if possible, else with the fewest tolerated typos. */
export function matchForm(input: string, forms: readonly string[]): FormMatch | undefined {
  const typed = regnalDigits(normalizeAnswer(input))
  if (!typed) return undefined
  const normalized = forms.map((f) => regnalDigits(normalizeAnswer(f)))
  const exact = normalized.indexOf(typed)
  if (exact >= 0) return { index: exact, typos: 0 }
  let best: FormMatch | undefined
  normalized.forEach((form, index) => {
    const typos = typoDistance(typed, form)
    if (typos !== undefined && (!best || typos < best.typos)) best = { index, typos }
  })
  return best
}

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
]
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** "thirty eight" (hyphens already spaces), "a hundred and five", "two thousand": the number, or undefined. */
function wordsToNumber(words: readonly string[]): number | undefined {
  let total = 0
  let current = 0
  let any = false
  for (const w of words) {
    if (w === 'and' || w === 'a') continue
    const unit = UNITS.indexOf(w)
    const ten = TENS.indexOf(w)
    if (unit >= 0) current += unit
    else if (ten >= 2) current += ten * 10
    else if (w === 'hundred') current = (current || 1) * 100
    else if (w === 'thousand') {
      total += (current || 1) * 1000
      current = 0
    } else return undefined
    any = true
  }
  return any ? total + current : undefined
}

/** The unit a typed number is given in ("5 months" → months), if any. */
export function unitIn(text: string): 'years' | 'months' | 'days' | 'weeks' | undefined {
  const m = /\b(years?|yrs?|months?|days?|weeks?)\b/.exec(normalizeAnswer(text))?.[1]
  if (!m) return undefined
  return m.startsWith('y') ? 'years' : m.startsWith('m') ? 'months' : m.startsWith('d') ? 'days' : 'weeks'
}

/** The whole number in "38", "38 years", "aged 38", "thirty-eight", "five months". */
export function numberIn(text: string): number | undefined {
  const normalized = normalizeAnswer(text)
  const digits = /(?:^| )(\d+)(?: |$)/.exec(normalized)
  if (digits) return Number(digits[1])
  // The longest run of number words: "about thirty eight years" → 38.
  const words = normalized.split(' ')
  const isNumberWord = (w: string) => UNITS.includes(w) || TENS.indexOf(w) >= 2 || w === 'hundred' || w === 'thousand'
  for (let i = 0; i < words.length; i++) {
    if (!isNumberWord(words[i] as string)) continue
    let j = i
    while (j < words.length && (isNumberWord(words[j] as string) || (words[j] === 'and' && j > i))) j++
    return wordsToNumber(words.slice(i, j))
  }
  return undefined
}

/** "John VII Palaiologos" → "John VII": the regnal name without what follows the numeral. */
export function regnalShortName(name: string): string | undefined {
  const words = name.trim().split(/\s+/)
  const at = words.findIndex((w, i) => i > 0 && ROMAN.test(w.toLowerCase()) && w === w.toUpperCase())
  if (at < 1 || at === words.length - 1) return undefined
  return words.slice(0, at + 1).join(' ')
}

/** The typed forms accepted for an entity and, for each, the deck's spelling it stands for. */
export interface EntityForms {
  forms: string[]
  as: string[]
  /**
   * Shorter names that only this entity has in the deck, best first ("John VII", "Keratsa",
   * "Irene"): a prompt may name the entity by one of them when its full name would give the
   * answer away.
   */
  short: string[]
}

const LINKING = new Set(['of', 'de', 'von', 'van', 'da', 'di', 'del', 'the', 'and', 'la', 'le', 'du', 'des'])
const hasNumeral = (words: readonly string[]): boolean =>
  words.some((w, i) => i > 0 && w === w.toUpperCase() && ROMAN.test(w.toLowerCase()))

/**
 * Parts of a person's name a teacher accepts alone when no one else in the deck has them: the
 * given name ("Irene" of Irene Gattilusio, "Ivan Alexander" of Ivan Alexander of Bulgaria) and,
 * without a territorial "of", the surname ("Zonaras" of Joannes Zonaras). A regnal name needs its
 * numeral ("John VII", never "John"); its short form is `regnalShortName`.
 */
export function nameParts(name: string): { given: string[]; surname?: string } {
  const base = (name.split(/[,(]/)[0] ?? '').trim()
  const words = base.split(/\s+/).filter(Boolean)
  if (words.length < 2 || hasNumeral(words)) return { given: [] }
  const of = words.findIndex((w, i) => i > 0 && LINKING.has(w.toLowerCase()))
  if (of > 0) return { given: [...new Set([words.slice(0, of).join(' '), words[0] as string])] }
  return { given: [words[0] as string], surname: words[words.length - 1] as string }
}

/**
 * Accepted forms of every entity: its name, its aliases, the short regnal form ("John VII") and
 * the parts of its name no other entity has ("Keratsa", "Zonaras"). A form that two entities
 * share (two people named Julia, an alias equal to a title's name, a first name two people
 * have) is accepted for neither: it could mean the other one.
 */
export function entityFormsIndex(entities: readonly Entity[]): Map<string, EntityForms> {
  const owners = new Map<string, string | null>()
  const partOwners = new Map<string, string | null>()
  const claimIn = (map: Map<string, string | null>, form: string, id: string) => {
    const key = normalizeAnswer(form)
    if (!key) return
    const owner = map.get(key)
    map.set(key, owner === undefined || owner === id ? id : null)
  }
  const claim = (form: string, id: string) => claimIn(owners, form, id)
  const claimPart = (form: string, id: string) => claimIn(partOwners, form, id)
  for (const e of entities) {
    claim(e.name, e.id)
    for (const alias of e.aliases) claim(alias, e.id)
  }
  const shorts = new Map<string, Array<[string, string]>>()
  const parts = new Map<string, Array<{ text: string; given: boolean }>>()
  for (const e of entities) {
    if (e.kind !== 'person') continue
    const list: Array<[string, string]> = []
    const shortName = regnalShortName(e.name)
    const own: Array<{ text: string; given: boolean }> = []
    for (const full of [e.name, ...e.aliases]) {
      const short = regnalShortName(full)
      if (short) list.push([short, shortName ?? e.name])
      const { given, surname } = nameParts(full)
      for (const g of given) own.push({ text: g, given: true })
      if (surname) own.push({ text: surname, given: false })
      // Every word of a person's name is claimed: "Theodora" is not Theodora of Wallachia's
      // alone when Sarah-Theodora is in the deck too.
      for (const word of new Set(normalizeAnswer(full).split(' ')))
        if (word && !LINKING.has(word) && !isExactToken(word)) claimPart(word, e.id)
    }
    for (const [short] of list) claim(short, e.id)
    for (const part of own) claimPart(part.text, e.id)
    shorts.set(e.id, list)
    parts.set(e.id, own)
  }
  const mine = (form: string, id: string) => owners.get(normalizeAnswer(form)) === id
  const minePart = (form: string, id: string) => {
    const key = normalizeAnswer(form)
    return partOwners.get(key) === id && (owners.get(key) ?? id) === id
  }
  const out = new Map<string, EntityForms>()
  for (const e of entities) {
    const forms: string[] = []
    const as: string[] = []
    const short: string[] = []
    const add = (form: string, canonical: string, part = false) => {
      if (
        !(part ? minePart(form, e.id) : mine(form, e.id)) ||
        forms.some((f) => normalizeAnswer(f) === normalizeAnswer(form))
      )
        return false
      forms.push(form)
      as.push(canonical)
      return true
    }
    add(e.name, e.name)
    for (const alias of e.aliases) add(alias, e.name)
    for (const [form, canonical] of shorts.get(e.id) ?? []) if (add(form, canonical)) short.push(form)
    for (const part of parts.get(e.id) ?? []) if (add(part.text, e.name, true) && part.given) short.push(part.text)
    // Never nothing: a name shared with another entity is still this entity's own name (the deck
    // check warns about it; prompts name such people by a longer, unambiguous label).
    if (!forms.length) {
      forms.push(e.name)
      as.push(e.name)
    }
    out.set(e.id, { forms, as, short })
  }
  return out
}
