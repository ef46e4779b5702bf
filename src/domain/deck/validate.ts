// Validation of a deck object (already parsed from YAML/JSON, or built by an importer or a share
// link): structure (schema.ts via structure.ts), then normalization (normalize.ts), then the
// meaning checks below — references, kinds, sources, family cycles, dates that contradict each
// other. Every problem is reported, not just the first. No YAML here: the browser can use this.
import { dateBounds } from './dates'
import { DeckError, IssueList, type DeckIssue, type Locate, type Path } from './issues'
import { checkNames } from './names'
import { normalizeDeckFile, type DeckTrace } from './normalize'
import { DeckFileSchema, KNOWN_KINDS, type DeckFile } from './schema'
import { checkStructure, describeValue } from './structure'
import { closestMatch, didYouMean } from './suggest'
import { describeInvisible, removeInvisible } from '../text/invisible'
import type { Deck, Entity, Fact, HistoricalDate, RelationFact } from './types'

export interface ValidateOptions {
  /** Shown in every issue (`content/john-vii.yaml:12:5: error: …`). */
  file?: string
  /** Places a path in the source text; without it every issue is at line 1, column 1. */
  locate?: Locate
}

export interface DeckResult {
  /** Present only when there are no errors (warnings allowed). */
  deck?: Deck
  /** Errors and warnings, in file order. */
  issues: DeckIssue[]
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const DECK_SHAPE = 'a mapping with `id`, `title`, and `entities` or `cards`'
const EVENT_FIELDS = ['date', 'place', 'participants', 'outcome'] as const

/** Validate and normalize a deck object. */
export function validateDeckObject(raw: unknown, options: ValidateOptions = {}): DeckResult {
  const issues = new IssueList(options.file, options.locate)
  const finish = (deck?: Deck): DeckResult =>
    issues.hasErrors || !deck ? { issues: issues.sorted() } : { deck, issues: issues.sorted() }

  if (!isPlainObject(raw) || !['id', 'title', 'entities', 'cards'].some((key) => Object.hasOwn(raw, key))) {
    issues.error('not-a-deck', [], `this is not a deck: found ${describeValue(raw)}`, { expected: DECK_SHAPE })
    return finish()
  }
  const structure = checkStructure(DeckFileSchema, raw, issues)
  // Keep checking the rest even when the deck's own id or title is broken.
  const file: DeckFile | undefined =
    structure.value ?? checkStructure(DeckFileSchema, { ...raw, id: 'deck', title: 'deck' }).value
  if (raw.entities === undefined && raw.cards === undefined) {
    issues.error('not-a-deck', [], 'the deck has no entities and no cards', { expected: DECK_SHAPE })
  }
  if (!file) return finish()

  const declared = {
    entities: new Set(isPlainObject(raw.entities) ? Object.keys(raw.entities) : []),
    sources: new Set(isPlainObject(raw.sources) ? Object.keys(raw.sources) : []),
  }
  checkKindFields(file, issues)
  checkInvisible(file, issues)
  const { deck, trace } = normalizeDeckFile(file, issues)
  checkDeck(deck, trace, issues, declared)
  checkNames(deck, new Map(Object.entries(file.entities ?? {})), issues)
  return finish(deck)
}

/** The deck, or a DeckError listing every error. */
export function deckOrThrow(result: DeckResult): Deck {
  if (!result.deck) throw new DeckError(result.issues.filter((issue) => issue.severity === 'error'))
  return result.deck
}

/**
 * Names and titles with zero-width or direction characters inside: pasted along with the text,
 * they make a name look reversed or a second person out of the same name (names are compared
 * without them, see nameKey).
 */
function checkInvisible(file: DeckFile, issues: IssueList): void {
  const warn = (path: Path, text: string, what: string) => {
    const found = describeInvisible(text)
    if (!found) return
    issues.warning(
      'invisible-characters',
      path,
      `the ${what} \`${removeInvisible(text)}\` contains an invisible character (${found})`,
      {
        hint: 'delete it: retype the text, or paste it as plain text',
      },
    )
  }
  warn(['title'], file.title, 'title')
  for (const [id, entity] of Object.entries(file.entities ?? {})) {
    warn(['entities', id, 'name'], entity.name, 'name')
    const aliases = entity.aliases
    if (typeof aliases === 'string') warn(['entities', id, 'aliases'], aliases, 'alias')
    else aliases?.forEach((alias, i) => warn(['entities', id, 'aliases', i], alias, 'alias'))
  }
}

/** Fields that only make sense for some kinds; a kind that looks like a typo of a usual one. */
function checkKindFields(file: DeckFile, issues: IssueList): void {
  for (const [id, entity] of Object.entries(file.entities ?? {})) {
    const path = ['entities', id]
    if (entity.gender !== undefined && entity.kind !== 'person') {
      issues.error('field-not-for-kind', [...path, 'gender'], '`gender` is for people only', {
        target: 'key',
        hint: `remove \`gender\`, or set \`kind: person\` if \`${id}\` is a person`,
      })
    }
    if (entity.kind === 'person') {
      for (const field of EVENT_FIELDS) {
        if (entity[field] === undefined) continue
        issues.error('field-not-for-kind', [...path, field], `\`${field}\` is for events, not people`, {
          target: 'key',
          hint: 'for a person use `born`, `died` or `events`',
        })
      }
    }
    if (!(KNOWN_KINDS as readonly string[]).includes(entity.kind)) {
      const usual = closestMatch(entity.kind, KNOWN_KINDS)
      if (usual) {
        issues.warning('unusual-kind', [...path, 'kind'], `kind \`${entity.kind}\` is not one of the usual kinds`, {
          hint: `did you mean \`${usual}\`?`,
        })
      }
    }
  }
}

/** The meaning checks on a normalized deck; `declared` holds ids whose entries were broken (no second error). */
export function checkDeck(
  deck: Deck,
  trace: DeckTrace,
  issues: IssueList,
  declared: { entities: Set<string>; sources: Set<string> },
): void {
  const entities = new Map(deck.entities.map((entity) => [entity.id, entity]))
  const factPath = (fact: Fact): Path => trace.facts.get(fact.id)?.path ?? ['entities', fact.subject]

  for (const use of trace.refs) {
    const entity = entities.get(use.id)
    if (!entity) {
      if (declared.entities.has(use.id)) continue
      issues.error('unknown-entity', use.path, `unknown entity \`${use.id}\` in \`${use.field}\``, {
        hint: didYouMean(use.id, entities.keys()) ?? 'add it under `entities`, or correct the id',
      })
    } else if (use.kinds && !use.kinds.includes(entity.kind)) {
      issues.error(
        'wrong-kind',
        use.path,
        `\`${use.id}\` is ${article(entity.kind)}, but \`${use.field}\` needs ${use.kinds.map(article).join(' or ')}`,
      )
    }
  }
  const sourceIds = deck.sources.map((source) => source.id)
  for (const use of trace.sources) {
    if (sourceIds.includes(use.id) || declared.sources.has(use.id)) continue
    issues.error('unknown-source', use.path, `unknown source \`${use.id}\``, {
      hint: didYouMean(use.id, sourceIds) ?? 'add it under `sources`, or correct the id',
    })
  }
  for (const fact of deck.facts) {
    if (fact.sources.length === 0) {
      issues.warning('missing-source', factPath(fact), `no source for ${describeFact(fact)}`, {
        hint: 'add `source:` to the fact, or to its entity for all its facts',
      })
    }
  }
  checkParents(deck, entities, factPath, issues)
  checkAncestry(deck, factPath, issues)
  checkMarriages(deck, trace, issues)
  checkLifeDates(deck, trace, entities, issues)
  checkCards(deck, trace, issues)
}

const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`

function describeFact(fact: Fact): string {
  if (fact.type === 'tenure') return `the tenure of \`${fact.value.office}\``
  if (fact.type === 'relation') return `\`${fact.key}: ${fact.value}\``
  return `\`${fact.key}\` of \`${fact.subject}\``
}

