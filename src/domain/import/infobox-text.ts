// A Wikipedia infobox as a browser copies it from the rendered page: every table cell starts a
// line with a tab, a cell's further lines (after a <br>) start without one, rows are separated by
// blank lines, picture captions start with a space; a label and its value are two cells of one row,
// either on two lines ("\tBorn\n\t1370") or on one ("Born\t1370"). At the foot, the succession
// box: "Preceded by / X", the office and its years, "Succeeded by / Y".
//
// Every line ends up either in the PersonRecord or in `skipped`, with the reason.
import { parseDate } from '../deck/dates'
import type { MarriageEnding } from '../deck/types'
import {
  type PersonRecord,
  type RecordCaption,
  type RecordSpouse,
  type RecordSuccession,
  type RecordTenure,
  type SkippedLine,
  emptyPerson,
} from './person-deck'

export interface Cell {
  lines: string[]
  /** 1-based line number of each line. */
  at: number[]
  kind: 'cell' | 'heading' | 'caption'
}

export type Row = Cell[]

export interface InfoboxTextResult {
  person: PersonRecord
  captions: RecordCaption[]
  skipped: SkippedLine[]
  /** Lines that were read as something (for the summary). */
  used: number
  /** How many label rows (and succession boxes) were read: none means this is no infobox. */
  labelRows: number
}

const clean = (text: string): string =>
  text
    .replace(/\u00a0|\u2009|\u202f/g, ' ')
    .replace(/\[(?:\d+|[a-z]|note \d+|citation needed)\]/gi, '')
    .replace(/\s+/g, ' ')
    .trim()

function rowsOf(text: string): Row[] {
  const lines = text.split(/\r\n|\r|\n/)
  // Firefox and some editors copy a row per line ("Born\t1370") with no tab at the start of a cell.
  const rowPerLine = !lines.some((l, i) => i > 0 && /^\t/.test(l))
  const rows: Row[] = []
  let row: Row = []
  const endRow = () => {
    if (row.length) rows.push(row)
    row = []
  }
  const push = (kind: Cell['kind'], pieces: string[], line: number) => {
    for (const piece of pieces) {
      const value = clean(piece)
      if (value) row.push({ lines: [value], at: [line], kind })
    }
  }
  lines.forEach((raw, index) => {
    const line = index + 1
    const text = raw.replace(/\u00a0/g, ' ')
    if (!text.trim()) return endRow()
    // The first line is the name, however it is indented; later lines starting with a space are captions.
    if (rows.length + row.length > 0 && /^ +\S|^ +\t/.test(text)) return push('caption', [text], line)
    if (text.startsWith('\t\t')) return push('heading', [text], line)
    const pieces = text.split('\t')
    const last = row[row.length - 1]
    if (rowPerLine) {
      if (pieces.length > 1 || !last || !continues(row, clean(text))) endRow()
      if (pieces.length > 1 || !row.length) return push('cell', pieces, line)
    } else if (text.startsWith('\t') || !last || last.kind === 'caption') return push('cell', pieces, line)
    // A line without a leading tab continues the cell above (a <br> inside it).
    const cell = row[row.length - 1] as Cell
    const first = clean(pieces[0] ?? '')
    if (first) {
      cell.lines.push(first)
      cell.at.push(line)
    }
    push('cell', pieces.slice(1), line)
  })
  endRow()
  return rows
}

/** Labels whose value may run over several lines (a place under a date, a list of children…). */
const MULTILINE = new Set<Label>(['born', 'died', 'spouse', 'issue', 'parents', 'coRuler', 'reign', 'titles', 'names'])

/** In a row-per-line copy: does this line (without a tab) belong to the row above? */
function continues(row: Row, line: string): boolean {
  if (/^\(.*\)$/.test(line)) return true
  const label = row[0]?.kind === 'cell' ? labelOf(row[0].lines[0] as string) : undefined
  if (label === undefined || !MULTILINE.has(label) || row.length < 2) return false
  return labelOf(line) === undefined && !IGNORED.test(line) && !SECTION_HEADINGS.test(line)
}

type Label =
  | 'reign'
  | 'predecessor'
  | 'successor'
  | 'coRuler'
  | 'proclamation'
  | 'coronation'
  | 'born'
  | 'died'
  | 'spouse'
  | 'issue'
  | 'father'
  | 'mother'
  | 'parents'
  | 'dynasty'
  | 'religion'
  | 'titles'
  | 'names'
  | 'unused'

