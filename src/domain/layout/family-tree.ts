// Family-tree layout: a layered drawing of a deck's people from its parent and spouse facts.
//
// 1. Spouses form units that share a row (family-tree-units.ts). Generations are longest paths
//    over units (parents above children), then childless-above units move down next to their
//    children. A marriage that would put someone above their own ancestor is drawn across rows.
// 2. Each connected family is laid out on its own; families sit side by side.
// 3. Rows are ordered and placed by sweeps: each unit wants to sit centred under its parents
//    (down) or over its children (up); a row is sorted by that wish (barycentre ordering) and
//    placed as close to it as the gaps allow (placeInOrder). Every pass is linear or n·log n.
import type { Deck } from '../deck/types'
import { familyGraphSteps, type FamilyGraph } from './family-graph'
import { unitsSteps, type Units } from './family-tree-units'
import { ITEMS_PER_STEP, runSteps, type Steps } from '../steps'
import { placeInOrder, topologicalOrder } from './graph-order'
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

export function layoutFamilyTree(deck: Deck, options: FamilyTreeOptions = {}): FamilyTreeLayout {
  return runSteps(familyTreeSteps(deck, options))
}

/**
 * layoutFamilyTree in steps (a pass, a sweep of a family, or some hundreds of people or facts
 * each): a 100,000-fact deck's family tree, laid out at once, holds a page some 250 ms.
 */
export function* familyTreeSteps(deck: Deck, options: FamilyTreeOptions = {}): Steps<FamilyTreeLayout> {
  const o = { ...DEFAULTS, ...options }
  const graph = yield* familyGraphSteps(deck)
  yield
  const { parents } = topologicalOrder(graph.parents.map((links) => links.map((l) => l.other)))
  yield
  const units = yield* unitsSteps(graph, parents)
  yield
  const names = graph.people.map((p) => (p.name.length > o.oneLine ? balancedLines(p.name) : [p.name]))
  const widths = names.map((lines) => boxWidth(lines, o))
  yield
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
  yield
  const familyWidth: number[] = []
  for (const familyRows of rows) {
    familyWidth.push(yield* placeFamily(familyRows, units, geometry, o))
    yield
  }

  const familyLeft: number[] = []
  let left = o.margin
  for (const w of familyWidth) {
    familyLeft.push(left)
    left += w + o.familyGap
  }
  const maxGeneration = units.generation.reduce((a, b) => Math.max(a, b), -1)
  const lifespans = yield* lifespanLabels(deck)
  yield
  const nodes: FamilyTreeNode[] = []
  for (let i = 0; i < graph.people.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield
    const person = graph.people[i]!
    const u = units.of[i]!
    const generation = units.generation[u]!
    nodes.push({
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
    })
  }
  yield
  const spouses = spouseEdges(graph, units, nodes, o)
  yield
  const edges = [...spouses, ...(yield* parentEdges(graph, units, nodes, o))]
  yield
  const outline = buildOutline(graph, units, rows)
  yield
  return {
    nodes,
    edges,
    outline,
    width: Math.ceil(Math.max(0, left - o.familyGap + o.margin)),
    height: maxGeneration < 0 ? 0 : 2 * o.margin + (maxGeneration + 1) * o.boxHeight + maxGeneration * o.rowGap,
  }
}

function boxWidth(lines: string[], o: Required<FamilyTreeOptions>): number {
  const chars = Math.max(...lines.map((l) => l.length))
  return Math.round(Math.min(o.maxBoxWidth, Math.max(o.minBoxWidth, chars * o.charWidth + 20)))
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

/** Orders and places one family's rows (fills `unitX`), a sweep a step; returns the family's width. */
function* placeFamily(rows: number[][], units: Units, geo: Geometry, o: Required<FamilyTreeOptions>): Steps<number> {
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
    yield
    for (let g = rows.length - 2; g >= 0; g--) placeRow(rows[g]!, children)
    yield
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

function spouseEdges(
  graph: FamilyGraph,
  units: Units,
  nodes: FamilyTreeNode[],
  o: Required<FamilyTreeOptions>,
): FamilyTreeEdge[] {
  const edges: FamilyTreeEdge[] = []
  graph.spouses.forEach((links, a) => {
    for (const { other: b, fact } of links) {
      if (b < a) continue
      const [l, r] = nodes[a]!.x <= nodes[b]!.x ? [nodes[a]!, nodes[b]!] : [nodes[b]!, nodes[a]!]
      let points: Point[]
      if (adjacent(units, a, b)) {
        const y = l.y + l.height / 2
        points = [
          { x: l.x + l.width, y },
          { x: r.x, y },
        ]
      } else if (l.y === r.y) {
        const y = l.y - o.rowGap / 4
        points = [
          { x: l.x + l.width / 2, y: l.y },
          { x: l.x + l.width / 2, y },
          { x: r.x + r.width / 2, y },
          { x: r.x + r.width / 2, y: r.y },
        ]
      } else {
        const [t, u] = l.y < r.y ? [l, r] : [r, l]
        points = [
          { x: t.x + t.width / 2, y: t.y + t.height },
          { x: u.x + u.width / 2, y: u.y },
        ]
      }
      edges.push({
        id: fact.id,
        kind: 'spouse',
        from: [l.id],
        to: r.id,
        points,
        disputed: fact.alternatives.length > 0,
      })
    }
  })
  return edges
}

function adjacent(units: Units, a: number, b: number): boolean {
  if (units.of[a] !== units.of[b]) return false
  const ms = units.members[units.of[a]!]!
  return Math.abs(ms.indexOf(a) - ms.indexOf(b)) === 1
}

function* parentEdges(
  graph: FamilyGraph,
  units: Units,
  nodes: FamilyTreeNode[],
  o: Required<FamilyTreeOptions>,
): Steps<FamilyTreeEdge[]> {
  const edges: FamilyTreeEdge[] = []
  for (let c = 0; c < graph.parents.length; c++) {
    if (c % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield
    const links = graph.parents[c]!
    const child = nodes[c]!
    const cx = child.x + child.width / 2
    const busY = child.y - o.rowGap / 2
    const drop = (x: number, y: number): Point[] =>
      y >= busY
        ? [
            { x, y },
            { x: cx, y: child.y },
          ]
        : Math.abs(x - cx) < 12
          ? [
              { x, y },
              { x, y: child.y },
            ] // nearly straight below: no jog
          : [
              { x, y },
              { x, y: busY },
              { x: cx, y: busY },
              { x: cx, y: child.y },
            ]
    const rest = links.slice()
    while (rest.length) {
      const first = rest.shift()!
      const k = rest.findIndex((l) => adjacent(units, first.other, l.other))
      const pair = k >= 0 ? [first, ...rest.splice(k, 1)] : [first]
      const ps = pair.map((l) => nodes[l.other]!).sort((a, b) => a.x - b.x)
      const [l, r] = [ps[0]!, ps[ps.length - 1]!]
      const points =
        pair.length === 2
          ? drop((l.x + l.width + r.x) / 2, l.y + l.height / 2)
          : drop(l.x + l.width / 2, l.y + l.height)
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
  }
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
