// Relatives: father, mother, parents, children, spouses from the facts, and grandparents,
// grandchildren, siblings, uncles and aunts and cousins derived through parent links. Each card
// has one right option among its choices, and never offers another true relative as wrong.
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import type { Question } from '../../../src/domain/questions/types'
import { card, DeckBuilder } from './fixtures'

/**
 *                Gregory ═ Helena     Isaac ═ Irene   Manuel ═ Anna
 *              ┌────┼──────────┐          │               │
 *   (Isaac's) Maria ═ Felix   Ulric ═ Wanda (Manuel's)   Agnes
 *           ┌──┼──────┐        │
 *         Xeno Sofia Titus   Cyril
 *           ═ Yolanda
 *           │
 *         Kosmas
 * Outsiders: Basil ═ Zoe, parents of Leo, Nikephoros and Theodora. Every parent is known but
 * Yolanda's and the oldest generation's: so most wrong options can be proved wrong.
 */
function family(): DeckBuilder {
  const b = new DeckBuilder()
  b.male('gregory', 'Gregory Doukas').female('helena', 'Helena Doukaina')
  b.male('felix', 'Felix Doukas')
    .female('maria', 'Maria Komnene')
    .male('ulric', 'Ulric Doukas')
    .female('wanda', 'Wanda Angelina')
    .female('agnes', 'Agnes Doukaina')
  b.male('xeno', 'Xeno Doukas', ['Xenon Doukas'])
    .female('sofia', 'Sofia Doukaina')
    .male('titus', 'Titus Doukas')
    .male('cyril', 'Cyril Doukas')
  b.female('yolanda', 'Yolanda of Montferrat').male('kosmas', 'Kosmas Doukas')
  b.male('basil', 'Basil Lekapenos')
    .male('leo', 'Leo Phokas')
    .male('nikephoros', 'Nikephoros Bryennios')
    .female('zoe', 'Zoe Karbonopsina')
    .female('theodora', 'Theodora Phokaina')
  b.male('isaac', 'Isaac Komnenos').female('irene', 'Irene Komnene')
  b.male('manuel', 'Manuel Angelos').female('anna', 'Anna Angelina')
  for (const [id, year] of Object.entries({
    gregory: 1300,
    helena: 1302,
    felix: 1325,
    maria: 1327,
    ulric: 1328,
    wanda: 1330,
    agnes: 1331,
    xeno: 1350,
    sofia: 1352,
    titus: 1354,
    cyril: 1355,
    yolanda: 1351,
    kosmas: 1375,
    basil: 1320,
    leo: 1348,
    nikephoros: 1352,
    zoe: 1326,
    theodora: 1350,
    isaac: 1298,
    irene: 1301,
    manuel: 1299,
    anna: 1303,
  }))
    b.born(id, year)
  for (const child of ['felix', 'ulric', 'agnes'])
    b.parent(child, 'gregory', 'father').parent(child, 'helena', 'mother')
  for (const child of ['xeno', 'sofia', 'titus']) b.parent(child, 'felix', 'father').parent(child, 'maria', 'mother')
  b.parent('cyril', 'ulric', 'father').parent('cyril', 'wanda', 'mother')
  b.parent('kosmas', 'xeno', 'father').parent('kosmas', 'yolanda', 'mother')
  b.parent('maria', 'isaac', 'father').parent('maria', 'irene', 'mother')
  b.parent('wanda', 'manuel', 'father').parent('wanda', 'anna', 'mother')
  for (const child of ['leo', 'nikephoros', 'theodora'])
    b.parent(child, 'basil', 'father').parent(child, 'zoe', 'mother')
  b.spouse('gregory', 'helena').spouse('felix', 'maria').spouse('ulric', 'wanda').spouse('xeno', 'yolanda')
  return b
}

const questions = generateQuestions(family().build(), { seed: 3 })
const names = new Map(family().entities.map((e) => [e.id, e.name]))
const n = (...ids: string[]) => ids.map((id) => names.get(id) as string)

/** The one right option, and that no other option is in `truthy`. */
function expectOneRight(q: Question | undefined, right: string[], truthy: string[] = right): void {
  expect(q, 'question').toBeDefined()
  const choices = q!.choices ?? []
  expect(new Set(choices).size).toBe(choices.length)
  const rightShown = choices.filter((c) => right.includes(c))
  expect(rightShown).toEqual([q!.answer])
  expect(choices.filter((c) => truthy.includes(c) && c !== q!.answer)).toEqual([])
}

