// An infobox (pasted from a rendered article) becomes a deck to review: the deck's YAML, with the
// lines it did not use listed at its top and returned for the teacher to see. Loaded on demand.
import { type ImportIssue, type ImportIssueCode, fileError } from './issues'
import { type InfoboxTextResult, parseInfoboxText } from './infobox-text'
import { type ArticleRef, type PersonDeckResult, type SkippedLine, personDeck } from './person-deck'

export interface InfoboxImportOptions {
  /** File name used in messages ("pasted infobox"). */
  file: string
  /** The article's address, when the teacher gives it: cited by every fact. */
  url?: string
  /** The article's title; by default the infobox's first line (or the address's last part). */
  title?: string
  takenDeckIds?: readonly string[]
  deckId?: string
}

export interface InfoboxImportResult extends PersonDeckResult {
  skipped: SkippedLine[]
  article: ArticleRef
}

/** "https://en.wikipedia.org/wiki/John_VII_Palaiologos" → "John VII Palaiologos". */
export function titleFromUrl(url: string): string | undefined {
  const match = /\/wiki\/([^?#]+)/.exec(url)
  if (!match) return undefined
  try {
    return decodeURIComponent(match[1] as string).replace(/_/g, ' ')
  } catch {
    return undefined
  }
}

export function skippedComments(skipped: readonly SkippedLine[], what: string): string[] {
  if (!skipped.length) return [`Made from ${what}: every line was used. Check the facts against the article.`]
  return [
    `Made from ${what}. Check the facts against the article. Not used:`,
    ...skipped.map((s) =>
      `  ${s.line ? `line ${s.line}: ` : ''}${s.text} (${s.reason})`.replace(/\s*[\r\n]+\s*/g, ' / '),
    ),
  ]
}

export function importInfoboxText(text: string, options: InfoboxImportOptions): InfoboxImportResult {
  return infoboxDeck(parseInfoboxText(text), options, {
    code: 'infobox-unreadable',
    message: 'This does not look like a Wikipedia infobox: no name followed by labels such as Born, Died or Reign.',
    hint: 'Select the whole infobox on the article, from the name at its top to its last line, and copy it.',
  })
}

/** The deck of what a reader found, or the given error when it found no infobox. */
export function infoboxDeck(
  read: InfoboxTextResult,
  options: InfoboxImportOptions,
  refusal: { code: ImportIssueCode; message: string; hint: string },
): InfoboxImportResult {
  const title = options.title ?? (read.person.name || (options.url ? titleFromUrl(options.url) : undefined))
  const article: ArticleRef = { title: title || 'Imported infobox' }
  if (options.url) article.url = options.url
  if (!read.person.name || read.labelRows === 0) {
    const issue: ImportIssue = fileError(refusal.code, refusal.message, options.file, refusal.hint)
    return { yaml: '', issues: [issue], skipped: read.skipped, article }
  }
  const result = personDeck(read.person, read.captions, {
    article,
    sourceTitle: `Infobox of the Wikipedia article "${article.title}"`,
    file: options.file,
    comments: skippedComments(read.skipped, `the infobox of "${article.title}"`),
    ...(options.takenDeckIds ? { takenDeckIds: options.takenDeckIds } : {}),
    ...(options.deckId ? { deckId: options.deckId } : {}),
  })
  return { ...result, skipped: read.skipped, article }
}
