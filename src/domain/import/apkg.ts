// Anki packages (.apkg / .colpkg): a zip holding a SQLite collection. Basic notes (first field →
// front, second → back) and cloze notes become cards; pictures and sounds are skipped with a notice.
// sql.js is passed in (`loadSql`) so it is loaded only when an .apkg is actually imported, from
// our own origin in the browser and from node_modules in tests.
import type { Database, SqlJsStatic, SqlValue } from 'sql.js'
import { type DraftCard, deckFromCards } from './cards-deck'
import { hasAnkiCloze, hasGap, normalizeCloze } from './cloze'
import { htmlToText } from './html'
import { plural } from '../text/format'
import { type ImportNotice, type ImportResult, fileError } from './issues'
import { baseName, slugify, titleFromFileName } from './text'
import { safeUnzip } from './zip'

export type LoadSql = () => Promise<SqlJsStatic>

export interface ApkgImportOptions {
  file: string
  loadSql: LoadSql
  deckId?: string
  title?: string
}

export const NEWER_FORMAT_MESSAGE =
  "This .apkg was exported in Anki's newer format. In Anki, use File → Export and tick 'Support older Anki versions'."

const COLLECTIONS = ['collection.anki21', 'collection.anki2'] as const
const NEWER = 'collection.anki21b'
// The placeholder collection Anki writes next to an .anki21b so that old versions show a message.
const STUB_TEXT = 'please update to the latest anki version'

interface NoteType {
  name: string
  cloze: boolean
  fields: string[]
}

interface Note {
  id: number
  noteType: number
  fields: string[]
}

function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? []
}

function hasTable(db: Database, name: string): boolean {
  return rows(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${name}'`).length > 0
}

/** Note types of a legacy (schema 11) collection: JSON in `col.models`. */
function legacyNoteTypes(json: string): Map<number, NoteType> {
  const types = new Map<number, NoteType>()
  const models = JSON.parse(json) as Record<
    string,
    { name?: string; type?: number; flds?: Array<{ name?: string; ord?: number }> }
  >
  for (const [id, model] of Object.entries(models)) {
    const fields = [...(model.flds ?? [])].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0)).map((f) => f.name ?? '')
    types.set(Number(id), { name: model.name ?? 'Unnamed', cloze: model.type === 1, fields })
  }
  return types
}

