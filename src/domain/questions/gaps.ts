// Wrong fillers for the gaps of text facts (cloze): a gap naming a deck entity gets entities of
// the same kind (and gender, for people); a number gets nearby numbers; any other gap gets other
// gaps of the same shape (as many words, name-like or not), and fewer options rather than absurd ones.
import type { Entity } from '../deck/types'
import type { Random } from '../random'
import type { PoolName, TextAnswer } from './ask'
import { normalizeAnswer, regnalShortName } from './answers'
import type { DeckIndex } from './deck-index'
import { pickBest, pickNumbers, type Pools, type Scored } from './distractors'

interface Gap {
  text: string
  key: string
  words: number
  nameLike: boolean
  /** The entity the gap names (its name, an alias or its short regnal name), if any. */
  entity: Entity | undefined
}

const LOWER_WORDS = new Set(['of', 'the', 'and', 'in', 'de', 'von', 'van', 'a', 'da', 'di', 'del', 'la', 'le'])
const SCAN = 64
const CANDIDATES = 8

/** "Christ Pantocrator", "Extracts of History": every word capitalised but small linking words. */
const isNameLike = (text: string): boolean => text.split(/\s+/).every((w) => LOWER_WORDS.has(w) || !/^\p{Ll}/u.test(w))

export class GapDistractors {
  private owners: Map<string, string | null> | undefined
  private shaped: Gap[] | undefined

  constructor(
    private readonly index: DeckIndex,
    private readonly pools: Pools,
    private readonly texts: () => string[],
  ) {}

  /** Normalized name, alias or short name → the one entity it names (null when several). */
  private ownerOf(key: string): Entity | undefined {
    if (!this.owners) {
      this.owners = new Map()
      for (const [id, { forms }] of this.index.forms)
        for (const form of forms) {
          const k = normalizeAnswer(form)
          const owner = this.owners.get(k)
          this.owners.set(k, owner === undefined || owner === id ? id : null)
        }
    }
    const id = this.owners.get(key)
    return id ? this.index.entities.get(id) : undefined
  }

  private shape(text: string): Gap {
    const trimmed = text.trim()
    const key = normalizeAnswer(trimmed)
    return {
      text: trimmed,
      key,
      words: trimmed.split(/\s+/).length,
      nameLike: isNameLike(trimmed),
      entity: this.ownerOf(key),
    }
  }

  private get gaps(): Gap[] {
    return (this.shaped ??= this.texts().map((t) => this.shape(t)))
  }

  /**
   * What a learner may type for a gap: the gap as written; for a gap naming a deck entity, that
   * entity's accepted forms too ("Andronikos IV" accepts "Andronicus IV"); for a name of someone
   * the deck does not hold ("Joannes Zonaras"), the surname when no one in the deck shares it.
   */
  typedForms(text: string): { forms: string[]; as: string[] } {
    const gap = this.shape(text)
    const forms = [gap.text]
    if (gap.entity) {
      const own = this.index.forms.get(gap.entity.id)
      for (const f of own?.forms ?? [])
        if (normalizeAnswer(f) !== gap.key && !forms.some((x) => normalizeAnswer(x) === normalizeAnswer(f)))
          forms.push(f)
      return { forms, as: forms.map(() => gap.text) }
    }
    const words = gap.text.split(/\s+/)
    const surname = words[words.length - 1] as string
    if (gap.nameLike && words.length === 2 && !words.some((w) => LOWER_WORDS.has(w)) && !/\d/.test(gap.text)) {
      const key = normalizeAnswer(surname)
      const taken = this.index.deck.entities.some(
        (e) => e.kind === 'person' && [e.name, ...e.aliases].some((n) => normalizeAnswer(n).split(' ').includes(key)),
      )
      if (!taken && this.ownerOf(key) === undefined && key.length > 3) forms.push(surname)
    }
    return { forms, as: forms.map(() => gap.text) }
  }

  pick(answer: TextAnswer, subjectId: string, random: Random): Scored[] {
    const gap = this.shape(answer.text)
    const excluded = new Set([gap.key, ...answer.exclude.map(normalizeAnswer)])
    // A wrong option already written elsewhere in the sentence would read oddly (or be right).
    const context = answer.context ? ` ${normalizeAnswer(answer.context)} ` : ''
    const usable = (key: string) => key !== '' && !excluded.has(key) && !context.includes(` ${key} `)
    if (/^\d{1,4}$/.test(gap.text)) {
      const value = Number(gap.text)
      return pickNumbers(value, [], Math.max(0, value - 40), value + 40, random).filter((s) => usable(s.text))
    }
    if (gap.entity) return this.entities(gap, gap.entity, excluded, usable, subjectId, random)
    const out: Scored[] = []
    const { gaps } = this
    if (!gaps.length) return out
    const start = Math.floor(random() * gaps.length)
    for (let i = 0; i < Math.min(gaps.length, SCAN) && out.length < CANDIDATES; i++) {
      const other = gaps[(start + i) % gaps.length] as Gap
      if (
        other.entity ||
        other.words !== gap.words ||
        other.nameLike !== gap.nameLike ||
        /^\d+$/.test(other.key) ||
        !usable(other.key)
      )
        continue
      excluded.add(other.key)
      out.push({ text: other.text, score: 0.5 })
    }
    return pickBest(out, random)
  }

  /** Entities of the answer's kind (people of its gender), written the way the gap writes the answer. */
  private entities(
    gap: Gap,
    entity: Entity,
    excluded: ReadonlySet<string>,
    usable: (key: string) => boolean,
    subjectId: string,
    random: Random,
  ): Scored[] {
    const pools: PoolName[] = entity.kind === 'person' ? [entity.gender ?? 'person'] : [`kind:${entity.kind}`]
    const short = gap.key !== normalizeAnswer(entity.name) && regnalShortName(entity.name) !== undefined
    const excludeIds = new Set<string>()
    for (const key of excluded) {
      const owner = this.ownerOf(key)
      if (owner) excludeIds.add(owner.id)
    }
    const shown = (name: string) => (short ? (regnalShortName(name) ?? name) : name)
    const reject = (name: string) => !usable(normalizeAnswer(shown(name)))
    return this.pools
      .pickEntities(entity.id, pools, excludeIds, this.index.yearOf.get(entity.id), random, subjectId, reject)
      .map((s) => ({ ...s, text: shown(s.text) }))
  }
}
