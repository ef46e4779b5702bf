// fast-check arbitraries for deck FILE objects that are valid by construction (no errors and no
// warnings): people with life dates in order, parents only among earlier people (no cycles),
// at most one father and one mother, every fact sourced, links written on random sides.
import fc from 'fast-check'

type Obj = Record<string, unknown>
type G = fc.GeneratorValue

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const words = [
  'Anna',
  'Bert',
  'old',
  'crowned',
  'Thessalonica',
  'emperor',
  'coin',
  'map',
  'Ἰωάννης',
  'Zoë',
  'a: b',
  '#hash',
  "it's",
  '"quoted"',
  '- dash',
  '{{gap}}',
]

/** Non-blank text, including characters YAML must quote. */
const text = (g: G, prefix = ''): string =>
  `${prefix}${g(fc.array, fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).join(' ')}`

/** A date whose first point lies in `year` (ranges may end later), in any of the accepted spellings. */
function dateIn(g: G, year: number): string | number {
  const month = g(fc.integer, { min: 1, max: 12 })
  const day = g(fc.integer, { min: 1, max: 28 })
  const monthName = g(fc.boolean) ? (MONTHS[month - 1] as string) : (SHORT_MONTHS[month - 1] as string)
  const point = g(fc.constantFrom, 'year', 'month', 'day') as string
  const written =
    point === 'year'
      ? String(year)
      : point === 'month'
        ? `${monthName} ${year}${year < 100 ? ' AD' : ''}`
        : `${day} ${monthName} ${year}`
  switch (g(fc.constantFrom, 'plain', 'number', 'circa', 'uncertain', 'range', 'between', 'before', 'after')) {
    case 'number':
      return year
    case 'circa':
      return `${g(fc.constantFrom, 'c.', 'ca.', 'circa')} ${written}`
    case 'uncertain':
      return `${written}?`
    case 'range':
      // A hyphen between short numbers reads as a numeric date (8-26), so only en/em dashes there.
      return `${written}${g(fc.constantFrom, '–', ' – ', '—', ...(year >= 1000 ? ['-'] : []))}${year + g(fc.integer, { min: 1, max: 20 })}`
    case 'between':
      return `between ${written} and ${year + g(fc.integer, { min: 1, max: 5 })}`
    case 'before':
      return `before ${written}`
    case 'after':
      return `after ${written}`
    default:
      return written
  }
}

const anyDate = (g: G): string | number =>
  g(fc.boolean) ? dateIn(g, g(fc.integer, { min: 1, max: 1900 })) : `${g(fc.integer, { min: 1, max: 800 })} BC`

const pick = <T>(g: G, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })] as T
const subset = <T>(g: G, items: readonly T[], max = 3): T[] =>
  g(fc.shuffledSubarray, [...items], { maxLength: Math.min(max, items.length) })
const sourcesValue = (g: G, ids: string[]) =>
  g(fc.boolean)
    ? pick(g, ids)
    : subset(g, ids, 2)
        .concat(pick(g, ids))
        .filter((s, i, a) => a.indexOf(s) === i)

interface Person {
  id: string
  gender?: 'male' | 'female'
  born: number
  died: number
  obj: Obj
}

/** `value`, or a long form with its own source, a note and a dispute. */
function maybeLong(g: G, sources: string[], field: string, value: unknown, alternative: () => unknown): unknown {
  if (g(fc.boolean)) return value
  const out: Obj = { [field]: value }
  if (g(fc.boolean)) out.source = sourcesValue(g, sources)
  if (g(fc.boolean)) out.note = text(g)
  if (g(fc.boolean)) out.disputed = [{ [field]: alternative(), source: sourcesValue(g, sources) }]
  return out
}

function push(obj: Obj, field: string, value: unknown): void {
  obj[field] = [...((obj[field] as unknown[] | undefined) ?? []), value]
}