const LABELS = new Map<string, Label>([
  ...['reign', 'reigns', 'in office', 'tenure', 'term', 'term of office', 'rule'].map((k) => [k, 'reign'] as const),
  ...['predecessor', 'predecessors', 'preceded by'].map((k) => [k, 'predecessor'] as const),
  ...['successor', 'successors', 'succeeded by'].map((k) => [k, 'successor'] as const),
  ...[
    'co-emperor',
    'co-emperors',
    'co-empress',
    'co-ruler',
    'co-rulers',
    'co-monarch',
    'co-monarchs',
    'co-regent',
    'co-regents',
    'co-king',
    'co-kings',
    'alongside',
    'serving with',
  ].map((k) => [k, 'coRuler'] as const),
  ...['proclamation', 'proclaimed'].map((k) => [k, 'proclamation'] as const),
  ...['coronation', 'crowned', 'enthronement'].map((k) => [k, 'coronation'] as const),
  ['born', 'born'],
  ['birth', 'born'],
  ['died', 'died'],
  ['death', 'died'],
  ...['spouse', 'spouses', 'consort', 'consorts', 'wife', 'wives', 'husband', 'husbands', 'partner'].map(
    (k) => [k, 'spouse'] as const,
  ),
  ...['issue', 'children', 'child', 'offspring', 'issue detail'].map((k) => [k, 'issue'] as const),
  ['father', 'father'],
  ['mother', 'mother'],
  ['parent', 'parents'],
  ['parents', 'parents'],
  ...['dynasty', 'house', 'royal house', 'family', 'dynasty house'].map((k) => [k, 'dynasty'] as const),
  ['religion', 'religion'],
  ['title', 'titles'],
  ['titles', 'titles'],
  ...['names', 'name', 'regnal name', 'full name', 'birth name', 'native name', 'other names'].map(
    (k) => [k, 'names'] as const,
  ),
  ...['burial', 'resting place', 'buried', 'signature', 'occupation', 'nationality'].map((k) => [k, 'unused'] as const),
])

const MORE = /\s*\[?\b(?:more|show|details?)\s*(?:\.\.\.|…)\]?\s*/gi

function labelOf(text: string): Label | undefined {
  const key = text.toLowerCase().replace(MORE, ' ').replace(/\(s\)/g, 's').replace(/:$/, '').replace(/\s+/g, ' ').trim()
  return LABELS.get(key)
}

const SECTION_HEADINGS =
  /^(regnal titles|royal titles|political offices|titles in pretence|succession|titles|offices)$/i
const IGNORED = /^(personal details|signature|family|details|military service|\[edit\])$/i

/** "March 4, 1801" → "4 March 1801": the deck format writes the day first. */
function dayFirst(text: string): string {
  return text.replace(/\b([A-Z][a-z]+\.?) (\d{1,2}), (\d{1,4})\b/g, '$2 $1 $3')
}

const isDate = (text: string): boolean => parseDate(dayFirst(text)).ok

/** "14 April – 17 September 1390" → ["14 April 1390", "17 September 1390"]: a year on both sides. */
const ENDINGS = new Map<string, MarriageEnding>([
  ['died', 'death'],
  ['d.', 'death'],
  ['div.', 'divorce'],
  ['divorced', 'divorce'],
  ['ann.', 'annulment'],
  ['annulled', 'annulment'],
])

/**
 * What {{marriage}} writes after a spouse: "(m. 1428; died 1429)" is a marriage from 1428 that
 * ended with a death in 1429, "(m. 1421–1426)" one from 1421 to 1426, "(m. 1430; div. 1437)" one
 * that ended in divorce. What it does not read stays a note on the marriage.
 */
function readMarriage(spouse: RecordSpouse, paren: string): void {
  const [m, ...more] = paren.split(/\s*;\s*/)
  const married = /^m\.\s*(.+)$/.exec(m ?? '')?.[1]
  const span = married ? splitRange(married) : undefined
  if (span?.from && span.to) {
    spouse.married = span.from
    spouse.to = span.to
  } else if (married && isDate(married)) spouse.married = dayFirst(married)
  else {
    spouse.note = paren
    return
  }
  const rest: string[] = []
  for (const part of more) {
    const end = /^(\S+)\s+(.+)$/.exec(part)
    const ended = end ? ENDINGS.get((end[1] as string).toLowerCase()) : undefined
    if (end && ended && spouse.to === undefined && isDate(end[2] as string)) {
      spouse.to = dayFirst(end[2] as string)
      spouse.ended = ended
    } else rest.push(part)
  }
  if (rest.length) spouse.note = rest.join('; ')
}

