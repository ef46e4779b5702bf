// Pictures on entities and captions: how they read into the deck, every mistake a teacher can
// make with one reported at its line and column with a hint, a round trip YAML → deck → YAML that
// keeps them, and the caption question that shows its picture (and never two right answers).
import { describe, expect, it } from 'vitest'
import { formatIssue, type DeckIssue } from '../../../src/domain/deck/issues'
import { parseDeckText } from '../../../src/domain/deck/parse'
import type { Deck, TextFact } from '../../../src/domain/deck/types'
import { deckToYaml } from '../../../src/domain/deck/yaml'
import { normalizeAnswer } from '../../../src/domain/questions/answers'
import { checkTypedAnswer } from '../../../src/domain/questions/check'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { safeImagePath } from '../../../src/domain/text/format'

const lines = (...rows: string[]) => `${rows.join('\n')}\n`
/** A deck with one source; `rows` go under `entities:` (line 5 onwards). */
const withEntities = (...rows: string[]) =>
  lines('id: t', 'title: T', 'sources: { book: The book }', 'entities:', ...rows)

const coin = (...image: string[]) =>
  withEntities(
    '  coin:',
    '    kind: artefact',
    '    name: Half-stavraton',
    '    source: book',
    '    image:',
    ...image,
    '    caption: The coin shows {{Christ Pantocrator}} and the {{emperor}}.',
  )

function deckOf(text: string): Deck {
  const result = parseDeckText(text)
  if (!result.deck) throw new Error(result.issues.map(formatIssue).join('\n'))
  expect(result.issues).toEqual([])
  return result.deck
}

function issuesOf(text: string): DeckIssue[] {
  return parseDeckText(text, { file: 'deck.yaml' }).issues
}

/** [line, column, code] and the column of `token` on `line`. */
function loc(text: string, line: number, token: string): [number, number] {
  const column = (text.split('\n')[line - 1] ?? '').indexOf(token) + 1
  if (column === 0) throw new Error(`\`${token}\` is not on line ${line}`)
  return [line, column]
}

describe('pictures in the deck file', () => {
  it('reads a picture on an entity and one on a caption, with licence, credit and alt text', () => {
    const deck = deckOf(
      withEntities(
        '  coin:',
        '    kind: artefact',
        '    name: Half-stavraton',
        '    source: book',
        '    image: { file: coin.jpg, licence: CC BY-SA 4.0, credit: "Photo: CNG", alt: A silver coin }',
        '    caption:',
        '      text: The coin shows {{Christ Pantocrator}}.',
        '      image: { file: reverse.png, licence: public domain, credit: The museum }',
      ),
    )
    expect(deck.entities[0]!.image).toEqual({
      file: 'coin.jpg',
      licence: 'CC BY-SA 4.0',
      credit: 'Photo: CNG',
      alt: 'A silver coin',
    })
    const caption = deck.facts.find((f) => f.id === 'text:caption:coin') as TextFact
    expect(caption.image).toEqual({ file: 'reverse.png', licence: 'public domain', credit: 'The museum' })
  })

  // A missing field is reported at the mapping that lacks it: the `image:` line.
  it('reports a missing licence at the picture, with a hint', () => {
    const text = coin('      file: coin.jpg', '      credit: CNG')
    const [issue, ...rest] = issuesOf(text)
    expect(rest).toEqual([])
    expect(issue).toMatchObject({ severity: 'error', code: 'missing-field', path: 'entities.coin.image.licence' })
    expect(issue!.message).toBe('missing `licence`')
    expect(issue!.hint).toContain('licence: CC BY-SA 4.0')
    expect([issue!.line, issue!.column]).toEqual(loc(text, 9, 'image'))
  })

  it('reports a missing credit with a hint', () => {
    const text = coin('      file: coin.jpg', '      licence: CC0')
    const [issue] = issuesOf(text)
    expect(issue).toMatchObject({ code: 'missing-field', path: 'entities.coin.image.credit' })
    expect(issue!.hint).toContain('credit:')
    expect(issue!.line).toBe(9)
  })

  it('says “did you mean `licence`?” for `license`, at its key, and ties the missing licence to it', () => {
    const text = coin('      file: coin.jpg', '      license: CC0', '      credit: CNG')
    const issues = issuesOf(text)
    const unknown = issues.find((i) => i.code === 'unknown-field')!
    expect(unknown).toMatchObject({ path: 'entities.coin.image.license', hint: 'did you mean `licence`?' })
    expect([unknown.line, unknown.column]).toEqual(loc(text, 11, 'license'))
    const missing = issues.find((i) => i.code === 'missing-field')!
    expect(missing.hint).toBe('`license` looks like `licence` misspelt')
  })

  it('needs a file or a URL, and not both', () => {
    const neither = coin('      licence: CC0', '      credit: CNG')
    const [missing] = issuesOf(neither)
    expect(missing).toMatchObject({ code: 'missing-field', path: 'entities.coin.image.file' })
    expect(missing!.message).toBe('missing `file` (or `url`)')
    expect(missing!.hint).toContain('file: coin.jpg')
    expect(missing!.line).toBe(9)

    const both = coin(
      '      file: coin.jpg',
      '      url: https://example.org/coin.jpg',
      '      licence: CC0',
      '      credit: CNG',
    )
    const [twice] = issuesOf(both)
    expect(twice).toMatchObject({ code: 'invalid-value', path: 'entities.coin.image.url' })
    expect(twice!.message).toBe('an image is a `file` or a `url`, not both')
    expect([twice!.line, twice!.column]).toEqual(loc(both, 11, 'url'))
  })

  it('takes a plain file name beside the deck: no folder, no way out of it, a picture type', () => {
    for (const file of ['../secret.png', 'images/coin.png', '/etc/coin.png', 'coin.pdf', '.hidden.png']) {
      const text = coin(`      file: ${JSON.stringify(file)}`, '      licence: CC0', '      credit: CNG')
      const [issue, ...rest] = issuesOf(text)
      expect(rest, file).toEqual([])
      expect(issue, file).toMatchObject({ code: 'invalid-value', path: 'entities.coin.image.file', line: 10 })
      expect(issue!.expected, file).toContain('a file name beside the deck')
    }
  })

  it('warns that a picture on the web is linked, not shown, and refuses what is not a web address', () => {
    const text = coin('      url: https://example.org/coin.jpg', '      licence: CC0', '      credit: CNG')
    const result = parseDeckText(text, { file: 'deck.yaml' })
    expect(result.deck?.entities[0]!.image?.url).toBe('https://example.org/coin.jpg')
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'image-url-linked',
        path: 'entities.coin.image.url',
        line: 10,
        message: 'a picture on the web is linked, not shown',
      }),
    ])
    expect(result.issues[0]!.hint).toContain('write `file:`')
    const bad = coin('      url: coin on the web', '      licence: CC0', '      credit: CNG')
    expect(issuesOf(bad)[0]).toMatchObject({ code: 'invalid-value', path: 'entities.coin.image.url', line: 10 })
  })

  it('keeps pictures through YAML → deck → YAML', () => {
    const text = withEntities(
      '  coin:',
      '    kind: artefact',
      '    name: Half-stavraton',
      '    source: book',
      '    image: { file: coin.jpg, licence: CC BY-SA 4.0, credit: "Photo: CNG", alt: A silver coin }',
      '    caption:',
      '      text: The coin shows {{Christ Pantocrator}}.',
      '      image: { url: "https://example.org/r.png", licence: public domain, credit: The museum }',
    )
    const result = parseDeckText(text)
    const deck = result.deck!
    const again = parseDeckText(deckToYaml(deck))
    expect(again.deck).toEqual(deck)
    // What the build adds (the resized copy) is not written back into a file.
    deck.entities[0]!.image!.src = 'deck-images/coin-0123456789.webp'
    expect(deckToYaml(deck)).not.toContain('deck-images')
  })
})

