// Golden wording: each rule of English and of fairness the generator follows, on small decks a
// teacher would write, read as a teacher reads them.
import { describe, expect, it } from 'vitest'
import { generateQuestions } from '../../../src/domain/questions/generate'
import { askAboutLabel, doubledWord, fill, placePreposition } from '../../../src/domain/questions/prompts'
import type { Question } from '../../../src/domain/questions/types'
import { builtInDeck, card, DeckBuilder } from './fixtures'

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]
const all = (deck: ReturnType<DeckBuilder['build']>): Question[] =>
  SEEDS.flatMap((seed) => generateQuestions(deck, { seed }))
const texts = (q: Question): string[] => [
  q.prompt,
  q.explanation,
  ...(q.choices ?? []),
  ...(q.items ?? []),
  ...(typeof q.answer === 'string' ? [q.answer] : q.answer),
]

describe('places', () => {
  const deck = new DeckBuilder()
    .male('a', 'Basil')
    .female('b', 'Irene')
    .male('c', 'Leo')
    .male('d', 'Nikephoros')
    .entity('athos', 'place', 'Mount Athos')
    .entity('lemnos', 'place', 'Lemnos', { description: 'Island in the northern Aegean' })
    .entity('tower', 'place', 'Tower of London')
    .entity('thess', 'place', 'Thessalonica')
    .place('diedAt', 'a', 'athos')
    .place('diedAt', 'b', 'lemnos')
    .place('diedAt', 'c', 'tower')
    .place('diedAt', 'd', 'thess')
    .build()
  const qs = all(deck)

  it('says "on" before mountains and islands, "in the" before a building of somewhere', () => {
    expect(card(qs, 'diedAt/a').typed?.explanation).toBe('Basil died on Mount Athos.')
    expect(card(qs, 'diedAt/b').typed?.explanation).toBe('Irene died on Lemnos.')
    expect(card(qs, 'diedAt/c').typed?.explanation).toBe('Leo died in the Tower of London.')
    expect(card(qs, 'diedAt/d').typed?.explanation).toBe('Nikephoros died in Thessalonica.')
    const statements = new Set(qs.filter((q) => q.kind === 'true-false').map((q) => q.prompt))
    for (const s of statements) {
      expect(s).not.toMatch(/\bin (Mount Athos|Lemnos|Tower of London)\b/)
      expect(s).not.toMatch(/\bon Thessalonica\b/)
    }
    expect([...statements].some((s) => /on Lemnos\.$/.test(s))).toBe(true)
    expect([...statements].some((s) => /in the Tower of London\.$/.test(s))).toBe(true)
  })

  it("reads the built-in deck's Lemnos with the sources' own \"on\", in the answer and in every wrong option's proof", () => {
    const qs = generateQuestions(builtInDeck(), { seed: 1 })
    const lemnos = builtInDeck().entities.find((e) => e.id === 'lemnos')
    expect(lemnos?.preposition).toBe('on')
    expect(lemnos?.description).toBeUndefined()
    const asked = card(qs, 'diedAt/irene-gattilusio')
    expect(asked.typed?.explanation).toBe('Irene Gattilusio died on Lemnos.')
    const proofs = asked['multiple-choice']?.why ?? []
    expect(proofs.length).toBeGreaterThan(0)
    for (const { proof } of proofs) expect(proof).toBe('Irene Gattilusio died on Lemnos')
  })

  it('lets `preposition` decide over the name and the description', () => {
    const deck = new DeckBuilder()
      .male('a', 'Basil')
      .male('b', 'Leo')
      .entity('isle', 'place', 'Chios', { preposition: 'on' })
      .entity('mount', 'place', 'Mount Sinai Monastery', { preposition: 'in' })
      .entity('p3', 'place', 'Nicaea')
      .entity('p4', 'place', 'Trebizond')
      .place('diedAt', 'a', 'isle')
      .place('diedAt', 'b', 'mount')
      .build()
    const qs = all(deck)
    expect(card(qs, 'diedAt/a').typed?.explanation).toBe('Basil died on Chios.')
    expect(card(qs, 'diedAt/b').typed?.explanation).toBe('Leo died in Mount Sinai Monastery.')
  })

  it('keeps the helpers honest', () => {
    expect(placePreposition('Mount Athos')).toBe('on')
    expect(placePreposition('Lemnos', new Set(['Lemnos']))).toBe('on')
    expect(fill('{} died in {}.'.replace('{} died', 'Leo died'), 'Tower of London')).toBe(
      'Leo died in the Tower of London.',
    )
  })
})

