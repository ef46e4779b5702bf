// `npm run deck -- questions <file> [--seed N] [--json]`: the questions a deck generates.
// Without --json, a listing for a teacher to proofread, grouped by what is asked about; with
// --json, exactly one JSON document on stdout (see `usage`). Deck errors go to stderr GNU-style
// (exit 1); wrong usage exits 2.
import type { Question } from '../src/domain/questions/types'
import { generateQuestions } from '../src/domain/questions/generate'
import { escapeControls } from '../src/domain/text/invisible'
import { checkDeckFile, printIssues } from './deck-check'

export const usage = `usage: npm run deck -- questions <file> [--seed N] [--json]

Lists the questions a deck generates (the same deck and seed always give the same questions).
  --seed N   the seed for distractors, option order and true/false balance (default 1)
  --json     print one JSON document instead of the listing:
             {"deck":{"id","title"},"questions":[{"id","kind","prompt","answer","choices"?,
              "accept"?,"subject"?,"relation"?,"difficulty"?,"sources"?,"explanation"?}]}
             answer: text; "True"/"False" for true-false; for ordering an array in the right
             order; for matching an array of "left → right". choices: the options shown, answer
             included. accept: the typed forms accepted. sources: [{"id","title","url"?}].`

interface Options {
  file: string
  seed: number
  json: boolean
}

function parseArgs(args: string[]): Options | string {
  let file: string | undefined
  let seed = 1
  let json = false
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--') continue
    if (arg === '--json') json = true
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? args[++i] : arg.slice('--seed='.length)
      if (value === undefined || !/^-?\d+$/.test(value))
        return `--seed needs a whole number${value === undefined ? '' : `, not \`${value}\``}`
      seed = Number(value)
    } else if (arg.startsWith('-')) return `unknown option: ${arg}`
    else if (file === undefined) file = arg
    else return `one deck file at a time (got ${file} and ${arg})`
  }
  return file === undefined ? 'no deck file given' : { file, seed, json }
}

/** The JSON shape of one question: only the documented keys. */
export function questionJson(q: Question): Record<string, unknown> {
  const out: Record<string, unknown> = { id: q.id, kind: q.kind, prompt: q.prompt, answer: q.answer }
  if (q.choices) out.choices = q.choices
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
    if (q.dispute) lines.push(`  dispute: ${q.dispute}`)
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
  const questions = generateQuestions(deck, { seed: options.seed })
  const text = options.json
    ? `${jsonForTerminal({ deck: { id: deck.id, title: deck.title }, questions: questions.map(questionJson) })}\n`
    : escapeControls(listing(deck.title, options.seed, questions))
  // The dispatcher exits right after: wait until a piped stdout has taken everything.
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  )
  return 0
}
