// `npm run deck -- questions <file> [--seed N] [--json] [--about ID] [--kind KIND] [--relation R]`:
// the questions a deck generates. Without --json, a listing for a teacher to proofread, grouped
// by what is asked about, with each wrong option's proof; with
// --json, exactly one JSON document on stdout (see `usage`). Deck errors go to stderr GNU-style
// (exit 1); wrong usage exits 2.
import type { Question, QuestionKind } from '../src/domain/questions/types'
import { KIND_LABELS } from '../src/domain/questions/kind-labels'
import { generateQuestions } from '../src/domain/questions/generate'
import { escapeControls } from '../src/domain/text/invisible'
import { checkDeckFile, printIssues } from './deck-check'

export const usage = `usage: npm run deck -- questions <file> [--seed N] [--json] [--about ID] [--kind KIND] [--relation R]

Lists the questions a deck generates (the same deck and seed always give the same questions),
each wrong option with the fact that proves it wrong (✗).
  --seed N       the seed for distractors, option order and true/false balance (default 1)
  --about ID     only questions about this entity (its id in the deck, e.g. john-vii)
  --kind KIND    only questions of this kind: ${Object.keys(KIND_LABELS).join(', ')}
  --relation R   only questions asking this relation or fact (father, uncle-aunt, born,
                 successor, …: the "relation" of the JSON)
  --json         print one JSON document instead of the listing:
                 {"deck":{"id","title"},"questions":[{"id","kind","prompt","answer","choices"?,
                  "why"?,"accept"?,"subject"?,"relation"?,"difficulty"?,"sources"?,"explanation"?}]}
                 answer: text; "True"/"False" for true-false; for ordering an array in the right
                 order; for matching an array of "left → right". choices: the options shown,
                 answer included. why: [{"option","proof"}] for each wrong option (for a false
                 true/false statement, the value it puts in). accept: the typed forms accepted.
                 sources: [{"id","title","url"?}].`

interface Options {
  file: string
  seed: number
  json: boolean
  about?: string
  kind?: QuestionKind
  relation?: string
}

const FILTERS = ['--about', '--kind', '--relation'] as const

