// The editor's entity fields show names and read names back: a stored id shows as the person's
// name (with their description when two share it), and a name typed or picked becomes that id.
import { describe, expect, it } from 'vitest'
import type { EntitySummary } from '../../../src/domain/import/deck-form'
import { entityLabels } from '../../../src/domain/import/entity-labels'

const person = (id: string, name: string, description = ''): EntitySummary => ({
  id,
  name,
  kind: 'person',
  description,
  gender: '',
})
const entities = [
  person('john-vii', 'John VII Palaiologos'),
  person('julia-augustus', 'Julia', 'daughter of Augustus'),
  person('julia-caesar', 'Julia', 'daughter of Caesar'),
  { ...person('thessalonica', 'Thessalonica'), kind: 'place' },
]

describe('entityLabels', () => {
  it('shows an entity by name, never by id', () => {
    const labels = entityLabels(entities)
    expect(labels.label('john-vii')).toBe('John VII Palaiologos')
    expect(labels.label('julia-caesar')).toBe('Julia — daughter of Caesar')
    expect(labels.label('thessalonica')).toBe('Thessalonica')
    expect(labels.all.map((e) => e.label)).not.toContain('john-vii')
  })

  it('reads a name (any case) back as the id, and leaves anything else as typed', () => {
    const labels = entityLabels(entities)
    expect(labels.ref('john vii palaiologos')).toBe('john-vii')
    expect(labels.ref(' Julia — daughter of Augustus ')).toBe('julia-augustus')
    expect(labels.ref('Manuel II Palaiologos')).toBe('Manuel II Palaiologos')
    expect(labels.ref('')).toBe('')
    // Round trip: what a field shows reads back as what was stored.
    for (const e of entities) expect(labels.ref(labels.label(e.id))).toBe(e.id)
  })
})
