// Structural check of a deck file against the valibot schema (schema.ts). Valibot alone stops
// at the first unknown key of an object and reports a failed union as one opaque issue, so this
// walks the schema itself: every unknown field (with "did you mean"), every missing or wrongly
// typed field, and for a union the branch the value was clearly meant to be. Leaves are checked
// by valibot. It also returns the value with the invalid parts left out, so that the meaning
// checks can still run over the rest of the file.
import * as v from 'valibot'
import type { DeckIssueCode, IssueDetails, IssueList, Path } from './issues'
import { MAX_REPORTED_ISSUES } from '../import/limits'
import { expectationOf, missingHintOf } from './schema'
import { didYouMean } from './suggest'

interface SchemaNode {
  kind: string
  type: string
  entries?: Record<string, SchemaNode>
  item?: SchemaNode
  key?: SchemaNode
  value?: SchemaNode
  wrapped?: SchemaNode
  options?: SchemaNode[] | string[]
  literal?: unknown
  pipe?: Array<{ kind: string; type: string }>
}

interface Draft extends IssueDetails {
  code: DeckIssueCode
  path: Path
  message: string
}

const INVALID = Symbol('invalid')

/** Drafts worked out in full; the issue list shows only the first MAX_REPORTED_ISSUES anyway. */
const DETAILED_DRAFTS = MAX_REPORTED_ISSUES * 2
const UNLISTED: Draft = { code: 'wrong-type', path: [], message: 'not listed' }
type Checked = unknown

const OPTIONAL_TYPES = new Set(['optional', 'exact_optional', 'nullish'])
const OBJECT_TYPES = new Set(['strict_object', 'object', 'loose_object'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 37)}…` : value}\``
  if (typeof value === 'number') return `the number ${value}`
  if (typeof value === 'boolean') return `\`${value}\``
  if (Array.isArray(value)) return 'a list'
  return 'a mapping'
}

/** "expected …" text for a schema. */
export function describeSchema(schema: SchemaNode): string {
  const named = expectationOf(schema)
  if (named) return named
  switch (schema.type) {
    case 'string':
      return 'text'
    case 'number':
      return 'a number'
    case 'array':
      return schema.item ? `a list, each item ${describeSchema(schema.item)}` : 'a list'
    case 'record':
      return 'a mapping of ids to values'
    case 'picklist':
      return `one of ${(schema.options as string[]).join(', ')}`
    case 'literal':
      return JSON.stringify(schema.literal)
    case 'union':
      return (schema.options as SchemaNode[]).map(describeSchema).join(', or ')
    default:
      if (schema.wrapped) return describeSchema(schema.wrapped)
      if (schema.entries)
        return `a mapping with ${Object.keys(schema.entries)
          .map((k) => `\`${k}\``)
          .join(', ')}`
      return schema.type
  }
}

/** How to name the thing at `path` in a message: `born`, `entity id`, `item 2 of children`. */
function label(path: Path): string {
  const last = path[path.length - 1]
  if (typeof last === 'number') return `item ${last + 1} of \`${String(path[path.length - 2] ?? 'the list')}\``
  return last === undefined ? 'the deck' : `\`${last}\``
}

const insideDisputed = (path: Path) => path.includes('disputed')

function typeDraft(schema: SchemaNode, value: unknown, path: Path): Draft {
  const expected = describeSchema(schema)
  const draft: Draft = {
    code: 'wrong-type',
    path,
    message: `wrong type for ${label(path)}: found ${describeValue(value)}`,
    expected,
  }
  if ((typeof value === 'number' || typeof value === 'boolean') && expected === 'text')
    draft.hint = `write it in quotes: "${value}"`
  if (value === null) draft.hint = 'the value is missing after the colon'
  if (schema.type === 'array' && (typeof value === 'string' || typeof value === 'number'))
    draft.hint = `write it as a list: [${value}]`
  return draft
}