export function splitRange(text: string): { from?: string; to?: string } | undefined {
  const sides = dayFirst(text)
    .split(/\s*[–—]\s*|\s+-\s+|(?<=\d)-(?=\d)/)
    .map((s) => s.trim())
  if (sides.length !== 2) return undefined
  const to = sides[1] as string
  let from = sides[0] as string
  if (/^(present|incumbent|now)$/i.test(to)) return isDate(from) ? { from } : undefined
  const year = /(\d{1,4}(?: BC| AD)?)$/.exec(to)?.[1]
  if (year && !/\d{3,4}(?: BC| AD)?$/.test(from)) {
    const month = /\d{1,2} ([A-Za-z]+) \d/.exec(to)?.[1]
    from = /^\d{1,2}$/.test(from) && month ? `${from} ${month} ${year}` : `${from} ${year}`
  }
  return isDate(from) && isDate(to) ? { from, to } : undefined
}

/** "Andronikos V Palaiologos (1403–1407)" → name and the parenthesis. */
function splitParen(text: string): { main: string; paren?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text)
  return m ? { main: (m[1] as string).trim(), paren: (m[2] as string).trim() } : { main: text.trim() }
}

/** Lines of a value, each "(…)" line joined to the line before it. */
function joinParens(lines: readonly string[], at: readonly number[]): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = []
  lines.forEach((text, i) => {
    const prev = out[out.length - 1]
    if (prev && /^\(.*\)$/.test(text)) prev.text = `${prev.text} ${text}`
    else out.push({ text, line: at[i] as number })
  })
  return out
}

class Reader {
  readonly person = emptyPerson('')
  readonly captions: Array<RecordCaption & { line: number }> = []
  readonly skipped: SkippedLine[] = []
  used = 0
  /** Rows read as a label and its value, or as a succession box. */
  labelRows = 0
  /** The office named by the section header above the rows being read. */
  private office: string | undefined
  /** Tenures of the current section (the label rows below one office header). */
  private group: RecordTenure[] = []
  private seenLabel = false

  skip(line: number, text: string, reason: string): void {
    this.skipped.push({ line, text, reason })
  }

  read(rows: Row[]): void {
    let succession = false
    let afterImage = false
    const consumed = new Set<number>()
    rows.forEach((row, index) => {
      for (const cell of row.filter((c) => c.kind === 'caption')) this.caption(cell)
      if (consumed.has(index)) return
      const cells = row.filter((c) => c.kind !== 'caption')
      const first = cells[0]
      if (!first) return
      if (afterImage && cells.length === 1 && first.lines.length === 1 && !labelOf(first.lines[0] as string)) {
        afterImage = false
        return this.caption(first)
      }
      afterImage = false
      const text = first.lines[0] as string
      if (first.kind === 'heading' || (!this.person.name && cells.length === 1 && first.lines.length === 1)) {
        if (!this.person.name) {
          this.person.name = text
          this.used++
          return this.footer(first, 1)
        }
        if (text === this.person.name) {
          this.used++
          succession = succession || first.lines.length > 1
          return this.footer(first, 1)
        }
      }
      if (/^\[image: .*\]$/.test(text) && cells.length === 1) {
        afterImage = true
        this.used++
        return
      }
      if (cells.length === 1 && first.lines.length === 1 && SECTION_HEADINGS.test(text)) {
        succession = true
        this.used++
        return
      }
      if (cells.length === 1 && first.lines.length === 1 && IGNORED.test(text)) {
        this.used++
        return
      }
      if (succession || this.isSuccessionRow(cells)) return this.successionRow(cells)
      const label = labelOf(text)
      if (label) {
        let values = cells.flatMap((c, i) => (i === 0 ? c.lines.slice(1) : c.lines))
        let at = cells.flatMap((c, i) => (i === 0 ? c.at.slice(1) : c.at))
        // "Born" on its own line and "1370" on the next, with nothing to tell cells apart.
        const next = rows[index + 1]?.filter((c) => c.kind === 'cell')
        if (values.length === 0 && next?.length && !labelOf(next[0]?.lines[0] as string)) {
          values = next.flatMap((c) => c.lines)
          at = next.flatMap((c) => c.at)
          consumed.add(index + 1)
        }
        this.seenLabel = true
        this.labelRows++
        this.used++
        if (values.length === 0) return this.skip(first.at[0] as number, text, 'a label without a value')
        return this.labelled(label, text, values, at)
      }
      if (cells.length === 1 && first.lines.length === 1) {
        const next = rows[index + 1]?.find((c) => c.kind !== 'caption')?.lines[0]
        if (next !== undefined && labelOf(next) === 'reign') {
          this.office = text
          this.group = []
          this.person.description ??= text
          this.used++
          return
        }
        if (!this.seenLabel && !this.office) {
          this.person.titles.push(text)
          this.used++
          return
        }
      }
      this.skip(first.at[0] as number, cells.flatMap((c) => c.lines).join(' / '), 'not a label Stavraton reads')
    })
  }

