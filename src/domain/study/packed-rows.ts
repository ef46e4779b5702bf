// Card rows as the question cache keeps them beside a deck's questions: a batch of rows as its
// JSON, deflated. A 100,000-fact deck's 190,000 rows are 80 MB of JSON, made from its 400,000
// questions in seconds; read back packed, the card browser has them in a fraction of that.
// Apart from card-list.ts so that fflate loads only where rows are cached.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import type { CardRow } from './card-list'

export function packRows(rows: readonly CardRow[]): Uint8Array {
  return deflateSync(strToU8(JSON.stringify(rows)), { level: 1 })
}

/** The rows packRows packed; throws when the bytes are not such rows (a damaged cache). */
export function unpackRows(packed: Uint8Array): CardRow[] {
  const rows: unknown = JSON.parse(strFromU8(inflateSync(packed)))
  if (!Array.isArray(rows) || rows.some((row) => typeof (row as Partial<CardRow> | null)?.cardId !== 'string'))
    throw new Error('These are not card rows.')
  return rows as CardRow[]
}