/** Run valibot on a leaf (or on a container's own pipe) and translate its issues. */
function checkWithValibot(schema: SchemaNode, value: unknown, path: Path, drafts: Draft[]): Checked {
  const result = v.safeParse(schema as unknown as v.GenericSchema, value)
  if (result.success) return result.output
  const issue = result.issues[0]
  if (issue.kind === 'schema' && schema.type === 'picklist' && typeof value === 'string') {
    const options = schema.options as string[]
    drafts.push({
      code: 'invalid-value',
      path,
      message: `\`${value}\` is not a valid ${label(path).replace(/`/g, '')}`,
      expected: describeSchema(schema),
      hint: didYouMean(value, options, { ignoreCase: true }),
    })
  } else if (issue.kind === 'schema') {
    drafts.push(typeDraft(schema, value, path))
  } else if (issue.type === 'min_length' && Array.isArray(value) && path[path.length - 1] === 'disputed') {
    drafts.push({
      code: 'empty-disputed',
      path,
      message: '`disputed` lists no alternatives',
      expected: issue.message,
      hint: 'list the other values, each with its source, or remove `disputed`',
    })
  } else if (Array.isArray(value)) {
    drafts.push({ code: 'invalid-value', path, message: `${label(path)} has too few items`, expected: issue.message })
  } else {
    const draft: Draft = {
      code: 'invalid-value',
      path,
      message: `invalid ${label(path)}: ${describeValue(value)}`,
      expected: issue.message,
    }
    if (issue.type === 'regex' && typeof value === 'string' && issue.message.includes('slug'))
      draft.hint = `write it as \`${slugify(value)}\``
    drafts.push(draft)
  }
  return INVALID
}

const hasOwnValidation = (schema: SchemaNode) => schema.pipe?.some((action) => action.kind === 'validation') ?? false

function checkObject(schema: SchemaNode, value: unknown, path: Path, drafts: Draft[]): Checked {
  if (!isPlainObject(value)) {
    drafts.push(typeDraft(schema, value, path))
    return INVALID
  }
  const entries = schema.entries ?? {}
  const allowed = Object.keys(entries)
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(entries, key)) continue
    drafts.push({
      code: 'unknown-field',
      path: [...path, key],
      target: 'key',
      message: `unknown field \`${key}\``,
      hint: didYouMean(key, allowed, { ignoreCase: true }) ?? `fields allowed here: ${allowed.join(', ')}`,
    })
  }
  const out: Record<string, unknown> = {}
  let ok = true
  for (const [key, entry] of Object.entries(entries)) {
    const optional = OPTIONAL_TYPES.has(entry.type)
    if (value[key] === undefined) {
      if (optional) continue
      ok = false
      if (key === 'source' && insideDisputed(path)) {
        drafts.push({
          code: 'alternative-without-source',
          path,
          message: 'this alternative names no source',
          hint: 'add `source:` with the source that gives this value',
        })
      } else {
        // "did you mean" points from a misspelt key (`licence` for `license`), reported above.
        const misspelt = Object.keys(value).find(
          (k) => !Object.hasOwn(entries, k) && didYouMean(k, [key], { ignoreCase: true }),
        )
        const hint = misspelt ? `\`${misspelt}\` looks like \`${key}\` misspelt` : missingHintOf(entry)
        drafts.push({
          code: 'missing-field',
          path: [...path, key],
          message: `missing \`${key}\``,
          expected: describeSchema(entry),
          ...(hint ? { hint } : {}),
        })
      }
      continue
    }
    const checked = checkNode(entry, value[key], [...path, key], drafts)
    if (checked === INVALID) ok = ok && optional
    else out[key] = checked
  }
  return ok ? out : INVALID
}

