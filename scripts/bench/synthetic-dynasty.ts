// A seeded synthetic dynasty of about `facts` facts, shaped like a real deck: generations of
// couples and children (parent facts with roles, spouses), births and deaths with places and
// every date precision, dynasties, tenures of offices chained by predecessor and successor with
// co-rulers, dated events, titles, stated ages, captions with cloze gaps, and a few disputes.
// For the questions benchmark; usable by any test that needs a big valid deck.
import { formatDate } from '../../src/domain/deck/dates'
import type { DatePoint, Deck, Entity, Fact, HistoricalDate, TenureFact } from '../../src/domain/deck/types'
import { createRandom, randomInt, type Random } from '../../src/domain/random'

const GIVEN_MALE = [
  'John',
  'Andronikos',
  'Manuel',
  'Michael',
  'Constantine',
  'Theodore',
  'Alexios',
  'Isaac',
  'Leo',
  'Basil',
  'Romanos',
  'Nikephoros',
  'Demetrios',
  'Thomas',
  'George',
  'Stephen',
  'Nicholas',
  'Peter',
  'Paul',
  'Gregory',
]
const GIVEN_FEMALE = [
  'Irene',
  'Helena',
  'Anna',
  'Maria',
  'Theodora',
  'Eudokia',
  'Zoe',
  'Sophia',
  'Eirene',
  'Euphrosyne',
  'Agnes',
  'Yolanda',
  'Keratsa',
  'Thamar',
  'Kyratza',
  'Evdokia',
  'Catherine',
  'Margaret',
  'Constance',
  'Bertha',
]
const SYLLABLES = [
  'pa',
  'lai',
  'o',
  'lo',
  'gos',
  'kom',
  'ne',
  'nos',
  'dou',
  'kas',
  'an',
  'ge',
  'la',
  'ka',
  'ta',
  'ku',
  'ze',
  'ne',
  'ma',
  'ce',
  'do',
  'ni',
  'ra',
  'vo',
  'ti',
]

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  for (const [value, numeral] of table) while (n >= value) [n, out] = [n - value, out + numeral]
  return out
}

/** A fact without sources and alternatives (added by `fact`). */
type FactInput = Fact extends infer F
  ? F extends Fact
    ? Omit<F, 'sources' | 'alternatives'> & Partial<Pick<F, 'sources' | 'alternatives'>>
    : never
  : never

const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)] as T
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function makeDate(start: DatePoint, circa = false, uncertain = false): HistoricalDate {
  const date = { kind: 'on' as const, start, circa, uncertain }
  return { ...date, text: formatDate(date) }
}

function point(random: Random, year: number): DatePoint {
  const r = random()
  if (r < 0.45) return { year }
  const month = 1 + randomInt(random, 12)
  if (r < 0.6) return { year, month }
  return { year, month, day: 1 + randomInt(random, 28) }
}

