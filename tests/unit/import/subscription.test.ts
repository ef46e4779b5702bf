// The pure parts of following a published deck: which addresses are accepted (and why not), the
// link a teacher hands out, a version named by content rather than layout, and the update told
// in facts and cards.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import type { Deck } from '../../../src/domain/deck/types'
import { diffDecks } from '../../../src/domain/import/deck-changes'
import {
  checkSubscriptionUrl,
  deckVersionHash,
  describeDeckUpdate,
  hasDeckChanges,
  publishedFileName,
  subscribeLink,
} from '../../../src/domain/import/subscription'

const APP = 'https://stavraton.example'
const text = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'decks', 'small-valid.yaml'), 'utf8')
const parse = (source: string): Deck => {
  const deck = parseDeckText(source, { file: 'deck.yaml' }).deck
  if (!deck) throw new Error('fixture deck does not parse')
  return deck
}

describe('checkSubscriptionUrl', () => {
  it('accepts https addresses and drops the fragment', () => {
    expect(checkSubscriptionUrl('  https://school.example/decks/rome.yaml#top ', APP)).toEqual({
      ok: true,
      url: 'https://school.example/decks/rome.yaml',
    })
  })

  it("accepts plain http only on the app's own origin", () => {
    expect(checkSubscriptionUrl('http://127.0.0.1:4173/decks/a.yaml', 'http://127.0.0.1:4173')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4173/decks/a.yaml',
    })
    const refused = checkSubscriptionUrl('http://school.example/a.yaml', APP)
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/Only https:\/\/ addresses/) })
  })

  it.each([
    ['', /Paste the address/],
    ['rome.yaml', /is not a web address/],
    ['ftp://school.example/a.yaml', /not ftp:/],
    ['javascript:alert(1)', /not javascript:/],
    ['https://user:secret@school.example/a.yaml', /user name or password/],
  ])('refuses %j and says why', (input, message) => {
    const result = checkSubscriptionUrl(input, APP)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(message)
  })
})

describe('subscribeLink', () => {
  it('opens the subscribe page with the address encoded, under any base path', () => {
    const deck = 'https://school.example/decks/rome.yaml?v=1&x=2'
    expect(subscribeLink('https://app.example/stavraton/', deck)).toBe(
      'https://app.example/stavraton/subscribe?url=https%3A%2F%2Fschool.example%2Fdecks%2Frome.yaml%3Fv%3D1%26x%3D2',
    )
    expect(new URL(subscribeLink(`${APP}/`, deck)).searchParams.get('url')).toBe(deck)
  })
})

describe('publishedFileName', () => {
  it('is the last path segment, which tells the importer the format', () => {
    expect(publishedFileName('https://a.example/decks/Rome%20I.yaml?x=1')).toBe('Rome I.yaml')
    expect(publishedFileName('https://a.example/')).toBe('deck')
  })
})

describe('deckVersionHash', () => {
  it('names the content: comments and key order do not change it, a fact does', () => {
    const a = parse(text)
    const reordered = parse(
      `# saved again\n${text.replace('language: en\nauthor: Test', 'author: Test\nlanguage: en')}`,
    )
    expect(deckVersionHash(reordered)).toBe(deckVersionHash(a))
    expect(deckVersionHash(parse(text.replace('date: 1325', 'date: 1326')))).not.toBe(deckVersionHash(a))
  })
})

describe('describeDeckUpdate', () => {
  const before = parse(text)
  it('counts facts and cards apart, by what happened to them', () => {
    const after = parse(
      `${text.replace('date: 1325', 'date: 1326').replace('born: 1298', 'born: 1297')}  - { front: Which bird?, back: A falcon }\n`,
    )
    const changes = diffDecks(before, after)
    expect(hasDeckChanges(changes)).toBe(true)
    expect(describeDeckUpdate(changes)).toBe('2 facts changed, 1 card added')
  })

  it('names removed facts and changed details, and says nothing when nothing changed', () => {
    const withoutCaption = parse(text.replace('    caption: Portrait of Anna with a {{falcon}}\n', ''))
    expect(describeDeckUpdate(diffDecks(before, withoutCaption))).toBe('1 fact removed')
    const retitled = diffDecks(before, { ...before, title: 'Another title' })
    expect(describeDeckUpdate(retitled)).toBe("the deck's details changed (title)")
    expect(hasDeckChanges(diffDecks(before, before))).toBe(false)
    expect(describeDeckUpdate(diffDecks(before, before))).toBe('')
  })
})