/** Note types of a schema 18 collection: `notetypes` + `fields` tables; the kind is field 1 of the config protobuf. */
function tableNoteTypes(db: Database): Map<number, NoteType> {
  const types = new Map<number, NoteType>()
  for (const [id, name, config] of rows(db, 'SELECT id, name, config FROM notetypes')) {
    const bytes = config instanceof Uint8Array ? config : new Uint8Array()
    types.set(Number(id), { name: String(name), cloze: bytes[0] === 0x08 && bytes[1] === 0x01, fields: [] })
  }
  for (const [ntid, , name] of rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord'))
    types.get(Number(ntid))?.fields.push(String(name))
  return types
}

function deckName(db: Database): string | undefined {
  const used = rows(db, 'SELECT DISTINCT did FROM cards').map(([did]) => String(did))
  if (used.length !== 1) return undefined
  // A Map: deck ids and names come from the file (a key `__proto__` is just a key).
  let names = new Map<string, string>()
  const col = rows(db, 'SELECT decks FROM col')[0]?.[0]
  if (typeof col === 'string' && col.trim() !== '') {
    for (const [id, deck] of Object.entries(JSON.parse(col) as Record<string, { name?: string } | null>))
      names.set(id, typeof deck?.name === 'string' ? deck.name : '')
  } else if (hasTable(db, 'decks')) {
    names = new Map(rows(db, 'SELECT id, name FROM decks').map(([id, name]) => [String(id), String(name)]))
  }
  const name = names.get(used[0] as string)?.replaceAll('\u001f', '::')
  return name && name !== 'Default' ? name : undefined
}

function readCollection(db: Database): { types: Map<number, NoteType>; notes: Note[]; deck?: string } {
  const models = rows(db, 'SELECT models FROM col')[0]?.[0]
  const types = typeof models === 'string' && models.trim() !== '' ? legacyNoteTypes(models) : tableNoteTypes(db)
  const notes = rows(db, 'SELECT id, mid, flds FROM notes ORDER BY id').map(([id, mid, flds]) => ({
    id: Number(id),
    noteType: Number(mid),
    fields: String(flds).split('\u001f'),
  }))
  const deck = deckName(db)
  return deck === undefined ? { types, notes } : { types, notes, deck }
}

function mediaCount(files: Record<string, Uint8Array>, entryNames: string[]): number {
  const media = files.media
  if (media) {
    try {
      const map = JSON.parse(new TextDecoder().decode(media)) as unknown
      if (map && typeof map === 'object') return Object.keys(map).length
    } catch {
      // The newer packages store this list compressed; count the numbered entries instead.
    }
  }
  return entryNames.filter((name) => /^\d+$/.test(name)).length
}

export async function importApkg(bytes: Uint8Array, options: ApkgImportOptions): Promise<ImportResult> {
  const { file } = options
  const unzipped = safeUnzip(bytes, {
    wanted: (name) => name === 'media' || (COLLECTIONS as readonly string[]).includes(name),
  })
  if (!unzipped.ok) return { issues: [fileError(unzipped.code, unzipped.message, file)], notices: [] }
  const names = unzipped.entries.map((e) => e.name)
  const collectionName = COLLECTIONS.find((name) => unzipped.files[name])
  const newer = names.includes(NEWER)
  if (!collectionName) {
    const message = newer
      ? NEWER_FORMAT_MESSAGE
      : 'This zip file is not an Anki package: it has no collection.anki2 or collection.anki21 inside.'
    return { issues: [fileError(newer ? 'apkg-newer-format' : 'apkg-no-collection', message, file)], notices: [] }
  }

  let SQL: SqlJsStatic
  try {
    SQL = await options.loadSql()
  } catch {
    return {
      issues: [
        fileError(
          'apkg-sql-unavailable',
          'The Anki reader could not be loaded. Check your connection once, then try again.',
          file,
        ),
      ],
      notices: [],
    }
  }
  let collection: ReturnType<typeof readCollection>
  let db: Database | undefined
  try {
    db = new SQL.Database(unzipped.files[collectionName])
    collection = readCollection(db)
  } catch {
    return {
      issues: [
        fileError(
          'apkg-damaged',
          `The Anki collection inside this package (${collectionName}) could not be read; the file may be damaged.`,
          file,
        ),
      ],
      notices: [],
    }
  } finally {
    db?.close()
  }

  const onlyStub =
    collection.notes.length > 0 &&
    collection.notes.every((note) => note.fields.join(' ').toLowerCase().includes(STUB_TEXT))
  if (onlyStub || (newer && collection.notes.length === 0))
    return { issues: [fileError('apkg-newer-format', NEWER_FORMAT_MESSAGE, file)], notices: [] }

  const drafts: DraftCard[] = []
  let references = 0
  let textless = 0
  let unknownType = 0
  const extraFields = new Map<string, NoteType>()
  for (const note of collection.notes) {
    const type = collection.types.get(note.noteType)
    if (!type) {
      unknownType++
      continue
    }
    const [first, second] = note.fields.map((field) => htmlToText(field))
    references += note.fields.reduce((sum, field) => sum + htmlToText(field).media, 0)
    if (type.cloze || hasAnkiCloze(first?.text ?? '')) {
      const text = normalizeCloze(first?.text ?? '')
      if (hasGap(text)) drafts.push({ type: 'cloze', text })
      else textless++
      continue
    }
    if (!first?.text || !second?.text) {
      textless++
      continue
    }
    if (note.fields.length > 2) extraFields.set(type.name, type)
    drafts.push({ type: 'basic', front: first.text, back: second.text })
  }
  if (drafts.length === 0) {
    return {
      issues: [
        fileError(
          'apkg-empty',
          'This Anki package has no notes with text that Stavraton can import (Basic or Cloze notes).',
          file,
        ),
      ],
      notices: [],
    }
  }

  const notices: ImportNotice[] = []
  const media = mediaCount(unzipped.files, names)
  if (media > 0)
    notices.push({
      code: 'media-skipped',
      message: `${plural(media, 'media file')} ${media === 1 ? 'was' : 'were'} skipped: Stavraton imports text only.`,
    })
  else if (references > 0)
    notices.push({
      code: 'media-skipped',
      message: `${plural(references, 'picture or sound reference')} ${references === 1 ? 'was' : 'were'} removed.`,
    })
  if (textless > 0)
    notices.push({
      code: 'notes-skipped',
      message: `${plural(textless, 'note')} without text on both sides (pictures or sounds only) ${textless === 1 ? 'was' : 'were'} skipped.`,
    })
  if (unknownType > 0)
    notices.push({
      code: 'notes-skipped',
      message: `${plural(unknownType, 'note')} of a missing note type ${unknownType === 1 ? 'was' : 'were'} skipped.`,
    })
  for (const type of extraFields.values()) {
    notices.push({
      code: 'fields-ignored',
      message: `Note type "${type.name}" has ${type.fields.length} fields; only the first two (${type.fields.slice(0, 2).join(', ')}) were used.`,
    })
  }
  const name = baseName(file)
  const title = options.title ?? collection.deck ?? titleFromFileName(file)
  const built = deckFromCards({ id: options.deckId ?? slugify(collection.deck ?? name), title }, drafts)
  return { deck: built.deck, issues: [], notices: [...notices, ...built.notices] }
}