describe('relatives from the facts', () => {
  it('asks the father, offering only men who are not his parents', () => {
    const q = card(questions, 'parent.father/xeno')['multiple-choice']
    expect(q?.prompt).toBe('Who was the father of Xeno Doukas?')
    expectOneRight(q, n('felix'), n('felix', 'maria'))
    const women = new Set(n('helena', 'maria', 'wanda', 'agnes', 'sofia', 'yolanda', 'zoe', 'theodora'))
    expect(q?.choices?.some((c) => women.has(c))).toBe(false)
  })

  it('asks the mother, offering only women', () => {
    const q = card(questions, 'parent.mother/xeno')['multiple-choice']
    expectOneRight(q, n('maria'))
    const men = new Set(
      n('gregory', 'felix', 'ulric', 'xeno', 'titus', 'cyril', 'kosmas', 'basil', 'leo', 'nikephoros'),
    )
    expect(q?.choices?.some((c) => men.has(c))).toBe(false)
  })

  it('asks "a child of" with exactly one of the children among the options', () => {
    const cards = card(questions, 'child/felix')
    expect(cards['multiple-choice']?.prompt).toBe('Which of these was a child of Felix Doukas?')
    expectOneRight(cards['multiple-choice'], n('xeno', 'sofia', 'titus'))
    expect(cards.typed?.prompt).toBe('Name a child of Felix Doukas.')
    expect(cards.typed?.accept).toEqual(expect.arrayContaining(n('xeno', 'sofia', 'titus')))
    expect(cards.typed?.accept).toContain('Xenon Doukas')
  })

  it('says "son" when every child the deck gives is a son', () => {
    expect(card(questions, 'child/xeno').typed?.prompt).toBe('Name a son of Xeno Doukas.')
  })

  it('asks whom a person married typed only when no life rules anyone out', () => {
    // Nobody's death is in the deck: anyone of the time may also have married Xeno.
    expect(Object.keys(card(questions, 'spouse/xeno'))).toEqual(['true-false', 'typed'])
    expect(card(questions, 'spouse/xeno')['true-false']?.answer).toBe('True')
    expect(card(questions, 'spouse/xeno').typed?.prompt).toBe('Whom did Xeno Doukas marry?')
    expect(card(questions, 'spouse/yolanda').typed?.accept).toContain('Xeno Doukas')
  })

  it('offers as a wrong spouse only someone whose life never met the person’s', () => {
    const b = family()
    b.died('zoe', 1349).died('xeno', 1376).female('gabriela', 'Gabriela Doukaina').born('gabriela', 1377)
    for (let seed = 0; seed < 10; seed++) {
      const q = card(generateQuestions(b.build(), { seed }), 'spouse/xeno')['multiple-choice']
      expectOneRight(q, n('yolanda'))
      expect(q?.why?.map((w) => w.option).sort()).toEqual(['Gabriela Doukaina', 'Zoe Karbonopsina'])
      expect(q?.why?.find((w) => w.option === 'Zoe Karbonopsina')?.proof).toBe(
        'Zoe Karbonopsina died in 1349, before Xeno Doukas was born (in 1350)',
      )
      expect(q?.why?.find((w) => w.option === 'Gabriela Doukaina')?.proof).toBe(
        'Gabriela Doukaina was born in 1377, after Xeno Doukas died (in 1376)',
      )
    }
  })
})

