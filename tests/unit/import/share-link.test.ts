// Share links carry the deck itself: deck → link → deck gives the same deck; damaged, foreign or
// oversized links are refused with a message and no deck.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { zlibSync } from 'fflate'
import { parseDeckText } from '../../../src/domain/deck/parse'
import { deckFromCards, type DraftCard } from '../../../src/domain/import/cards-deck'
import { toBase64Url } from '../../../src/domain/import/bytes'
import { decodeDeckLink, deckLinkPayload, encodeDeckLink } from '../../../src/domain/import/share-link'

const base = 'https://stavraton.example/app/import'
const root = join(import.meta.dirname, '..', '..', '..')

describe('share links', () => {
  it('round-trips the built-in deck, disputes, sources and all', () => {
    const deck = parseDeckText(readFileSync(join(root, 'content', 'john-vii-palaiologos.yaml'), 'utf8')).deck
    expect(deck).toBeDefined()
    if (!deck) return
    const link = encodeDeckLink(deck, `${base}#old-fragment`)
    expect(link.startsWith(`${base}#deck=`)).toBe(true)
    expect(link).toMatch(/^[^#]+#deck=[A-Za-z0-9_-]+$/)
    const decoded = decodeDeckLink(link)
    expect(decoded.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(decoded.deck).toEqual(deck)
  })

  it('round-trips any card deck, whatever the text (property)', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
      .filter((s) => s.trim() === s && s !== '' && !/[{}]/.test(s))
    const card: fc.Arbitrary<DraftCard> = fc.oneof(
      fc.record({ type: fc.constant('basic' as const), front: text, back: text }),
      fc.uniqueArray(text, { minLength: 2, maxLength: 5 }).chain((options) =>
        fc.record({
          type: fc.constant('choice' as const),
          prompt: text,
          options: fc.constant(options),
          answer: fc.constantFrom(...options),
        }),
      ),
      fc.tuple(text, text).map(([before, gap]) => ({ type: 'cloze' as const, text: `${before} {{${gap}}}` })),
    )
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 8 }), text, (cards, title) => {
        const { deck } = deckFromCards({ id: 'shared', title }, cards)
        const decoded = decodeDeckLink(encodeDeckLink(deck, base))
        expect(decoded.issues.filter((i) => i.severity === 'error')).toEqual([])
        expect(decoded.deck).toEqual(deck)
      }),
      // A fixed seed, as every property test here has, so CI is repeatable; raise numRuns locally to explore.
      { numRuns: 150, seed: 20261201 },
    )
  })

  it('keeps a gap that holds a line break or a line separator (U+2028)', () => {
    for (const text of ['A {{first\nsecond}} gap', 'A {{first\u2028second}} gap']) {
      const { deck } = deckFromCards({ id: 'gaps', title: 'Gaps' }, [{ type: 'cloze', text }])
      const decoded = decodeDeckLink(encodeDeckLink(deck, base))
      expect(decoded.issues).toEqual([])
      expect(decoded.deck).toEqual(deck)
    }
  })

  it('finds the payload in a link, a fragment or among other fragment parameters', () => {
    expect(deckLinkPayload('https://x/import#deck=abc')).toBe('abc')
    expect(deckLinkPayload('#x=1&deck=abc')).toBe('abc')
    expect(deckLinkPayload('https://x/import')).toBeUndefined()
  })

  it('refuses a link cut short, with a message saying so', () => {
    const { deck } = deckFromCards({ id: 'd', title: 'D' }, [{ type: 'basic', front: 'Stavraton', back: 'A coin' }])
    const link = encodeDeckLink(deck, base)
    for (const cut of [link.slice(0, -3), link.slice(0, -10), `${link.slice(0, -1)}*`]) {
      const decoded = decodeDeckLink(cut)
      expect(decoded.deck).toBeUndefined()
      expect(decoded.issues).toMatchObject([{ severity: 'error', code: 'link-invalid' }])
      expect(decoded.issues[0]?.message).toContain('incomplete or damaged')
    }
    expect(decodeDeckLink('https://x/import#').issues).toMatchObject([{ code: 'link-invalid' }])
  })

  it('validates the deck inside like any deck file', () => {
    const payload = toBase64Url(
      zlibSync(new TextEncoder().encode(JSON.stringify({ id: 'Bad Id', title: 'T', cards: [{ front: 'a' }] }))),
    )
    const decoded = decodeDeckLink(`#deck=${payload}`)
    expect(decoded.deck).toBeUndefined()
    expect(decoded.issues.length).toBeGreaterThanOrEqual(2)
    expect(decoded.issues.every((i) => i.file === 'link')).toBe(true)
  })

  it('refuses a decompression bomb without inflating it all', () => {
    const bomb = toBase64Url(
      zlibSync(new TextEncoder().encode(`{"id":"x","title":"${' '.repeat(40 * 1024 * 1024)}"}`), { level: 9 }),
    )
    expect(bomb.length).toBeLessThan(200_000)
    expect(decodeDeckLink(`#deck=${bomb}`).issues).toMatchObject([{ code: 'link-too-large' }])
  })
})
