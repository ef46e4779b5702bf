// The app's one set of display formats: a grade button's short label and the words a screen reader
// hears describe the same interval; counts are pluralised one way everywhere.
import { describe, expect, it } from 'vitest'
import { describeInterval, formatBytes, formatInterval, formatRelative, plural } from '../../../src/domain/text/format'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('intervals', () => {
  it.each([
    [30_000, '1m', 'less than a minute'],
    [10 * MINUTE, '10m', '10 minutes'],
    [1 * MINUTE, '1m', '1 minute'],
    [3 * HOUR, '3h', '3 hours'],
    [1 * DAY, '1d', '1 day'],
    [4 * DAY, '4d', '4 days'],
    [45 * DAY, '1.5mo', '1.5 months'],
    [2.1 * 365 * DAY, '2.1y', '2.1 years'],
  ])('%i ms is "%s" on the button and "%s" in words', (ms, short, words) => {
    expect(formatInterval(ms)).toBe(short)
    expect(describeInterval(ms)).toBe(words)
  })

  it('says which way a time lies from now', () => {
    expect(formatRelative(1_000 + 3 * DAY, 1_000)).toBe('in 3 days')
    expect(formatRelative(1_000, 1_000 + 5 * MINUTE)).toBe('5 minutes ago')
    expect(formatRelative(1_000, 1_000)).toBe('just now')
  })
})

describe('counts and sizes', () => {
  it('pluralises regular and irregular words', () => {
    expect(plural(1, 'card')).toBe('1 card')
    expect(plural(0, 'card')).toBe('0 cards')
    expect(plural(3, 'child', 'children')).toBe('3 children')
  })

  it('writes sizes in binary megabytes, as the import limit is stated', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB')
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB')
  })
})
