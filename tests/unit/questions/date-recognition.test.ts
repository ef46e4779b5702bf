// Multiple-choice and true/false questions about dates, checked by two oracles. The world knows
// every true day (births, deaths, deeds, reigns); the deck a teacher writes about it leaves facts
// out and gives others with less certainty (a year only, "c. 1370", "1377?", a range, or a second
// source that disagrees). A date card is asked by recognition only when its fact is one point
// given without doubt; then every wrong option must be false in the world (no second right
// answer), and plausible by what the deck itself says: inside the person's life for what they did,
// never their birth year for a deed, never a reign that ends before it starts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDate, precisionOf } from '../../../src/domain/deck/dates'
import type { DatePoint, Deck, Fact, HistoricalDate, TenureFact } from '../../../src/domain/deck/types'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { createRandom, randomInt, type Random } from '../../../src/domain/random'
import { builtInDeck, card, DeckBuilder } from './fixtures'

const RUNS = { numRuns: 80, seed: 2611 }
const MONTHS = 'January February March April May June July August September October November December'.split(' ')

/** A true day, as the world knows it. */
interface Day {
  year: number
  month: number
  day: number
}
const dayText = (d: Day) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`
const order = (p: DatePoint) => p.year * 10000 + (p.month ?? 0) * 100 + (p.day ?? 0)

interface Life {
  id: string
  born: Day
  died: Day
  deed: Day
  reign: { from: Day; to: Day }
}

function someDay(random: Random, year: number): Day {
  return { year, month: 1 + randomInt(random, 12), day: 1 + randomInt(random, 28) }
}

function world(seed: number): Life[] {
  const random = createRandom(seed)
  return Array.from({ length: 6 }, (_, i) => {
    const bornYear = 1300 + randomInt(random, 80)
    const diedYear = bornYear + 25 + randomInt(random, 45)
    const fromYear = bornYear + 10 + randomInt(random, diedYear - bornYear - 12)
    return {
      id: `p${i}`,
      born: someDay(random, bornYear),
      died: someDay(random, diedYear),
      deed: someDay(random, bornYear + 5 + randomInt(random, diedYear - bornYear - 6)),
      reign: { from: someDay(random, fromYear), to: someDay(random, fromYear + 1 + randomInt(random, 2)) },
    }
  })
}

type Style = 'omitted' | 'day' | 'year' | 'circa' | 'doubted' | 'range' | 'disputed'
const STYLES: Style[] = ['omitted', 'day', 'day', 'year', 'year', 'circa', 'doubted', 'range', 'disputed']

/** How a teacher might write a true day: exactly, or with less certainty, or not at all. */
function written(random: Random, d: Day): { main?: string; alternative?: string } {
  const style = STYLES[randomInt(random, STYLES.length)] as Style
  const near = d.year + (random() < 0.5 ? -1 : 1) * (1 + randomInt(random, 3))
  switch (style) {
    case 'omitted':
      return {}
    case 'day':
      return { main: dayText(d) }
    case 'year':
      return { main: String(d.year) }
    case 'circa':
      return { main: `c. ${near}` }
    case 'doubted':
      return { main: `${d.year}?` }
    case 'range':
      return { main: `${d.year - randomInt(random, 2)}–${d.year + 1 + randomInt(random, 2)}` }
    case 'disputed':
      return { main: dayText(d), alternative: String(near) }
  }
}

function deckOf(lives: Life[], seed: number): Deck {
  const random = createRandom(seed)
  const b = new DeckBuilder('dates')
  for (const p of lives) {
    b.male(p.id, `Basil ${['Doukas', 'Komnenos', 'Laskaris'][randomInt(random, 3)]} ${p.id}`)
    const born = written(random, p.born)
    if (born.main) b.born(p.id, born.main, born.alternative ? [born.alternative] : [])
    const died = written(random, p.died)
    if (died.main) b.died(p.id, died.main, died.alternative ? [died.alternative] : [])
    const deed = written(random, p.deed)
    // Deeds and reigns are written exactly or not at all here; their doubts are the dates above.
    if (deed.main && !deed.alternative) b.event(p.id, 'founded', 'founded a monastery', deed.main)
    if (random() < 0.8) b.tenure(p.id, 'despot', dayText(p.reign.from), String(p.reign.to.year))
  }
  b.entity('despot', 'office', 'Despot of the Morea')
  return b.build()
}

/** The deck fact a date question asks and the date it asks of it. */
function askedDate(deck: Deck, q: Question): { fact: Fact; date: HistoricalDate; alternatives: HistoricalDate[] } {
  const fact = deck.facts.find((f) => f.id === q.factIds[0]) as Fact
  if (fact.type === 'tenure') {
    const side = q.relation === 'reignStart' ? 'start' : 'end'
    const alternatives = (fact as TenureFact).alternatives.flatMap((a) => (a.value[side] ? [a.value[side]] : []))
    return { fact, date: fact.value[side] as HistoricalDate, alternatives }
  }
  if (fact.type !== 'date') throw new Error(`not a date fact: ${fact.id}`)
  return { fact, date: fact.value, alternatives: fact.alternatives.map((a) => a.value) }
}

/** The true day the world has for a question's fact. */
function trueDay(lives: Life[], q: Question): Day {
  const p = lives.find((l) => l.id === q.subjectId) as Life
  if (q.relation === 'born') return p.born
  if (q.relation === 'died') return p.died
  if (q.relation === 'reignStart') return p.reign.from
  if (q.relation === 'reignEnd') return p.reign.to
  return p.deed
}

/** Does a written point (at its precision) cover the true day? */
const covers = (p: DatePoint, d: Day) =>
  p.year === d.year && (p.month === undefined || p.month === d.month) && (p.day === undefined || p.day === d.day)

const DATE_RELATIONS = new Set(['born', 'died', 'event', 'reignStart', 'reignEnd'])

/** The wrong dates a question offers: its other options, or the value of a false statement. */
function wrongDates(q: Question): string[] {
  if (q.kind === 'multiple-choice') return (q.choices ?? []).filter((c) => c !== q.answer)
  return q.answer === 'False' ? (q.why ?? []).map((w) => w.option.replace(/^(in|on) /, '')) : []
}

function parsed(text: string): HistoricalDate {
  const r = parseDate(text)
  if (!r.ok) throw new Error(`an option that is not a date: ${text}`)
  return r.date
}

describe('date questions asked by recognition', () => {
  it('only for a point given without doubt, with no wrong option true in the world', () => {
    let checked = 0
    let typedOnly = 0
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), (worldSeed, deckSeed, seed) => {
        const lives = world(worldSeed)
        const deck = deckOf(lives, deckSeed)
        const questions = generateQuestions(deck, { seed })
        for (const q of questions) {
          if (!q.relation || !DATE_RELATIONS.has(q.relation)) continue
          const { date, alternatives } = askedDate(deck, q)
          const exact = date.kind === 'on' && !date.circa && !date.uncertain && alternatives.length === 0
          if (q.kind === 'date') {
            // Typed date entry accepts every side the sources give.
            for (const side of [date, ...alternatives])
              if (side.kind === 'on')
                expect(
                  q.date?.accept.some((a) => a.year === side.start.year),
                  `${q.prompt} accepts ${side.text}`,
                ).toBe(true)
            if (!exact) typedOnly++
            continue
          }
          if (q.kind !== 'multiple-choice' && q.kind !== 'true-false') continue
          expect(exact, `${q.prompt} (${date.text}) is asked as ${q.kind}`).toBe(true)
          const truth = trueDay(lives, q)
          expect(covers(date.start, truth), `${q.prompt}: the deck's own answer is true`).toBe(true)
          const wrong = wrongDates(q)
          expect(new Set(wrong).size).toBe(wrong.length)
          for (const text of wrong) {
            const option = parsed(text)
            expect(option.kind).toBe('on')
            expect(option.circa || option.uncertain).toBe(false)
            expect(precisionOf(option.start)).toBe(precisionOf(date.start))
            // No second right answer: the world's true day is not the option.
            expect(covers(option.start, truth), `${q.prompt} offers ${text}, true in the world`).toBe(false)
            expectPlausible(deck, q, option.start, text)
            checked++
          }
        }
      }),
      RUNS,
    )
    expect(checked).toBeGreaterThan(200)
    expect(typedOnly).toBeGreaterThan(20)
  })
})