/** At most one father and one mother; a father must not be female, nor a mother male. */
function checkParents(
  deck: Deck,
  entities: Map<string, Entity>,
  factPath: (fact: Fact) => Path,
  issues: IssueList,
): void {
  const seen = new Map<string, RelationFact>()
  for (const fact of deck.facts) {
    if (fact.type !== 'relation' || (fact.key !== 'parent' && fact.key !== 'adoptiveParent')) continue
    const adoptive = fact.key === 'adoptiveParent'
    const field = (role: string) => (adoptive ? `adoptive${role === 'father' ? 'Father' : 'Mother'}` : role)
    const gender = entities.get(fact.value)?.gender
    if ((fact.role === 'father' && gender === 'female') || (fact.role === 'mother' && gender === 'male')) {
      issues.error(
        'gender-mismatch',
        factPath(fact),
        `\`${fact.value}\` is listed as the ${adoptive ? 'adoptive ' : ''}${fact.role} of \`${fact.subject}\` but is ${gender}`,
        {
          hint: `use \`${field(fact.role === 'father' ? 'mother' : 'father')}\`, or correct the gender of \`${fact.value}\``,
        },
      )
      continue
    }
    const role = fact.role ?? (gender === 'male' ? 'father' : gender === 'female' ? 'mother' : undefined)
    if (!role) continue
    const key = `${fact.key}:${fact.subject}:${role}`
    const first = seen.get(key)
    if (!first) {
      seen.set(key, fact)
      continue
    }
    issues.error(
      'too-many-parents',
      factPath(fact),
      `\`${fact.subject}\` has more than one ${adoptive ? 'adoptive ' : ''}${role}: \`${first.value}\` and \`${fact.value}\``,
      {
        hint: adoptive
          ? `keep the ${role} the main source gives; another source's goes under \`disputed\``
          : `a ${role} by adoption goes under \`${role === 'father' ? 'adoptiveFather' : 'adoptiveMother'}\`; if sources disagree on who was the ${role}, keep one and list the other under \`disputed\``,
      },
    )
  }
}

