// Small graph algorithms used by the family-tree layout. Iterative, linear time.

/**
 * Kahn's topological order of a graph given as parent lists (`parents[i]` = nodes above i).
 * Where a cycle blocks progress, the lowest-index blocked node loses its links from other blocked
 * nodes (the deck is wrong, but the tree must still draw). Returns the order and the kept parents.
 */
export function topologicalOrder(parents: readonly (readonly number[])[]): { order: number[]; parents: number[][] } {
  const n = parents.length
  const children: number[][] = parents.map(() => [])
  const pending = new Int32Array(n)
  parents.forEach((ps, i) => {
    for (const p of ps) children[p]!.push(i)
    pending[i] = ps.length
  })
  const done = new Uint8Array(n)
  const cut = new Set<string>()
  const order: number[] = []
  const queue: number[] = []
  for (let i = 0; i < n; i++) if (pending[i] === 0) queue.push(i)
  let scan = 0
  while (order.length < n) {
    if (queue.length === 0) {
      while (done[scan] || pending[scan] === 0) scan++
      for (const p of parents[scan]!) if (!done[p]) cut.add(`${p}:${scan}`)
      pending[scan] = 0
      queue.push(scan)
    }
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!
      if (done[v]) continue
      done[v] = 1
      order.push(v)
      for (const c of children[v]!) {
        if (done[c] || (cut.size > 0 && cut.has(`${v}:${c}`))) continue
        if (--pending[c]! === 0) queue.push(c)
      }
    }
    queue.length = 0
  }
  const kept =
    cut.size === 0 ? parents.map((ps) => ps.slice()) : parents.map((ps, i) => ps.filter((p) => !cut.has(`${p}:${i}`)))
  return { order, parents: kept }
}

/** Tarjan's strongly connected components, iteratively. Returns a component id per node. */
export function stronglyConnected(adjacency: readonly (readonly number[])[]): Int32Array {
  const n = adjacency.length
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const next = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const component = new Int32Array(n).fill(-1)
  const stack: number[] = []
  const calls: number[] = []
  let counter = 0
  let components = 0
  const open = (v: number) => {
    index[v] = low[v] = counter++
    stack.push(v)
    onStack[v] = 1
    calls.push(v)
  }
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue
    open(s)
    while (calls.length) {
      const v = calls[calls.length - 1]!
      const edges = adjacency[v]!
      if (next[v]! < edges.length) {
        const w = edges[next[v]!++]!
        if (index[w] === -1) open(w)
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!)
        continue
      }
      calls.pop()
      const caller = calls[calls.length - 1]
      if (caller !== undefined) low[caller] = Math.min(low[caller]!, low[v]!)
      if (low[v] === index[v]) {
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = 0
          component[w] = components
        } while (w !== v)
        components++
      }
    }
  }
  return component
}

/**
 * Places boxes in one row, keeping their order and a minimum gap, as close as possible (least squares,
 * weighted) to the wanted left positions: pool-adjacent-violators on positions shifted by the widths
 * before each box. Linear time.
 */
export function placeInOrder(
  wanted: readonly number[],
  widths: readonly number[],
  weights: readonly number[],
  gap: number,
): number[] {
  const n = wanted.length
  const shift = new Float64Array(n)
  for (let i = 1; i < n; i++) shift[i] = shift[i - 1]! + widths[i - 1]! + gap
  // Blocks of pooled boxes: [first index, weighted sum, total weight].
  const first: number[] = []
  const sum: number[] = []
  const weight: number[] = []
  for (let i = 0; i < n; i++) {
    const w = weights[i]!
    first.push(i)
    sum.push((wanted[i]! - shift[i]!) * w)
    weight.push(w)
    while (first.length > 1) {
      const k = first.length - 1
      if (sum[k - 1]! / weight[k - 1]! <= sum[k]! / weight[k]!) break
      sum[k - 1]! += sum[k]!
      weight[k - 1]! += weight[k]!
      first.pop()
      sum.pop()
      weight.pop()
    }
  }
  const out = new Array<number>(n)
  for (let b = 0; b < first.length; b++) {
    const level = sum[b]! / weight[b]!
    const end = b + 1 < first.length ? first[b + 1]! : n
    for (let i = first[b]!; i < end; i++) out[i] = level + shift[i]!
  }
  return out
}
