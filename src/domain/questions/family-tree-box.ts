// "Who belongs in this box?": name a person from their relatives in the family tree.
// The prompt describes the box by every settled parent, spouse and child link of the person;
// a question is made only when nobody else in the deck fits that description (for study
// sessions), and no choice other than the answer ever fits it — counting disputed links too,
// since a person who fits by another source's account would be a second right answer — nor
// may fit it by a link the deck does not state: each wrong choice comes with the fact that
// rules it out.
import type { Deck, Fact } from '../deck/types'
import type { Question, QuestionSource } from './types'
import { createRandom, digest, randomInt, seedFrom, shuffled } from '../random'
import { buildFamilyGraph, type FamilyGraph, type FamilyLink } from '../layout/family-graph'
import { buildDeckIndex } from './deck-index'
import { relativeNameFor } from './giveaways'
import type { DeckIndex } from './deck-index'
import { proofsOf } from './proofs'

export interface FamilyTreeQuestionOptions {
  seed: number
  /** Options shown, answer included (fewer when the deck has fewer people to offer). */
  choices?: number
  /** This deck's index, when the caller has one (else built from the deck). */
  index?: DeckIndex
}

export const FAMILY_TREE_RELATION = 'family-tree-box'
export const BOX_PROMPT = 'Who belongs in this box?'
/** Decks with more people than this draw far distractors by random probes. */
const PROBE_ABOVE = 256

/** One question per person whose relatives single them out in the deck. */
export function familyTreeQuestions(deck: Deck, options: FamilyTreeQuestionOptions): Question[] {
  const graph = buildFamilyGraph(deck)
  const links = anyAccountLinks(deck, graph)
  const index = options.index ?? buildDeckIndex(deck)
  const questions: Question[] = []
  for (let i = 0; i < graph.people.length; i++) {
    const q = boxQuestion(index, graph, links, i, options, true)
    if (q) questions.push(q)
  }
  return questions
}

/**
 * The questions for the boxes of the drawn tree, by person id. A box's place in the drawing
 * already tells look-alike siblings apart, so a description need not be unique in the deck;
 * anyone who fits it is kept out of the choices. People without settled relatives are left out.
 */
export function familyTreeBoxQuestions(deck: Deck, options: FamilyTreeQuestionOptions): Map<string, Question> {
  const graph = buildFamilyGraph(deck)
  const links = anyAccountLinks(deck, graph)
  const index = options.index ?? buildDeckIndex(deck)
  const out = new Map<string, Question>()
  for (let i = 0; i < graph.people.length; i++) {
    const q = boxQuestion(index, graph, links, i, options, false)
    if (q) out.set(graph.people[i]!.id, q)
  }
  return out
}

/** The words between the brackets of a box question's prompt: "child of …; parent of …". */
export function boxDescription(question: Question): string {
  return question.prompt.slice(BOX_PROMPT.length + 2, -1)
}

const settled = (links: FamilyLink[]) => links.filter((l) => l.fact.alternatives.length === 0)

