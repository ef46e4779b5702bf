// Who shares a row, and which row: spouses form units; generations and families of units.
// A marriage that would put someone above their own ancestor is left out of the units (drawn
// across rows instead), so parents are always above their children.
import { UnionFind, type FamilyGraph } from './family-graph'
import { stronglyConnected, topologicalOrder } from './graph-order'
import type { Steps } from '../steps'

export interface Units {
  /** Unit of each person. */
  of: Int32Array
  /** Members of each unit, in drawing order. */
  members: number[][]
  parents: number[][]
  children: number[][]
  generation: Int32Array
  family: Int32Array
  families: number
}

/** Spouses become units; units get generations and families: in steps, a pass each. */
export function* unitsSteps(graph: FamilyGraph, parents: number[][]): Steps<Units> {
  const n = graph.people.length
  const spouses = new UnionFind(n)
  for (let i = 0; i < n; i++) for (const s of graph.spouses[i]!) spouses.union(i, s.other)
  let of = compactIds(n, (i) => spouses.find(i))
  yield
  if (hasLoop(of, parents)) of = compactIds(n, joinSpousesWithoutLoops(graph, parents))
  yield
  const members: number[][] = Array.from({ length: of.count }, () => [])
  for (let i = 0; i < n; i++) members[of.ids[i]!]!.push(i)
  for (let u = 0; u < of.count; u++) members[u] = spouseOrder(members[u]!, graph, of.ids)
  yield
  const up = unitAdjacency(of, parents, true)
  yield
  const down = unitAdjacency(of, parents)
  yield
  const generation = unitGenerations(up, down)
  yield

  const families = new UnionFind(of.count)
  for (let u = 0; u < of.count; u++) for (const p of up[u]!) families.union(u, p)
  const family = compactIds(of.count, (u) => families.find(u))
  const top = new Int32Array(family.count).fill(2 ** 31 - 1)
  for (let u = 0; u < of.count; u++) top[family.ids[u]!] = Math.min(top[family.ids[u]!]!, generation[u]!)
  for (let u = 0; u < of.count; u++) generation[u]! -= top[family.ids[u]!]!
  return { of: of.ids, members, parents: up, children: down, generation, family: family.ids, families: family.count }
}

/**
 * True when a marriage closes a loop with parent links (e.g. with one's own grandchild): then
 * the two cannot share a row.
 */
function hasLoop(of: { ids: Int32Array; count: number }, parents: number[][]): boolean {
  if (parents.some((ps, i) => ps.some((p) => of.ids[p] === of.ids[i]))) return true
  const loop = stronglyConnected(unitAdjacency(of, parents))
  return new Set(loop).size < loop.length
}

/**
 * Joins spouses into units one marriage at a time (deck order), skipping a marriage when one
 * spouse's unit descends from the other's. Costs a search per marriage, so it only runs when
 * `hasLoop` found a loop.
 */
function joinSpousesWithoutLoops(graph: FamilyGraph, parents: number[][]): (i: number) => number {
  const n = graph.people.length
  const units = new UnionFind(n)
  const members = graph.people.map((_, i) => [i])
  const children: number[][] = parents.map(() => [])
  parents.forEach((ps, c) => ps.forEach((p) => children[p]!.push(c)))
  const reaches = (from: number, to: number) => {
    const target = units.find(to)
    const seen = new Set([units.find(from)])
    const queue = [...seen]
    for (let head = 0; head < queue.length; head++) {
      for (const m of members[queue[head]!]!) {
        for (const c of children[m]!) {
          const u = units.find(c)
          if (u === target) return true
          if (seen.has(u)) continue
          seen.add(u)
          queue.push(u)
        }
      }
    }
    return false
  }
  for (let a = 0; a < n; a++) {
    for (const { other: b } of graph.spouses[a]!) {
      const [ra, rb] = [units.find(a), units.find(b)]
      if (b < a || ra === rb || reaches(a, b) || reaches(b, a)) continue
      units.union(a, b)
      const root = units.find(a)
      members[root] = [...members[ra]!, ...members[rb]!]
    }
  }
  return (i) => units.find(i)
}

/** Renumbers `key(i)` to 0, 1, 2… in order of first appearance. */
function compactIds(n: number, key: (i: number) => number): { ids: Int32Array; count: number } {
  const seen = new Map<number, number>()
  const ids = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const k = key(i)
    let id = seen.get(k)
    if (id === undefined) seen.set(k, (id = seen.size))
    ids[i] = id
  }
  return { ids, count: seen.size }
}

/** Unit → child units (or parent units with `reverse`), without repeats or self links. */
function unitAdjacency(of: { ids: Int32Array; count: number }, parents: number[][], reverse = false): number[][] {
  const out: Set<number>[] = Array.from({ length: of.count }, () => new Set())
  parents.forEach((ps, child) => {
    for (const p of ps) {
      const a = of.ids[p]!
      const b = of.ids[child]!
      if (a !== b) (reverse ? out[b]! : out[a]!).add(reverse ? a : b)
    }
  })
  return out.map((s) => [...s].sort((x, y) => x - y))
}

function unitGenerations(up: number[][], down: number[][]): Int32Array {
  const { order } = topologicalOrder(up)
  const generation = new Int32Array(up.length)
  for (const u of order) for (const p of up[u]!) generation[u] = Math.max(generation[u]!, generation[p]! + 1)
  // Pull units down towards their children, so that someone who married into a later
  // generation's family is not drawn far above their only child.
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k]!
    if (down[u]!.length === 0) continue
    let lowest = Number.MAX_SAFE_INTEGER
    for (const c of down[u]!) lowest = Math.min(lowest, generation[c]!)
    generation[u] = Math.max(generation[u]!, lowest - 1)
  }
  return generation
}

/** Orders a unit's members along their marriages (a chain where possible), husband first. */
function spouseOrder(members: number[], graph: FamilyGraph, of: Int32Array): number[] {
  if (members.length === 1) return members
  const unit = of[members[0]!]
  const inUnit = (i: number) => of[i] === unit
  const degree = (i: number) => graph.spouses[i]!.filter((s) => inUnit(s.other)).length
  const ends = members.filter((m) => degree(m) <= 1)
  const candidates = ends.length ? ends : members
  const start = candidates.find((m) => graph.people[m]!.gender === 'male') ?? candidates[0]!
  const seen = new Set<number>([start])
  const out: number[] = []
  const stack = [start]
  while (stack.length) {
    const m = stack.pop()!
    out.push(m)
    const next = graph.spouses[m]!.map((s) => s.other).filter((s) => inUnit(s) && !seen.has(s))
    next.sort((a, b) => b - a)
    for (const s of next) {
      seen.add(s)
      stack.push(s)
    }
  }
  return out
}