/** Marriages end after they start; nobody has two marriages with the same `order`. */
function checkMarriages(deck: Deck, trace: DeckTrace, issues: IssueList): void {
  for (const fact of deck.facts) {
    if (fact.type !== 'relation' || fact.key !== 'spouse' || !fact.marriage) continue
    const { start, end } = fact.marriage
    const at = trace.facts.get(fact.id)
    if (start && end && definitelyBefore(end, start))
      issues.error(
        'end-before-start',
        at?.end ?? at?.path ?? ['entities', fact.subject],
        `the marriage of \`${fact.subject}\` and \`${fact.value}\` ends (${end.text}) before it starts (${start.text})`,
        { hint: 'swap `from` and `to`, or correct one of them' },
      )
  }
  const orders = new Map<string, (typeof trace.orders)[number]>()
  for (const use of trace.orders) {
    const key = `${use.person}:${use.order}`
    const first = orders.get(key)
    if (!first) {
      orders.set(key, use)
      continue
    }
    if (first.fact === use.fact) continue
    const other = (id: string) => id.split(':').find((part, i) => i > 0 && part !== use.person) ?? id
    issues.error(
      'duplicate-order',
      use.path,
      `\`${use.person}\` has two marriages with \`order: ${use.order}\`: to \`${other(first.fact)}\` and to \`${other(use.fact)}\``,
      { hint: '`order` counts the marriages of the person it is written on: 1, 2, 3…' },
    )
  }
}

/** Nobody is their own ancestor: look for a cycle through parent facts. */
function checkAncestry(deck: Deck, factPath: (fact: Fact) => Path, issues: IssueList): void {
  const parents = new Map<string, RelationFact[]>()
  for (const fact of deck.facts) {
    if (fact.type !== 'relation' || (fact.key !== 'parent' && fact.key !== 'adoptiveParent')) continue
    parents.set(fact.subject, [...(parents.get(fact.subject) ?? []), fact])
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (person: string): void => {
    state.set(person, 'visiting')
    stack.push(person)
    for (const fact of parents.get(person) ?? []) {
      const status = state.get(fact.value)
      if (status === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(fact.value)), fact.value]
        issues.error(
          'ancestor-cycle',
          factPath(fact),
          `\`${fact.value}\` would be their own ancestor: ${cycle.join(' → ')}`,
          {
            hint: 'check which side of this parent link is the child',
          },
        )
      } else if (status === undefined) visit(fact.value)
    }
    stack.pop()
    state.set(person, 'done')
  }
  for (const person of parents.keys()) if (!state.has(person)) visit(person)
}