export function syntheticDynasty(targetFacts: number, seed = 1): Deck {
  const random = createRandom(seed)
  const entities: Entity[] = []
  const facts: Fact[] = []
  const src = (): string[] => [pick(random, ['s1', 's2', 's3'])]
  const fact = (f: FactInput): void => {
    facts.push({ sources: src(), alternatives: [], ...f } as Fact)
  }

  const houses = Array.from({ length: 24 }, (_, i) => {
    let name = ''
    for (let s = 0; s < 3; s++)
      name += SYLLABLES[(i * 7 + s * 11 + randomInt(random, SYLLABLES.length)) % SYLLABLES.length]
    return { id: `house-${i}`, name: `${capital(name)}${i}` }
  })
  for (const h of houses) entities.push({ id: h.id, kind: 'dynasty', name: h.name, aliases: [] })
  const places = Array.from({ length: 150 }, (_, i) => ({
    id: `place-${i}`,
    kind: 'place',
    name: `${capital(pick(random, SYLLABLES))}${pick(random, SYLLABLES)}polis ${i}`,
    aliases: [],
  }))
  entities.push(...places)
  const offices = Array.from({ length: 30 }, (_, i) => ({
    id: `office-${i}`,
    kind: 'office',
    name: `Despot of Province ${i}`,
    aliases: [],
  }))
  entities.push(...offices)
  const titles = Array.from({ length: 20 }, (_, i) => ({
    id: `title-${i}`,
    kind: 'title',
    name: `Lord of Island ${i}`,
    aliases: [],
  }))
  entities.push(...titles)

  const counters = new Map<string, number>()
  const born = new Map<string, number>()
  const died = new Map<string, number>()
  const lastTenure = new Map<string, TenureFact>()

  const person = (gender: 'male' | 'female', year: number, house: (typeof houses)[number]): string => {
    const id = `p${entities.length}`
    const given = pick(random, gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE)
    const key = `${given}/${house.id}`
    const n = (counters.get(key) ?? 0) + 1
    counters.set(key, n)
    const name = `${given} ${roman(n)} ${house.name}`
    entities.push({
      id,
      kind: 'person',
      name,
      aliases: random() < 0.3 ? [`${given}us ${roman(n)} ${house.name}`] : [],
      ...(random() < 0.9 ? { gender } : {}),
    })
    born.set(id, year)
    const death = year + 15 + randomInt(random, 65)
    died.set(id, death)
    const circa = random() < 0.1
    const bornFact = {
      id: `born:${id}`,
      type: 'date' as const,
      key: 'born' as const,
      subject: id,
      value: makeDate(point(random, year), circa),
    }
    if (random() < 0.04)
      facts.push({
        ...bornFact,
        sources: ['s1'],
        alternatives: [{ value: makeDate({ year: year - 2 }, true), sources: ['s2'] }],
      })
    else if (random() < 0.95) fact(bornFact)
    if (random() < 0.6)
      fact({ id: `bornAt:${id}`, type: 'place', key: 'bornAt', subject: id, value: pick(random, places).id })
    if (random() < 0.9)
      fact({ id: `died:${id}`, type: 'date', key: 'died', subject: id, value: makeDate(point(random, death)) })
    if (random() < 0.5)
      fact({ id: `diedAt:${id}`, type: 'place', key: 'diedAt', subject: id, value: pick(random, places).id })
    if (random() < 0.1)
      fact({ id: `ageAtDeath:${id}`, type: 'number', key: 'ageAtDeath', subject: id, value: death - year })
    if (random() < 0.8)
      fact({ id: `dynasty:${id}:${house.id}`, type: 'relation', key: 'dynasty', subject: id, value: house.id })
    if (random() < 0.1) {
      const title = pick(random, titles).id
      fact({ id: `title:${id}:${title}`, type: 'relation', key: 'title', subject: id, value: title })
    }
    if (random() < 0.15) {
      const office = pick(random, offices).id
      const previous = lastTenure.get(office)
      const startYear = Math.max(year + 18, (previous?.value.end?.start.year ?? 0) + 1)
      if (startYear < death) {
        const value: TenureFact['value'] = {
          office,
          start: makeDate(point(random, startYear)),
          end: makeDate(point(random, Math.min(death, startYear + 1 + randomInt(random, 25)))),
          coRulers: [],
        }
        if (previous) {
          value.predecessor = { who: previous.subject }
          previous.value.successor = { who: id }
        }
        const tenure: TenureFact = {
          id: `tenure:${id}:${office}:${startYear}`,
          type: 'tenure',
          subject: id,
          value,
          sources: src(),
          alternatives: [],
        }
        facts.push(tenure)
        lastTenure.set(office, tenure)
      }
    }
    if (random() < 0.15)
      fact({
        id: `event:${id}:crowned`,
        type: 'date',
        key: 'event',
        event: 'crowned',
        label: 'was crowned',
        subject: id,
        value: makeDate({ year: year + 20 + randomInt(random, 10) }, false, random() < 0.1),
      })
    if (random() < 0.03) {
      const picture = `picture-${id}`
      entities.push({ id: picture, kind: 'artefact', name: `Portrait of ${name}`, aliases: [] })
      fact({
        id: `text:caption:${picture}`,
        type: 'text',
        key: 'caption',
        subject: picture,
        value: `Portrait of ${name} in a codex of the {{${pick(random, houses).name} Chronicle}}`,
      })
    }
    return id
  }

  const marry = (a: string, b: string) => {
    const [x, y] = [a, b].sort() as [string, string]
    fact({ id: `spouse:${x}:${y}`, type: 'relation', key: 'spouse', subject: x, value: y })
  }

  // Founding couples, then generations: each couple has children who marry outsiders.
  let couples: Array<[string, string, (typeof houses)[number]]> = []
  for (const house of houses.slice(0, 8)) {
    const year = 900 + randomInt(random, 20)
    const a = person('male', year, house)
    const b = person('female', year + randomInt(random, 5), pick(random, houses))
    marry(a, b)
    couples.push([a, b, house])
  }
  while (facts.length < targetFacts && couples.length) {
    const next: typeof couples = []
    for (const [father, mother, house] of couples) {
      const children = 1 + randomInt(random, 4)
      for (let c = 0; c < children && facts.length < targetFacts; c++) {
        const gender = random() < 0.5 ? 'male' : 'female'
        const child = person(gender, (born.get(mother) ?? 0) + 18 + randomInt(random, 22), house)
        fact({
          id: `parent:${child}:${father}`,
          type: 'relation',
          key: 'parent',
          subject: child,
          value: father,
          role: 'father',
        })
        fact({
          id: `parent:${child}:${mother}`,
          type: 'relation',
          key: 'parent',
          subject: child,
          value: mother,
          ...(random() < 0.8 ? { role: 'mother' as const } : {}),
        })
        if (random() < 0.6) {
          const spouseHouse = pick(random, houses)
          const spouse = person(
            gender === 'male' ? 'female' : 'male',
            (born.get(child) ?? 0) + randomInt(random, 6) - 3,
            spouseHouse,
          )
          marry(child, spouse)
          next.push(gender === 'male' ? [child, spouse, house] : [spouse, child, spouseHouse])
        }
      }
    }
    couples = next
  }
  return {
    id: `synthetic-${targetFacts}`,
    title: `Synthetic dynasty (${facts.length} facts)`,
    language: 'en',
    version: '1',
    sources: [
      { id: 's1', title: 'Synthetic chronicle A' },
      { id: 's2', title: 'Synthetic chronicle B' },
      { id: 's3', title: 'Synthetic chronicle C' },
    ],
    entities,
    facts,
    cards: [],
  }
}