describe('events', () => {
  it('asks about a verb it does not know without "When did this happen"', () => {
    expect(askAboutLabel('When', 'John VII', 'fortified Selymbria')).toBe(
      'When was it that John VII fortified Selymbria?',
    )
    expect(askAboutLabel('When', 'John VII', 'was proclaimed co-emperor')).toBe(
      'When was John VII proclaimed co-emperor?',
    )
    const deck = new DeckBuilder().male('j', 'John').event('j', 'fort', 'fortified Selymbria', 1399).build()
    for (const q of all(deck)) expect(q.prompt).not.toMatch(/When did this happen/)
    expect(card(all(deck), 'event/j/fort').date?.prompt).toBe('When was it that John fortified Selymbria?')
  })

  it('concludes a treaty and names its parties', () => {
    const qs = all(builtInDeck())
    expect(card(qs, 'event/treaty-of-gallipoli').date?.prompt).toBe('When was the Treaty of Gallipoli concluded?')
    expect(card(qs, 'participant/treaty-of-gallipoli').typed?.prompt).toBe('Name a party to the Treaty of Gallipoli.')
    for (const q of qs) expect(q.prompt).not.toMatch(/took part in the Treaty|Treaty of Gallipoli take place/)
  })
})

describe('plurals, doubled words and typed prompts', () => {
  const deck = new DeckBuilder()
    .male('g', 'Gregory')
    .male('f', 'Philip')
    .male('k1', 'Kallinikos')
    .female('k2', 'Zoe')
    .parent('f', 'g', 'father')
    .parent('k1', 'f', 'father')
    .parent('k2', 'f', 'father')
    .entity('dyn', 'dynasty', 'Doukas dynasty', { aliases: [] })
    .entity('dyn2', 'dynasty', 'Komnenos dynasty')
    .entity('dyn3', 'dynasty', 'Angelos dynasty')
    .relation('dynasty', 'g', 'dyn')
    .spouse('g', 'k2')
    .spouse('g', 'f')
    .build()
  const qs = all(deck)

  it('writes "grandchildren", never "grandchilds"', () => {
    expect(card(qs, 'grandchild/g').typed?.explanation).toBe(
      'The grandchildren of Gregory in this deck: Kallinikos and Zoe.',
    )
    for (const q of qs) for (const t of texts(q)) expect(t).not.toMatch(/childs\b/)
  })

  it('never writes a word twice in a row', () => {
    expect(card(qs, 'dynasty/g').typed?.explanation).toBe('Gregory belonged to the Doukas dynasty.')
    for (const q of [...qs, ...all(builtInDeck())]) for (const t of texts(q)) expect(doubledWord(t), t).toBeUndefined()
  })

  it('never says "Which of these" when there is nothing to choose from', () => {
    for (const q of [...qs, ...all(builtInDeck())])
      if (q.kind === 'typed' || q.kind === 'date') expect(q.prompt, q.id).not.toMatch(/which of these/i)
    expect(card(qs, 'spouse/g').typed?.prompt).toBe('Whom did Gregory marry?')
  })
})

