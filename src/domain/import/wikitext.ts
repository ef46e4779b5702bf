// An article's wikitext (`{{Infobox royalty|…}}`, `{{Infobox officeholder|…}}`, `{{Infobox person|…}}`,
// and the succession box `{{s-bef}} {{s-ttl}} {{s-aft}}` at its foot) becomes a deck. wtf_wikipedia
// parses the templates ({{Birth date|…}}, {{plainlist|…}}, {{marriage|…}}, [[links]]); its
// parameters are laid out as the rows of the rendered infobox and read by the same reader as pasted
// text, so both give the same facts. Loaded on demand (wtf_wikipedia is not in the first view).
import wtf from 'wtf_wikipedia'
import { MONTH_NAMES } from '../deck/dates'
import { type InfoboxImportOptions, type InfoboxImportResult, infoboxDeck } from './infobox'
import { type Row, readInfoboxRows } from './infobox-text'
import type { SkippedLine } from './person-deck'

/** Parameters that only lay the box out (pictures, sizes, the labels of other rows). */
const LAYOUT = new Set([
  'image',
  'image_size',
  'imgw',
  'upright',
  'alt',
  'signature',
  'signature_alt',
  'signature_type',
  'module',
  'embed',
  'width',
  'issue-link',
  'issue-pipe',
  'cor-type',
  'reg-type',
  'house-type',
  'spouse-type',
  'caption',
  'name',
  'native_name_lang',
  'honorific-prefix',
  'honorific-suffix',
  'honorific_prefix',
  'honorific_suffix',
  'order',
])

const PERSONAL: Array<[label: string, keys: string[]]> = [
  ['Spouse', ['spouse', 'spouses', 'partner']],
  ['Issue', ['issue', 'children']],
  ['Dynasty', ['house', 'dynasty', 'royal house']],
  ['Father', ['father']],
  ['Mother', ['mother']],
  ['Parents', ['parents']],
  ['Religion', ['religion']],
  ['Names', ['full name', 'birth_name', 'regnal name', 'native_name', 'other_names']],
]

interface Template {
  template: string
  list?: string[]
  [key: string]: unknown
}

/** {{Death date and age|1448|10|31|1392|12|18}}: the age the template shows, from its two dates. */
function ageFrom(template: Template | undefined): number | undefined {
  if (!template) return undefined
  const [y1, m1, d1] = [template.year, template.month, template.day].map(Number)
  const [y0, m0, d0] = (template.list ?? []).map(Number)
  if (!y1 || !y0) return undefined
  const beforeBirthday = m1 && m0 && (m1 < m0 || (m1 === m0 && (d1 ?? 0) < (d0 ?? 0)))
  return y1 - y0 - (beforeBirthday ? 1 : 0)
}

/** {{Death date and age|df=yes|1448|10|31|…}} as wtf_wikipedia leaves it (no text): "31 October 1448". */
function dateOf(template: Template | undefined): string | undefined {
  if (!template || !template.year) return undefined
  const month = MONTH_NAMES[Number(template.month) - 1]
  const day = template.day ?? template.date
  return [day && month ? String(Number(day)) : '', month ?? '', String(template.year)].filter(Boolean).join(' ')
}

const lines = (text: string): string[] =>
  text
    .split(/\n| · /)
    .map((l) => l.trim())
    .filter(Boolean)