  private caption(cell: Cell): void {
    this.captions.push({ text: cell.lines.join(' '), line: cell.at[0] as number })
    this.used++
  }

  /** The name repeated at the top of the succession box: "X dynasty", "Born: 1370 Died: …". */
  private footer(cell: Cell, from: number): void {
    cell.lines.slice(from).forEach((line, i) => {
      const at = cell.at[from + i] as number
      const dynasty = /^(?:(.+) dynasty|House of (.+))$/i.exec(line)
      if (dynasty) {
        const name = (dynasty[1] ?? dynasty[2]) as string
        this.person.dynasty ??= name
        if (line !== this.person.dynasty) this.person.dynastyAliases.push(line)
        this.used++
        return
      }
      const life = /^(?:Born: (.*?))?\s*(?:Died: (.*))?$/.exec(line)
      if (life && (life[1] || life[2])) {
        const clash = [
          ['Born', life[1], this.person.born?.date],
          ['Died', life[2], this.person.died?.date],
        ].filter(([, said, known]) => said && known && said.trim() !== known)
        if (clash.length)
          this.skip(at, line, `the dates differ from the infobox above (${clash.map((c) => c[2]).join(', ')})`)
        else {
          this.person.born ??= life[1] ? { date: life[1].trim() } : undefined
          this.person.died ??= life[2] ? { date: life[2].trim() } : undefined
          this.used++
        }
        return
      }
      this.skip(at, line, 'not a label Stavraton reads')
    })
  }

  private currentTenures(): RecordTenure[] {
    if (this.group.length) return this.group
    const office = this.office ?? 'Reign'
    const tenure: RecordTenure = { office, officeAliases: [], coRulers: [] }
    this.person.tenures.push(tenure)
    this.group = [tenure]
    return this.group
  }