export const validDeckFile: fc.Arbitrary<Obj> = fc.gen().map((g) => {
  const sourceIds = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, (_, i) => `s${i}`)
  const sources: Obj = Object.fromEntries(
    sourceIds.map((id) => [
      id,
      g(fc.boolean) ? text(g) : { title: text(g), url: `https://example.org/${id}`, note: text(g) },
    ]),
  )
  const entities: Obj = {}
  const entity = (id: string, kind: string, extra: Obj = {}): Obj => {
    const obj: Obj = { kind, name: text(g, `${id} `), source: sourcesValue(g, sourceIds), ...extra }
    // Aliases start with the id, as names do: two entities sharing one is a warning (same-name).
    if (g(fc.boolean)) obj.aliases = g(fc.boolean) ? text(g, `${id} `) : [text(g, `${id} `), text(g, `alt ${id} `)]
    if (g(fc.boolean)) obj.description = text(g)
    entities[id] = obj
    return obj
  }
  const places = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, (_, i) => `place-${i}`)
  places.forEach((id) => entity(id, 'place'))
  const offices = Array.from({ length: g(fc.integer, { min: 1, max: 2 }) }, (_, i) => `office-${i}`)
  offices.forEach((id, i) => entity(id, i % 2 ? 'title' : 'office'))
  const dynasties = ['dynasty-0']
  entity('dynasty-0', 'dynasty', g(fc.boolean) ? { caption: text(g) } : {})

  const people: Person[] = []
  const count = g(fc.integer, { min: 1, max: 6 })
  for (let i = 0; i < count; i++) {
    const id = `person-${i}`
    const gender = g(fc.constantFrom, 'male', 'female', undefined) as Person['gender']
    const born = g(fc.integer, { min: 1000, max: 1500 })
    const died = born + g(fc.integer, { min: 4, max: 80 })
    const obj = entity(id, 'person', gender ? { gender } : {})
    people.push({ id, born, died, obj, ...(gender ? { gender } : {}) })
    if (g(fc.boolean)) obj.born = maybeLong(g, sourceIds, 'date', dateIn(g, born), () => dateIn(g, born + 1))
    if (g(fc.boolean)) {
      const value: Obj = { date: dateIn(g, died), place: pick(g, places) }
      if (g(fc.boolean)) value.age = died - born
      if (g(fc.boolean)) value.disputed = [{ place: pick(g, places), source: pick(g, sourceIds) }]
      obj.died = g(fc.boolean) ? value : dateIn(g, died)
    }
    if (g(fc.boolean)) obj.dynasty = pick(g, dynasties)
    if (g(fc.boolean)) obj.titles = subset(g, offices)
    if (g(fc.boolean)) {
      const from = born + 1
      obj.held = [
        {
          office: pick(g, offices),
          from: dateIn(g, from),
          to: dateIn(g, from + 1),
          ...(people.length > 1
            ? { predecessor: pick(g, people.slice(0, -1)).id }
            : { predecessor: { vacant: text(g), lastHeld: anyDate(g) } }),
          ...(g(fc.boolean) ? { coRulers: [{ id: pick(g, people).id, from: dateIn(g, from) }] } : {}),
          ...(g(fc.boolean) ? { disputed: [{ from: dateIn(g, from), source: pick(g, sourceIds) }] } : {}),
        },
      ]
      if (g(fc.boolean))
        push(obj, 'held', { office: pick(g, offices), successor: { id: pick(g, people).id, as: text(g) } })
    }
    if (g(fc.boolean)) {
      obj.events = subset(g, ['crowned', 'exiled', 'married'], 2).map((event) => ({
        id: event,
        what: `was ${event}`,
        date: anyDate(g),
        ...(g(fc.boolean) ? { place: pick(g, places), ask: `When was {name} ${event}?` } : {}),
      }))
    }
    if (g(fc.boolean)) obj.caption = maybeLong(g, sourceIds, 'text', text(g), () => text(g))

    // Parents come from earlier people only, so there is no cycle; one father and one mother at most.
    const earlier = people.slice(0, -1)
    for (const role of ['father', 'mother'] as const) {
      const candidates = earlier.filter((p) => p.gender === (role === 'father' ? 'male' : 'female'))
      if (!candidates.length || !g(fc.boolean)) continue
      const parent = pick(g, candidates)
      const side = g(fc.constantFrom, 'child', 'parent', 'both')
      if (side !== 'parent') obj[role] = parent.id
      if (side !== 'child') push(parent.obj, 'children', id)
    }
    const neutral = earlier.filter((p) => !p.gender)
    if (neutral.length && g(fc.boolean)) {
      const parent = pick(g, neutral)
      if (g(fc.boolean)) push(obj, 'parents', parent.id)
      else push(parent.obj, 'children', id)
    }
  }
  // Spouses: distinct pairs, written on either side (or both).
  for (const [a, b] of subset(
    g,
    people.flatMap((p, i) => people.slice(i + 1).map((q) => [p, q] as const)),
    2,
  )) {
    const side = g(fc.constantFrom, 'a', 'b', 'both')
    if (side !== 'b') push(a.obj, 'spouse', b.id)
    if (side !== 'a') push(b.obj, 'spouse', a.id)
  }
  for (const person of people) {
    const spouses = person.obj.spouse as unknown[] | undefined
    if (spouses?.length === 1 && g(fc.boolean)) person.obj.spouse = spouses[0]
  }
  if (g(fc.boolean)) {
    entity('event-0', 'event', {
      date: maybeLong(g, sourceIds, 'date', anyDate(g), () => anyDate(g)),
      place: pick(g, places),
      participants: subset(
        g,
        people.map((p) => p.id),
      ),
      outcome: text(g),
    })
  }

  const cards = Array.from({ length: g(fc.integer, { min: 0, max: 4 }) }, (_, i) => {
    const card: Obj = pick(g, [
      () => ({ front: text(g, `front ${i} `), back: text(g) }),
      () => ({ question: text(g, `question ${i} `), choices: [`a${i}`, `b${i}`, `c${i}`], answer: `b${i}` }),
      () => ({
        cloze: g(fc.boolean)
          ? `cloze ${i} {{${pick(g, words.slice(0, 9))}}}`
          : `cloze ${i} {{c1::${pick(g, words.slice(0, 9))}::hint}}`,
      }),
    ])()
    if (g(fc.boolean)) card.id = `card-${i}`
    if (g(fc.boolean)) card.source = pick(g, sourceIds)
    return card
  })

  const deck: Obj = { id: 'random-deck', title: text(g), sources, entities }
  if (cards.length) deck.cards = cards
  if (g(fc.boolean)) deck.version = g(fc.boolean) ? g(fc.integer, { min: 1, max: 9 }) : `v${g(fc.nat)}`
  if (g(fc.boolean)) deck.language = pick(g, ['en', 'de', 'el', 'de-CH'])
  if (g(fc.boolean)) deck.description = text(g)
  return deck
})