/** What the deck itself says about the person bounds a wrong date (years, and days when given). */
function expectPlausible(deck: Deck, q: Question, option: DatePoint, text: string): void {
  const dateOf = (key: string) =>
    deck.facts.find(
      (f): f is Fact & { type: 'date' } => f.type === 'date' && f.key === key && f.subject === q.subjectId,
    )
  const born = dateOf('born')
  const died = dateOf('died')
  const exactDay = (f: ReturnType<typeof dateOf>) =>
    f && !f.alternatives.length && f.value.kind === 'on' && !f.value.circa && precisionOf(f.value.start) === 'day'
      ? f.value.start
      : undefined
  const what = `${q.prompt} offers ${text}`
  if (q.relation === 'born' && died) expect(option.year, what).toBeLessThan(died.value.start.year)
  if (q.relation === 'died' && born) expect(option.year, what).toBeGreaterThan(born.value.start.year)
  if (q.relation === 'event' || q.relation === 'reignStart' || q.relation === 'reignEnd') {
    // Something the person did: after the year of their birth, never after their death.
    if (born && q.relation === 'event') expect(option.year, what).toBeGreaterThan(born.value.start.year)
    if (born) expect(option.year, what).toBeGreaterThanOrEqual(born.value.start.year)
    if (died) expect(option.year, what).toBeLessThanOrEqual(died.value.start.year)
    const death = exactDay(died)
    if (death && option.day !== undefined) expect(order(option), what).toBeLessThanOrEqual(order(death))
  }
  if (q.relation === 'reignStart' || q.relation === 'reignEnd') {
    const tenure = deck.facts.find((f) => f.id === q.factIds[0]) as TenureFact
    const { start, end } = tenure.value
    if (q.relation === 'reignStart' && end) expect(option.year, what).toBeLessThanOrEqual(end.start.year)
    if (q.relation === 'reignEnd' && start) expect(option.year, what).toBeGreaterThanOrEqual(start.start.year)
  }
}

