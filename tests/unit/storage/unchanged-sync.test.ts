// Skipping a deck's sync: unchangedSync says "nothing changed" exactly when the deck's version and
// each card's first fingerprint are as last synced (as comparing with deckFingerprints does).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deckFingerprints } from '../../../src/domain/study/deck-diff'
import { unchangedSync } from '../../../src/storage/deck-sync'

const sameRecord = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => Object.hasOwn(b, k) && a[k] === b[k])

const card = fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__')
const print = fc.constantFrom('1', '2')
const questions = fc.array(fc.record({ cardId: card, fingerprint: print }), { maxLength: 8 })

describe('unchangedSync', () => {
  it('finds nothing changed exactly when the fingerprints and the version are as synced', () => {
    fc.assert(
      fc.property(questions, questions, fc.constantFrom(undefined, 'v1', 'v2'), (before, now, version) => {
        const synced = { version: 'v1', fingerprints: deckFingerprints(before) }
        const same =
          (version === undefined || version === 'v1') && sameRecord(synced.fingerprints, deckFingerprints(now))
        const summary = unchangedSync(synced, now, version)
        expect(summary !== undefined).toBe(same)
        if (summary) {
          expect(summary.unchanged.sort()).toEqual(Object.keys(deckFingerprints(now)).sort())
          expect(summary.firstSync).toBe(now.length === 0)
        }
      }),
      { numRuns: 500, seed: 15 },
    )
  })

  it('the same questions as last synced change nothing; another fingerprint does', () => {
    const qs = [
      { cardId: 'a', fingerprint: '1' },
      { cardId: 'a', fingerprint: '2' },
      { cardId: 'b', fingerprint: '1' },
    ]
    const synced = { version: 'v', fingerprints: deckFingerprints(qs) }
    expect(unchangedSync(synced, qs, 'v')?.unchanged).toEqual(['a', 'b'])
    expect(unchangedSync(synced, [qs[1]!, qs[0]!, qs[2]!], 'v')).toBeUndefined()
    expect(unchangedSync(synced, qs.slice(0, 2), 'v')).toBeUndefined()
  })
})