  private labelled(label: Label, text: string, values: string[], at: number[]): void {
    const p = this.person
    const items = joinParens(values, at)
    const first = items[0] as { text: string; line: number }
    switch (label) {
      case 'reign': {
        const tenures: RecordTenure[] = []
        for (const item of items) {
          const { main, paren } = splitParen(item.text)
          const range = splitRange(main) ?? (isDate(main) ? { from: dayFirst(main) } : undefined)
          if (!range) {
            this.skip(item.line, item.text, 'not a date or a range of dates')
            continue
          }
          const tenure: RecordTenure = { office: this.office ?? text, officeAliases: [], coRulers: [], ...range }
          if (paren) tenure.note = paren
          tenures.push(tenure)
        }
        this.person.tenures.push(...tenures)
        this.group = tenures
        return
      }
      case 'predecessor':
      case 'successor': {
        const group = this.currentTenures()
        const target = (label === 'predecessor' ? group[0] : group[group.length - 1]) as RecordTenure
        const { main, paren } = splitParen(first.text)
        const as = paren && /^as /i.test(paren) ? paren.slice(3).trim() : undefined
        const who: RecordSuccession = /^vacant$/i.test(main)
          ? { vacant: 'Vacant' }
          : as
            ? { name: main, as }
            : { name: main }
        target[label] = who
        if (paren && !as) this.skip(first.line, paren, 'not an "(as …)" that Stavraton reads')
        return this.rest(items.slice(1))
      }
      case 'coRuler': {
        const group = this.currentTenures()
        for (const item of items) {
          const { main, paren } = splitParen(item.text)
          const range = paren ? splitRange(paren) : undefined
          const co = { name: main, ...range }
          const target = group.find((t) => overlaps(t, range)) ?? (group[group.length - 1] as RecordTenure)
          target.coRulers.push(co)
          if (paren && !range) this.skip(item.line, paren, 'not a range of years')
        }
        return
      }
      case 'proclamation':
      case 'coronation': {
        const { main, paren } = splitParen(first.text)
        if (!isDate(main)) return this.skip(first.line, first.text, 'not a date')
        const verb = label === 'proclamation' ? 'proclaimed' : 'crowned'
        const as = paren ? paren.replace(/^as /i, '') : undefined
        const what = as ? `was ${verb} ${as}` : `was ${verb}`
        const id = what
          .slice(4)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/-+$/, '')
        const event = { id, what, date: dayFirst(main) }
        const place = items[1]
        if (place) Object.assign(event, { place: splitParen(place.text).main })
        p.events.push(event)
        return this.rest(items.slice(2))
      }
      case 'born':
      case 'died': {
        const index = items.findIndex((i) => isDate(splitParen(i.text.replace(/\s*\((?:aged?|age) \d+\)/, '')).main))
        if (index < 0) return this.rest(items, 'no date found')
        const dated = items[index] as { text: string; line: number }
        const age = /\((?:aged?|age) (\d+)\)/.exec(dated.text)?.[1]
        const date = dayFirst(dated.text.replace(/\s*\((?:aged?|age) \d+\)/, '').trim())
        const life: PersonRecord['born'] = { date: splitParen(date).main }
        if (age !== undefined && label === 'died') life.age = Number(age)
        items.slice(0, index).forEach((i) => p.aliases.push(i.text))
        const place = items[index + 1]
        if (place) {
          const { main, paren } = splitParen(place.text)
          life.place = main
          if (paren) life.placeNote = paren
        }
        p[label] = life
        return this.rest(items.slice(index + 2))
      }
      case 'spouse':
        for (const item of items) {
          const { main, paren } = splitParen(item.text)
          const spouse: PersonRecord['spouses'][number] = { name: main }
          if (paren) readMarriage(spouse, paren)
          p.spouses.push(spouse)
        }
        return
      case 'issue':
        for (const item of items) {
          const name = item.text.replace(MORE, ' ').trim()
          if (!name) continue
          const { main, paren } = splitParen(name)
          if (/^\d|\bincluding\b/i.test(main)) {
            this.skip(item.line, item.text, 'not a list of names')
            continue
          }
          p.children.push(main)
          if (paren) this.skip(item.line, paren, `not used: what the infobox adds after ${main}`)
        }
        return
      case 'father':
      case 'mother':
        p[label] = splitParen(first.text).main
        return this.rest(items.slice(1))
      case 'parents':
        for (const item of items) {
          const { main, paren } = splitParen(item.text)
          if (paren === 'father') p.father = main
          else if (paren === 'mother') p.mother = main
          else p.parents.push(main)
        }
        return
      case 'dynasty':
        p.dynasty = first.text
        return this.rest(items.slice(1))
      case 'religion':
        p.notes.push(`Religion: {{${first.text}}}.`)
        return this.rest(items.slice(1))
      case 'titles':
        p.titles.push(...items.map((i) => i.text))
        return
      case 'names':
        p.aliases.push(...items.map((i) => i.text).filter((n) => n !== p.name))
        return
      case 'unused':
        return this.rest(items, `not used: the deck format has no place for "${text}"`)
    }
  }

  private rest(items: Array<{ text: string; line: number }>, reason = 'not read as part of the value above'): void {
    for (const item of items) this.skip(item.line, item.text, reason)
  }

  private isSuccessionRow(cells: Cell[]): boolean {
    return (
      cells.length >= 2 &&
      cells.some(
        (c) =>
          /^(preceded by|succeeded by|vacant|new creation|new title)$/i.test(c.lines[0] as string) &&
          c.lines.length > 1,
      )
    )
  }

  /** "Preceded by / X", "Office / years / with Y, years", "Succeeded by / Z": one tenure. */
  private successionRow(cells: Cell[]): void {
    this.used++
    this.labelRows++
    const box: RecordTenure = { office: '', officeAliases: [], coRulers: [] }
    for (const cell of cells) {
      const head = cell.lines[0] as string
      const rest = cell.lines.slice(1).map((text, i) => ({ text, line: cell.at[i + 1] as number }))
      if (/^preceded by$/i.test(head) || /^succeeded by$/i.test(head)) {
        const who = rest[0]
        if (who) box[/^preceded/i.test(head) ? 'predecessor' : 'successor'] = { name: splitParen(who.text).main }
        this.rest(rest.slice(1))
      } else if (/^vacant$/i.test(head)) {
        const held = rest.findIndex((r) => /^title last held by$/i.test(r.text))
        const reason = rest
          .slice(0, held < 0 ? 1 : held)
          .map((r) => r.text)
          .join(' ')
        const vacant: RecordSuccession = { vacant: reason || 'Vacant' }
        const last = held < 0 ? undefined : rest[held + 1]
        if (last) {
          const { main, paren } = splitParen(last.text)
          vacant.lastHeldBy = main
          if (paren && isDate(paren)) vacant.lastHeld = dayFirst(paren)
        }
        box.predecessor = vacant
        this.rest(rest.slice(held < 0 ? 1 : held + 2))
      } else if (/^(new creation|new title)$/i.test(head)) {
        this.rest(rest)
      } else {
        box.office = head
        for (const r of rest) {
          const quoted = /^\(?"(.*)"\)?$|^\(“(.*)”\)$/.exec(r.text)
          const range = splitRange(r.text) ?? (isDate(r.text) ? { from: r.text, to: r.text } : undefined)
          const co = /^with (.+?),? (\S+)$/.exec(r.text)
          if (quoted) box.officeAliases.push((quoted[1] ?? quoted[2]) as string)
          else if (range) Object.assign(box, range)
          else if (co && splitRange(co[2] as string))
            box.coRulers.push({ name: co[1] as string, ...splitRange(co[2] as string) })
          else this.skip(r.line, r.text, 'not read as part of the succession box')
        }
      }
    }
    if (!box.office) return
    this.mergeSuccession(box)
  }

  /** A succession box names the office of a reign listed above: complete that reign with it. */
  private mergeSuccession(box: RecordTenure): void {
    const tenure = this.person.tenures.find((t) => overlaps(t, box))
    if (!tenure) {
      // A year given alone ("1390") is a tenure within that year, not from and to it.
      if (box.from === box.to) delete box.to
      this.person.tenures.push(box)
      return
    }
    if (tenure.office !== box.office) {
      tenure.officeAliases.push(tenure.office)
      tenure.office = box.office
    }
    tenure.officeAliases.push(...box.officeAliases.filter((a) => !tenure.officeAliases.includes(a)))
    for (const side of ['predecessor', 'successor'] as const) {
      const said = box[side]
      if (!said) continue
      const known = tenure[side]
      if (!known) tenure[side] = said
      else if ('name' in said && !('name' in known && known.name === said.name))
        this.skip(
          0,
          `${side === 'predecessor' ? 'Preceded' : 'Succeeded'} by ${said.name}`,
          'the succession box differs from the infobox above',
        )
    }
    for (const co of box.coRulers) if (!tenure.coRulers.some((c) => c.name === co.name)) tenure.coRulers.push(co)
  }
}

