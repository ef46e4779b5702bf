// Cards about one entity's own facts: when and where it was born and died, age at death,
// dated events and where they happened, dynasty, titles, and who took part in an event.
import type { DateFact, Entity, Fact, HistoricalDate, NumberFact, PlaceFact, RelationFact } from '../deck/types'
import { NOTHING_PROVES_WRONG, type Ask, type PoolName } from './ask'
import { addYears, ageBetween, datePhrase, durationRangeText, type Duration } from './dates'
import type { DeckIndex } from './deck-index'
import { describeDispute, joinDisputes } from './dispute'
import { entityAnswers } from './entity-answers'
import { proofsOf, yearBounds } from './proofs'
import {
  askAboutLabel,
  capitalize,
  eventWhen,
  eventWhere,
  fill,
  nameInSentence,
  participation,
  pronoun,
  sentence,
} from './prompts'

type Emit = (ask: Ask) => void

const MAX_AGE = 110

/**
 * The note of a fact appended to an explanation. A note describes the fact's subject ("He took
 * Constantinople…" on John VII's reign): when the sentence before it is about someone else,
 * `about` names the subject so that the note's "He" cannot be read as that other person.
 */
export const withNote = (text: string, fact: { note?: string }, about?: string): string =>
  fact.note ? `${sentence(text)} ${sentence(about ? namedNote(fact.note, about) : fact.note)}` : sentence(text)

/** "He took…" → "John VII Palaiologos took…"; "His uncle…" → "John VII Palaiologos's uncle…". */
function namedNote(note: string, name: string): string {
  const m = /^(He|She|They|His|Her|Their)\b/.exec(note)
  if (!m) return note
  const possessive = m[1] === 'His' || m[1] === 'Her' || m[1] === 'Their'
  return `${possessive ? `${name}'s` : name}${note.slice((m[1] as string).length)}`
}

export function dateDispute(index: DeckIndex, fact: DateFact): string | undefined {
  // "1377?": the source itself doubts it, so it is not asked as settled either.
  if (!fact.alternatives.length)
    return fact.value.uncertain ? `The source gives this date with doubt (${fact.value.text}).` : undefined
  return describeDispute(
    index,
    { text: fact.value.text, sources: fact.sources },
    fact.alternatives.map((a) => ({ text: a.value.text, sources: a.sources, ...(a.note ? { note: a.note } : {}) })),
  )
}

