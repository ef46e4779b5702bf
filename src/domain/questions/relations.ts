// Cards about a person's relatives: father, mother, parents, children and spouses from the
// facts, and grandparents, grandchildren, siblings, uncles and aunts and cousins derived through
// parent links. A relation with several right answers ("a child of") is one card: the choice
// question shows exactly one of them, typed recall accepts any, and no option is ever another.
import type { Entity, Gender, RelationFact } from '../deck/types'
import { NOTHING_PROVES_WRONG, type Ask, type EntityAnswer } from './ask'
import type { DeckIndex } from './deck-index'
import { entityAnswers } from './entity-answers'
import { ADOPTIVE_WORDS, DERIVED_RELATIONS, KIN_WORDS, type DerivedRelation, type Link } from './kinship'
import { marriageAsks } from './marriages'
import { genderPools, withNote } from './life'
import { proofsOf } from './proofs'
import { capitalize, genderedNoun, joinList, withArticle } from './prompts'

type Emit = (ask: Ask) => void

/** How far (in years) a relative's generation is from the subject's, to find plausible distractors. */
const GENERATION_GAP: Record<DerivedRelation | 'parent' | 'child' | 'spouse', number> = {
  parent: -28,
  child: 28,
  spouse: 0,
  grandparent: -55,
  grandchild: 55,
  sibling: 0,
  'uncle-aunt': -28,
  cousin: 0,
}

export function kinAsks(index: DeckIndex, person: Entity, emit: Emit): void {
  parentAsks(index, person, 'parent', emit)
  parentAsks(index, person, 'adoptiveParent', emit)
  childrenAsk(index, person, emit)
  adoptedChildrenAsk(index, person, emit)
  spouseAsk(index, person, emit)
  marriageAsks(index, person, emit)
  for (const relation of DERIVED_RELATIONS) {
    derivedAsk(index, person, relation, emit)
    adoptiveDerivedAsk(index, person, relation, emit)
  }
  halfSiblingAsk(index, person, emit)
}

const HALF_SIBLING: readonly [string, string, string] = ['half-brother', 'half-sister', 'half-sibling']

const genderOf = (index: DeckIndex, id: string): Gender | undefined => index.entities.get(id)?.gender

function nearYear(index: DeckIndex, answerId: string | undefined, person: Entity, gap: number): number | undefined {
  const own = answerId === undefined ? undefined : index.yearOf.get(answerId)
  if (own !== undefined) return own
  const base = index.yearOf.get(person.id)
  return base === undefined ? undefined : base + gap
}

/**
 * Birth parents (`parent`) or adoptive parents (`adoptiveParent`). Where a person has both a
 * birth and an adoptive father (or mother), the question says which one it asks ("birth
 * father"), and neither is ever offered as a wrong answer for the other.
 */
