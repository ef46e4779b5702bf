// The built-in deck (content/john-vii-palaiologos.yaml) yields questions about every fact of the
// infobox source, in every generated kind, with the disputed facts never asked as settled.
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { builtInDeck, byId, card } from './fixtures'

const deck = builtInDeck()
const questions = generateQuestions(deck, { seed: 1 })
const D = 'john-vii-palaiologos'

describe('the built-in deck', () => {
  // Each line of the infobox (/work/shared/sources/john-vii-palaiologos.infobox.txt) and the cards that ask it.
  const infobox: Record<string, string[]> = {
    'title Emperor and Autocrat of the Romans': ['title/john-vii'],
    'Byzantine emperor, reign 14 April – 17 September 1390': [
      'tenure.start/john-vii/byzantine-emperor/1390',
      'tenure.end/john-vii/byzantine-emperor/1390',
      'tenure.length/john-vii/byzantine-emperor/1390',
      'tenure.holder/john-vii/byzantine-emperor/1390',
    ],
    'predecessor John V': ['tenure.predecessor/john-vii/byzantine-emperor/1390'],
    'successor John V': ['tenure.successor/john-vii/byzantine-emperor/1390'],
    'proclamation 1377 (as co-emperor)': ['event/john-vii/proclaimed-co-emperor'],
    'emperor in Thessalonica 1403 – 22 September 1408': [
      'tenure.start/john-vii/despot-of-thessalonica/1403',
      'tenure.end/john-vii/despot-of-thessalonica/1403',
      'tenure.length/john-vii/despot-of-thessalonica/1403',
      'tenure.holder/john-vii/despot-of-thessalonica/1403',
    ],
    'successor Andronikos Palaiologos (as Despot)': ['tenure.successor/john-vii/despot-of-thessalonica/1403'],
    'co-emperor Andronikos V (1403–1407)': ['tenure.coRuler/john-vii/despot-of-thessalonica/1403'],
    'vacant, last held by Manuel II (1387)': ['tenure.lastHeld/john-vii/despot-of-thessalonica/1403'],
    'born 1370': ['born/john-vii'],
    'died 22 September 1408': ['died/john-vii'],
    'aged 38': ['ageAtDeath/john-vii'],
    'died at Thessalonica': ['diedAt/john-vii'],
    'spouse Irene Gattilusio': ['spouse/john-vii'],
    'issue Andronikos V': ['child/john-vii'],
    'dynasty Palaiologos': ['dynasty/john-vii'],
    'father Andronikos IV': ['parent.father/john-vii'],
    'mother Keratsa of Bulgaria': ['parent.mother/john-vii'],
    'caption: portrait (Zonaras)': [
      'text.caption/portrait-of-john-vii/extracts-of-history',
      'text.caption/portrait-of-john-vii/joannes-zonaras',
    ],
    'caption: three portraits (Zonaras codex)': ['text.caption/portraits-zonaras-codex/andronikos-iv'],
    'caption: 1422 map': [
      'text.caption/map-of-constantinople/1422',
      'text.caption/map-of-constantinople/cristoforo-buondelmonti',
    ],
    'caption: three portraits (Paris codex)': ['text.caption/portraits-paris-codex/john-viii'],
    'caption: half-stavraton coin': ['text.caption/half-stavraton-coin/christ-pantocrator'],
  }

  it.each(Object.entries(infobox))('asks about the infobox fact "%s"', (_fact, keys) => {
    for (const key of keys) expect(Object.keys(card(questions, key)), key).not.toHaveLength(0)
  })

  it('uses every generated kind', () => {
    const kinds = new Set(questions.map((q) => q.kind))
    for (const kind of ['multiple-choice', 'true-false', 'typed', 'date', 'ordering', 'matching'])
      expect(kinds).toContain(kind)
  })

  it('asks who succeeded John VII in 1390, with John V the only right answer', () => {
    const asked = card(questions, 'tenure.successor/john-vii/byzantine-emperor/1390')
    expect(asked.typed?.prompt).toBe('Who succeeded John VII Palaiologos as Byzantine emperor in 1390?')
    expect(asked.typed?.answer).toBe('John V Palaiologos')
    // Only Manuel II is a plausible wrong successor (alive, an emperor): too few for a choice.
    expect(asked['multiple-choice']).toBeUndefined()
    expect(asked['true-false']?.prompt).toMatch(
      /^(John V|Manuel II) Palaiologos succeeded John VII Palaiologos as Byzantine emperor in 1390\.$/,
    )
  })

  it('offers as a wrong predecessor or successor only people who held an office or title in the deck', () => {
    const rulers = new Set(['John V', 'Andronikos IV', 'John VII', 'Manuel II', 'John VIII', 'Andronikos Palaiologos'])
    const isRuler = (name: string) => [...rulers].some((r) => name.startsWith(r))
    const offered = questions.filter(
      (q) => (q.relation === 'predecessor' || q.relation === 'successor') && q.kind === 'multiple-choice',
    )
    expect(offered.length).toBeGreaterThan(3)
    for (const q of offered) for (const c of q.choices ?? []) expect(isRuler(c), `${q.id}: ${c}`).toBe(true)
    const statements = questions.filter(
      (q) => (q.relation === 'predecessor' || q.relation === 'successor') && q.kind === 'true-false',
    )
    for (const q of statements.filter((x) => x.answer === 'False'))
      expect(q.prompt, q.id).not.toMatch(/Ivan Alexander|Constantine XI|Andronikos V\b/)
  })

  it('never offers a relative two generations away from the one asked about', () => {
    // Generations below John VII, read off the deck's family by hand.
    const generation = new Map([
      ['Ivan Alexander of Bulgaria', -2],
      ['John V Palaiologos', -2],
      ['Andronikos III Palaiologos', -3],
      ['Andronikos IV Palaiologos', -1],
      ['Manuel II Palaiologos', -1],
      ['John VII Palaiologos', 0],
      ['Constantine XI', 0],
      ['John VIII Palaiologos', 0],
      ['Andronikos V Palaiologos', 1],
    ])
    const asks: [string, number][] = [
      [`${D}/parent.father/john-vii/multiple-choice`, -1],
      [`${D}/parent.father/andronikos-v/multiple-choice`, 0],
      [`${D}/parent.father/john-viii/multiple-choice`, -1],
    ]
    for (const seed of [1, 2, 3, 4, 5]) {
      const qs = generateQuestions(deck, { seed })
      for (const [id, wanted] of asks) {
        const q = qs.find((x) => x.id === id)
        for (const c of q?.choices ?? []) {
          const g = generation.get(c)
          if (g !== undefined) expect(Math.abs(g - wanted), `${id}: ${c}`).toBeLessThanOrEqual(1)
        }
      }
    }
  })

  it('explains the 1390 predecessor the way a teacher would', () => {
    const q = card(questions, 'tenure.predecessor/john-vii/byzantine-emperor/1390').typed as Question
    expect(q.explanation).toMatch(
      /^John V Palaiologos preceded John VII Palaiologos as Byzantine emperor, and took the throne back on 17 September 1390\./,
    )
    expect(q.sources.map((s) => s.id)).toEqual(['infobox', 'w-j7'])
  })

  it('never asks the disputed birth as settled: only a date question accepting every side, with the dispute', () => {
    const born = card(questions, 'born/john-vii')
    expect(Object.keys(born)).toEqual(['date'])
    expect(born.date?.date).toEqual({ precision: 'year', accept: [{ year: 1370 }, { year: 1366 }] })
    // One short line with the sources' short names, then their full titles.
    expect(born.date?.dispute).toMatch(
      /^Sources differ: 1370 \(infobox\) · c\. 1370 or c\. 1366 \(other encyclopedias\)\n1370: Infobox of the article "John VII Palaiologos"/,
    )
  })

  it('accepts Thessalonica or Mount Athos, and 1408 to 1410, for the disputed death', () => {
    const place = card(questions, 'diedAt/john-vii')
    expect(Object.keys(place)).toEqual(['typed'])
    expect(place.typed?.accept).toEqual(['Thessalonica', 'Mount Athos'])
    expect(place.typed?.dispute).toContain('Mount Athos')
    expect(card(questions, 'died/john-vii').date?.date?.accept).toEqual([
      { year: 1408 },
      { year: 1409 },
      { year: 1410 },
    ])
  })

  it('uses the stated age at death (38), not one computed from the dates', () => {
    const age = card(questions, 'ageAtDeath/john-vii')
    expect(age['multiple-choice']?.answer).toBe('38 years')
    expect(age.typed?.accept).toEqual(['38'])
    expect(age['multiple-choice']?.prompt).toBe('How old was John VII Palaiologos when he died?')
  })

  it('computes an age from disputed dates as a range accepted when typed', () => {
    const age = card(questions, 'ageAtDeath/andronikos-iv')
    expect(Object.keys(age)).toEqual(['typed'])
    expect(age.typed?.accept).toEqual(['36', '37'])
  })

  it('asks captions as cloze on their {{…}} marks', () => {
    const q = card(questions, 'text.caption/half-stavraton-coin/christ-pantocrator').typed as Question
    expect(q.prompt).toBe(
      'Complete the caption of the picture “Half-stavraton coin of John VII”: “Half-stavraton coin of John VII. The coin features a bust of the emperor (right) and _____ (left).”',
    )
    expect(q.answer).toBe('Christ Pantocrator')
    expect(q.explanation).not.toContain('{{')
  })

  it('gives every question sources and an explanation', () => {
    for (const q of questions) {
      expect(q.sources.length, q.id).toBeGreaterThan(0)
      expect(q.explanation.length, q.id).toBeGreaterThan(0)
      expect(q.id.startsWith(`${D}/`)).toBe(true)
      expect(q.id).toBe(`${q.cardId}/${q.kind}`)
    }
  })

  it('gives each question a unique id', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length)
  })

  it('names the tenure when an office was held more than once', () => {
    expect(byId(questions, 'tenure.start/john-v/byzantine-emperor/1379/date')?.prompt).toBe(
      'When did John V Palaiologos become Byzantine emperor for the second time?',
    )
    expect(byId(questions, 'tenure.end/john-v/byzantine-emperor/1390/date')?.prompt).toBe(
      'When did the third reign of John V Palaiologos as Byzantine emperor end?',
    )
  })
})