const yearOf = (text: string | undefined, side: 'start' | 'end'): number | undefined => {
  if (text === undefined) return undefined
  const parsed = parseDate(text)
  if (!parsed.ok) return undefined
  return (side === 'end' ? (parsed.date.end ?? parsed.date.start) : parsed.date.start).year
}

function overlaps(t: { from?: string; to?: string }, range: { from?: string; to?: string } | undefined): boolean {
  if (!range) return false
  const a1 = yearOf(t.from, 'start')
  const a2 = yearOf(t.to, 'end') ?? a1
  const b1 = yearOf(range.from, 'start')
  const b2 = yearOf(range.to, 'end') ?? b1
  if (a1 === undefined || a2 === undefined || b1 === undefined || b2 === undefined) return false
  return a1 <= b2 && b1 <= a2
}

/** Reads pasted infobox text. Never throws; what it cannot read is in `skipped`. */
export function parseInfoboxText(text: string): InfoboxTextResult {
  return readInfoboxRows(rowsOf(text))
}

/** Reads rows of cells, however they were found (pasted text, a wikitext template's parameters). */
export function readInfoboxRows(rows: Row[]): InfoboxTextResult {
  const reader = new Reader()
  reader.read(rows)
  const captions = reader.captions.sort((a, b) => a.line - b.line).map(({ text }) => ({ text }))
  return { person: reader.person, captions, skipped: reader.skipped, used: reader.used, labelRows: reader.labelRows }
}