describe('giveaways', () => {
  const qs = all(builtInDeck())

  it('names the subject so that the prompt does not contain the answer', () => {
    expect(card(qs, 'bornAt/keratsa').typed?.prompt).toBe('Where was Keratsa born?')
    expect(card(qs, 'parent.father/keratsa').typed?.prompt).toBe('Who was the father of Keratsa?')
    expect(card(qs, 'parent.parent/irene-gattilusio').typed?.prompt).toBe('Name a parent of Irene.')
    expect(card(qs, 'dynasty/john-vii').typed?.prompt).toBe('To which dynasty did John VII belong?')
    expect(card(qs, 'parent.father/john-vii').typed?.prompt).toBe('Who was the father of John VII Palaiologos?')
  })

  it('never writes a telling word of the answer in the prompt of the built-in deck', () => {
    const telling = ['bulgaria', 'gattilusio', 'palaiologos dynasty']
    for (const q of qs) {
      if (q.kind !== 'typed' && q.kind !== 'multiple-choice') continue
      const answer = String(q.answer).toLowerCase()
      for (const w of telling) if (answer.includes(w)) expect(q.prompt.toLowerCase(), q.id).not.toContain(w)
      if (q.relation === 'dynasty') expect(q.prompt).not.toMatch(/Palaiologos/)
    }
  })

  it('drops a card whose subject has no other name than one that gives the answer away', () => {
    const deck = new DeckBuilder()
      .male('a', 'Oleg of Kiev')
      .male('b', 'Igor of Kiev')
      .male('c', 'Sviatoslav')
      .male('d', 'Vladimir')
      .entity('kiev', 'place', 'Kiev')
      .entity('nov', 'place', 'Novgorod')
      .entity('pol', 'place', 'Polotsk')
      .entity('smol', 'place', 'Smolensk')
      .place('bornAt', 'a', 'kiev')
      .build()
    // "Oleg" is his alone: "Where was Oleg born?"
    expect(card(all(deck), 'bornAt/a').typed?.prompt).toBe('Where was Oleg born?')
    const shared = new DeckBuilder()
      .male('a', 'Oleg of Kiev')
      .male('a2', 'Oleg the Wise')
      .entity('kiev', 'place', 'Kiev')
      .entity('nov', 'place', 'Novgorod')
      .entity('pol', 'place', 'Polotsk')
      .place('bornAt', 'a', 'kiev')
      .build()
    expect(card(all(shared), 'bornAt/a')).toEqual({})
  })

  it('never offers a namesake whose regnal number rules him out', () => {
    const deck = new DeckBuilder()
      .male('j5', 'John V')
      .male('j7', 'John VII')
      .male('j8', 'John VIII')
      .male('a3', 'Andronikos III')
      .male('m2', 'Manuel II')
      .male('b2', 'Basil II')
      .male('l6', 'Leo VI')
      .entity('emp', 'office', 'Byzantine emperor')
      .tenure('a3', 'emp', 1328, 1341, { successor: { who: 'j5' } })
      .tenure('j5', 'emp', 1341, 1376, { predecessor: { who: 'a3' } })
      .tenure('m2', 'emp', 1391, 1425, { successor: { who: 'j8' } })
      .tenure('j7', 'emp', 1390, 1390)
      .tenure('j8', 'emp', 1425, 1448, { predecessor: { who: 'm2' } })
      // Rulers of elsewhere: plausible wrong predecessors, unlike men who held nothing.
      .entity('bul', 'office', 'Tsar of Bulgaria')
      .tenure('b2', 'bul', 1331, 1371)
      .tenure('l6', 'bul', 1371, 1393)
      .build()
    const qs = all(deck)
    for (const q of qs) {
      if (q.relation !== 'predecessor' && q.relation !== 'successor') continue
      const shown = [...(q.choices ?? []), q.prompt]
      if (q.cardId.includes('/j5/') && q.relation === 'predecessor') {
        expect(shown.join(' ')).not.toMatch(/John VII/)
      }
    }
    expect(
      qs.some((q) => q.cardId.includes('/j5/') && q.relation === 'predecessor' && q.kind === 'multiple-choice'),
    ).toBe(true)
  })
})

describe('orderings the wording does not already fix', () => {
  it('leaves out birth, death, and a second reign after a first', () => {
    for (const q of all(builtInDeck())) {
      if (q.kind !== 'ordering') continue
      const items = q.answer as string[]
      expect(items, q.id).not.toContain('Born')
      expect(items, q.id).not.toContain('Died')
      expect(items.filter((i) => / for the \w+ time$/.test(i)).length, q.id).toBeLessThanOrEqual(1)
      // No two of one regnal name: John VII and John VIII order themselves.
      const bases = items.map((i) => /^(\p{L}+) [IVXLC]+\b/u.exec(i)?.[1]).filter(Boolean)
      expect(new Set(bases).size, q.id).toBe(bases.length)
    }
  })
})

describe('hand-written choice cards', () => {
  it('shuffles the options, the same way for the same seed', () => {
    const deck = new DeckBuilder()
      .card({
        id: 'c1',
        type: 'choice',
        prompt: 'Which city?',
        answer: 'A',
        options: ['A', 'B', 'C', 'D'],
        sources: ['s'],
      })
      .build()
    const orders = new Set(SEEDS.map((seed) => generateQuestions(deck, { seed })[0]?.choices?.join('')))
    expect(orders.size).toBeGreaterThan(1)
    expect(generateQuestions(deck, { seed: 3 })[0]?.choices).toEqual(generateQuestions(deck, { seed: 3 })[0]?.choices)
    for (const seed of SEEDS)
      expect([...(generateQuestions(deck, { seed })[0]?.choices ?? [])].sort()).toEqual(['A', 'B', 'C', 'D'])
  })
})

