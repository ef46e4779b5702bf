// Family-tree layout: a layered drawing of a deck's people from its parent and spouse facts.
//
// 1. Spouses form units that share a row. Generations are longest paths over units (parents above
//    children), then childless-above units move down next to their children. A marriage that
//    would put someone above their own ancestor is drawn across rows instead.
// 2. Each connected family is laid out on its own; families sit side by side.
// 3. Rows are ordered and placed by sweeps: each unit wants to sit centred under its parents
//    (down) or over its children (up); a row is sorted by that wish (barycentre ordering) and
//    placed as close to it as the gaps allow (placeInOrder). Every pass is linear or n·log n.
import type { Deck } from '../deck/types'
import { buildFamilyGraph, UnionFind, type FamilyGraph } from './family-graph'
import { placeInOrder, stronglyConnected, topologicalOrder } from './graph-order'
import { balancedLines, fitLines, lifespanLabels } from './labels'

export interface FamilyTreeOptions {
  boxHeight?: number
  minBoxWidth?: number
  maxBoxWidth?: number
  /** Estimated width of one character of a name, for box widths and line breaks. */
  charWidth?: number
  /** Names longer than this are broken onto two lines. */
  oneLine?: number
  spouseGap?: number
  siblingGap?: number
  rowGap?: number
  familyGap?: number
  margin?: number
  /** Down-and-up ordering sweeps. */
  sweeps?: number
}

export interface Point {
  x: number
  y: number
}

export interface FamilyTreeNode {
  id: string
  name: string
  /** The name broken into at most two lines that fit the box. */
  lines: string[]
  /** Years of life, e.g. "1370–1408", "c. 1400–c. 1407", "b. 1348"; empty when unknown. */
  lifespan: string
  x: number
  y: number
  width: number
  height: number
  /** 0 for the top row of the node's family. */
  generation: number
  /** Index of the node's connected family, left to right. */
  family: number
}

export interface FamilyTreeEdge {
  id: string
  kind: 'parent' | 'spouse'
  /** Parent ids (one or a couple) for `parent`; one spouse for `spouse`. */
  from: string[]
  to: string
  points: Point[]
  /** A fact behind the line is disputed. */
  disputed: boolean
}

/** The family as a nested list, for the text alternative: a unit (a person and spouses) and its children. */
export interface FamilyOutlineItem {
  people: { id: string; name: string }[]
  children: FamilyOutlineItem[]
  /** Already listed above (a person reached twice, e.g. married into another branch). */
  repeated: boolean
}

export interface FamilyTreeLayout {
  /** One per person of the deck, in deck order. */
  nodes: FamilyTreeNode[]
  edges: FamilyTreeEdge[]
  outline: FamilyOutlineItem[]
  width: number
  height: number
}

const DEFAULTS: Required<FamilyTreeOptions> = {
  boxHeight: 56,
  minBoxWidth: 112,
  maxBoxWidth: 208,
  charWidth: 7.8,
  oneLine: 20,
  spouseGap: 20,
  siblingGap: 20,
  rowGap: 56,
  familyGap: 48,
  margin: 12,
  sweeps: 4,
}