describe('date questions a teacher would sign', () => {
  const deck = new DeckBuilder('teacher')
    .male('manuel', 'Manuel II Palaiologos')
    .born('manuel', '27 June 1350')
    .died('manuel', '21 July 1425')
    .event('manuel', 'crowned', 'was crowned co-emperor', 1373)
    .tenure('manuel', 'emperor', '16 February 1391', '21 July 1425')
    .entity('emperor', 'office', 'Byzantine emperor')
    .male('andronikos-v', 'Andronikos V Palaiologos')
    .born('andronikos-v', 'c. 1400')
    .died('andronikos-v', 'c. 1407')
    .male('john', 'John VII Palaiologos')
    .born('john', 1370, ['c. 1366'])
    .died('john', '22 September 1408', ['1408–1410'])
    .event('john', 'proclaimed', 'was proclaimed co-emperor', '1377?')
    .build()
  const questions = generateQuestions(deck, { seed: 4 })

  it('asks a settled death day by choice and true/false, in the words of the deck', () => {
    const died = card(questions, 'died/manuel')
    expect(died['multiple-choice']?.prompt).toBe('When did Manuel II Palaiologos die?')
    expect(died['multiple-choice']?.choices).toContain('21 July 1425')
    expect(died['multiple-choice']?.choices).toHaveLength(4)
    expect(died['true-false']?.prompt).toMatch(/^Manuel II Palaiologos died on \d{1,2} \w+ 1425\.$/)
  })

  it('never ends a reign after its holder died, nor starts it after it ended', () => {
    const end = card(questions, 'tenure.end/manuel/emperor/1391')['multiple-choice']
    expect(end?.choices).toContain('21 July 1425')
    for (const option of end?.choices ?? []) expect(order(parsed(option).start)).toBeLessThanOrEqual(14250721)
    const start = card(questions, 'tenure.start/manuel/emperor/1391')['multiple-choice']
    for (const option of start?.choices ?? []) expect(parsed(option).start.year).toBeLessThanOrEqual(1425)
  })

  it('offers no year of a deed that is the birth year', () => {
    const crowned = card(questions, 'event/manuel/crowned')['multiple-choice']
    expect(crowned?.choices).toContain('1373')
    expect(crowned?.choices).not.toContain('1350')
  })

  it('asks circa, doubted and disputed dates only typed, accepting every side', () => {
    for (const key of ['born/andronikos-v', 'died/andronikos-v', 'born/john', 'died/john', 'event/john/proclaimed']) {
      const kinds = Object.keys(card(questions, key))
      expect(kinds, key).toEqual(['date'])
    }
    const died = card(questions, 'died/john').date
    expect(died?.date?.accept.map((p) => p.year)).toEqual([1408, 1409, 1410])
    expect(died?.answer).toBe('22 September 1408 (also given as 1408–1410)')
  })
})