export function lifeAsks(index: DeckIndex, entity: Entity, facts: readonly Fact[], emit: Emit): void {
  const S = nameInSentence(entity)
  const Cap = capitalize(S)
  for (const fact of facts) {
    if (fact.type === 'date') dateAsk(index, entity, fact, emit)
    else if (fact.type === 'place') placeAsk(index, entity, fact, facts, emit)
    else if (fact.type === 'number' && fact.key === 'ageAtDeath') statedAgeAsk(index, entity, fact, emit)
  }
  if (entity.kind === 'person' && !facts.some((f) => f.type === 'number' && f.key === 'ageAtDeath'))
    computedAgeAsk(index, entity, emit)

  const byKey = (key: RelationFact['key']) =>
    facts.filter((f): f is RelationFact => f.type === 'relation' && f.key === key)
  const dynasty = byKey('dynasty')
  if (dynasty.length) {
    // One dynasty per person: the stated one proves every other wrong.
    const proof = `${Cap} belonged to the ${stated(index, dynasty)} dynasty`
    const answers = entityAnswers(index, dynasty, { pools: ['dynasty'], wrongBecause: () => proof })
    if (answers)
      emit({
        key: `dynasty/${entity.id}`,
        subject: entity,
        relation: 'dynasty',
        facts: dynasty,
        prompt: `To which dynasty did ${S} belong?`,
        statement: `${Cap} belonged to the {} dynasty.`,
        explanation: withNote(
          fill(`${Cap} belonged to the {} dynasty`, names(index, answers.answer.correct)),
          dynasty[0] as RelationFact,
        ),
        answer: answers.answer,
        ...(answers.dispute ? { dispute: answers.dispute } : {}),
      })
  }
  const titles = byKey('title')
  if (titles.length) {
    // A person may hold titles the deck does not list: no other title is provably not held, so
    // the card is asked typed only.
    const answers = entityAnswers(index, titles, {
      pools: ['title'],
      exclude: index.heldBy.get(entity.id) ?? [],
      wrongBecause: NOTHING_PROVES_WRONG,
    })
    if (answers) {
      const several = answers.answer.correct.length > 1
      emit({
        key: `title/${entity.id}`,
        subject: entity,
        relation: 'title',
        facts: titles,
        prompt: several ? `Which of these titles did ${S} hold?` : `Which title did ${S} hold?`,
        typedPrompt: `Name a title held by ${S}.`,
        statement: `${Cap} held the title {}.`,
        explanation: `${Cap} held the title${several ? 's' : ''} ${names(index, answers.answer.correct)}.`,
        answer: answers.answer,
        ...(answers.dispute ? { dispute: answers.dispute } : {}),
      })
    }
  }
  const participants = byKey('participant')
  if (participants.length) {
    const date = facts.find((f): f is DateFact => f.type === 'date' && f.key === 'event')
    const proofs = proofsOf(index)
    const when = date ? `${S} (${date.value.text})` : S
    // Anyone may have taken part unless the deck has them unborn or dead by then, and only
    // someone who missed it by a few years is a plausible wrong option.
    const wrongBecause = (id: string): string | undefined => {
      if (!date || date.alternatives.length) return undefined
      const { min, max } = yearBounds(date.value)
      const life = proofs.life(id)
      if (life.born && life.born.min <= addYears(max, PARTICIPANT_MISS)) {
        const late = proofs.bornAfter(id, max, when)
        if (late) return late
      }
      if (life.died && life.died.max >= addYears(min, -PARTICIPANT_MISS)) return proofs.diedBefore(id, min, when)
      return undefined
    }
    const answers = entityAnswers(index, participants, {
      pools: ['person'],
      exclude: [entity.id],
      wrongBecause: !date || date.alternatives.length ? NOTHING_PROVES_WRONG : wrongBecause,
      ...(date ? { year: date.value.start.year } : {}),
    })
    const words = participation(entity)
    if (answers)
      emit({
        key: `participant/${entity.id}`,
        subject: entity,
        relation: 'participant',
        facts: participants,
        prompt: words.prompt,
        typedPrompt: words.typedPrompt,
        statement: words.statement,
        explanation:
          answers.answer.correct.length > 1
            ? `${names(index, answers.answer.correct)} ${words.verb}.`
            : fill(words.statement, names(index, answers.answer.correct)),
        answer: answers.answer,
        ...(answers.dispute ? { dispute: answers.dispute } : {}),
      })
  }
}

/** How many years after an event a wrong participant may have died, or before it been born. */
const PARTICIPANT_MISS = 20

/** The names a fact's value and alternatives give: "Constantinople", "A or B". */
function stated(index: DeckIndex, facts: ReadonlyArray<RelationFact | PlaceFact>): string {
  const ids = [...new Set(facts.flatMap((f) => [f.value, ...f.alternatives.map((a) => a.value)]))]
  return ids.map((id) => index.entities.get(id)?.name ?? id).join(' or ')
}

const names = (index: DeckIndex, ids: readonly string[]): string => {
  const list = ids.map((id) => index.entities.get(id)?.name ?? id)
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
}

/** Every death date the sources give for a person (none known: undefined): a deed lies before them. */
export function lifeEnd(index: DeckIndex, id: string): HistoricalDate[] | undefined {
  const died = index.died.get(id)
  return died ? [died.value, ...died.alternatives.map((a) => a.value)] : undefined
}

