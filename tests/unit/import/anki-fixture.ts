// Builds real .apkg files for tests: a schema-11 Anki collection written with sql.js, zipped with fflate,
// laid out as Anki's legacy exporter does (collection.anki2 / .anki21, `media` JSON, numbered media files).
import { createRequire } from 'node:module'
import { zipSync } from 'fflate'
import initSqlJs from 'sql.js'
import type { SqlJsStatic } from 'sql.js'

const require = createRequire(import.meta.url)

let sql: Promise<SqlJsStatic> | undefined
/** sql.js for Node, wasm read from node_modules. */
export function loadSqlNode(): Promise<SqlJsStatic> {
  sql ??= initSqlJs({ locateFile: (name: string) => require.resolve(`sql.js/dist/${name}`) })
  return sql
}

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`

export const BASIC_ID = 1342697561419
export const CLOZE_ID = 1342697561420
export const THREE_FIELDS_ID = 1342697561421

const MODELS = {
  [BASIC_ID]: {
    id: BASIC_ID,
    name: 'Basic',
    type: 0,
    flds: [
      { name: 'Front', ord: 0 },
      { name: 'Back', ord: 1 },
    ],
  },
  [CLOZE_ID]: {
    id: CLOZE_ID,
    name: 'Cloze',
    type: 1,
    flds: [
      { name: 'Text', ord: 0 },
      { name: 'Back Extra', ord: 1 },
    ],
  },
  [THREE_FIELDS_ID]: {
    id: THREE_FIELDS_ID,
    name: 'Vocabulary',
    type: 0,
    flds: [
      { name: 'Word', ord: 0 },
      { name: 'Meaning', ord: 1 },
      { name: 'Example', ord: 2 },
    ],
  },
}

export interface FixtureNote {
  model: number
  fields: string[]
}

export async function collectionBytes(notes: FixtureNote[], deckName = 'Byzantium'): Promise<Uint8Array> {
  const SQL = await loadSqlNode()
  const db = new SQL.Database()
  db.run(SCHEMA)
  const decks = { 1: { id: 1, name: 'Default' }, 1700000000000: { id: 1700000000000, name: deckName } }
  db.run('INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
    '{}',
    JSON.stringify(MODELS),
    JSON.stringify(decks),
    '{}',
    '{}',
  ])
  notes.forEach((note, k) => {
    const id = 1600000000000 + k
    db.run('INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, ?)', [
      id,
      `guid${k}`,
      note.model,
      ' tag ',
      note.fields.join('\u001f'),
      note.fields[0] ?? '',
      '',
    ])
    db.run('INSERT INTO cards VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)', [
      id,
      id,
      1700000000000,
      k,
      '',
    ])
  })
  const bytes = db.export()
  db.close()
  return bytes
}

export function zipPackage(files: Record<string, Uint8Array | string>): Uint8Array {
  const encoded = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [
      name,
      typeof data === 'string' ? new TextEncoder().encode(data) : data,
    ]),
  )
  return zipSync(encoded)
}
