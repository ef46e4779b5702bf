// How deeply a YAML or JSON text nests, found by one pass over the characters before the YAML
// parser sees it: the parser builds nested values by recursion and, a few thousand levels down,
// fails with "Maximum call stack size exceeded" instead of saying what is wrong.
//
// It counts flow brackets (`[`, `{`) outside quotes and comments, and block levels by their
// indentation (each `- ` at the start of a line opens one more). It may count a level too many
// on odd but valid YAML; it never counts too few for brackets, which is what a hostile file uses.

export interface TooDeep {
  /** Offset in the text of the bracket, dash or line that went one level past the limit. */
  offset: number
}

/** Where the text first nests more than `max` levels deep, or undefined when it never does. */
export function findTooDeep(text: string, max: number): TooDeep | undefined {
  const indents: number[] = []
  let flow = 0
  let i = 0
  const n = text.length
  // Lines more indented than this belong to a block scalar (`|` or `>`) and are text.
  let scalarIndent = -1
  while (i < n) {
    // Start of a line.
    let col = 0
    while (text[i + col] === ' ') col++
    const lineStart = i
    i += col
    const first = text[i]
    const blank = first === '\n' || first === '\r' || first === '#' || first === undefined
    if (scalarIndent >= 0 && (blank || col > scalarIndent)) {
      i = skipLine(text, i)
      continue
    }
    scalarIndent = -1
    if (blank) {
      i = skipLine(text, i)
      continue
    }
    if (flow === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= col) indents.pop()
      // A line that opens a bracket is counted by the bracket; `- - - a` opens one level per dash.
      const dash = () => (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')
      if (dash()) {
        while (dash()) {
          indents.push(col)
          if (indents.length > max) return { offset: i }
          i += 2
          col += 2
          while (text[i] === ' ') {
            i++
            col++
          }
        }
      } else if (first !== '[' && first !== '{') indents.push(col)
      if (indents.length > max) return { offset: lineStart + col }
    }
    // The rest of the line: brackets, quotes, comments.
    let tokenStart = true
    while (i < n && text[i] !== '\n' && text[i] !== '\r') {
      const ch = text[i] as string
      if (ch === '#' && (tokenStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        i = skipLine(text, i)
        break
      }
      if ((ch === '"' || ch === "'") && tokenStart) {
        i = skipQuoted(text, i, ch)
        tokenStart = false
        continue
      }
      if (ch === '[' || ch === '{') {
        flow++
        if (flow + indents.length > max) return { offset: i }
        tokenStart = true
      } else if (ch === ']' || ch === '}') {
        if (flow > 0) flow--
        tokenStart = false
      } else if (ch === ',' || ch === ' ' || ch === '\t' || ch === ':') {
        tokenStart = true
      } else if (
        flow === 0 &&
        (ch === '|' || ch === '>') &&
        tokenStart &&
        /^[|>][-+0-9]*\s*(#.*)?$/.test(restOfLine(text, i))
      ) {
        scalarIndent = indents[indents.length - 1] ?? 0
        i = skipLine(text, i)
        break
      } else tokenStart = false
      i++
    }
    // Past the line break.
    if (text[i] === '\r') i++
    if (text[i] === '\n') i++
  }
  return undefined
}

function skipLine(text: string, from: number): number {
  let i = from
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++
  if (text[i] === '\r') i++
  if (text[i] === '\n') i++
  return i
}

function restOfLine(text: string, from: number): string {
  const end = text.slice(from, from + 200).search(/[\r\n]/)
  return text.slice(from, end === -1 ? from + 200 : from + end)
}

/** Index after the closing quote (quoted scalars may span lines; `''` and `\"` do not close). */
function skipQuoted(text: string, from: number, quote: string): number {
  let i = from + 1
  while (i < text.length) {
    const ch = text[i]
    if (quote === '"' && ch === '\\') i += 2
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i += 2
      else return i + 1
    } else i++
  }
  return i
}