/** Reads the wikitext of an article (or of its infobox alone). Never throws. */
export function importWikitext(text: string, options: InfoboxImportOptions): InfoboxImportResult {
  const doc = wtf(text)
  const box = doc.infobox()
  const skipped: SkippedLine[] = []
  const refusal = {
    code: 'wikitext-no-infobox' as const,
    message: 'This wikitext has no infobox ({{Infobox royalty}}, {{Infobox officeholder}} or {{Infobox person}}).',
    hint: 'Copy the source of the whole article (Edit source), or at least its {{Infobox …}} template.',
  }
  if (!box) return infoboxDeck({ ...readInfoboxRows([]), skipped }, options, refusal)
  const values = new Map<string, string>()
  for (const [key, sentence] of Object.entries(box.keyValue())) {
    if (Object.hasOwn(box.keyValue(), key)) values.set(key.toLowerCase(), String(sentence ?? '').trim())
  }
  const used = new Set<string>()
  const lineOf = (key: string): number => {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const at = new RegExp(`^\\s*\\|\\s*${escaped}\\s*=`, 'im').exec(text)
    return at ? text.slice(0, at.index).split('\n').length + 1 - (text[at.index] === '\n' ? 0 : 1) : 1
  }
  const get = (key: string): string | undefined => {
    const value = values.get(key)
    if (value === undefined) return undefined
    used.add(key)
    return value || undefined
  }
  const rows: Row[] = []
  const row = (label: string, value: string[] | undefined, key: string) => {
    if (!value?.length) return
    const line = lineOf(key)
    rows.push([
      { kind: 'cell', lines: [label], at: [line] },
      { kind: 'cell', lines: value, at: value.map(() => line) },
    ])
  }
  const single = (text: string, key: string, kind: 'cell' | 'caption' = 'cell') =>
    rows.push([{ kind, lines: [text], at: [lineOf(key)] }])

  const templates = doc.templates().map((t) => t.json() as Template)
  const named = (name: string) => templates.find((t) => t.template === name)
  const name = get('name') ?? doc.title() ?? options.title
  if (name) single(name, 'name')
  const title = get('title')
  if (title) single(title, 'title')
  const caption = get('caption')
  if (caption) single(caption, 'caption', 'caption')

  for (const n of ['', ...Array.from({ length: 9 }, (_, i) => String(i + 1))]) {
    // Infobox royalty: succession, reign, predecessor, successor…; officeholder: office, term_start, term_end…
    const office = get(`succession${n}`) ?? get(`office${n}`) ?? get(`title${n === '' ? '_' : n}`)
    const order = get(`order${n}`)
    const start = get(`reign${n}`) ?? get(`term_start${n}`) ?? get(`term${n}`)
    const end = get(`term_end${n}`)
    if (office)
      single(order ? `${order} ${office}` : office, values.has(`office${n}`) ? `office${n}` : `succession${n}`)
    if (start)
      row('Reign', [end ? `${start} – ${end}` : start], values.has(`reign${n}`) ? `reign${n}` : `term_start${n}`)
    const coronation = get(`coronation${n}`)
    if (coronation) row(get(`cor-type${n}`) ?? 'Coronation', lines(coronation), `coronation${n}`)
    row('Predecessor', lines(get(`predecessor${n}`) ?? ''), `predecessor${n}`)
    row('Successor', lines(get(`successor${n}`) ?? ''), `successor${n}`)
    const regent = get(`regent${n}`)
    if (regent) row(get(`reg-type${n}`) ?? 'Regent', lines(regent), `regent${n}`)
  }

  const born = get('birth_date')
  const birthDate = born ?? dateOf(named('birth date'))
  if (birthDate || values.has('birth_place'))
    row('Born', [birthDate ?? '', get('birth_place') ?? ''].filter(Boolean), 'birth_date')
  const deathTemplate = named('death date and age') ?? named('death date')
  const died = get('death_date') || dateOf(deathTemplate)
  const age = ageFrom(named('death date and age'))
  if (died || values.has('death_place')) {
    const date = died && age !== undefined && !/aged/.test(died) ? `${died} (aged ${age})` : died
    row('Died', [date ?? '', get('death_place') ?? ''].filter(Boolean), 'death_date')
  }
  for (const [label, keys] of PERSONAL) {
    for (const key of keys) {
      const value = get(key)
      if (value === undefined) continue
      const type = label === 'Spouse' ? get('spouse-type') : label === 'Dynasty' ? get('house-type') : undefined
      row(type ?? label, lines(value), key)
    }
  }
  for (const key of values.keys()) {
    if (used.has(key) || LAYOUT.has(key)) continue
    const value = values.get(key)
    if (value)
      skipped.push({
        line: lineOf(key),
        text: `${key} = ${lines(value).join(' / ')}`,
        reason: 'not a field Stavraton reads',
      })
  }
  rows.push(...successionBox(templates))

  const read = readInfoboxRows(rows)
  return infoboxDeck(
    { ...read, skipped: [...read.skipped, ...skipped].sort((a, b) => a.line - b.line) },
    options,
    refusal,
  )
}

/** {{s-bef}}, {{s-ttl}}, {{s-aft}} (and {{s-vac}}, {{s-hou}}) as the rows of the rendered succession box. */
function successionBox(templates: readonly Template[]): Row[] {
  const rows: Row[] = []
  let current: Row = []
  const cell = (...lines: string[]) =>
    current.push({ kind: 'cell', lines: lines.filter(Boolean), at: lines.map(() => 0) })
  const end = () => {
    if (current.length) rows.push(current)
    current = []
  }
  for (const t of templates) {
    const value = (key: string) => (typeof t[key] === 'string' ? (t[key] as string) : '')
    if (t.template === 's-start') rows.push([{ kind: 'cell', lines: ['Regnal titles'], at: [0] }])
    else if (t.template === 's-bef') {
      end()
      cell('Preceded by', value('before'))
    } else if (t.template === 's-vac') {
      end()
      cell('Vacant', value('reason'), ...(value('last') ? ['Title last held by', value('last')] : []))
    } else if (t.template === 's-ttl') {
      const title = value('title')
      const aka = /^(.*?)\s*(\(".*"\))$/.exec(title)
      const withWho = value('with')
      cell(
        aka ? (aka[1] as string) : title,
        aka ? (aka[2] as string) : '',
        value('years'),
        withWho ? `with ${withWho}` : '',
      )
    } else if (t.template === 's-aft') {
      cell('Succeeded by', value('after'))
      end()
    }
  }
  end()
  return rows
}
