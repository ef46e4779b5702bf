// Random valid decks for property tests: people with distinct names (some with aliases and
// regnal numbers), births and deaths with places, parent links (older parents, at most one
// father and one mother), adoptive parents, stated (half-)siblings, spouses with dated,
// ordered marriages, dynasties, titles, tenures of two offices with truthful
// predecessors and successors, and some disputed facts.
import fc from 'fast-check'
import { formatDate } from '../../../src/domain/deck/dates'
import type { DatePoint, Deck, Entity, Fact, HistoricalDate, Tenure } from '../../../src/domain/deck/types'
import { deckOf } from './fixtures'

const GIVEN = [
  'Alexios',
  'Basil',
  'Constantine',
  'Demetrios',
  'Eudokia',
  'Gregory',
  'Helena',
  'Isaac',
  'Kosmas',
  'Leo',
  'Manuel',
  'Nikephoros',
  'Olga',
  'Photios',
]
const SURNAMES = ['Doukas', 'Angelos']
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']

const on = (start: DatePoint, circa = false): HistoricalDate => {
  const d = { kind: 'on' as const, start, circa, uncertain: false }
  return { ...d, text: formatDate(d) }
}

const personSpec = fc.record({
  gender: fc.constantFrom<'male' | 'female' | undefined>('male', 'female', 'male', 'female', undefined),
  numeral: fc.integer({ min: 0, max: ROMAN.length - 1 }),
  surname: fc.integer({ min: 0, max: 1 }),
  alias: fc.boolean(),
  bornOffset: fc.option(fc.integer({ min: 15, max: 40 }), { nil: undefined }),
  precision: fc.constantFrom('year', 'month', 'day', 'circa'),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  lifespan: fc.option(fc.integer({ min: 20, max: 80 }), { nil: undefined }),
  bornAt: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  diedAt: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  parents: fc.array(fc.nat(), { maxLength: 2 }),
  disputedBirth: fc.boolean(),
  disputedParent: fc.boolean(),
  adoptedBy: fc.option(fc.nat(), { nil: undefined }),
  sibling: fc.option(fc.tuple(fc.nat(), fc.option(fc.boolean(), { nil: undefined })), { nil: undefined }),
  dynasty: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  title: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  tenure: fc.option(
    fc.record({
      office: fc.integer({ min: 0, max: 1 }),
      gap: fc.integer({ min: 0, max: 6 }),
      length: fc.integer({ min: 1, max: 20 }),
    }),
    { nil: undefined },
  ),
})

const marriageSpec = fc.option(
  fc.record({
    offset: fc.integer({ min: 0, max: 12 }),
    precision: fc.constantFrom('year', 'day', 'circa', 'none'),
    order: fc.boolean(),
    ended: fc.constantFrom(undefined, 'death', 'divorce', 'annulment'),
  }),
  { nil: undefined },
)
type MarriageSpec = typeof marriageSpec extends fc.Arbitrary<infer T> ? T : never

export const deckArbitrary: fc.Arbitrary<Deck> = fc
  .record({
    people: fc.array(personSpec, { minLength: 5, maxLength: GIVEN.length }),
    spouses: fc.array(fc.tuple(fc.nat(), fc.nat(), marriageSpec), { maxLength: 6 }),
  })
  .map(({ people, spouses }) => buildDeck(people, spouses))

