// The date syntax of deck files: every precision and qualifier is parsed to the right structure
// with its canonical text, and each invalid form is rejected with a helpful hint.
import { describe, expect, it } from 'vitest'
import {
  compareDates,
  dateBounds,
  dateSortKey,
  daysInMonth,
  formatDate,
  isLeapYear,
  parseDate,
  precisionOf,
} from '../../../src/domain/deck/dates'
import type { HistoricalDate } from '../../../src/domain/deck/types'

function ok(input: string | number): HistoricalDate {
  const result = parseDate(input)
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.message}`)
  return result.date
}

function bad(input: string | number): { message: string; hint?: string } {
  const result = parseDate(input)
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${result.date.text}`)
  return result
}

describe('parseDate: precisions', () => {
  it('reads a year, from a number or text', () => {
    expect(ok(1370)).toEqual({ kind: 'on', start: { year: 1370 }, circa: false, uncertain: false, text: '1370' })
    expect(ok('1370')).toEqual(ok(1370))
  })

  it('reads month and year, with full or abbreviated month names in any case', () => {
    for (const text of ['September 1408', 'september 1408', 'Sep 1408', 'Sept. 1408', 'SEPT 1408', 'sep. 1408']) {
      expect(ok(text)).toMatchObject({ kind: 'on', start: { year: 1408, month: 9 }, text: 'September 1408' })
    }
  })

  it('reads day, month and year', () => {
    const date = ok('22 September 1408')
    expect(date.start).toEqual({ year: 1408, month: 9, day: 22 })
    expect(date.text).toBe('22 September 1408')
    expect(precisionOf(date.start)).toBe('day')
    expect(precisionOf(ok('May 1400').start)).toBe('month')
    expect(precisionOf(ok(1400).start)).toBe('year')
  })

  it('accepts ordinals and extra spaces', () => {
    expect(ok('  22nd   Sep   1408 ').text).toBe('22 September 1408')
    expect(ok('1st May 1400').start).toEqual({ year: 1400, month: 5, day: 1 })
  })
})

describe('parseDate: qualifiers and eras', () => {
  it('reads circa in its usual spellings', () => {
    for (const text of ['c. 1370', 'c 1370', 'c.1370', 'ca. 1370', 'ca 1370', 'circa 1370', 'Circa 1370']) {
      expect(ok(text)).toMatchObject({
        kind: 'on',
        start: { year: 1370 },
        circa: true,
        uncertain: false,
        text: 'c. 1370',
      })
    }
  })

  it('reads a trailing question mark as uncertain', () => {
    expect(ok('1377?')).toMatchObject({ start: { year: 1377 }, uncertain: true, circa: false, text: '1377?' })
    expect(ok('c. 1370?')).toMatchObject({ circa: true, uncertain: true, text: 'c. 1370?' })
  })

  it('reads BC and BCE as negative years, and accepts AD and CE', () => {
    expect(ok('44 BC')).toMatchObject({ start: { year: -44 }, text: '44 BC' })
    expect(ok('44 BCE').start.year).toBe(-44)
    expect(ok('15 March 44 BC').start).toEqual({ year: -44, month: 3, day: 15 })
    for (const text of ['AD 1370', '1370 AD', '1370 CE', 'A.D. 1370'])
      expect(ok(text)).toMatchObject({ start: { year: 1370 }, text: '1370' })
  })

  it('reads ranges with en dash, em dash or hyphen, and between … and …', () => {
    for (const text of ['1408–1410', '1408 – 1410', '1408—1410', '1408-1410', '1408 - 1410', 'between 1408 and 1410']) {
      expect(ok(text)).toMatchObject({ kind: 'range', start: { year: 1408 }, end: { year: 1410 }, text: '1408–1410' })
    }
    expect(ok('March 1408–June 1410')).toMatchObject({
      start: { year: 1408, month: 3 },
      end: { year: 1410, month: 6 },
      text: 'March 1408–June 1410',
    })
    expect(ok('14 April 1390 – 17 September 1390').text).toBe('14 April 1390–17 September 1390')
    expect(ok('50 BC–44 BC')).toMatchObject({ start: { year: -50 }, end: { year: -44 }, text: '50 BC–44 BC' })
    expect(ok('c. 1408–1410')).toMatchObject({ kind: 'range', circa: true, text: 'c. 1408–1410' })
  })

  it('reads before and after', () => {
    expect(ok('before August 1397')).toMatchObject({
      kind: 'before',
      start: { year: 1397, month: 8 },
      text: 'before August 1397',
    })
    expect(ok('After 1403')).toMatchObject({ kind: 'after', start: { year: 1403 }, text: 'after 1403' })
  })

  it('gives canonical text that parses back to the same date', () => {
    for (const text of [
      'c. 1370',
      '22 September 1408',
      'September 1408',
      '1408–1410',
      'before August 1397',
      '44 BC',
      '1377?',
      'after 1 May 1403',
    ]) {
      const date = ok(text)
      expect(date.text).toBe(text)
      expect(formatDate(date)).toBe(text)
      expect(ok(date.text)).toEqual(date)
    }
  })
})

