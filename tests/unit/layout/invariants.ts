// Checks shared by the example tests and the property tests of the layouts.
import type { Deck } from '../../../src/domain/deck/types'
import type { FamilyTreeLayout, FamilyTreeNode } from '../../../src/domain/layout/family-tree'
import type { TimelineLayout } from '../../../src/domain/layout/timeline'

/** Pairs of boxes that overlap (boxes touching at an edge do not count). */
export function overlappingBoxes(nodes: FamilyTreeNode[]): [string, string][] {
  const out: [string, string][] = []
  const byRow = new Map<number, FamilyTreeNode[]>()
  for (const n of nodes) byRow.set(n.y, [...(byRow.get(n.y) ?? []), n])
  // Rows are apart by more than a box height, so only boxes in one row can overlap; the check
  // on heights below makes that assumption fail loudly if it ever stops holding.
  const ys = [...byRow.keys()].sort((a, b) => a - b)
  for (let k = 1; k < ys.length; k++)
    if (ys[k]! - ys[k - 1]! < (nodes[0]?.height ?? 0)) out.push([`row ${ys[k - 1]}`, `row ${ys[k]}`])
  for (const row of byRow.values()) {
    row.sort((a, b) => a.x - b.x)
    for (let k = 1; k < row.length; k++)
      if (row[k - 1]!.x + row[k - 1]!.width > row[k]!.x) out.push([row[k - 1]!.id, row[k]!.id])
  }
  return out
}

/** Parent links where the parent is not drawn above the child. */
export function parentsNotAbove(deck: Deck, layout: FamilyTreeLayout): string[] {
  const at = new Map(layout.nodes.map((n) => [n.id, n]))
  return deck.facts
    .filter((f) => f.type === 'relation' && f.key === 'parent')
    .filter((f) => !(at.get(f.value as string)!.y < at.get(f.subject)!.y))
    .map((f) => f.id)
}

/** Spouse links whose two people are not on one row. */
export function spousesApart(deck: Deck, layout: FamilyTreeLayout): string[] {
  const at = new Map(layout.nodes.map((n) => [n.id, n]))
  return deck.facts
    .filter((f) => f.type === 'relation' && f.key === 'spouse')
    .filter((f) => at.get(f.value as string)!.y !== at.get(f.subject)!.y)
    .map((f) => f.id)
}

/** Items of one timeline row whose drawn extents (fuzzy and open parts and disputed marks included) overlap. */
export function overlappingInLane(layout: TimelineLayout): [string, string][] {
  const items = [
    ...layout.bars.map((b) => ({
      id: b.id,
      row: b.row,
      from: Math.min(b.start.min, ...b.start.disputed.map((d) => d.at)),
      to: Math.max(b.end.max, ...b.end.disputed.map((d) => d.at)),
    })),
    ...layout.points.map((p) => ({ id: p.id, row: p.row, from: p.at.min, to: p.at.max })),
  ]
  const out: [string, string][] = []
  const rows = new Map<number, typeof items>()
  for (const item of items) rows.set(item.row, [...(rows.get(item.row) ?? []), item])
  for (const row of rows.values()) {
    row.sort((a, b) => a.from - b.from)
    for (let k = 1; k < row.length; k++) if (row[k - 1]!.to >= row[k]!.from) out.push([row[k - 1]!.id, row[k]!.id])
  }
  return out
}