function dateAsk(index: DeckIndex, entity: Entity, fact: DateFact, emit: Emit): void {
  const S = nameInSentence(entity)
  const Cap = capitalize(S)
  const born = index.born.get(entity.id)?.value.start.year
  const died = index.died.get(entity.id)?.value.start.year
  let prompt: string
  let statement: string
  let key: string
  let minYear: number | undefined
  let maxYear: number | undefined
  let notAfter: HistoricalDate[] | undefined
  if (fact.key === 'born') {
    key = `born/${entity.id}`
    prompt = `When was ${S} born?`
    statement = `${Cap} was born {}.`
    if (died !== undefined) [minYear, maxYear] = [died - MAX_AGE, died - 1]
  } else if (fact.key === 'died') {
    key = `died/${entity.id}`
    prompt = `When did ${S} die?`
    statement = `${Cap} died {}.`
    if (born !== undefined) [minYear, maxYear] = [born + 1, born + MAX_AGE]
  } else if (fact.label) {
    key = `event/${entity.id}/${fact.event ?? fact.id}`
    prompt = fact.ask ? fact.ask.replaceAll('{name}', S) : askAboutLabel('When', S, fact.label)
    statement = `${Cap} ${fact.label} {}.`
    // A wrong year for something a person did is one of their later years: never the birth year
    // itself ("proclaimed co-emperor in 1370", the year he was born, reads as a trick).
    if (born !== undefined) minYear = born + 1
    if (died !== undefined) maxYear = died
    notAfter = lifeEnd(index, entity.id)
  } else {
    key = `event/${entity.id}`
    const words = eventWhen(entity)
    prompt = fact.ask ? fact.ask.replaceAll('{name}', S) : words.prompt
    statement = words.statement
  }
  const dispute = dateDispute(index, fact)
  emit({
    key,
    subject: entity,
    relation: fact.key,
    facts: [fact],
    prompt,
    statement,
    explanation: withNote(statement.replace('{}', datePhrase(fact.value)).replace(/\.$/, ''), fact),
    answer: {
      type: 'date',
      date: fact.value,
      alternatives: fact.alternatives.map((a) => a.value),
      ...(minYear !== undefined ? { minYear } : {}),
      ...(maxYear !== undefined ? { maxYear } : {}),
      ...(notAfter ? { notAfter } : {}),
    },
    ...(dispute ? { dispute } : {}),
  })
}

function placeAsk(index: DeckIndex, entity: Entity, fact: PlaceFact, facts: readonly Fact[], emit: Emit): void {
  const S = nameInSentence(entity)
  const Cap = capitalize(S)
  let prompt: string
  let statement: string
  let key: string
  if (fact.key === 'bornAt') {
    key = `bornAt/${entity.id}`
    prompt = `Where was ${S} born?`
    statement = `${Cap} was born in {}.`
  } else if (fact.key === 'diedAt') {
    key = `diedAt/${entity.id}`
    prompt = `Where did ${S} die?`
    statement = `${Cap} died in {}.`
  } else {
    // `location:<person>:<event>` is where a person's event happened; else the event entity's place.
    const eventId = fact.id.split(':')[2]
    const event = eventId
      ? facts.find((f): f is DateFact => f.type === 'date' && f.key === 'event' && f.event === eventId)
      : undefined
    if (eventId && event?.label) {
      key = `location/${entity.id}/${eventId}`
      prompt = askAboutLabel('Where', S, event.label)
      statement = `${Cap} ${event.label} in {}.`
    } else {
      key = eventId ? `location/${entity.id}/${eventId}` : `location/${entity.id}`
      ;({ prompt, statement } = eventWhere(entity))
    }
  }
  const proof = fill(statement, stated(index, [fact]), index.onPlaces).replace(/\.$/, '')
  const answers = entityAnswers(index, [fact], { pools: ['place'], wrongBecause: () => proof })
  if (!answers) return
  emit({
    key,
    subject: entity,
    relation: fact.key,
    facts: [fact],
    prompt,
    statement,
    explanation: withNote(
      fill(statement, index.entities.get(fact.value)?.name ?? fact.value, index.onPlaces).replace(/\.$/, ''),
      fact,
    ),
    answer: answers.answer,
    ...(answers.dispute ? { dispute: answers.dispute } : {}),
  })
}

function agePrompt(entity: Entity): { prompt: string; statement: string } {
  const S = entity.name
  const he = pronoun(entity.gender)
  return he
    ? { prompt: `How old was ${S} when ${he} died?`, statement: `${S} was {} old when ${he} died.` }
    : { prompt: `How old was ${S} at death?`, statement: `${S} was {} old at death.` }
}