describe('parseDate: invalid dates', () => {
  it('rejects ISO dates with the written form as hint', () => {
    expect(bad('1408-09-22')).toMatchObject({ hint: 'write it as 22 September 1408' })
    expect(bad('1408-09').hint).toBe('write it as September 1408')
  })

  it('rejects impossible days, naming the length of the month', () => {
    expect(bad('31 February 1408')).toEqual({
      ok: false,
      message: '31 February does not exist',
      hint: 'February has 29 days in 1408',
    })
    expect(bad('29 February 1407').hint).toBe('February has 28 days in 1407')
    expect(bad('31 April 1400').hint).toBe('April has 30 days in 1400')
    expect(bad('0 May 1400').message).toBe('day 0 does not exist')
  })

  it('suggests the month that was meant', () => {
    expect(bad('22 Setpember 1408')).toMatchObject({
      message: 'unknown month `Setpember`',
      hint: 'did you mean `September`?',
    })
    expect(bad('Febuary 1400').hint).toBe('did you mean `February`?')
  })

  it('reads AD before or after the year, also after a day and month, and writes years 1–99 with AD', () => {
    for (const text of ['14 AD', 'AD 14', '14 CE', 'A.D. 14'])
      expect(ok(text)).toMatchObject({ start: { year: 14 }, text: 'AD 14' })
    expect(ok('19 August AD 14')).toMatchObject({ start: { year: 14, month: 8, day: 19 }, text: '19 August AD 14' })
    expect(ok('19 August 14 AD')).toEqual(ok('19 August AD 14'))
    expect(ok('August AD 14')).toMatchObject({ start: { year: 14, month: 8 }, text: 'August AD 14' })
    expect(ok('c. 63 BC')).toMatchObject({ start: { year: -63 }, circa: true, text: 'c. 63 BC' })
    expect(ok('63 BC–AD 14')).toMatchObject({ kind: 'range', text: '63 BC–AD 14' })
    expect(ok('63 BC–14 AD').text).toBe('63 BC–AD 14')
    expect(ok('before AD 14').text).toBe('before AD 14')
    for (const text of ['AD 14', '19 August AD 14', '63 BC–AD 14', 'c. AD 14'])
      expect(ok(ok(text).text)).toEqual(ok(text))
  })

  it('never calls AD a month; its hints show AD as well as BC', () => {
    expect(bad('AD').message).toBe('`AD` has no year')
    expect(bad('31 February AD 14')).toMatchObject({
      message: '31 February does not exist',
      hint: 'February has 28 days in AD 14',
    })
    for (const text of ['August AD', 'AD AD 14', '19 Augst AD 14', 'Sometime']) {
      const result = parseDate(text)
      expect(result.ok ? '' : result.message).not.toContain('month `AD`')
    }
    expect(bad('Sometime').hint).toContain('AD 14')
    expect(bad('Sometime').hint).toContain('44 BC')
  })

  it('rejects dates without a year, or in month-day order', () => {
    expect(bad('September 31')).toMatchObject({ message: '`September 31` has no year' })
    expect(bad('September 31').hint).toContain('write it as 31 September <year>')
    expect(ok('April 2 AD')).toMatchObject({ start: { year: 2, month: 4 }, text: 'April AD 2' })
    expect(ok(ok('April 2 AD').text)).toEqual(ok('April 2 AD'))
    expect(bad('22 September').message).toContain('has no year')
    expect(bad('September 22, 1408').hint).toBe('write it as 22 September 1408')
  })

  it('rejects empty text, year 0, negative and fractional numbers', () => {
    expect(bad('').message).toBe('the date is empty')
    expect(bad('   ').message).toBe('the date is empty')
    expect(bad('0').message).toBe('there is no year 0')
    expect(bad(0).message).toBe('there is no year 0')
    expect(bad(-44).hint).toBe('write 44 BC')
    expect(bad('-44').hint).toBe('write 44 BC')
    expect(bad(1370.5).message).toContain('not a year')
    expect(bad('12345').message).toContain('out of range')
  })

  it('rejects ranges that run backwards, or whose sides are incomplete', () => {
    expect(bad('1410–1408').message).toBe('the range starts after it ends')
    expect(bad('50–44 BC').hint).toContain('write BC on both sides')
    expect(bad('14 April – 17 September 1390')).toMatchObject({ hint: 'write it as 14 April 1390–17 September 1390' })
    expect(bad('1408–').message).toBe('a range needs a date on both sides')
    expect(bad('1400–1401–1402').message).toContain('more than one dash')
    expect(bad('between 1408').message).toContain('missing `and`')
  })

  it('rejects circa with before/after, and text that is no date', () => {
    expect(bad('c. before 1400').message).toContain('both circa and before/after')
    expect(bad('sometime').message).toContain('is not a year')
    expect(bad('22 9 1408').hint).toContain('month as a word')
  })
})

