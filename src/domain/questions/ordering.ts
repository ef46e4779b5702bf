// Ordering questions: put 3–5 events of a life, first reigns of an office, or births in order.
// Only dates that order without doubt are used: settled, not circa or uncertain, and each
// item's whole period (a year-only date is the whole year) before the next one's.
import { dateSortKey } from '../deck/dates'
import type { DateFact, Entity, Fact, HistoricalDate, TenureFact } from '../deck/types'
import type { Difficulty, Question } from './types'
import { createRandom, seedFrom, shuffled } from '../random'
import { makeQuestion } from './card'
import type { DeckIndex } from './deck-index'
import { regnal } from './giveaways'
import { capitalize, officeTitle, ordinal } from './prompts'
import type { GenerationContext } from './variants'

export interface Item {
  text: string
  date: HistoricalDate
  fact: Fact
  /** Entity the item is about (for keys of group questions). */
  id?: string
}

const MIN_ITEMS = 3
const MAX_ITEMS = 5

/** A date that orders without doubt. */
export const orderable = (date: HistoricalDate | undefined): date is HistoricalDate =>
  !!date && !date.circa && !date.uncertain && (date.kind === 'on' || date.kind === 'range')

/** The most items that order without doubt: each one's period ends before the next one's begins (greedy by end). */
export function chain(items: Item[]): Item[] {
  const sorted = items
    .slice()
    .sort(
      (a, b) =>
        dateSortKey(a.date, 'end') - dateSortKey(b.date, 'end') ||
        dateSortKey(a.date) - dateSortKey(b.date) ||
        (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    )
  const out: Item[] = []
  for (const item of sorted) {
    const last = out[out.length - 1]
    if (!last || dateSortKey(last.date, 'end') < dateSortKey(item.date)) out.push(item)
  }
  return out
}

/** At most `max` items spread evenly over the run, first and last kept. */
export function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))] as T)
}

function difficultyOfGaps(items: Item[]): Difficulty {
  let gap = Infinity
  for (let i = 1; i < items.length; i++)
    gap = Math.min(gap, (items[i] as Item).date.start.year - (items[i - 1] as Item).date.start.year)
  return gap < 5 ? 'hard' : gap < 20 ? 'medium' : 'easy'
}

function emitOrdering(
  ctx: GenerationContext,
  key: string,
  prompt: string,
  items: Item[],
  subject?: Entity,
  relation = 'order',
): void {
  if (items.length < MIN_ITEMS) return
  const texts = items.map((i) => i.text)
  if (new Set(texts).size !== texts.length) return
  const meta = ctx.cache.meta({
    deckId: ctx.deckId,
    key,
    ...(subject ? { subject } : {}),
    relation,
    facts: items.map((i) => i.fact),
    explanation: `${items.map((i) => `${i.text} (${i.date.text})`).join(', ')}.`,
  })
  const q: Question = makeQuestion(meta, 'ordering', prompt, texts)
  let shown = shuffled(createRandom(seedFrom(ctx.seed, q.id)), texts)
  if (shown.every((t, i) => t === texts[i])) shown = [...shown.slice(1), shown[0] as string]
  q.items = shown
  q.difficulty = difficultyOfGaps(items)
  ctx.out.push(q)
}

/**
 * Events of one person's life: dated events and the start of each tenure. Birth and death are
 * left out, as is a second or third reign of the same office: their place in the order is given
 * by the words themselves ("Born" comes first, "for the third time" after "for the second time").
 */
export function lifeOrdering(ctx: GenerationContext, person: Entity): void {
  const { index } = ctx
  const items: Item[] = []
  for (const fact of index.factsBySubject.get(person.id) ?? []) {
    if (fact.type !== 'date' || fact.alternatives.length || !orderable(fact.value)) continue
    if (fact.key === 'born' || fact.key === 'died' || !fact.label) continue
    items.push({ text: capitalize(fact.label), date: fact.value, fact })
  }
  for (const [officeId, list] of index.tenuresByHolder.get(person.id) ?? []) {
    const entity = index.entities.get(officeId)
    const office = entity ? officeTitle(entity, person) : officeId
    const fact = list.find((f) => !f.alternatives.some((a) => a.value.start) && orderable(f.value.start))
    if (!fact?.value.start) continue
    const nth = list.indexOf(fact)
    items.push({
      text: `Became ${office}${list.length > 1 ? ` for the ${ordinal(nth + 1)} time` : ''}`,
      date: fact.value.start,
      fact,
    })
  }
  emitOrdering(
    ctx,
    `order.life/${person.id}`,
    `Put these events in the life of ${person.name} in order, earliest first.`,
    spread(chain(items), MAX_ITEMS),
    person,
    'life',
  )
}

