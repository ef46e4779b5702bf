// A synthetic dynasty for the layout benchmark: founding couples, children per couple, spouses
// from outside or (sometimes) cousins, dated lives, office tenures and events. Seeded.
import type { DatePoint, Deck, Entity, Fact, HistoricalDate } from '../../src/domain/deck/types'
import { createRandom, randomInt } from '../../src/domain/random'

const date = (start: DatePoint, circa = false): HistoricalDate => ({
  kind: 'on',
  start,
  circa,
  uncertain: false,
  text: `${circa ? 'c. ' : ''}${start.year}`,
})

export function syntheticDeck(people: number, seed = 1): Deck {
  const random = createRandom(seed)
  const entities: Entity[] = []
  const facts: Fact[] = []
  const birth = new Map<string, number>()
  const base = { sources: ['s'], alternatives: [] }
  const add = (year: number): string => {
    const id = `p${entities.length}`
    entities.push({ id, kind: 'person', name: `Person ${entities.length} of the house`, aliases: [] })
    birth.set(id, year)
    const point: DatePoint =
      random() < 0.5 ? { year } : { year, month: 1 + randomInt(random, 12), day: 1 + randomInt(random, 28) }
    facts.push({
      ...base,
      id: `born:${id}`,
      type: 'date',
      key: 'born',
      subject: id,
      value: date(point, random() < 0.2),
    })
    if (random() < 0.9)
      facts.push({
        ...base,
        id: `died:${id}`,
        type: 'date',
        key: 'died',
        subject: id,
        value: date({ year: year + 20 + randomInt(random, 60) }),
      })
    if (random() < 0.15) {
      const start = year + 20 + randomInt(random, 20)
      const office = `office-${randomInt(random, 10)}`
      const value = {
        office,
        start: date({ year: start }),
        end: date({ year: start + 1 + randomInt(random, 20) }),
        coRulers: [],
      }
      facts.push({ ...base, id: `tenure:${id}:${office}:${start}`, type: 'tenure', subject: id, value })
    }
    if (random() < 0.2)
      facts.push({
        ...base,
        id: `event:${id}:e`,
        type: 'date',
        key: 'event',
        event: 'e',
        label: 'did something',
        subject: id,
        value: date({ year: year + 30 }),
      })
    return id
  }
  const marry = (a: string, b: string) => {
    const [x, y] = [a, b].sort() as [string, string]
    facts.push({ ...base, id: `spouse:${x}:${y}`, type: 'relation', key: 'spouse', subject: x, value: y })
  }
  const couples: [string, string][] = []
  for (let k = 0; k < 4; k++) {
    const a = add(1000 + randomInt(random, 10))
    const b = add(1000 + randomInt(random, 10))
    marry(a, b)
    couples.push([a, b])
  }
  const single: string[] = []
  for (let head = 0; head < couples.length && entities.length < people; head++) {
    const [a, b] = couples[head]!
    const children = randomInt(random, 5)
    for (let c = 0; c < children && entities.length < people; c++) {
      const child = add(birth.get(a)! + 20 + randomInt(random, 20))
      for (const p of [a, b])
        facts.push({ ...base, id: `parent:${p}:${child}`, type: 'relation', key: 'parent', subject: child, value: p })
      if (random() > 0.75 || entities.length >= people) continue
      // Now and then two cousins of one generation marry; otherwise the spouse comes from outside.
      const cousin = single.findIndex((s) => Math.abs(birth.get(s)! - birth.get(child)!) < 5)
      const partner = random() < 0.2 && cousin >= 0 ? single.splice(cousin, 1)[0]! : add(birth.get(child)!)
      if (partner === child) continue
      marry(child, partner)
      couples.push([child, partner])
      if (random() < 0.3) single.push(child)
    }
  }
  for (let k = 0; k < 10; k++) entities.push({ id: `office-${k}`, kind: 'office', name: `Office ${k}`, aliases: [] })
  return {
    id: 'synthetic',
    title: 'Synthetic',
    language: 'en',
    version: '1',
    sources: [{ id: 's', title: 'Synthetic' }],
    entities,
    facts,
    cards: [],
  }
}