describe('calendar', () => {
  it('uses the Julian leap rule before 1583 and the Gregorian one after', () => {
    expect(isLeapYear(1300)).toBe(true) // Julian: every 4th year
    expect(isLeapYear(1500)).toBe(true)
    expect(isLeapYear(1700)).toBe(false) // Gregorian century
    expect(isLeapYear(1600)).toBe(true)
    expect(isLeapYear(1582)).toBe(false)
    expect(isLeapYear(1584)).toBe(true)
  })

  it('numbers BC years astronomically for the leap rule (1 BC is leap)', () => {
    expect(isLeapYear(-1)).toBe(true)
    expect(isLeapYear(-5)).toBe(true)
    expect(isLeapYear(-4)).toBe(false)
    expect(daysInMonth(-1, 2)).toBe(29)
  })

  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(1401, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
  })
})

describe('ordering', () => {
  it('builds start keys with missing parts as 0 and end keys at the end of the period', () => {
    expect(dateSortKey(ok(1370))).toBe(13700000)
    expect(dateSortKey(ok(1370), 'end')).toBe(13701231)
    expect(dateSortKey(ok('February 1400'), 'end')).toBe(14000229)
    expect(dateSortKey(ok('1408–1410'), 'end')).toBe(14101231)
    expect(dateSortKey(ok('44 BC'))).toBeLessThan(dateSortKey(ok('43 BC')))
    expect(dateSortKey(ok('15 March 44 BC'))).toBeLessThan(dateSortKey(ok('43 BC')))
  })

  it('sorts dates chronologically', () => {
    const texts = ['22 September 1408', '44 BC', '1408', 'September 1408', 'c. 1370', '1408–1410', '1 AD']
    const sorted = texts
      .map(ok)
      .sort(compareDates)
      .map((d) => d.text)
    expect(sorted).toEqual(['44 BC', 'AD 1', 'c. 1370', '1408', '1408–1410', 'September 1408', '22 September 1408'])
  })

  it('gives open bounds to before and after', () => {
    expect(dateBounds(ok('before 1400'))).toEqual({ earliest: -Infinity, latest: 14001231 })
    expect(dateBounds(ok('after 1400'))).toEqual({ earliest: 14000000, latest: Infinity })
  })
})
