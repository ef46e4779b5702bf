// Date logic of the generator: durations that respect precision (age at death, length of a
// reign), accepted points of disputed dates, and dates as they read in a sentence.
import { describe, expect, it } from 'vitest'
import {
  acceptedPoints,
  ageBetween,
  datePhrase,
  durationRangeText,
  lengthBetween,
  movePoint,
  shiftDate,
  spanPhrase,
  withDisplayYears,
} from '../../../src/domain/questions/dates'
import type { DateFact } from '../../../src/domain/deck/types'
import { date, DeckBuilder } from './fixtures'

describe('ageBetween', () => {
  it('gives 37 or 38 for born "1370", died 22 September 1408', () => {
    expect(ageBetween(date(1370), date('22 September 1408'))).toEqual({ unit: 'years', min: 37, max: 38 })
  })
  it('gives one age when both dates are to the day', () => {
    expect(ageBetween(date('18 June 1332'), date('16 February 1391'))).toEqual({ unit: 'years', min: 58, max: 58 })
    expect(ageBetween(date('16 February 1332'), date('16 February 1391'))).toEqual({ unit: 'years', min: 59, max: 59 })
  })
  it('counts across the missing year 0', () => {
    expect(ageBetween(date('10 March 5 BC'), date('10 March 10'))).toEqual({ unit: 'years', min: 14, max: 14 })
  })
  it('refuses circa and open dates', () => {
    expect(ageBetween(date('c. 1400'), date(1440))).toBeUndefined()
    expect(ageBetween(date(1400), date('after 1440'))).toBeUndefined()
  })
  it('reads as a teacher would say it', () => {
    expect(durationRangeText({ unit: 'years', min: 37, max: 38 })).toBe('37 or 38 years')
    expect(durationRangeText({ unit: 'months', min: 1, max: 1 })).toBe('1 month')
  })
})

describe('lengthBetween', () => {
  it('gives months for a short reign dated to the day', () => {
    expect(lengthBetween(date('14 April 1390'), date('17 September 1390'))).toEqual({
      unit: 'months',
      min: 5,
      max: 5,
      about: 5,
      exact: '5 months and 3 days',
    })
  })
  it('gives whole years for a long one, "about 11" for 10 years 9½ months', () => {
    expect(lengthBetween(date('1 July 1379'), date('1 July 1389'))).toEqual({ unit: 'years', min: 10, max: 10 })
    expect(lengthBetween(date('1 July 1379'), date('14 April 1390'))).toEqual({
      unit: 'years',
      min: 10,
      max: 11,
      about: 11,
      exact: '10 years and 9 months',
    })
  })
  it('gives the range the precision allows', () => {
    expect(lengthBetween(date(1403), date('22 September 1408'))).toEqual({ unit: 'years', min: 4, max: 5 })
  })
  it('gives days for a reign of a few days', () => {
    expect(lengthBetween(date('28 February 1404'), date('2 March 1404'))).toEqual({ unit: 'days', min: 3, max: 3 })
  })
})

describe('acceptedPoints', () => {
  it('accepts every side of a dispute at the coarsest precision', () => {
    expect(acceptedPoints([date('22 September 1408'), date('1408–1410')])).toEqual({
      precision: 'year',
      accept: [{ year: 1408 }, { year: 1409 }, { year: 1410 }],
    })
    expect(acceptedPoints([date('28 June 1385'), date('25 June 1385')])).toEqual({
      precision: 'day',
      accept: [
        { year: 1385, month: 6, day: 28 },
        { year: 1385, month: 6, day: 25 },
      ],
    })
  })
  it('cannot accept an open date as a point', () => {
    expect(acceptedPoints([date('before August 1397')])).toBeUndefined()
  })
})

describe('dates in sentences', () => {
  it.each([
    ['1370', 'in 1370'],
    ['22 September 1408', 'on 22 September 1408'],
    ['September 1408', 'in September 1408'],
    ['c. 1370', 'c. 1370'],
    ['1408–1410', 'between 1408 and 1410'],
    ['before August 1397', 'before August 1397'],
    ['44 BC', 'in 44 BC'],
  ])('%s → %s', (text, phrase) => {
    expect(datePhrase(date(text))).toBe(phrase)
  })
  it('names a span compactly within one year', () => {
    expect(spanPhrase(date('14 April 1390'), date('17 September 1390'))).toBe('from 14 April to 17 September 1390')
    expect(spanPhrase(date(1403), date('22 September 1408'))).toBe('from 1403 to 22 September 1408')
  })
})

describe('moving dates', () => {
  it('skips the year 0 and rolls days over months', () => {
    expect(movePoint({ year: 1 }, -1)).toEqual({ year: -1 })
    expect(movePoint({ year: 1390, month: 12, day: 30 }, 0, 0, 4)).toEqual({ year: 1391, month: 1, day: 3 })
    expect(movePoint({ year: 1390, month: 1, day: 31 }, 0, 1)).toEqual({ year: 1390, month: 2, day: 28 })
  })
  it('keeps circa and the canonical text', () => {
    expect(shiftDate(date('c. 1400'), 5).text).toBe('c. 1405')
  })
})

describe('years as questions write them', () => {
  const dated = (fact: unknown): DateFact => fact as DateFact

  it('keeps the very deck when no year needs its era', () => {
    const deck = new DeckBuilder().male('a', 'A').born('a', 1370).died('a', 1408).build()
    expect(withDisplayYears(deck)).toEqual({ deck, era: false })
    expect(withDisplayYears(deck).deck).toBe(deck)
  })

  it('writes "AD" before a small year and copies only the facts that change', () => {
    const deck = new DeckBuilder().male('a', 'A').born('a', 800).died('a', 1408).build()
    const out = withDisplayYears(deck)
    expect(out.era).toBe(false)
    expect(dated(out.deck.facts[0]).value.text).toBe('AD 800')
    expect(out.deck.facts[1]).toBe(deck.facts[1])
    expect(dated(deck.facts[0]).value.text).toBe('800')
  })

  it('gives every AD year its era once a BC year appears, in every fact and alternative', () => {
    const deck = new DeckBuilder()
      .male('a', 'A')
      .male('b', 'B')
      .born('a', 800)
      .place('bornAt', 'b', 'Rome')
      .born('b', '44 BC')
      .died('b', 1408, [1400])
      .build()
    const out = withDisplayYears(deck)
    expect(out.era).toBe(true)
    expect(dated(out.deck.facts[0]).value.text).toBe('AD 800')
    expect(out.deck.facts[1]).toBe(deck.facts[1])
    expect(out.deck.facts[2]).toBe(deck.facts[2])
    const died = dated(out.deck.facts[3])
    expect([died.value.text, died.alternatives[0]?.value.text]).toEqual(['AD 1408', 'AD 1400'])
    expect(died.sources).toBe(deck.facts[3]?.sources)
    expect(dated(deck.facts[3]).alternatives[0]?.value.text).toBe('1400')
  })
})
