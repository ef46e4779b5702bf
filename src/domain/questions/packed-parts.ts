// A deck's compact parts as the deck-questions worker holds a deck it generates: each body
// deflated. Apart from compact.ts so that fflate's deflate loads with the generator only, not with
// every deck opened from its cache or build.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { CompactQuestions, type CompactPart, type PartSource } from './compact'

/**
 * Compact parts held in memory with each body deflated (its UTF-8, at the fastest level): how the
 * deck-questions worker holds a deck it generates. A body is a string of two bytes a character
 * (the prompts' typographic quotes), so a 100,000-fact deck's bodies take 600 MB as strings and
 * some 35 MB deflated; a body is inflated again when a question of it is read, or it is cached.
 */
export class PackedParts implements PartSource {
  private readonly heads: string[] = []
  private readonly bodies: Uint8Array[] = []

  push(part: CompactPart): void {
    this.heads.push(part.head)
    this.bodies.push(deflateSync(strToU8(part.body), { level: 1 }))
  }

  get count(): number {
    return this.heads.length
  }

  part(index: number): CompactPart {
    return { head: this.heads[index] as string, body: strFromU8(inflateSync(this.bodies[index] as Uint8Array)) }
  }

  /** A bank over the parts, and over `pending` after them (the questions not yet in a full part). */
  bank(pending?: CompactPart): CompactQuestions {
    const count = this.count
    return new CompactQuestions(pending ? [...this.heads, pending.head] : this.heads.slice(), (part) =>
      Promise.resolve(part < count ? this.part(part).body : (pending as CompactPart).body),
    )
  }
}