function parentAsks(index: DeckIndex, person: Entity, key: 'parent' | 'adoptiveParent', emit: Emit): void {
  const all = (index.factsBySubject.get(person.id) ?? []).filter(
    (f): f is RelationFact => f.type === 'relation' && (f.key === 'parent' || f.key === 'adoptiveParent'),
  )
  const facts = all.filter((f) => f.key === key)
  if (!facts.length) return
  const roleOf = (f: RelationFact) =>
    f.role ??
    (genderOf(index, f.value) === 'male' ? 'father' : genderOf(index, f.value) === 'female' ? 'mother' : undefined)
  const adoptive = key === 'adoptiveParent'
  const anyParents = [...index.kin.anyParentsOf(person.id), ...index.kin.anyAdoptiveParentsOf(person.id)]
  const proofs = proofsOf(index)
  const S = person.name
  const keyPrefix = adoptive ? 'adoptive' : 'parent'
  for (const role of ['father', 'mother'] as const) {
    const ofRole = facts.filter((f) => roleOf(f) === role)
    if (ofRole.length !== 1) continue
    const fact = ofRole[0] as RelationFact
    const otherKind = all.some((f) => f.key !== key && roleOf(f) === role)
    const word = adoptive ? `adoptive ${role}` : otherKind ? `birth ${role}` : role
    // One father, one mother: the stated one proves every other wrong.
    const proof = `${S}'s ${word} was ${index.entities.get(fact.value)?.name ?? fact.value}`
    const answers = entityAnswers(index, ofRole, {
      pools: [role === 'father' ? 'male' : 'female'],
      exclude: [person.id, ...anyParents],
      wrongBecause: (id) => (proofs.plausibleParent(id, person.id) ? proof : undefined),
      ...yearOption(nearYear(index, fact.value, person, GENERATION_GAP.parent)),
    })
    if (!answers) continue
    const names = allNames(index, answers.answer)
    emit({
      key: `${keyPrefix}.${role}/${person.id}`,
      subject: person,
      relation: adoptive ? `adoptive-${role}` : role,
      facts: ofRole,
      prompt: `Who was the ${word} of ${S}?`,
      statement: `{} was the ${word} of ${S}.`,
      explanation: answers.dispute
        ? `${joinList(names, 'or')}: the sources differ on the ${word} of ${S}.`
        : withNote(`${names[0]} was the ${word} of ${S}`, fact, S),
      answer: answers.answer,
      ...(answers.dispute ? { dispute: answers.dispute } : {}),
    })
  }
  // Parents the deck gives neither a role nor a gender: asked as "a parent of".
  if (facts.some((f) => roleOf(f) === undefined)) {
    const word = adoptive ? 'an adoptive parent' : 'a parent'
    const answers = entityAnswers(index, facts, {
      pools: ['person'],
      exclude: [person.id, ...anyParents],
      wrongBecause: (id) => (proofs.plausibleParent(id, person.id) ? proofs.notParent(person.id, id) : undefined),
      ...yearOption(nearYear(index, undefined, person, GENERATION_GAP.parent)),
    })
    if (!answers) return
    emit({
      key: `${keyPrefix}.parent/${person.id}`,
      subject: person,
      relation: adoptive ? 'adoptive-parent' : 'parent',
      facts,
      prompt: `Which of these was ${word} of ${S}?`,
      typedPrompt: `Name ${word} of ${S}.`,
      statement: `{} was ${word} of ${S}.`,
      explanation: `The ${adoptive ? 'adoptive ' : ''}parents of ${S} in this deck: ${joinList(allNames(index, answers.answer))}.`,
      answer: answers.answer,
      ...(answers.dispute ? { dispute: answers.dispute } : {}),
    })
  }
}

/** Children by birth and adopted children: each is kept out of the other's wrong options. */
function anyChildren(index: DeckIndex, person: Entity): Set<string> {
  return new Set([...index.kin.anyChildrenOf(person.id), ...index.kin.anyAdoptedChildrenOf(person.id)])
}

function childrenAsk(index: DeckIndex, person: Entity, emit: Emit): void {
  const links = index.kin.childrenOf(person.id)
  if (!links.length) return
  relativesAsk(
    index,
    person,
    'child',
    'child',
    KIN_WORDS.child,
    links.map((l) => l.id),
    links.map((l) => l.fact),
    anyChildren(index, person),
    emit,
  )
}

function adoptedChildrenAsk(index: DeckIndex, person: Entity, emit: Emit): void {
  const links = index.kin.adoptedChildrenOf(person.id)
  if (!links.length) return
  relativesAsk(
    index,
    person,
    'child',
    'adopted-child',
    ADOPTIVE_WORDS.child,
    links.map((l) => l.id),
    links.map((l) => l.fact),
    anyChildren(index, person),
    emit,
  )
}

function derivedAsk(index: DeckIndex, person: Entity, relation: DerivedRelation, emit: Emit): void {
  const found = index.kin.derived(person.id, relation)
  if (!found.ids.length) return
  relativesAsk(
    index,
    person,
    relation,
    relation,
    KIN_WORDS[relation],
    found.ids,
    found.facts,
    index.kin.anyDerived(person.id, relation),
    emit,
  )
}

/** "Which of these was an adoptive grandson of Augustus?": kin through an adoption on the way. */
function adoptiveDerivedAsk(index: DeckIndex, person: Entity, relation: DerivedRelation, emit: Emit): void {
  const found = index.kin.adoptiveDerived(person.id, relation)
  if (!found.ids.length) return
  relativesAsk(
    index,
    person,
    relation,
    `adoptive-${relation}`,
    ADOPTIVE_WORDS[relation],
    found.ids,
    found.facts,
    index.kin.anyDerived(person.id, relation),
    emit,
  )
}