describe('relatives derived through parent links', () => {
  // Multiple choice only where every wrong option is proved wrong: Yolanda's and the outsiders'
  // grandparents are unknown, so anyone may be Kosmas's or Leo's kin through them.
  const cases: Array<[key: string, prompt: string, right: string[], choice: boolean]> = [
    [
      'grandparent/xeno',
      'Which of these was a grandparent of Xeno Doukas?',
      n('gregory', 'helena', 'isaac', 'irene'),
      true,
    ],
    ['grandchild/gregory', 'Name a grandchild of Gregory Doukas.', n('xeno', 'sofia', 'titus', 'cyril'), false],
    ['sibling/xeno', 'Which of these was a sibling of Xeno Doukas?', n('sofia', 'titus'), true],
    ['uncle-aunt/xeno', 'Which of these was an uncle or aunt of Xeno Doukas?', n('ulric', 'agnes'), true],
    ['cousin/xeno', 'Name a cousin of Xeno Doukas.', n('cyril'), false],
    ['cousin/cyril', 'Name a cousin of Cyril Doukas.', n('xeno', 'sofia', 'titus'), false],
    ['grandchild/felix', 'Name a grandson of Felix Doukas.', n('kosmas'), false],
  ]
  it.each(cases)('%s', (key, prompt, right, choice) => {
    const cards = card(questions, key)
    const q = cards[choice ? 'multiple-choice' : 'typed']
    expect(q?.prompt).toBe(prompt)
    if (choice) {
      expectOneRight(q, right)
      expect(q?.why?.length).toBe((q?.choices?.length ?? 0) - 1)
      for (const w of q?.why ?? []) expect(w.proof).not.toBe('')
    } else expect(cards['multiple-choice']).toBeUndefined()
    expect(cards.typed?.accept).toEqual(expect.arrayContaining(right))
  })

  it('proves an uncle option wrong from the parents of both sides', () => {
    const q = card(questions, 'uncle-aunt/xeno')['multiple-choice'] as Question
    for (const w of q.why ?? []) expect(w.proof).toMatch(/^Xeno Doukas's father was Felix Doukas; /)
    // Leo's parents are Basil and Zoe, no parent of Felix's or Maria's.
    const leo = q.why?.find((w) => w.option === 'Leo Phokas')
    if (leo) expect(leo.proof).toContain("Leo Phokas's father was Basil Lekapenos")
  })

  it('never offers a mother’s brother whose parents are unknown as "not an uncle"', () => {
    const b = family()
    b.male('boris', 'Boris Komnenos').born('boris', 1330)
    for (let seed = 0; seed < 20; seed++) {
      const q = card(generateQuestions(b.build(), { seed }), 'uncle-aunt/xeno')['multiple-choice']
      expect(q?.choices?.length).toBeGreaterThan(2)
      expect(q?.choices).not.toContain('Boris Komnenos')
    }
  })

  it('gives a derived card the parent facts it depends on', () => {
    const q = card(questions, 'cousin/xeno').typed as Question
    expect(q.factIds).toEqual(
      expect.arrayContaining([
        'parent:xeno:felix',
        'parent:felix:gregory',
        'parent:ulric:gregory',
        'parent:cyril:ulric',
      ]),
    )
    expect(q.factIds).not.toContain('spouse:xeno:yolanda')
  })

  it('never offers a relative the disputed links could make true, and does not ask them as settled', () => {
    // Sources disagree whether Leo or Basil was Titus's father.
    const b = family()
    for (const id of ['parent:titus:felix', 'parent:titus:maria'])
      b.facts.splice(
        b.facts.findIndex((f) => f.id === id),
        1,
      )
    b.parent('titus', 'leo', 'father', ['felix'])
    const qs = generateQuestions(b.build(), { seed: 3 })
    const father = card(qs, 'parent.father/titus')
    expect(Object.keys(father)).toEqual(['typed'])
    expect(father.typed?.accept).toEqual(expect.arrayContaining(n('leo', 'felix')))
    expect(father.typed?.dispute).toMatch(/Sources differ: Leo Phokas \(Source one\) · Felix Doukas \(Source two\)/)
    // Titus is no settled sibling of Xeno, but may be one: never a wrong option for "a sibling of Xeno".
    for (let seed = 0; seed < 20; seed++) {
      const q = card(generateQuestions(b.build(), { seed }), 'sibling/xeno')['multiple-choice']
      expect(q?.answer).toBe('Sofia Doukaina')
      expect(q?.choices).not.toContain('Titus Doukas')
    }
  })

  it('matches four relatives to their relation, each related in one way only', () => {
    const q = card(questions, 'match.kin/xeno').matching as Question
    expect(q.prompt).toBe('Match each person to their relation to Xeno Doukas.')
    expect(q.answer).toEqual([
      'Felix Doukas → father',
      'Maria Komnene → mother',
      'Yolanda of Montferrat → wife',
      'Kosmas Doukas → son',
    ])
    expect(q.pairs?.left.slice().sort()).toEqual(n('felix', 'maria', 'yolanda', 'kosmas').sort())
    expect(q.pairs?.right.slice().sort()).toEqual(['father', 'mother', 'son', 'wife'])
  })
})
