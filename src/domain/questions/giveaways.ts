// Questions that give their answer away: a word of the answer written in the prompt ("Where was
// Keratsa of Bulgaria born?", "a parent of Irene Gattilusio" with Francesco II Gattilusio among
// the options), or a regnal number that rules an option out ("John VIII preceded John V").
import type { Deck, Entity } from '../deck/types'
import type { Ask, PoolName } from './ask'
import { isExactToken, normalizeAnswer, regnalShortName, romanToNumber } from './answers'
import type { DeckIndex } from './deck-index'
import { rulersOf } from './distractors'

const LINKING = new Set(['of', 'the', 'and', 'in', 'de', 'von', 'van', 'a', 'an', 'da', 'di', 'del', 'la', 'le', 'on'])

/**
 * A pure function of one string, remembered: every card of a person reads the same names again
 * (hundreds of thousands of times in a large deck). Forgets everything past `limit` entries.
 */
function remembered<T>(compute: (text: string) => T, limit = 50_000): (text: string) => T {
  const known = new Map<string, T>()
  return (text) => {
    let value = known.get(text)
    if (value === undefined && !known.has(text)) {
      if (known.size >= limit) known.clear()
      known.set(text, (value = compute(text)))
    }
    return value as T
  }
}

/** The words of a name that say something: "Keratsa of Bulgaria" → keratsa, bulgaria (shared: never change it). */
export const contentWords: (text: string) => readonly string[] = remembered((text) =>
  Object.freeze(
    normalizeAnswer(text)
      .split(' ')
      .filter((w) => w.length > 1 && !LINKING.has(w) && !isExactToken(w)),
  ),
)

/**
 * A word is no giveaway when enough of the answer's possible options share it (every emperor here
 * is a Palaiologos): an answer and three wrong options can all carry it.
 */
const COMMON = 4

const wordCounts = new WeakMap<DeckIndex, Map<PoolName, Map<string, number>>>()

function inPool(index: DeckIndex, pool: PoolName): (e: Entity) => boolean {
  if (pool === 'person') return (e) => e.kind === 'person'
  if (pool === 'male') return (e) => e.kind === 'person' && e.gender !== 'female'
  if (pool === 'female') return (e) => e.kind === 'person' && e.gender !== 'male'
  if (pool === 'title') return (e) => e.kind === 'title' || e.kind === 'office'
  if (pool.startsWith('kind:')) return (e) => e.kind === pool.slice('kind:'.length)
  if (pool.startsWith('rulers:')) {
    const rulers = rulersOf(index)
    const sex = inPool(index, pool.slice('rulers:'.length) as 'male' | 'female' | 'person')
    return (e) => rulers.has(e.id) && sex(e)
  }
  if (pool.startsWith('holders:')) {
    const holders = new Set((index.tenuresByOffice.get(pool.slice('holders:'.length)) ?? []).map((t) => t.subject))
    return (e) => holders.has(e.id)
  }
  return (e) => e.kind === pool
}

/** How many entities of the pool have the word in their name. */
function countIn(index: DeckIndex, pool: PoolName, word: string): number {
  let perIndex = wordCounts.get(index)
  if (!perIndex) wordCounts.set(index, (perIndex = new Map()))
  let counts = perIndex.get(pool)
  if (!counts) {
    counts = new Map()
    const keep = inPool(index, pool)
    for (const e of index.deck.entities) {
      if (!keep(e)) continue
      for (const w of new Set(contentWords(e.name))) counts.set(w, (counts.get(w) ?? 0) + 1)
    }
    perIndex.set(pool, counts)
  }
  return counts.get(word) ?? 0
}

const NO_WORDS: readonly string[] = Object.freeze([])
const PERSON_POOLS: readonly PoolName[] = Object.freeze(['person'])

/**
 * Words of the answer that the subject's name, as the prompt writes it, shares and few options
 * could. Asked of every card: a name rarely shares a word with the answer, and then nothing is built.
 */
function telling(index: DeckIndex, ask: Ask, subjectName: string): readonly string[] {
  if (ask.answer.type !== 'entity') return NO_WORDS
  const answer = ask.answer
  const said = contentWords(subjectName)
  if (!said.length) return NO_WORDS
  // Options come from the pools in order, the later ones when the first runs short.
  const pools = answer.pools.length ? answer.pools : PERSON_POOLS
  let out: string[] | undefined
  const add = (ids: readonly string[]) => {
    for (const id of ids) {
      // "Who was emperor from 1355 to 1380?" asks for the subject itself, whom the prompt does not name.
      if (id === ask.subject.id) continue
      const name = index.entities.get(id)?.name ?? id
      let given: readonly string[] | undefined
      for (const w of contentWords(name)) {
        if (!said.includes(w) || out?.includes(w)) continue
        // The given name of a regnal name is the family's custom, not a clue: John V and John VII.
        given ??= regnal(name)?.base.split(' ') ?? NO_WORDS
        if (given.includes(w) || pools.some((p) => countIn(index, p, w) >= COMMON)) continue
        ;(out ??= []).push(w)
      }
    }
  }
  add(answer.correct)
  if (answer.alsoAccepted) add(answer.alsoAccepted)
  return out ?? NO_WORDS
}