const definitelyBefore = (a: HistoricalDate, b: HistoricalDate) => dateBounds(a).latest < dateBounds(b).earliest

/** Death after birth; tenures that end after they start and fall within the holder's life. */
function checkLifeDates(deck: Deck, trace: DeckTrace, entities: Map<string, Entity>, issues: IssueList): void {
  const life = new Map<string, { born?: HistoricalDate; died?: HistoricalDate }>()
  for (const fact of deck.facts) {
    if (fact.type !== 'date' || (fact.key !== 'born' && fact.key !== 'died')) continue
    life.set(fact.subject, { ...life.get(fact.subject), [fact.key]: fact.value })
  }
  for (const fact of deck.facts) {
    const at = trace.facts.get(fact.id)
    if (!at) continue
    if (fact.type === 'date' && fact.key === 'died') {
      const born = life.get(fact.subject)?.born
      if (born && definitelyBefore(fact.value, born)) {
        issues.error(
          'death-before-birth',
          at.value,
          `\`${fact.subject}\` dies (${fact.value.text}) before being born (${born.text})`,
          {
            hint: 'check both dates; BC years are written `44 BC`',
          },
        )
      }
    }
    if (fact.type !== 'tenure') continue
    const { start, end } = fact.value
    if (start && end && definitelyBefore(end, start)) {
      issues.error(
        'end-before-start',
        at.end ?? at.path,
        `the tenure ends (${end.text}) before it starts (${start.text})`,
        {
          hint: 'swap `from` and `to`, or correct one of them',
        },
      )
    }
    fact.value.coRulers.forEach((co, i) => {
      if (co.start && co.end && definitelyBefore(co.end, co.start))
        issues.error(
          'end-before-start',
          [...at.path, 'coRulers', i],
          `co-ruler \`${co.who}\` ends (${co.end.text}) before starting (${co.start.text})`,
        )
    })
    const { born, died } = life.get(fact.subject) ?? {}
    const name = entities.get(fact.subject)?.name ?? fact.subject
    if (start && born && definitelyBefore(start, born)) {
      issues.warning(
        'tenure-outside-lifetime',
        at.start ?? at.path,
        `the tenure starts (${start.text}) before ${name} was born (${born.text})`,
        {
          hint: 'check the dates of the tenure and of the birth',
        },
      )
    }
    if (end && died && definitelyBefore(died, end)) {
      issues.warning(
        'tenure-outside-lifetime',
        at.end ?? at.path,
        `the tenure ends (${end.text}) after ${name} died (${died.text})`,
        {
          hint: 'check the dates of the tenure and of the death',
        },
      )
    }
  }
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

function checkCards(deck: Deck, trace: DeckTrace, issues: IssueList): void {
  for (const card of deck.cards) {
    const path = trace.cards.get(card.id) ?? ['cards']
    if (card.type === 'choice') {
      card.options.forEach((option, i) => {
        if (card.options.findIndex((other) => sameText(other, option)) < i)
          issues.error('invalid-card', [...path, 'choices', i], `the choice \`${option}\` is listed twice`, {
            hint: 'every choice must be different',
          })
      })
      if (!card.options.includes(card.answer)) {
        issues.error('invalid-card', [...path, 'answer'], `the answer \`${card.answer}\` is not one of the choices`, {
          expected: `one of ${card.options.map((o) => `\`${o}\``).join(', ')}`,
          hint: didYouMean(card.answer, card.options, { ignoreCase: true }) ?? 'add the answer to `choices`',
        })
      }
    }
    if (card.type === 'cloze') {
      const gaps = [...card.text.matchAll(/\{\{(.*?)\}\}/gs)].map((m) => m[1] as string)
      if (gaps.length === 0 || gaps.some((gap) => !gap.trim())) {
        issues.error(
          'invalid-card',
          [...path, 'cloze'],
          gaps.length === 0 ? 'the cloze has no gap' : 'the cloze has an empty gap',
          {
            expected: 'text with at least one gap, like `The capital was {{Constantinople}}.`',
          },
        )
      }
    }
  }
}
