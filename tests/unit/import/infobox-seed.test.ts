// The built-in deck was written by hand from ../shared/sources/john-vii-palaiologos.infobox.txt.
// Pasting that same text must give the same facts: every fact the built-in deck cites to the
// infobox, compared one by one, and nothing else. Entity ids differ (the import makes them from
// names), so facts are compared by the names they link; notes and the other sources' disputes
// are the hand-written deck's own additions and are left out of the comparison.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import type { Deck, Fact, Succession } from '../../../src/domain/deck/types'
import { importInfoboxText } from '../../../src/domain/import/infobox'
import { stripCloze } from '../../../src/domain/text/format'

const root = join(import.meta.dirname, '..', '..', '..')
const seed = readFileSync(join(root, 'tests', 'fixtures', 'sources', 'john-vii-palaiologos.infobox.txt'), 'utf8')
const builtIn = parseDeckText(readFileSync(join(root, 'content', 'john-vii-palaiologos.yaml'), 'utf8')).deck as Deck

/**
 * Built-in facts that cite the infobox together with another article, which gives what the infobox
 * does not: John V's third reign (the infobox names him only as John VII's successor; its end and
 * his successor come from the article on John V) and Manuel II's tenure in Thessalonica (the
 * infobox gives only the year it ended, which the import keeps as "Title last held by … (1387)"),
 * and the proclamation of 1377, which the article on John VII calls "possible" (so the deck gives
 * the year with doubt, "1377?", where the pasted infobox has a plain 1377).
 */
const COMBINED_WITH_OTHER_ARTICLES = [
  'tenure:john-v:byzantine-emperor:1390',
  'tenure:manuel-ii:despot-of-thessalonica:1382',
]
const PROCLAMATION = 'event:john-vii:proclaimed-co-emperor'

function describeFact(deck: Deck, fact: Fact): string {
  const name = (id: string) => deck.entities.find((e) => e.id === id)?.name ?? `?${id}`
  const succession = (s: Succession | undefined) =>
    s === undefined
      ? '-'
      : 'who' in s
        ? `${name(s.who)}${s.as ? ` as ${s.as}` : ''}`
        : `vacant (${s.vacant}), last held by ${s.lastHeldBy ? name(s.lastHeldBy) : '-'} in ${s.lastHeld?.text ?? '-'}`
  const about = deck.entities.find((e) => e.id === fact.subject)?.kind === 'artefact' ? 'a picture' : name(fact.subject)
  switch (fact.type) {
    case 'date':
      return `${about}: ${fact.key}${fact.label ? ` "${fact.label}"` : ''} ${fact.value.text}`
    case 'place':
      return `${about}: ${fact.key} ${name(fact.value)}`
    case 'relation':
      return `${about}: ${fact.key}${fact.role ? ` (${fact.role})` : ''} ${name(fact.value)}`
    case 'number':
      return `${about}: ${fact.key} ${fact.value}`
    case 'text':
      return `${about}: ${fact.key} "${stripCloze(fact.value)}"`
    case 'tenure': {
      const t = fact.value
      const co = t.coRulers.map((c) => `${name(c.who)} ${c.start?.text ?? ''}–${c.end?.text ?? ''}`).join(', ')
      return `${about}: ${name(t.office)} ${t.start?.text ?? ''} to ${t.end?.text ?? ''}; after ${succession(t.predecessor)}; before ${succession(t.successor)}; with ${co || '-'}`
    }
  }
}

const infoboxFacts = builtIn.facts.filter(
  (f) => f.sources.includes('infobox') && !COMBINED_WITH_OTHER_ARTICLES.includes(f.id) && f.id !== PROCLAMATION,
)
const imported = importInfoboxText(seed, {
  file: 'john-vii-palaiologos.infobox.txt',
  url: 'https://en.wikipedia.org/wiki/John_VII_Palaiologos',
})
const deck = imported.deck as Deck
const importedFacts = new Set(deck.facts.map((f) => describeFact(deck, f)))

describe('the seed infobox pasted as text', () => {
  it('is a valid deck, with every line of the seed used', () => {
    expect(imported.issues).toEqual([])
    expect(imported.skipped).toEqual([])
  })

  it('keeps the two facts the hand-written deck combines with other articles out of the comparison on purpose', () => {
    for (const id of COMBINED_WITH_OTHER_ARTICLES) {
      const fact = builtIn.facts.find((f) => f.id === id)
      expect(fact?.sources).toContain('infobox')
      expect(fact?.sources.length).toBeGreaterThan(1)
    }
  })

  it.each(infoboxFacts.map((f) => [describeFact(builtIn, f)]))('gives the built-in fact  %s', (statement) => {
    expect(importedFacts).toContain(statement)
  })

  it('gives the proclamation of 1377 as the infobox writes it, which the built-in deck marks as doubtful', () => {
    const proclamation = builtIn.facts.find((f) => f.id === PROCLAMATION)
    expect(proclamation?.sources).toEqual(['infobox', 'w-j7'])
    const statement = describeFact(builtIn, proclamation as Fact)
    expect(statement).toBe('John VII Palaiologos: event "was proclaimed co-emperor" 1377?')
    expect(importedFacts).toContain(statement.replace(/\?$/, ''))
  })

  it('gives no fact the built-in deck does not have', () => {
    const expected = new Set(infoboxFacts.map((f) => describeFact(builtIn, f)))
    const proclamation = describeFact(builtIn, builtIn.facts.find((f) => f.id === PROCLAMATION) as Fact)
    expected.add(proclamation.replace(/\?$/, ''))
    expect([...importedFacts].filter((f) => !expected.has(f))).toEqual([])
    expect(deck.facts.length).toBe(infoboxFacts.length + 1)
  })

  it('cites the article, with its address, for every fact', () => {
    expect(deck.sources).toEqual([
      {
        id: 'infobox',
        title: 'Infobox of the Wikipedia article "John VII Palaiologos"',
        url: 'https://en.wikipedia.org/wiki/John_VII_Palaiologos',
      },
    ])
    for (const fact of deck.facts) expect(fact.sources).toEqual(['infobox'])
  })

  it('names the offices, the dynasty and the title as the infobox does, with its other names as aliases', () => {
    const entity = (name: string) => deck.entities.find((e) => e.name === name)
    expect(entity('Despot of Thessalonica')?.aliases).toEqual([
      'Byzantine emperor in Thessalonica',
      'Emperor of All Thessaly',
    ])
    expect(entity('Palaiologos')?.kind).toBe('dynasty')
    expect(entity('Palaiologos')?.aliases).toEqual(['Palaiologos dynasty'])
    expect(entity('Emperor and Autocrat of the Romans')?.kind).toBe('title')
    expect(entity('John VII Palaiologos')?.gender).toBe('male')
  })
})