interface Units {
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

export function layoutFamilyTree(deck: Deck, options: FamilyTreeOptions = {}): FamilyTreeLayout {
  const o = { ...DEFAULTS, ...options }
  const graph = buildFamilyGraph(deck)
  const { parents } = topologicalOrder(graph.parents.map((links) => links.map((l) => l.other)))
  const units = buildUnits(graph, parents)
  const names = graph.people.map((p) => (p.name.length > o.oneLine ? balancedLines(p.name) : [p.name]))
  const widths = names.map((lines) => boxWidth(lines, o))
  const offset = new Float64Array(graph.people.length)
  const unitWidth = units.members.map((ms) => {
    let w = 0
    ms.forEach((m, i) => {
      offset[m] = w
      w += widths[m]! + (i < ms.length - 1 ? o.spouseGap : 0)
    })
    return w
  })
  const rows = orderRows(units)
  const unitX = new Float64Array(units.members.length)
  const children: number[][] = parents.map(() => [])
  parents.forEach((ps, c) => ps.forEach((p) => children[p]!.push(c)))
  const geometry = { parents, children, widths, offset, unitWidth, unitX }
  const familyWidth = rows.map((familyRows) => placeFamily(familyRows, units, geometry, o))

  const familyLeft: number[] = []
  let left = o.margin
  for (const w of familyWidth) {
    familyLeft.push(left)
    left += w + o.familyGap
  }
  const maxGeneration = units.generation.reduce((a, b) => Math.max(a, b), -1)
  const lifespans = lifespanLabels(deck)
  const nodes: FamilyTreeNode[] = graph.people.map((person, i) => {
    const u = units.of[i]!
    const generation = units.generation[u]!
    return {
      id: person.id,
      name: person.name,
      lines: fitLines(names[i]!, Math.floor((widths[i]! - 16) / o.charWidth)),
      lifespan: lifespans.get(person.id) ?? '',
      x: Math.round(familyLeft[units.family[u]!]! + unitX[u]! + offset[i]!),
      y: o.margin + generation * (o.boxHeight + o.rowGap),
      width: widths[i]!,
      height: o.boxHeight,
      generation,
      family: units.family[u]!,
    }
  })
  return {
    nodes,
    edges: [...spouseEdges(graph, units, nodes, o), ...parentEdges(graph, units, nodes, o)],
    outline: buildOutline(graph, units, rows),
    width: Math.ceil(Math.max(0, left - o.familyGap + o.margin)),
    height: maxGeneration < 0 ? 0 : 2 * o.margin + (maxGeneration + 1) * o.boxHeight + maxGeneration * o.rowGap,
  }
}

function boxWidth(lines: string[], o: Required<FamilyTreeOptions>): number {
  const chars = Math.max(...lines.map((l) => l.length))
  return Math.round(Math.min(o.maxBoxWidth, Math.max(o.minBoxWidth, chars * o.charWidth + 20)))
}

/** Spouses become units; units get generations and families. */
function buildUnits(graph: FamilyGraph, parents: number[][]): Units {
  const n = graph.people.length
  const spouses = new UnionFind(n)
  for (let i = 0; i < n; i++) for (const s of graph.spouses[i]!) spouses.union(i, s.other)
  let of = compactIds(n, (i) => spouses.find(i))
  if (hasLoop(of, parents)) of = compactIds(n, joinSpousesWithoutLoops(graph, parents))
  const members: number[][] = Array.from({ length: of.count }, () => [])
  for (let i = 0; i < n; i++) members[of.ids[i]!]!.push(i)
  for (let u = 0; u < of.count; u++) members[u] = spouseOrder(members[u]!, graph, of.ids)
  const up = unitAdjacency(of, parents, true)
  const down = unitAdjacency(of, parents)
  const generation = unitGenerations(up, down)

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

/** Initial order per family and row: depth-first from the top, so that branches stay together. */
function orderRows(units: Units): number[][][] {
  const rows: number[][][] = Array.from({ length: units.families }, () => [])
  const visited = new Uint8Array(units.members.length)
  const visit = (root: number) => {
    const stack = [root]
    while (stack.length) {
      const u = stack.pop()!
      if (visited[u]) continue
      visited[u] = 1
      const familyRows = rows[units.family[u]!]!
      const g = units.generation[u]!
      while (familyRows.length <= g) familyRows.push([])
      familyRows[g]!.push(u)
      const children = units.children[u]!
      for (let k = children.length - 1; k >= 0; k--) if (!visited[children[k]!]) stack.push(children[k]!)
    }
  }
  for (let u = 0; u < units.members.length; u++) if (units.parents[u]!.length === 0) visit(u)
  for (let u = 0; u < units.members.length; u++) visit(u)
  return rows
}

interface Geometry {
  /** Kept parent links and the reverse, per person. */
  parents: number[][]
  children: number[][]
  widths: number[]
  offset: Float64Array
  unitWidth: number[]
  unitX: Float64Array
}

/** Orders and places one family's rows (fills `unitX`); returns the family's width. */
function placeFamily(rows: number[][], units: Units, geo: Geometry, o: Required<FamilyTreeOptions>): number {
  const { widths, offset, unitWidth, unitX, parents, children } = geo
  for (const row of rows) {
    let x = 0
    for (const u of row) {
      unitX[u] = x
      x += unitWidth[u]! + o.siblingGap
    }
  }
  const wish = new Float64Array(units.members.length)
  const pull = new Float64Array(units.members.length)
  const centre = (m: number) => unitX[units.of[m]!]! + offset[m]! + widths[m]! / 2
  // Where unit u wants its left edge: each member centred on its relatives in the row above or
  // below, averaged; `pull` is how many members have a say (a lone unit barely resists).
  const want = (u: number, relatives: number[][]) => {
    let sum = 0
    let count = 0
    for (const m of units.members[u]!) {
      const rel = relatives[m]!
      if (rel.length === 0) continue
      let anchor = 0
      for (const r of rel) anchor += centre(r)
      sum += anchor / rel.length - offset[m]! - widths[m]! / 2
      count++
    }
    wish[u] = count ? sum / count : unitX[u]!
    pull[u] = count || 0.25
  }
  const placeRow = (row: number[], relatives: number[][]) => {
    for (const u of row) want(u, relatives)
    row.sort((a, b) => wish[a]! + unitWidth[a]! / 2 - (wish[b]! + unitWidth[b]! / 2))
    const xs = placeInOrder(
      row.map((u) => wish[u]!),
      row.map((u) => unitWidth[u]!),
      row.map((u) => pull[u]!),
      o.siblingGap,
    )
    row.forEach((u, k) => (unitX[u] = xs[k]!))
  }
  const down = () => {
    for (let g = 1; g < rows.length; g++) placeRow(rows[g]!, parents)
  }
  for (let s = 0; s < o.sweeps; s++) {
    down()
    for (let g = rows.length - 2; g >= 0; g--) placeRow(rows[g]!, children)
  }
  down()
  let min = Infinity
  let max = -Infinity
  for (const row of rows) {
    for (const u of row) {
      min = Math.min(min, unitX[u]!)
      max = Math.max(max, unitX[u]! + unitWidth[u]!)
    }
  }
  for (const row of rows) for (const u of row) unitX[u]! -= min
  return max - min
}

function spouseEdges(graph: FamilyGraph, units: Units, nodes: FamilyTreeNode[], o: Required<FamilyTreeOptions>): FamilyTreeEdge[] {
  const edges: FamilyTreeEdge[] = []
  graph.spouses.forEach((links, a) => {
    for (const { other: b, fact } of links) {
      if (b < a) continue
      const [l, r] = nodes[a]!.x <= nodes[b]!.x ? [nodes[a]!, nodes[b]!] : [nodes[b]!, nodes[a]!]
      let points: Point[]
      if (adjacent(units, a, b)) {
        const y = l.y + l.height / 2
        points = [{ x: l.x + l.width, y }, { x: r.x, y }]
      } else if (l.y === r.y) {
        const y = l.y - o.rowGap / 4
        points = [{ x: l.x + l.width / 2, y: l.y }, { x: l.x + l.width / 2, y }, { x: r.x + r.width / 2, y }, { x: r.x + r.width / 2, y: r.y }]
      } else {
        const [t, u] = l.y < r.y ? [l, r] : [r, l]
        points = [{ x: t.x + t.width / 2, y: t.y + t.height }, { x: u.x + u.width / 2, y: u.y }]
      }
      edges.push({ id: fact.id, kind: 'spouse', from: [l.id], to: r.id, points, disputed: fact.alternatives.length > 0 })
    }
  })
  return edges
}

function adjacent(units: Units, a: number, b: number): boolean {
  if (units.of[a] !== units.of[b]) return false
  const ms = units.members[units.of[a]!]!
  return Math.abs(ms.indexOf(a) - ms.indexOf(b)) === 1
}

function parentEdges(graph: FamilyGraph, units: Units, nodes: FamilyTreeNode[], o: Required<FamilyTreeOptions>): FamilyTreeEdge[] {
  const edges: FamilyTreeEdge[] = []
  graph.parents.forEach((links, c) => {
    const child = nodes[c]!
    const cx = child.x + child.width / 2
    const busY = child.y - o.rowGap / 2
    const drop = (x: number, y: number): Point[] =>
      y >= busY ? [{ x, y }, { x: cx, y: child.y }]
      : Math.abs(x - cx) < 12 ? [{ x, y }, { x, y: child.y }] // nearly straight below: no jog
      : [{ x, y }, { x, y: busY }, { x: cx, y: busY }, { x: cx, y: child.y }]
    const rest = links.slice()
    while (rest.length) {
      const first = rest.shift()!
      const k = rest.findIndex((l) => adjacent(units, first.other, l.other))
      const pair = k >= 0 ? [first, ...rest.splice(k, 1)] : [first]
      const ps = pair.map((l) => nodes[l.other]!).sort((a, b) => a.x - b.x)
      const [l, r] = [ps[0]!, ps[ps.length - 1]!]
      const points = pair.length === 2 ? drop((l.x + l.width + r.x) / 2, l.y + l.height / 2) : drop(l.x + l.width / 2, l.y + l.height)
      const from = ps.map((p) => p.id)
      edges.push({
        id: `parent:${from.join('+')}:${child.id}`,
        kind: 'parent',
        from,
        to: child.id,
        points,
        disputed: pair.some((l) => l.fact.alternatives.length > 0),
      })
    }
  })
  return edges
}

function buildOutline(graph: FamilyGraph, units: Units, rows: number[][][]): FamilyOutlineItem[] {
  const listed = new Uint8Array(units.members.length)
  const item = (u: number): FamilyOutlineItem => {
    const people = units.members[u]!.map((m) => ({ id: graph.people[m]!.id, name: graph.people[m]!.name }))
    if (listed[u]) return { people, children: [], repeated: true }
    listed[u] = 1
    return { people, children: units.children[u]!.map(item), repeated: false }
  }
  return rows.flatMap((familyRows) => (familyRows[0] ?? []).map(item))
}