describe('captions', () => {
  it('does not ask where the codex is kept', () => {
    for (const q of all(builtInDeck())) expect(q.answer).not.toBe('Bibliothèque Nationale')
  })
})

describe('years and their era', () => {
  it('writes AD on every year of a deck that has BC dates', () => {
    const deck = new DeckBuilder()
      .male('aug', 'Augustus')
      .male('tib', 'Tiberius')
      .male('cal', 'Caligula')
      .born('aug', '23 September 63 BC')
      .died('aug', '19 August 14')
      .born('tib', '16 November 42 BC')
      .died('tib', '16 March 37')
      .born('cal', '31 August 12')
      .died('cal', 1041)
      .build()
    const qs = all(deck)
    expect(card(qs, 'died/aug').date?.answer).toBe('19 August AD 14')
    expect(card(qs, 'born/aug').date?.answer).toBe('23 September 63 BC')
    expect(card(qs, 'died/cal').date?.answer).toBe('AD 1041')
    for (const q of qs)
      for (const t of texts(q)) {
        // A bare year ("14", "37") never stands alone where a BC year is possible.
        expect(t, q.id).not.toMatch(
          /(?:^|[^\d\w] ?)(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,4}(?!\d| BC)/,
        )
        expect(t, q.id).not.toMatch(/\b(in|between|and|to|from|c\.) \d{1,4}\b(?! BC)/)
      }
    const mc = card(qs, 'died/aug')['multiple-choice']
    for (const choice of mc?.choices ?? []) expect(choice).toMatch(/AD \d+$/)
  })

  it('writes AD on a year below 1000, and a modern deck as before', () => {
    const deck = new DeckBuilder()
      .male('c', 'Charlemagne')
      .male('o', 'Otto')
      .born('c', 747)
      .died('c', '28 January 814')
      .born('o', 1912)
      .build()
    const qs = all(deck)
    expect(card(qs, 'born/c').date?.answer).toBe('AD 747')
    expect(card(qs, 'died/c').date?.answer).toBe('28 January AD 814')
    expect(card(qs, 'died/c').date?.explanation).toBe('Charlemagne died on 28 January AD 814.')
    expect(card(qs, 'born/o').date?.answer).toBe('1912')
    const modern = new DeckBuilder().male('o', 'Otto').born('o', 1912).build()
    expect(card(all(modern), 'born/o').date?.answer).toBe('1912')
  })
})

describe('reign lengths', () => {
  const deck = new DeckBuilder()
    .male('j', 'John')
    .male('a', 'Andrew')
    .male('m', 'Mark')
    .entity('emp', 'office', 'Emperor')
    .tenure('j', 'emp', '1 July 1379', '14 April 1390')
    .tenure('a', 'emp', '14 April 1390', '17 September 1390')
    .tenure('m', 'emp', '17 September 1390', '17 September 1400')
    .build()
  const qs = all(deck)

  it('says "about 11 years" for 10 years 9½ months and accepts 10 and 11', () => {
    const typed = card(qs, 'tenure.length/j/emp/1379').typed as Question
    expect(typed.answer).toBe('about 11 years')
    expect(typed.accept).toEqual(['10', '11'])
    expect(typed.explanation).toBe('From 1 July 1379 to 14 April 1390: about 11 years (10 years and 9 months).')
    const mc = card(qs, 'tenure.length/j/emp/1379')['multiple-choice'] as Question
    expect(mc.answer).toBe('about 11 years')
    for (const c of mc.choices ?? []) expect(c).toMatch(/^about \d+ years$/)
    expect(mc.choices).not.toContain('about 10 years')
  })

  it('says "about 5 months" for 5 months and 3 days, and a whole length plainly', () => {
    expect(card(qs, 'tenure.length/a/emp/1390').typed?.answer).toBe('about 5 months')
    expect(card(qs, 'tenure.length/a/emp/1390').typed?.accept).toEqual(['5'])
    expect(card(qs, 'tenure.length/m/emp/1390').typed?.answer).toBe('10 years')
  })
})