const ageBounds = (d: Duration) => ({ min: Math.max(1, d.min - 15), max: Math.min(MAX_AGE, d.max + 15) })

function statedAgeAsk(index: DeckIndex, entity: Entity, fact: NumberFact, emit: Emit): void {
  const { prompt, statement } = agePrompt(entity)
  const duration: Duration = { unit: 'years', min: fact.value, max: fact.value }
  const dispute = fact.alternatives.length
    ? describeDispute(
        index,
        { text: String(fact.value), sources: fact.sources },
        fact.alternatives.map((a) => ({
          text: String(a.value),
          sources: a.sources,
          ...(a.note ? { note: a.note } : {}),
        })),
      )
    : undefined
  // Ages the dates allow (born "1370", died 1408: 37 too) are never offered as wrong.
  const dated = agesFromDates(index, entity)
  const notWrong: number[] = []
  if (dated) for (let v = dated.min; v <= dated.max; v++) if (v !== fact.value) notWrong.push(v)
  emit({
    key: `ageAtDeath/${entity.id}`,
    subject: entity,
    relation: 'ageAtDeath',
    facts: [fact],
    prompt,
    statement,
    explanation: withNote(`${entity.name} died at the age of ${fact.value}`, fact),
    answer: {
      type: 'number',
      duration,
      ...(fact.alternatives.length ? { alsoAccepted: fact.alternatives.map((a) => a.value) } : {}),
      ...(notWrong.length ? { notWrong } : {}),
      ...ageBounds(duration),
    },
    ...(dispute ? { dispute } : {}),
  })
}

/**
 * Age at death from the dates when the deck does not state it: born "1370", died
 * "22 September 1408" gives 37 or 38, and both are accepted. Disputed dates widen the range.
 */
function computedAgeAsk(index: DeckIndex, entity: Entity, emit: Emit): void {
  const born = index.born.get(entity.id)
  const died = index.died.get(entity.id)
  const ages = agesFromDates(index, entity)
  if (!born || !died || !ages || ages.max - ages.min > 3) return
  const { min, max } = ages
  const duration: Duration = { unit: 'years', min, max }
  const { prompt, statement } = agePrompt(entity)
  // An age from a disputed or doubted date ("1377?") is asked with the dispute, never as settled.
  const disputed =
    born.alternatives.length > 0 || died.alternatives.length > 0 || born.value.uncertain || died.value.uncertain
  const ageText = durationRangeText(duration)
  const reason =
    min === max ? '' : disputed ? ', as the sources give the dates differently' : ', depending on the day of birth'
  const explanation = `Born ${born.value.text} and died ${died.value.text}: ${entity.name} was ${ageText} old${reason}.`
  emit({
    key: `ageAtDeath/${entity.id}`,
    subject: entity,
    relation: 'ageAtDeath',
    facts: [born, died],
    prompt,
    ...(min === max ? { statement } : {}),
    explanation,
    answer: { type: 'number', duration, ...ageBounds(duration) },
    ...(disputed ? { dispute: joinDisputes([dateDispute(index, born), dateDispute(index, died)]) } : {}),
  })
}

/** The ages at death the birth and death dates allow, alternatives included; none when imprecise. */
function agesFromDates(index: DeckIndex, entity: Entity): { min: number; max: number } | undefined {
  const born = index.born.get(entity.id)
  const died = index.died.get(entity.id)
  if (!born || !died) return undefined
  let min = Infinity
  let max = -Infinity
  for (const b of [born.value, ...born.alternatives.map((a) => a.value)])
    for (const d of [died.value, ...died.alternatives.map((a) => a.value)]) {
      const age = ageBetween(b, d)
      if (!age) continue
      min = Math.min(min, age.min)
      max = Math.max(max, age.max)
    }
  return Number.isFinite(min) ? { min, max } : undefined
}

/** Pools for a person of the given gender. */
export const genderPools = (gender: Entity['gender']): PoolName[] =>
  gender === 'male' ? ['male'] : gender === 'female' ? ['female'] : ['person']
