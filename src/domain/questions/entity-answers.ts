// Right answers of a card whose answer is an entity (a parent, a place, a dynasty…), from the
// facts that give it: settled values are correct; disputed values and their alternatives are
// accepted when typed and never offered as wrong options, and make the card disputed when
// nothing settled is left.
import type { PlaceFact, RelationFact } from '../deck/types'
import type { EntityAnswer, PoolName } from './ask'
import type { DeckIndex } from './deck-index'
import { describeDispute, joinDisputes } from './dispute'
import { joinList } from './prompts'

export interface EntityAnswers {
  answer: EntityAnswer
  dispute?: string
}

export function entityAnswers(
  index: DeckIndex,
  facts: ReadonlyArray<RelationFact | PlaceFact>,
  options: {
    pools: readonly PoolName[]
    exclude?: Iterable<string>
    year?: number
    /** See EntityAnswer.wrongBecause. */
    wrongBecause: (id: string) => string | undefined
  },
): EntityAnswers | undefined {
  const settled = facts.filter((f) => !f.alternatives.length)
  const disputed = facts.filter((f) => f.alternatives.length)
  const exclude = new Set<string>(options.exclude ?? [])
  for (const f of facts) {
    exclude.add(f.value)
    for (const a of f.alternatives) exclude.add(a.value)
  }
  const name = (id: string) => index.entities.get(id)?.name ?? id
  const base = {
    type: 'entity' as const,
    exclude,
    pools: options.pools,
    wrongBecause: options.wrongBecause,
    ...(options.year !== undefined ? { year: options.year } : {}),
  }
  if (settled.length) {
    const correct = unique(settled.map((f) => f.value))
    const also = unique(disputed.flatMap((f) => [f.value, ...f.alternatives.map((a) => a.value)])).filter(
      (v) => !correct.includes(v),
    )
    return { answer: { ...base, correct, ...(also.length ? { alsoAccepted: also } : {}) } }
  }
  if (!disputed.length) return undefined
  const correct = unique(disputed.map((f) => f.value))
  const also = unique(disputed.flatMap((f) => f.alternatives.map((a) => a.value))).filter((v) => !correct.includes(v))
  const dispute = joinDisputes(
    disputed.map((f) =>
      describeDispute(
        index,
        { text: name(f.value), sources: f.sources, ...(f.note ? { note: f.note } : {}) },
        f.alternatives.map((a) => ({ text: name(a.value), sources: a.sources, ...(a.note ? { note: a.note } : {}) })),
      ),
    ),
  )
  return { answer: { ...base, correct, alsoAccepted: also }, dispute }
}

/** Names of the right answers for an explanation: "A", "A and B". */
export function answerNames(index: DeckIndex, answer: EntityAnswer): string {
  return joinList(answer.correct.map((id) => index.entities.get(id)?.name ?? id))
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)]
}