function boxQuestion(
  index: DeckIndex,
  graph: FamilyGraph,
  links: AnyAccountLinks,
  i: number,
  options: FamilyTreeQuestionOptions,
  unique: boolean,
): Question | undefined {
  const person = graph.people[i]!
  const parents = settled(graph.parents[i]!).sort((a, b) => roleRank(a) - roleRank(b))
  const spouses = settled(graph.spouses[i]!)
  const children = settled(graph.children[i]!)
  if (!parents.length && !spouses.length && !children.length) return undefined
  // Whether the box can be asked at all comes first: the description is written for boxes that can.
  const fits = fitting(links, i, parents, spouses, children)
  if (unique && fits.size > 0) return undefined
  const { deck } = index
  const proofs = proofsOf(index)
  const idOf = (l: FamilyLink) => graph.people[l.other]!.id
  // No fact can rule anyone out (a box that shows only a spouse the deck gives no dates for):
  // no choice could be proven wrong, so no question, and no search through the whole deck.
  if (
    !parents.length &&
    !children.some((c) => proofs.mayProve('parent', idOf(c))) &&
    !spouses.some((s) => proofs.mayProve('spouse', idOf(s)))
  )
    return undefined
  // A relative named so as not to give the answer away: "child of Ivan Alexander" for Keratsa of Bulgaria.
  let giveaway = false
  const name = (l: FamilyLink) => {
    const other = graph.people[l.other]!
    const shown = relativeNameFor(index, person, other)
    if (shown === undefined) giveaway = true
    return shown ?? other.name
  }
  const parts = [
    parents.length ? `child of ${list(parents.map(name))}` : '',
    spouses.length ? `spouse of ${list(spouses.map(name))}` : '',
    children.length ? `parent of ${list(children.map(name))}` : '',
  ].filter(Boolean)
  if (giveaway) return undefined

  const id = `${deck.id}/${FAMILY_TREE_RELATION}/${person.id}`
  const random = createRandom(seedFrom(options.seed, id))
  const taken = new Set([person.name])
  const distractors: string[] = []
  const wanted = (options.choices ?? 4) - 1
  const near = relatives(graph, i)
  // Everyone else, in the deck's order (listed once per box, and only when the near ones run short).
  let everyoneFar: number[] | undefined
  const far = (): number[] => {
    if (everyoneFar) return everyoneFar
    everyoneFar = []
    for (let k = 0; k < graph.people.length; k++) if (k !== i && !near.has(k)) everyoneFar.push(k)
    return everyoneFar
  }
  // A man's box gets men (or people of unknown gender) as distractors first, a woman's women.
  const sameGender = (k: number) =>
    !person.gender || !graph.people[k]!.gender || graph.people[k]!.gender === person.gender
  // Open world: an option is wrong only when a fact rules out one of the described links (its
  // own parents are others, or the described child's parent of its sex is someone else).
  const why: Array<{ option: string; proof: string }> = []
  const prove = (k: number): string | undefined => {
    const o = graph.people[k]!.id
    for (const p of parents) {
      const proof = proofs.notParent(o, idOf(p))
      if (proof) return proof
    }
    for (const c of children) {
      const proof = proofs.notParent(idOf(c), o)
      if (proof) return proof
    }
    for (const sp of spouses) {
      const proof = proofs.notSpouse(idOf(sp), o)
      if (proof) return proof
    }
    return undefined
  }
  // The box's own relatives, named in the prompt, would be absurd choices.
  const described = new Set([...parents, ...spouses, ...children].map((l) => l.other))
  const take = (k: number, allowed: (k: number) => boolean) => {
    const other = graph.people[k]!.name
    if (!allowed(k) || fits.has(k) || taken.has(other) || described.has(k)) return
    const proof = prove(k)
    if (!proof) return
    taken.add(other)
    distractors.push(other)
    why.push({ option: other, proof })
  }
  const pick = (pool: number[], allowed: (k: number) => boolean) => {
    for (const k of shuffled(random, pool)) {
      if (distractors.length >= wanted) return
      take(k, allowed)
    }
  }
  // In a large deck, random probes find far people without listing and shuffling everyone for
  // each box (quadratic); small decks, and probes that come up short, take the whole list.
  const probe = (allowed: (k: number) => boolean) => {
    const n = graph.people.length
    if (n <= PROBE_ABOVE) return
    for (let tries = 0; tries < wanted * 8 && distractors.length < wanted; tries++) {
      const k = randomInt(random, n)
      if (k !== i && !near.has(k)) take(k, allowed)
    }
  }
  pick([...near], sameGender)
  if (distractors.length < wanted) probe(sameGender)
  if (distractors.length < wanted) pick(far(), sameGender)
  // Everyone of the same gender was taken or ruled out just above (and stays so): only the others
  // are looked at again, over the same shuffle (the random draws, and so the choices, stay the same).
  if (distractors.length < wanted) pick([...near, ...far()], (k) => !sameGender(k))
  // Two proven wrong choices at least, as for every generated multiple-choice question.
  if (distractors.length < 2) return undefined

  const facts: Fact[] = [...parents, ...spouses, ...children].map((l) => l.fact)
  const description = parts.join('; ')
  return {
    id: `${id}/multiple-choice`,
    cardId: id,
    deckId: deck.id,
    kind: 'multiple-choice',
    prompt: `${BOX_PROMPT} (${description})`,
    answer: person.name,
    choices: shuffled(random, [person.name, ...distractors]),
    why,
    accept: [person.name, ...person.aliases],
    subject: person.name,
    subjectId: person.id,
    relation: FAMILY_TREE_RELATION,
    difficulty: 'medium',
    sources: sourcesOf(deck, facts),
    explanation: `${person.name}: ${description}.`,
    factIds: facts.map((f) => f.id).sort(),
    fingerprint: digest(JSON.stringify(facts.map((f) => [f.id, f.value, f.alternatives, f.sources]).sort())),
  }
}