/** Half-siblings, stated or derived; no sibling of any kind is offered as a wrong answer. */
function halfSiblingAsk(index: DeckIndex, person: Entity, emit: Emit): void {
  const found = index.kin.halfSiblings(person.id)
  if (!found.ids.length) return
  relativesAsk(
    index,
    person,
    'sibling',
    'half-sibling',
    HALF_SIBLING,
    found.ids,
    found.facts,
    index.kin.anyDerived(person.id, 'sibling'),
    emit,
  )
}

function relativesAsk(
  index: DeckIndex,
  person: Entity,
  relation: DerivedRelation | 'child',
  key: string,
  words: readonly [string, string, string],
  ids: string[],
  facts: RelationFact[],
  truthy: Set<string>,
  emit: Emit,
): void {
  const [male, female, neutral] = words
  const genders = ids.map((id) => genderOf(index, id))
  const word = genderedNoun(genders, male, female, neutral)
  const S = person.name
  const exclude = truthy
  const pools =
    word === male && male !== neutral
      ? genderPools('male')
      : word === female && female !== neutral
        ? genderPools('female')
        : genderPools(undefined)
  const proofs = proofsOf(index)
  const answer: EntityAnswer = {
    type: 'entity',
    correct: ids,
    exclude,
    pools,
    wrongBecause: proofs.mayProve(relation, person.id)
      ? (id) => proofs.wrongRelative(relation, person.id, id)
      : NOTHING_PROVES_WRONG,
    ...yearOption(nearYear(index, undefined, person, GENERATION_GAP[relation])),
  }
  const names = ids.map((id) => index.entities.get(id)?.name ?? id)
  const plural = word.endsWith('child') ? `${word}ren` : word.replace(/ or /, 's or ') + 's'
  emit({
    key: `${key}/${person.id}`,
    subject: person,
    relation: key,
    facts,
    prompt: `Which of these was ${withArticle(word)} of ${S}?`,
    typedPrompt: `Name ${withArticle(word)} of ${S}.`,
    // No true/false here: the relation is derived from (or the reverse of) stated parent facts,
    // which have their own true/false questions.
    explanation:
      names.length === 1
        ? `${names[0]} was ${withArticle(word)} of ${S}.`
        : `The ${plural} of ${S} in this deck: ${joinList(names)}.`,
    answer,
  })
}

function spouseAsk(index: DeckIndex, person: Entity, emit: Emit): void {
  const links: readonly Link[] = index.kin.spousesOf(person.id)
  if (!links.length) return
  const ids = links.map((l) => l.id)
  const S = person.name
  const genders = ids.map((id) => genderOf(index, id))
  // Options of the sex of the stated spouses whose sex the deck gives.
  const known = genders.filter((g) => g !== undefined)
  const gender = known.length && known.every((g) => g === known[0]) ? known[0] : undefined
  const exclude = new Set(index.kin.anySpousesOf(person.id))
  const names = ids.map((id) => index.entities.get(id)?.name ?? id)
  const fact = links[0]?.fact
  const proofs = proofsOf(index)
  emit({
    key: `spouse/${person.id}`,
    subject: person,
    relation: 'spouse',
    facts: links.map((l) => l.fact),
    prompt: ids.length === 1 ? `Whom did ${S} marry?` : `Which of these did ${S} marry?`,
    typedPrompt: `Whom did ${S} marry?`,
    statement: `${capitalize(S)} married {}.`,
    explanation:
      ids.length === 1 && fact ? withNote(`${S} married ${names[0]}`, fact) : `${S} married ${joinList(names)}.`,
    answer: {
      type: 'entity',
      correct: ids,
      exclude,
      pools: genderPools(gender),
      // Several marriages are common: only two lives that never met rule one out.
      wrongBecause: proofs.mayProve('spouse', person.id)
        ? (id) => proofs.wrongSpouse(person.id, id)
        : NOTHING_PROVES_WRONG,
      ...yearOption(nearYear(index, ids[0], person, GENERATION_GAP.spouse)),
    },
  })
}

function allNames(index: DeckIndex, answer: EntityAnswer): string[] {
  return [...answer.correct, ...(answer.alsoAccepted ?? [])].map((id) => index.entities.get(id)?.name ?? id)
}

const yearOption = (year: number | undefined): { year?: number } => (year === undefined ? {} : { year })