function buildDeck(
  people: Array<typeof personSpec extends fc.Arbitrary<infer T> ? T : never>,
  spouses: Array<[number, number, MarriageSpec]>,
): Deck {
  const entities: Entity[] = []
  const facts: Fact[] = []
  const base = { sources: ['s'], alternatives: [] }
  for (let i = 0; i < 5; i++)
    entities.push({
      id: `place-${i}`,
      kind: 'place',
      name: ['Nicaea', 'Smyrna', 'Thessalonica', 'Trebizond', 'Mystras'][i] as string,
      aliases: [],
    })
  for (let i = 0; i < 3; i++)
    entities.push({
      id: `dynasty-${i}`,
      kind: 'dynasty',
      name: ['Komnenos', 'Laskaris', 'Vatatzes'][i] as string,
      aliases: [],
    })
  for (let i = 0; i < 4; i++)
    entities.push({
      id: `title-${i}`,
      kind: 'title',
      name: ['Sebastokrator', 'Caesar', 'Kouropalates', 'Protovestiarios'][i] as string,
      aliases: [],
    })
  for (let i = 0; i < 2; i++)
    entities.push({
      id: `office-${i}`,
      kind: 'office',
      name: ['Emperor of Nicaea', 'Despot of Epirus'][i] as string,
      aliases: [],
    })

  const born: Array<number | undefined> = []
  const year: number[] = []
  const lastTenure: Array<{ fact: Fact & { type: 'tenure' }; end: number } | undefined> = [undefined, undefined]
  people.forEach((p, i) => {
    const id = `p${i}`
    const given = GIVEN[i] as string
    const name = `${given} ${ROMAN[p.numeral]} ${SURNAMES[p.surname]}`
    entities.push({
      id,
      kind: 'person',
      name,
      aliases: p.alias ? [`${given}us ${ROMAN[p.numeral]}`] : [],
      ...(p.gender ? { gender: p.gender } : {}),
    })
    // Parents are earlier people: a child is born after them.
    const parentIds = [...new Set(p.parents.filter(() => i > 0).map((n) => n % i))]
    const parentYear = Math.max(1200, ...parentIds.map((j) => year[j] as number))
    const y = parentYear + (p.bornOffset ?? 25)
    year.push(y)
    born.push(p.bornOffset === undefined ? undefined : y)
    if (p.bornOffset !== undefined) {
      const point: DatePoint =
        p.precision === 'day'
          ? { year: y, month: p.month, day: p.day }
          : p.precision === 'month'
            ? { year: y, month: p.month }
            : { year: y }
      const alternatives = p.disputedBirth ? [{ value: on({ year: y - 3 }), sources: ['s2'] }] : []
      facts.push({
        ...base,
        id: `born:${id}`,
        type: 'date',
        key: 'born',
        subject: id,
        value: on(point, p.precision === 'circa'),
        alternatives,
      })
    }
    if (p.lifespan !== undefined)
      facts.push({
        ...base,
        id: `died:${id}`,
        type: 'date',
        key: 'died',
        subject: id,
        value: on({ year: y + p.lifespan }),
      })
    if (p.bornAt !== undefined)
      facts.push({ ...base, id: `bornAt:${id}`, type: 'place', key: 'bornAt', subject: id, value: `place-${p.bornAt}` })
    if (p.diedAt !== undefined && p.lifespan !== undefined)
      facts.push({ ...base, id: `diedAt:${id}`, type: 'place', key: 'diedAt', subject: id, value: `place-${p.diedAt}` })
    const roles = new Set<string>()
    parentIds.forEach((j, k) => {
      const gender = entities.find((e) => e.id === `p${j}`)?.gender
      const role = gender === 'male' ? 'father' : gender === 'female' ? 'mother' : undefined
      if (role && roles.has(role)) return
      if (role) roles.add(role)
      // A disputed link: another earlier person of the same gender, per a second source.
      const genderOf = (n: number) => entities.find((e) => e.id === `p${n}`)?.gender
      const other =
        p.disputedParent && k === 0
          ? [...Array(i).keys()].find((n) => !parentIds.includes(n) && genderOf(n) === gender)
          : undefined
      facts.push({
        ...base,
        id: `parent:${id}:p${j}`,
        type: 'relation',
        key: 'parent',
        subject: id,
        value: `p${j}`,
        alternatives: other === undefined ? [] : [{ value: `p${other}`, sources: ['s2'] }],
        ...(role ? { role } : {}),
      })
    })
    // An adoptive parent: another earlier person, none of the birth parents.
    const adopter = p.adoptedBy === undefined || i === 0 ? undefined : p.adoptedBy % i
    if (adopter !== undefined && !parentIds.includes(adopter)) {
      const gender = entities.find((e) => e.id === `p${adopter}`)?.gender
      facts.push({
        ...base,
        id: `adoptiveParent:${id}:p${adopter}`,
        type: 'relation',
        key: 'adoptiveParent',
        subject: id,
        value: `p${adopter}`,
        ...(gender ? { role: gender === 'male' ? ('father' as const) : ('mother' as const) } : {}),
      })
    }
    if (p.sibling && i > 0) {
      const other = `p${p.sibling[0] % i}`
      const [a, b] = [other, id].sort() as [string, string]
      facts.push({
        ...base,
        id: `sibling:${a}:${b}`,
        type: 'relation',
        key: 'sibling',
        subject: a,
        value: b,
        ...(p.sibling[1] === undefined ? {} : { half: p.sibling[1] }),
      })
    }
    if (p.dynasty !== undefined)
      facts.push({
        ...base,
        id: `dynasty:${id}:dynasty-${p.dynasty}`,
        type: 'relation',
        key: 'dynasty',
        subject: id,
        value: `dynasty-${p.dynasty}`,
      })
    if (p.title !== undefined)
      facts.push({
        ...base,
        id: `title:${id}:title-${p.title}`,
        type: 'relation',
        key: 'title',
        subject: id,
        value: `title-${p.title}`,
      })
    if (p.tenure) {
      const office = p.tenure.office
      const previous = lastTenure[office]
      const start = Math.max(y + 16, (previous?.end ?? 0) + p.tenure.gap + 1)
      const end = start + p.tenure.length
      const value: Tenure = {
        office: `office-${office}`,
        start: on({ year: start }),
        end: on({ year: end }),
        coRulers: [],
      }
      if (previous) {
        value.predecessor = { who: previous.fact.subject }
        if (p.tenure.gap === 0) previous.fact.value.successor = { who: id }
      }
      const fact = {
        ...base,
        id: `tenure:${id}:office-${office}:${start}`,
        type: 'tenure' as const,
        subject: id,
        value,
      }
      facts.push(fact)
      lastTenure[office] = { fact, end }
    }
  })
  const married = new Set<string>()
  // Orders count each person's marriages 1, 2, 3… in the order they are listed (one per order).
  const orders = new Map<string, number>()
  const next = (id: string) => {
    const n = (orders.get(id) ?? 0) + 1
    orders.set(id, n)
    return n
  }
  for (const [a, b, m] of spouses) {
    const [x, y] = [`p${a % people.length}`, `p${b % people.length}`].sort() as [string, string]
    if (x === y || married.has(`${x}:${y}`)) continue
    married.add(`${x}:${y}`)
    const fact: Fact = { ...base, id: `spouse:${x}:${y}`, type: 'relation', key: 'spouse', subject: x, value: y }
    if (m) {
      const wed = Math.max(year[Number(x.slice(1))] as number, year[Number(y.slice(1))] as number) + 18 + m.offset
      fact.marriage = {
        ...(m.precision === 'none'
          ? {}
          : {
              start: on(
                m.precision === 'day' ? { year: wed, month: 6, day: 1 } : { year: wed },
                m.precision === 'circa',
              ),
            }),
        ...(m.ended ? { ended: m.ended } : {}),
        ...(m.order ? { subjectOrder: next(x), valueOrder: next(y) } : {}),
      }
    }
    facts.push(fact)
  }
  return deckOf('random-deck', entities, facts)
}