describe('the caption question shows its picture', () => {
  const built = (alt?: string): Deck => {
    const deck = deckOf(
      coin(
        '      file: coin.jpg',
        '      licence: CC BY-SA 4.0',
        '      credit: "Photo: CNG"',
        ...(alt ? [`      alt: ${alt}`] : []),
      ),
    )
    // As scripts/compile-decks.ts leaves it.
    Object.assign(deck.entities[0]!.image!, { src: 'deck-images/coin-0123456789.webp', width: 480, height: 360 })
    return deck
  }

  it('carries the picture, its licence and credit on every caption question, and nothing else has one', () => {
    const questions = generateQuestions(built('A silver coin'), { seed: 3 })
    const captions = questions.filter((q) => q.relation === 'caption')
    expect(captions.length).toBeGreaterThan(0)
    for (const q of captions)
      expect(q.image, q.id).toEqual({
        src: 'deck-images/coin-0123456789.webp',
        width: 480,
        height: 360,
        alt: 'A silver coin',
        licence: 'CC BY-SA 4.0',
        credit: 'Photo: CNG',
      })
    expect(questions.filter((q) => q.relation !== 'caption' && q.image)).toEqual([])
  })

  it('never gives the answer away in the picture’s text alternative', () => {
    const questions = generateQuestions(built('The emperor and Christ Pantocrator'), { seed: 3 })
    const captions = questions.filter((q) => q.relation === 'caption')
    expect(captions.length).toBeGreaterThan(0)
    for (const q of captions) {
      expect(q.image?.alt).toBe('Picture: Half-stavraton')
      expect(normalizeAnswer(q.image!.alt)).not.toContain(normalizeAnswer(q.answer as string))
    }
  })

  it('asks each gap with exactly one right answer, against the deck and a deck that knows less', () => {
    const full = built()
    // The oracle knows less: the picture's entity without its picture and without the other facts.
    const less: Deck = { ...full, entities: full.entities.map(({ image: _, ...e }) => e) }
    for (const deck of [full, less])
      for (const seed of [1, 2, 3, 4, 5]) {
        const captions = generateQuestions(deck, { seed }).filter((q) => q.relation === 'caption')
        expect(captions.length).toBeGreaterThan(0)
        for (const q of captions) {
          const right = (q.choices ?? [q.answer as string]).filter((c) => checkTypedAnswer(q, c).correct)
          expect(right, q.id).toEqual([q.answer])
          // The other gap of the caption is shown in the sentence, never offered.
          for (const c of q.choices ?? [])
            if (c !== q.answer) expect(['Christ Pantocrator', 'emperor']).not.toContain(c)
        }
      }
  })

  it('shows no picture that the build has not made, and no path outside the app’s pictures', () => {
    const unbuilt = deckOf(coin('      file: coin.jpg', '      licence: CC0', '      credit: CNG'))
    expect(generateQuestions(unbuilt, { seed: 1 }).filter((q) => q.image)).toEqual([])
    expect(safeImagePath('deck-images/coin-0123456789.webp')).toBe('deck-images/coin-0123456789.webp')
    for (const src of ['//evil.example/x.webp', 'https://evil.example/x.webp', 'deck-images/../x.webp', 'javascript:x'])
      expect(safeImagePath(src), src).toBeUndefined()
  })
})