function parseArgs(args: string[]): Options | string {
  let file: string | undefined
  let seed = 1
  let json = false
  const filters: Pick<Options, 'about' | 'kind' | 'relation'> = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') continue
    const filter = FILTERS.find((f) => arg === f || arg.startsWith(`${f}=`))
    if (arg === '--json') json = true
    else if (filter) {
      const value = arg === filter ? args[++i] : arg.slice(filter.length + 1)
      if (value === undefined || value === '' || value.startsWith('--')) return `${filter} needs a value`
      if (filter === '--kind') {
        if (!Object.hasOwn(KIND_LABELS, value))
          return `--kind must be one of ${Object.keys(KIND_LABELS).join(', ')}, not \`${value}\``
        filters.kind = value as QuestionKind
      } else filters[filter === '--about' ? 'about' : 'relation'] = value
    } else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? args[++i] : arg.slice('--seed='.length)
      if (value === undefined || !/^-?\d+$/.test(value))
        return `--seed needs a whole number${value === undefined ? '' : `, not \`${value}\``}`
      seed = Number(value)
    } else if (arg.startsWith('-')) return `unknown option: ${arg}`
    else if (file === undefined) file = arg
    else return `one deck file at a time (got ${file} and ${arg})`
  }
  return file === undefined ? 'no deck file given' : { file, seed, json, ...filters }
}

/** The JSON shape of one question: only the documented keys. */
export function questionJson(q: Question): Record<string, unknown> {
  const out: Record<string, unknown> = { id: q.id, kind: q.kind, prompt: q.prompt, answer: q.answer }
  if (q.choices) out.choices = q.choices
  if (q.why?.length) out.why = q.why.map((w) => ({ option: w.option, proof: w.proof }))
  if (q.accept) out.accept = q.accept
  if (q.subject !== undefined) out.subject = q.subject
  if (q.relation !== undefined) out.relation = q.relation
  if (q.difficulty) out.difficulty = q.difficulty
  if (q.sources.length)
    out.sources = q.sources.map((s) =>
      s.url ? { id: s.id, title: s.title, url: s.url } : { id: s.id, title: s.title },
    )
  if (q.explanation) out.explanation = q.explanation
  return out
}

/**
 * JSON.stringify escapes C0 controls; C1 controls and direction overrides are escaped here too
 * (`\u009b` is a terminal's CSI). The document means the same to a JSON reader.
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  )
}

/** The readable listing: one block per question, grouped under the subject asked about. */
export function listing(title: string, seed: number, questions: readonly Question[]): string {
  const lines = [`${title} — ${questions.length} questions (seed ${seed})`]
  let subject: string | undefined
  for (const q of questions) {
    const heading =
      q.subject ??
      (q.kind === 'basic' || q.kind === 'choice' || q.kind === 'cloze' ? 'Hand-written cards' : 'Across the deck')
    if (heading !== subject) {
      subject = heading
      lines.push('', `## ${heading}`)
    }
    lines.push('', `[${q.kind}${q.difficulty ? `, ${q.difficulty}` : ''}] ${q.prompt}`)
    if (q.items) lines.push(`  items:   ${q.items.join(' | ')}`)
    if (q.pairs) lines.push(`  left:    ${q.pairs.left.join(' | ')}`, `  right:   ${q.pairs.right.join(' | ')}`)
    if (q.choices && q.kind !== 'true-false')
      lines.push(
        ...q.choices.map((c, i) => {
          const proof = c === q.answer ? undefined : q.why?.find((w) => w.option === c)?.proof
          return `  ${String.fromCharCode(97 + i)}) ${c}${c === q.answer ? '  ✓' : proof ? `  ✗ ${proof}` : ''}`
        }),
      )
    else if (q.kind === 'true-false' && q.why?.length)
      lines.push(...q.why.map((w) => `  false:   ${w.option} ✗ ${w.proof}`))
    const answer = Array.isArray(q.answer) ? q.answer.join(q.kind === 'ordering' ? ' < ' : '; ') : q.answer
    lines.push(`  answer:  ${answer}`)
    if (q.accept && q.accept.length > 1) lines.push(`  accepts: ${q.accept.join(' | ')}`)
    if (q.explanation && q.explanation !== answer) lines.push(`  why:     ${q.explanation}`)
    if (q.dispute) lines.push(`  dispute: ${q.dispute.replace('\n', '\n           ')}`)
    if (q.sources.length) lines.push(`  sources: ${q.sources.map((s) => s.title).join('; ')}`)
    lines.push(`  id:      ${q.id}`)
  }
  return `${lines.join('\n')}\n`
}

export async function questionsCommand(args: string[]): Promise<number> {
  const options = parseArgs(args)
  if (typeof options === 'string') {
    process.stderr.write(`${escapeControls(options)}\n${usage}\n`)
    return 2
  }
  const result = await checkDeckFile(options.file)
  printIssues(result.issues)
  if (!result.deck) return 1
  const { deck } = result
  if (options.about !== undefined && !deck.entities.some((e) => e.id === options.about)) {
    process.stderr.write(`${escapeControls(`--about: no entity \`${options.about}\` in ${options.file}`)}\n`)
    return 2
  }
  const questions = generateQuestions(deck, { seed: options.seed }).filter(
    (q) =>
      (options.about === undefined || q.subjectId === options.about) &&
      (options.kind === undefined || q.kind === options.kind) &&
      (options.relation === undefined || q.relation === options.relation),
  )
  const text = options.json
    ? `${jsonForTerminal({ deck: { id: deck.id, title: deck.title }, questions: questions.map(questionJson) })}\n`
    : escapeControls(listing(deck.title, options.seed, questions))
  // The dispatcher exits right after: wait until a piped stdout has taken everything.
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  )
  return 0
}
