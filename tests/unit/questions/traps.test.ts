// Decks written around the traps a generator falls into (tests/fixtures/decks/traps/): several
// spouses, three people sharing a first name, a person both predecessor and successor of
// another, a successor who began years after the predecessor's end, BC and AD dates, and a
// man whose parents are unknown. Each is read through the real parser, and its questions are
// checked over several seeds.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeckTextOrThrow } from '../../../src/domain/deck/parse'
import type { Deck } from '../../../src/domain/deck/types'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { card, ROOT } from './fixtures'

const TRAPS = join(ROOT, 'tests', 'fixtures', 'decks', 'traps')
const load = (name: string): Deck => {
  const file = join(TRAPS, `${name}.yaml`)
  return parseDeckTextOrThrow(readFileSync(file, 'utf8'), { file })
}
const SEEDS = [1, 2, 3, 4, 5]
const all = (deck: Deck): Question[] => SEEDS.flatMap((seed) => generateQuestions(deck, { seed }))
const wrong = (q: Question): string[] =>
  q.kind === 'true-false'
    ? q.answer === 'False'
      ? (q.why ?? []).map((w) => w.option)
      : []
    : (q.choices ?? []).filter((c) => c !== q.answer)

const NAMES = [
  'several-spouses',
  'shared-first-name',
  'predecessor-and-successor',
  'successor-after-end',
  'bc-ad',
  'sibling-unknown-parents',
]

describe.each(NAMES)('the %s deck', (name) => {
  const questions = all(load(name))
  it('has one right option per choice question, and a proof for every wrong one', () => {
    expect(questions.length).toBeGreaterThan(50)
    for (const q of questions) {
      if (q.kind !== 'multiple-choice' && q.kind !== 'true-false') continue
      if (q.kind === 'multiple-choice') {
        expect(
          q.choices?.filter((c) => c === q.answer),
          q.id,
        ).toHaveLength(1)
        expect(new Set(q.choices).size, q.id).toBe(q.choices?.length)
      }
      const proofs = new Map((q.why ?? []).map((w) => [w.option, w.proof]))
      for (const option of wrong(q)) {
        expect(proofs.get(option), `${q.id}: ${option}`).toMatch(/\w{3}/)
        expect(proofs.get(option), `${q.id}: ${option}`).not.toMatch(/undefined|NaN|Infinity/)
      }
    }
  })
})

describe('traps', () => {
  it('never offers one of several wives as "not his wife"', () => {
    const questions = all(load('several-spouses'))
    const wives = ['Catherine of Aragon', 'Anne Boleyn', 'Jane Seymour']
    for (const q of questions.filter((q) => q.cardId.endsWith('/spouse/henry-viii')))
      for (const option of wrong(q)) expect(wives).not.toContain(option)
    const typed = card(questions, 'spouse/henry-viii').typed
    expect(typed?.accept).toEqual(expect.arrayContaining(wives))
    // Henry's mother and his children are not his wives' rivals either: each wife's husband is Henry.
    for (const q of questions.filter((q) => q.relation === 'spouse' && q.kind === 'multiple-choice'))
      expect(q.choices).not.toContain('Margaret Beaufort')
  })

  it('tells three Helenas apart: full names in every proof, and none offered as a mother born after the child', () => {
    const questions = all(load('shared-first-name'))
    for (const q of questions)
      for (const w of q.why ?? []) expect(w.proof, q.id).not.toMatch(/\bHelena(?! (Kantakouzene|Dragaš|Palaiologina))/)
    // Helena Dragaš (c. 1372) and Helena Palaiologina (1428) were born after Manuel II (1350).
    for (const q of questions.filter((q) => q.cardId.endsWith('/parent.mother/manuel-ii')))
      expect(wrong(q).filter((o) => o.startsWith('Helena'))).toEqual([])
    const thomas = card(questions, 'parent.mother/thomas')
    expect(thomas.typed?.answer).toBe('Helena Dragaš')
  })

  it('asks who came before and after John VII once each, and names the reign of John V that ends or begins in 1390', () => {
    const questions = all(load('predecessor-and-successor'))
    const successor = card(questions, 'tenure.successor/john-vii/byzantine-emperor/1390')
    expect(successor.typed?.answer).toBe('John V Palaiologos')
    for (const q of questions.filter(
      (q) => q.subjectId === 'john-vii' && /predecessor|successor/.test(q.relation ?? ''),
    ))
      expect(wrong(q)).not.toContain('John V Palaiologos')
    const johnV = questions.filter((q) => q.subjectId === 'john-v' && /predecessor|successor/.test(q.relation ?? ''))
    for (const q of johnV) expect(q.prompt, q.id).not.toMatch(/ in 1390\?/)
    expect(card(questions, 'tenure.successor/john-v/byzantine-emperor/1379').typed?.prompt).toBe(
      'Who succeeded John V Palaiologos as Byzantine emperor at the end of his second reign (1379–1390)?',
    )
    expect(card(questions, 'tenure.predecessor/john-v/byzantine-emperor/1390').typed?.prompt).toBe(
      'Who preceded John V Palaiologos as Byzantine emperor at the start of his third reign (1390–1391)?',
    )
  })

  it('dates a succession by the successor’s start, not the predecessor’s end', () => {
    const questions = all(load('successor-after-end'))
    const q = card(questions, 'tenure.successor/elizabeth-of-york/queen-consort/1486').typed as Question
    expect(q.prompt).toBe('Who succeeded Elizabeth of York as Queen consort of England in 1509?')
    expect(q.explanation).toBe(
      'Catherine of Aragon succeeded Elizabeth of York as Queen consort of England on 11 June 1509.',
    )
    for (const x of questions) expect(`${x.prompt} ${x.explanation}`).not.toMatch(/succeeded[^.]*1503/)
  })

  it('counts lives across 1 BC and AD 1', () => {
    const questions = all(load('bc-ad'))
    expect(card(questions, 'ageAtDeath/augustus').typed?.answer).toBe('75 years')
    // Julius Caesar died in 44 BC, before Tiberius was born (42 BC): never a possible father, but
    // no wrong option either for a question whose answer was born decades later.
    for (const q of questions.filter((q) => q.relation === 'spouse'))
      for (const w of q.why ?? []) expect(w.proof).toMatch(/ (died|was born) .*(BC|\d)/)
    const born = card(questions, 'born/augustus')['multiple-choice'] as Question
    for (const c of born.choices ?? []) expect(c).toMatch(/ BC$/)
  })

  it('never offers a man whose parents are unknown as not a brother, uncle or cousin', () => {
    const questions = all(load('sibling-unknown-parents'))
    const kin = questions.filter((q) => /sibling|uncle-aunt|cousin|child|grandchild|grandparent/.test(q.relation ?? ''))
    expect(kin.some((q) => q.kind === 'multiple-choice')).toBe(true)
    for (const q of kin)
      for (const option of wrong(q))
        expect(['Boris Komnenos', 'Basil Lekapenos', 'Nikephoros Bryennios']).not.toContain(option)
    // Cyril's mother is unknown: she may be Maria, so he is no "not a brother" of Xeno either.
    for (const q of questions.filter((q) => q.cardId.endsWith('/sibling/xeno')))
      expect(wrong(q)).not.toContain('Cyril Doukas')
    // Leo's parents are Isaac and Irene, not Felix or Maria: the one provable wrong brother.
    for (const q of questions.filter((q) => q.cardId.endsWith('/sibling/xeno')))
      for (const option of wrong(q)) expect(option).toBe('Leo Komnenos')
  })
})