function checkRecord(schema: SchemaNode, value: unknown, path: Path, drafts: Draft[]): Checked {
  if (!isPlainObject(value)) {
    drafts.push(typeDraft(schema, value, path))
    return INVALID
  }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (schema.key && !v.is(schema.key as unknown as v.GenericSchema, key)) {
      drafts.push({
        code: 'invalid-value',
        path: [...path, key],
        target: 'key',
        message: `invalid id \`${key}\``,
        expected: describeSchema(schema.key),
        hint: `write it as \`${slugify(key)}\``,
      })
      continue
    }
    const checked = checkNode(schema.value as SchemaNode, item, [...path, key], drafts)
    if (checked !== INVALID) out[key] = checked
  }
  return out
}

export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'id'

function checkArray(schema: SchemaNode, value: unknown, path: Path, drafts: Draft[]): Checked {
  if (!Array.isArray(value)) {
    drafts.push(typeDraft(schema, value, path))
    return INVALID
  }
  // A bad item leaves a hole, so that the others keep their index (and their position in the
  // file); forEach, map and filter skip holes, and the deck is rejected anyway.
  let ok = true
  const out: unknown[] = new Array<unknown>(value.length)
  const item = schema.item as SchemaNode
  for (let index = 0; index < value.length; index++) {
    if (drafts.length >= DETAILED_DRAFTS) {
      // Past what will be listed, only the number of bad items matters: a quick valibot check
      // and one shared draft each keep 400,000 bad items to a fraction of a second.
      if (v.is(item as unknown as v.GenericSchema, value[index])) out[index] = value[index]
      else {
        ok = false
        drafts.push(UNLISTED)
      }
      continue
    }
    const checked = checkNode(item, value[index], [...path, index], drafts)
    if (checked === INVALID) ok = false
    else out[index] = checked
  }
  if (ok && hasOwnValidation(schema)) return checkWithValibot(schema, out, path, drafts)
  return out
}

function checkUnion(schema: SchemaNode, value: unknown, path: Path, drafts: Draft[]): Checked {
  let best: { result: Checked; drafts: Draft[] } | undefined
  for (const option of schema.options as SchemaNode[]) {
    const own: Draft[] = []
    const result = checkNode(option, value, path, own)
    if (own.length === 0) return hasOwnValidation(schema) ? checkWithValibot(schema, result, path, drafts) : result
    const typeMismatch = own.some((draft) => draft.code === 'wrong-type' && draft.path.length === path.length)
    if (!typeMismatch && (!best || own.length < best.drafts.length)) best = { result, drafts: own }
  }
  if (best) {
    // A loop, not push(...): a branch can hold 200,000 drafts, more than a call takes arguments.
    for (const draft of best.drafts) drafts.push(draft)
    return best.result
  }
  drafts.push(typeDraft(schema, value, path))
  return INVALID
}

function checkNode(schema: SchemaNode, value: unknown, path: Path, drafts: Draft[]): Checked {
  if (OPTIONAL_TYPES.has(schema.type)) {
    return value === undefined ? undefined : checkNode(schema.wrapped as SchemaNode, value, path, drafts)
  }
  if (OBJECT_TYPES.has(schema.type)) return checkObject(schema, value, path, drafts)
  if (schema.type === 'record') return checkRecord(schema, value, path, drafts)
  if (schema.type === 'array') return checkArray(schema, value, path, drafts)
  if (schema.type === 'union') return checkUnion(schema, value, path, drafts)
  return checkWithValibot(schema, value, path, drafts)
}

export interface StructureResult<T> {
  /** The value with invalid parts left out; undefined when the whole value is unusable. */
  value: T | undefined
  ok: boolean
}

/** Check `value` against `schema`, adding every problem to `issues`. */
export function checkStructure<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  issues?: IssueList,
  path: Path = [],
): StructureResult<v.InferOutput<S>> {
  const drafts: Draft[] = []
  const checked = checkNode(schema as unknown as SchemaNode, value, path, drafts)
  if (issues) for (const { code, path: at, message, ...details } of drafts) issues.error(code, at, message, details)
  return { value: checked === INVALID ? undefined : (checked as v.InferOutput<S>), ok: drafts.length === 0 }
}
