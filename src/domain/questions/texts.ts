// Text facts (captions, outcomes, notes) whose answerable parts are marked `{{…}}`: one cloze
// card per gap, the other gaps shown as written.
import { slugify } from '../deck/structure'
import type { DeckImage, Entity, Fact, TextFact } from '../deck/types'
import type { Ask } from './ask'
import { normalizeAnswer } from './answers'
import type { QuestionImage } from './types'
import { nameInSentence, sentence } from './prompts'

type Emit = (ask: Ask) => void

const GAP = /\{\{(.+?)\}\}/gs
export const BLANK = '_____'

/** The marked parts of a text, in order. */
export const gapsOf = (text: string): string[] => [...text.matchAll(GAP)].map((m) => (m[1] as string).trim())

/** The text as displayed: marks removed. */
export const stripMarks = (text: string): string => text.replace(GAP, '$1')

/** The text with gap `n` blanked and the others shown. */
export function blankGap(text: string, n: number): string {
  let i = 0
  return text.replace(GAP, (_, inner: string) => (i++ === n ? BLANK : inner))
}

function intro(fact: TextFact, entity: Entity): string {
  if (fact.key === 'caption') return `Complete the caption of the picture “${entity.name}”:`
  if (fact.key === 'outcome') return `Complete the outcome of ${nameInSentence(entity)}:`
  return `Complete this note on ${nameInSentence(entity)}:`
}

/**
 * The picture a caption asks about (the caption's own, or its entity's), when the app has it to
 * show (a resized copy made by the build) or to link (a web address). Its text alternative is the
 * teacher's `alt` unless that names an answer of the caption; then the entity's name, which the
 * prompt already says.
 */
export function captionImage(fact: TextFact, entity: Entity): QuestionImage | undefined {
  const image: DeckImage | undefined = fact.image ?? entity.image
  if (!image || (image.src === undefined && image.url === undefined)) return undefined
  const gaps = gapsOf(fact.value).map(normalizeAnswer).filter(Boolean)
  const alt = image.alt !== undefined && !gaps.some((g) => normalizeAnswer(image.alt ?? '').includes(g))
  const out: QuestionImage = {
    alt: alt ? (image.alt as string) : `Picture: ${entity.name}`,
    licence: image.licence,
    credit: image.credit,
  }
  if (image.src !== undefined) {
    out.src = image.src
    if (image.width !== undefined) out.width = image.width
    if (image.height !== undefined) out.height = image.height
  } else if (image.url !== undefined) out.url = image.url
  return out
}

export function textAsks(entity: Entity, facts: readonly Fact[], emit: Emit): void {
  for (const fact of facts) {
    if (fact.type !== 'text') continue
    const gaps = gapsOf(fact.value)
    const image = fact.key === 'caption' ? captionImage(fact, entity) : undefined
    const used = new Set<string>()
    gaps.forEach((gap, n) => {
      let slug = slugify(gap)
      for (let k = 2; used.has(slug); k++) slug = `${slugify(gap)}-${k}`
      used.add(slug)
      emit({
        key: `text.${fact.key}/${entity.id}/${slug}`,
        subject: entity,
        relation: fact.key,
        facts: [fact],
        prompt: `${intro(fact, entity)} “${blankGap(fact.value, n).trim()}”`,
        explanation: sentence(stripMarks(fact.value)) + (fact.note ? ` ${sentence(fact.note)}` : ''),
        answer: { type: 'text', text: gap, exclude: gaps.filter((g) => g !== gap), context: blankGap(fact.value, n) },
        ...(image ? { image } : {}),
      })
    })
  }
}

/** The text with every gap blanked (hand-written cloze cards). */
export const blankAll = (text: string): string => text.replace(GAP, BLANK)

/** Every gap of the deck: wrong fillers for other gaps. */
export function allGaps(facts: readonly Fact[]): string[] {
  const out: string[] = []
  for (const f of facts) if (f.type === 'text') for (const gap of gapsOf(f.value)) out.push(gap)
  return out
}