/** A person's marriages in order, from settled wedding dates (never from `order` alone). */
export function marriageOrdering(ctx: GenerationContext, person: Entity): void {
  const { index } = ctx
  const items: Item[] = []
  for (const link of index.kin.spousesOf(person.id)) {
    const start = link.fact.marriage?.start
    if (!orderable(start)) continue
    items.push({ text: index.entities.get(link.id)?.name ?? link.id, date: start, fact: link.fact, id: link.id })
  }
  const genders = items.map((i) => index.entities.get(i.id as string)?.gender)
  const whom = genders.every((g) => g === 'female')
    ? 'wives'
    : genders.every((g) => g === 'male')
      ? 'husbands'
      : 'spouses'
  emitOrdering(
    ctx,
    `order.marriage/${person.id}`,
    `Put the ${whom} of ${person.name} in the order of their weddings, earliest first.`,
    spread(chain(items), MAX_ITEMS),
    person,
    'marriage',
  )
}

/** Holders of each office in the order they first held it, in runs of up to five. */
export function reignOrdering(ctx: GenerationContext): void {
  const { index } = ctx
  for (const [officeId, tenures] of index.tenuresByOffice) {
    const office = index.entities.get(officeId)
    if (!office) continue
    const first = new Map<string, TenureFact>()
    for (const t of tenures) if (!first.has(t.subject)) first.set(t.subject, t)
    const items: Item[] = []
    for (const [holder, t] of first) {
      if (t.alternatives.some((a) => a.value.start) || !orderable(t.value.start)) continue
      items.push({ text: index.entities.get(holder)?.name ?? holder, date: t.value.start, fact: t, id: holder })
    }
    for (const run of runs(withoutNumberedPairs(chain(items)))) {
      emitOrdering(
        ctx,
        `order.reign/${officeId}/${run[0]?.id}`,
        `In which order did these people first become ${office.name}? Earliest first.`,
        run,
        office,
        'reign',
      )
    }
  }
}

/** People in order of birth, by century, in runs of up to five. */
export function birthOrdering(ctx: GenerationContext): void {
  for (const [, items] of birthsByCentury(ctx.index)) {
    for (const run of runs(withoutNumberedPairs(chain(items))))
      emitOrdering(
        ctx,
        `order.born/${run[0]?.id}`,
        'Put these people in order of birth, earliest first.',
        run,
        undefined,
        'born',
      )
  }
}

/** Settled births of people, grouped by century, in deck order. */
export function birthsByCentury(index: DeckIndex): Map<number, Item[]> {
  const out = new Map<number, Item[]>()
  for (const [id, fact] of index.born) {
    const person = index.entities.get(id)
    if (!person || fact.alternatives.length || !orderable(fact.value)) continue
    const century = Math.floor((fact.value.start.year - (fact.value.start.year > 0 ? 1 : 0)) / 100)
    const item: Item = { text: person.name, date: fact.value, fact: fact as DateFact, id }
    const list = out.get(century)
    if (list) list.push(item)
    else out.set(century, [item])
  }
  return out
}

/**
 * Items without two of the same regnal name: John VII and John VIII would order themselves by
 * their numbers. The first of each name is kept.
 */
export function withoutNumberedPairs(items: Item[]): Item[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const r = regnal(item.text)
    if (!r) return true
    if (seen.has(r.base)) return false
    seen.add(r.base)
    return true
  })
}

/** Consecutive runs of at most five, none shorter than three (the last one borrows). */
export function runs<T>(items: T[], max = MAX_ITEMS): T[][] {
  if (items.length < MIN_ITEMS) return []
  const out: T[][] = []
  for (let i = 0; i < items.length; i += max) out.push(items.slice(i, i + max))
  const last = out[out.length - 1] as T[]
  if (last.length < MIN_ITEMS) out[out.length - 1] = items.slice(Math.max(0, items.length - MIN_ITEMS))
  return out
}