const roleRank = (l: FamilyLink) => (l.fact.role === 'father' ? 0 : l.fact.role === 'mother' ? 1 : 2)

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * Parent and spouse links by any source's account: the settled value of each fact and every
 * alternative, adoptive parents counted as parents (an adopted son also fits "son of …").
 * Indices are people's places in the graph; links to non-people are dropped.
 */
interface AnyAccountLinks {
  parents: Set<number>[]
  children: Set<number>[]
  spouses: Set<number>[]
}

function anyAccountLinks(deck: Deck, graph: FamilyGraph): AnyAccountLinks {
  const empty = () => graph.people.map(() => new Set<number>())
  const out: AnyAccountLinks = { parents: empty(), children: empty(), spouses: empty() }
  for (const fact of deck.facts) {
    if (fact.type !== 'relation') continue
    if (fact.key !== 'parent' && fact.key !== 'adoptiveParent' && fact.key !== 'spouse') continue
    const a = graph.indexOf.get(fact.subject)
    if (a === undefined) continue
    for (const value of [fact.value, ...fact.alternatives.map((alt) => alt.value)]) {
      const b = graph.indexOf.get(value)
      if (b === undefined || b === a) continue
      if (fact.key !== 'spouse') {
        out.parents[a]!.add(b)
        out.children[b]!.add(a)
      } else {
        out.spouses[a]!.add(b)
        out.spouses[b]!.add(a)
      }
    }
  }
  return out
}

/**
 * Everyone else who has, by any source's account, all the described relatives: they would be
 * right too. Only people sharing one described link are looked at, so this stays linear in the links.
 */
function fitting(
  links: AnyAccountLinks,
  i: number,
  parents: FamilyLink[],
  spouses: FamilyLink[],
  children: FamilyLink[],
): Set<number> {
  const candidates =
    parents.length > 0
      ? links.children[parents[0]!.other]!
      : spouses.length > 0
        ? links.spouses[spouses[0]!.other]!
        : links.parents[children[0]!.other]!
  const out = new Set<number>()
  for (const k of candidates) {
    if (k === i) continue
    const ok =
      parents.every((p) => links.parents[k]!.has(p.other)) &&
      spouses.every((s) => links.spouses[k]!.has(s.other)) &&
      children.every((c) => links.children[k]!.has(c.other))
    if (ok) out.add(k)
  }
  return out
}

/** Plausible distractors: siblings, cousins, in-laws, grandparents and grandchildren. */
function relatives(graph: FamilyGraph, i: number): Set<number> {
  const step = (from: Iterable<number>, links: (k: number) => FamilyLink[]) => {
    const out = new Set<number>()
    for (const k of from) for (const l of links(k)) out.add(l.other)
    return out
  }
  const up = (from: Iterable<number>) => step(from, (k) => graph.parents[k]!)
  const down = (from: Iterable<number>) => step(from, (k) => graph.children[k]!)
  const side = (from: Iterable<number>) => step(from, (k) => graph.spouses[k]!)
  const siblings = down(up([i]))
  const near = new Set<number>()
  for (const set of [siblings, down(down(up(up([i])))), side(siblings), side([i]), up(up([i])), down(down([i]))])
    for (const k of set) near.add(k)
  near.delete(i)
  return near
}

function sourcesOf(deck: Deck, facts: Fact[]): QuestionSource[] {
  const ids = new Set(facts.flatMap((f) => f.sources))
  return deck.sources
    .filter((s) => ids.has(s.id))
    .map((s) => ({ id: s.id, title: s.title, ...(s.url ? { url: s.url } : {}) }))
}
