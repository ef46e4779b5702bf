// CSV/TSV as Quizlet and Anki export them become basic (and cloze) cards; broken files get errors
// with their line and column and no deck.
import { describe, expect, it } from 'vitest'
import { importCsv } from '../../../src/domain/import/csv'
import type { HandCard } from '../../../src/domain/deck/types'

function basics(cards: HandCard[] | undefined): Array<[string, string]> {
  return (cards ?? []).map((card) => (card.type === 'basic' ? [card.front, card.back] : [card.type, '']))
}

describe('importCsv', () => {
  it('reads a Quizlet tab export (no quoting, quotes and commas kept as text)', () => {
    const text = 'Stavraton\tA Byzantine silver coin, "heavy"\nHyperpyron\tGold coin\n'
    const result = importCsv(text, { file: 'Byzantine coins.txt' })
    expect(result.issues).toEqual([])
    expect(result.deck?.id).toBe('byzantine-coins')
    expect(result.deck?.title).toBe('Byzantine coins')
    expect(basics(result.deck?.cards)).toEqual([
      ['Stavraton', 'A Byzantine silver coin, "heavy"'],
      ['Hyperpyron', 'Gold coin'],
    ])
    expect(result.notices.map((n) => n.code)).toContain('separator-detected')
  })

  it('reads RFC 4180 comma CSV with quoted separators, doubled quotes and line breaks', () => {
    const text =
      'term,definition\r\n"Constantinople","Capital, on the Bosporus"\r\n"Manuel ""the Elder""","Line one\r\nLine two"\r\nNicaea,Council city\r\n'
    const result = importCsv(text, { file: 'cities.csv' })
    expect(result.issues).toEqual([])
    expect(basics(result.deck?.cards)).toEqual([
      ['Constantinople', 'Capital, on the Bosporus'],
      ['Manuel "the Elder"', 'Line one\nLine two'],
      ['Nicaea', 'Council city'],
    ])
    expect(result.notices.map((n) => n.code)).toContain('header-row-skipped')
  })

  it('prefers semicolons when commas appear inside the definitions', () => {
    const text = 'Mistra;Despotate capital, in the Peloponnese\nThessalonica;Second city, ruled by John VII\n'
    const result = importCsv(text, { file: 'places.csv' })
    expect(basics(result.deck?.cards)).toEqual([
      ['Mistra', 'Despotate capital, in the Peloponnese'],
      ['Thessalonica', 'Second city, ruled by John VII'],
    ])
  })

  it('honours Anki header lines: separator, html, columns, tags column, deck', () => {
    const text = [
      '#separator:Pipe',
      '#html:true',
      '#columns:Front|Back|Tags',
      '#tags column:3',
      '#deck:History::Byzantium',
      'John <b>VII</b>|Born c.&nbsp;1370<br>in Constantinople|byzantium emperors',
      '"A | B"|&lt;script&gt;alert(1)&lt;/script&gt;<img src="x.png">|',
      '{{c1::Manuel II}} was his uncle|Back extra|',
    ].join('\n')
    const result = importCsv(text, { file: 'anki.txt' })
    expect(result.issues).toEqual([])
    expect(result.deck?.title).toBe('History::Byzantium')
    expect(result.deck?.id).toBe('history-byzantium')
    expect(
      result.deck?.cards.map((c) => (c.type === 'basic' ? [c.front, c.back] : c.type === 'cloze' ? c.text : '')),
    ).toEqual([
      ['John VII', 'Born c. 1370\nin Constantinople'],
      ['A | B', '<script>alert(1)</script>'],
      '{{Manuel II}} was his uncle',
    ])
    const codes = result.notices.map((n) => n.code)
    expect(codes).toEqual(expect.arrayContaining(['html-removed', 'media-skipped', 'back-extra-ignored']))
    expect(codes).not.toContain('separator-detected')
  })

  it('accepts a literal separator character and Anki cloze hints', () => {
    const text = '#separator:=\n{{c1::Gallipoli::a town}} was taken in 1354=\nKey=Value\n'
    const result = importCsv(text, { file: 'x.txt' })
    expect(result.issues).toEqual([])
    expect(result.deck?.cards.map((c) => (c.type === 'cloze' ? c.text : c.type === 'basic' ? c.front : ''))).toEqual([
      '{{Gallipoli}} was taken in 1354',
      'Key',
    ])
  })

  it('gives the same term twice distinct ids and drops exact duplicates with a notice', () => {
    const result = importCsv('bank\triver side\nbank\tmoney house\nbank\triver side\n', { file: 'words.tsv' })
    const ids = result.deck?.cards.map((c) => c.id) ?? []
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
    expect(ids.every((id) => /^card-[0-9a-f]{16}$/.test(id))).toBe(true)
    expect(result.notices.map((n) => n.code)).toContain('duplicates-skipped')
  })

  it('derives a valid deck id from any file name', () => {
    expect(importCsv('a\t1\n', { file: 'Ἱστορία — Été.csv' }).deck?.id).toBe('ete')
    expect(importCsv('a\t1\n', { file: '———.csv' }).deck?.id).toBe('imported-deck')
    expect(importCsv('a\t1\n', { file: `${'long name '.repeat(20)}.csv` }).deck?.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('keeps card ids stable when lines are reordered', () => {
    const a = importCsv('a\t1\nb\t2\n', { file: 'x.csv' }).deck?.cards ?? []
    const b = importCsv('b\t2\na\t1\n', { file: 'x.csv' }).deck?.cards ?? []
    expect(new Set(a.map((c) => c.id))).toEqual(new Set(b.map((c) => c.id)))
  })
})

describe('importCsv errors', () => {
  it('reports an unclosed quote where it opens, and returns no deck', () => {
    const result = importCsv('a,b\n"c,d\ne,f\n', { file: 'broken.csv' })
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([
      { severity: 'error', code: 'csv-unclosed-quote', file: 'broken.csv', line: 2, column: 1 },
    ])
  })

  it('reports text after a closing quote at its column, and the other bad lines too', () => {
    const result = importCsv('a,b\nc,"d"x\nterm only\n"e",f\n"unclosed,g\n', { file: 'broken.csv' })
    expect(result.deck).toBeUndefined()
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['csv-text-after-quote', 2, 6],
      ['csv-missing-definition', 3, 1],
      ['csv-unclosed-quote', 5, 1],
    ])
  })

  it('reports every bad line: missing definition, empty term, stray separator', () => {
    const text = 'a,1\nb,2\nonly a term\n,no term\nc,3,extra\nd,4\n'
    const result = importCsv(text, { file: 'bad.csv' })
    expect(result.deck).toBeUndefined()
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([
      ['csv-missing-definition', 3],
      ['csv-empty-term', 4],
      ['csv-extra-columns', 5],
    ])
    expect(result.issues[2]?.column).toBe(5)
    expect(result.issues[2]?.message).toContain('most lines have 2')
  })

  it('counts line numbers after Anki header lines and inside quoted line breaks', () => {
    const text = '#separator:tab\n#html:false\n"multi\nline"\tok\nterm only\n'
    const result = importCsv(text, { file: 'anki.txt' })
    expect(result.issues).toMatchObject([{ code: 'csv-missing-definition', line: 5, column: 1 }])
  })

  it('refuses an unknown separator name in the header', () => {
    const result = importCsv('#separator:Dollars\na$b\n', { file: 'x.txt' })
    expect(result.issues).toMatchObject([{ code: 'csv-bad-separator', line: 1 }])
  })

  it('refuses a file with no cards', () => {
    expect(importCsv('\n\n', { file: 'empty.csv' }).issues).toMatchObject([{ code: 'csv-empty' }])
  })
})

describe('deck titles from file names', () => {
  it('humanizes a file name into a title, and keeps a title already written as one', async () => {
    const { titleFromFileName } = await import('../../../src/domain/import/text')
    expect(titleFromFileName('exports/greek_vocab-list.csv')).toBe('Greek vocab list')
    expect(titleFromFileName('Byzantine coins.csv')).toBe('Byzantine coins')
    expect(titleFromFileName('AP-History__unit 3.tsv')).toBe('AP History unit 3')
    const result = importCsv('polis\tcity\n', { file: 'greek_words.tsv' })
    expect(result.deck?.title).toBe('Greek words')
    // The id still comes from the file name as before, so re-importing the file finds its progress.
    expect(result.deck?.id).toBe('greek-words')
  })
})