describe('the built-in deck', () => {
  const deck = builtInDeck()
  const questions = generateQuestions(deck, { seed: 1 })

  it('asks by recognition only the dates its sources give without doubt', () => {
    // The year John VII was proclaimed co-emperor is one the article calls "possible".
    expect(Object.keys(card(questions, 'event/john-vii/proclaimed-co-emperor'))).toEqual(['date'])
    expect(Object.keys(card(questions, 'born/john-vii'))).toEqual(['date'])
    for (const q of questions) {
      if (!q.relation || !DATE_RELATIONS.has(q.relation)) continue
      if (q.kind !== 'multiple-choice' && q.kind !== 'true-false') continue
      const { date, alternatives } = askedDate(deck, q)
      // "Married before August 1397" is contradicted by "after August 1397" and nothing nearer.
      if (date.kind === 'before' && q.kind === 'true-false') {
        expect(q.prompt).toMatch(q.answer === 'True' ? / before August 1397\.$/ : / after August 1397\.$/)
        continue
      }
      expect(date.kind === 'on' && !date.circa && !date.uncertain && !alternatives.length, q.id).toBe(true)
    }
  })

  it('ends no reign of Manuel II after the day he died', () => {
    const end = card(questions, 'tenure.end/manuel-ii/byzantine-emperor/1391')['multiple-choice']
    expect(end?.choices?.length).toBe(4)
    for (const option of end?.choices ?? []) expect(order(parsed(option).start)).toBeLessThanOrEqual(14250721)
  })
})

describe('a dispute in plain words', () => {
  it('names each side with its source’s short name on one line, the full titles on the next', () => {
    const deck = new DeckBuilder('short').male('john', 'John VII Palaiologos').born('john', 1370, ['c. 1366']).build()
    deck.sources = [
      { id: 's', title: 'Infobox of the article "John VII Palaiologos"', short: 'infobox' },
      { id: 's2', title: 'Other encyclopedias (not named)' },
    ]
    const dispute = card(generateQuestions(deck, { seed: 1 }), 'born/john').date?.dispute
    expect(dispute).toBe(
      'Sources differ: 1370 (infobox) · c. 1366 (Other encyclopedias (not named))\n' +
        '1370: Infobox of the article "John VII Palaiologos". c. 1366: Other encyclopedias (not named).',
    )
  })

  it('joins the disputes behind an age into one line', () => {
    const deck = new DeckBuilder('age')
      .male('a', 'Andronikos IV Palaiologos')
      .born('a', 1348, ['11 April 1348'])
      .died('a', '28 June 1385', ['25 June 1385'])
      .build()
    const dispute = card(generateQuestions(deck, { seed: 1 }), 'ageAtDeath/a').typed?.dispute ?? ''
    const [summary, detail] = dispute.split('\n')
    expect(summary).toBe(
      'Sources differ: 1348 (Source one) · 11 April 1348 (Source two); 28 June 1385 (Source one) · 25 June 1385 (Source two)',
    )
    expect(detail).toContain('25 June 1385: Source two.')
  })
})