const replaceAll = (text: string | undefined, from: string, to: string): string | undefined =>
  text === undefined ? undefined : text.split(from).join(to)

/**
 * The Ask with its subject named so that the prompt does not give the answer away: "Where was
 * Keratsa born?", "Which of these was a parent of Irene?", "To which dynasty did John VII
 * belong?" — by a shorter name only the subject has in the deck. Undefined when no such name
 * exists: the card is not asked rather than asked with its answer in it.
 */
export function withoutGiveaway(index: DeckIndex, ask: Ask): Ask | undefined {
  if (ask.answer.type !== 'entity') return ask
  const name = ask.subject.name
  const words = telling(index, ask, name)
  if (!words.length) return ask
  const shorter = (index.forms.get(ask.subject.id)?.short ?? []).find((s) => {
    const own = contentWords(s)
    return !words.some((w) => own.includes(w))
  })
  if (!shorter) return undefined
  return {
    ...ask,
    prompt: replaceAll(ask.prompt, name, shorter) as string,
    ...(ask.typedPrompt !== undefined ? { typedPrompt: replaceAll(ask.typedPrompt, name, shorter) } : {}),
    ...(ask.statement !== undefined ? { statement: replaceAll(ask.statement, name, shorter) } : {}),
  }
}

/** "John VIII Palaiologos" → { base: "john", number: 8 } (shared: never change it). */
export const regnal: (name: string) => Readonly<{ base: string; number: number }> | undefined = remembered(regnalOf)

function regnalOf(name: string): Readonly<{ base: string; number: number }> | undefined {
  const short = regnalShortName(name) ?? (/\s[IVXLCDM]+$/.test(name.trim()) ? name.trim() : undefined)
  if (!short) return undefined
  const words = short.split(/\s+/)
  const numeral = (words.pop() as string).toLowerCase()
  return Object.freeze({ base: normalizeAnswer(words.join(' ')), number: romanToNumber(numeral) ?? 0 })
}

/**
 * A wrong option the regnal numbers already rule out: someone of the holder's name with a higher
 * number cannot have preceded him (John VIII before John V), nor a lower one succeeded him.
 */
export function regnalGiveaway(relation: string, holder: string): ((option: string) => boolean) | undefined {
  if (relation !== 'predecessor' && relation !== 'successor') return undefined
  const h = regnal(holder)
  if (!h) return undefined
  return (option) => {
    const o = regnal(option)
    if (!o || o.base !== h.base) return false
    return relation === 'predecessor' ? o.number > h.number : o.number < h.number
  }
}

/** How many people of the deck have each word in their name. */
const peopleWords = new WeakMap<Deck, Map<string, number>>()

function wordsOfPeople(deck: Deck): Map<string, number> {
  let counts = peopleWords.get(deck)
  if (!counts) {
    counts = new Map<string, number>()
    for (const e of deck.entities)
      if (e.kind === 'person') for (const w of new Set(contentWords(e.name))) counts.set(w, (counts.get(w) ?? 0) + 1)
    peopleWords.set(deck, counts)
  }
  return counts
}

/**
 * How to write a relative in a description whose answer is `answer` ("child of Ivan Alexander"
 * for Keratsa of Bulgaria, not "of Ivan Alexander of Bulgaria"): the full name when it shares no
 * telling word with the answer, else a shorter name only the relative has; undefined when there
 * is none (the description would give the answer away).
 */
export function relativeNameFor(index: DeckIndex, answer: Entity, relative: Entity): string | undefined {
  const counts = wordsOfPeople(index.deck)
  const given = regnal(answer.name)?.base.split(' ') ?? []
  const telling = contentWords(answer.name).filter((w) => !given.includes(w) && (counts.get(w) ?? 0) < COMMON)
  const clashes = (name: string) => contentWords(name).some((w) => telling.includes(w))
  if (!clashes(relative.name)) return relative.name
  return (index.forms.get(relative.id)?.short ?? []).find((s) => !clashes(s))
}
