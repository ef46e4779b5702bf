// The editor's forms edit the YAML document in place: comments and unknown parts survive, names
// typed for relatives and places become entities, and the result is what a teacher would write.
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import { deckToYaml } from '../../../src/domain/deck/yaml'
import {
  addCard,
  addTenure,
  emptyPerson,
  listEntities,
  listSources,
  newDeckYaml,
  parseDeckDocument,
  pickerLabels,
  readPerson,
  writePerson,
  writeSource,
} from '../../../src/domain/import/deck-form'

describe('deck forms', () => {
  it('starts a deck and adds a person with relatives, places, a tenure, a source and a card', () => {
    const doc = parseDeckDocument(newDeckYaml({ id: 'my-deck', title: 'My deck' }))
    writeSource(doc, { id: 'w', title: 'Wikipedia', url: 'https://en.wikipedia.org/' })
    writePerson(doc, {
      ...emptyPerson(),
      id: 'john-vii',
      name: 'John VII',
      aliases: ['Ioannes VII', ' '],
      gender: 'male',
      born: '1370',
      died: '22 September 1408',
      diedPlace: 'Thessalonica',
      father: 'Andronikos IV',
      marriages: [{ spouse: 'Irene Gattilusio', from: '', to: '', ended: '', order: '' }],
      sources: ['w'],
    })
    addTenure(doc, {
      person: 'john-vii',
      office: 'Byzantine emperor',
      from: '14 April 1390',
      to: '17 September 1390',
      predecessor: 'andronikos-iv',
      successor: '',
      sources: [],
      note: '',
    })
    addCard(doc, {
      type: 'choice',
      question: 'Which city?',
      choices: ['Rome', 'Thessalonica', ''],
      answer: 'Thessalonica',
    })
    expect(doc.toJS()).toEqual({
      id: 'my-deck',
      title: 'My deck',
      sources: { w: { title: 'Wikipedia', url: 'https://en.wikipedia.org/' } },
      entities: {
        'john-vii': {
          kind: 'person',
          name: 'John VII',
          aliases: ['Ioannes VII'],
          gender: 'male',
          source: 'w',
          born: 1370,
          died: { date: '22 September 1408', place: 'thessalonica' },
          father: 'andronikos-iv',
          spouse: 'irene-gattilusio',
          held: [
            {
              office: 'byzantine-emperor',
              from: '14 April 1390',
              to: '17 September 1390',
              predecessor: 'andronikos-iv',
            },
          ],
        },
        thessalonica: { kind: 'place', name: 'Thessalonica' },
        'andronikos-iv': { kind: 'person', name: 'Andronikos IV' },
        'irene-gattilusio': { kind: 'person', name: 'Irene Gattilusio' },
        'byzantine-emperor': { kind: 'office', name: 'Byzantine emperor' },
      },
      cards: [{ question: 'Which city?', choices: ['Rome', 'Thessalonica'], answer: 'Thessalonica' }],
    })
    expect(listEntities(doc).map((e) => e.id)).toEqual([
      'john-vii',
      'thessalonica',
      'andronikos-iv',
      'irene-gattilusio',
      'byzantine-emperor',
    ])
    expect(listSources(doc)).toEqual([{ id: 'w', title: 'Wikipedia', url: 'https://en.wikipedia.org/' }])
    // What the forms write is a valid deck: no errors (the unsourced card and tenure only warn).
    const parsed = parseDeckText(doc.toString())
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(parsed.deck?.facts.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'born:john-vii',
        'died:john-vii',
        'diedAt:john-vii',
        'parent:john-vii:andronikos-iv',
        'spouse:irene-gattilusio:john-vii',
      ]),
    )
  })

  it('edits a person without losing comments, disputes or fields the form does not show', () => {
    const yaml = [
      '# my deck',
      'id: d',
      'title: D',
      'entities:',
      '  john: # the emperor',
      '    kind: person',
      '    name: John',
      '    born:',
      '      date: 1370',
      '      disputed: [{ date: c. 1366, source: s }]',
      '    father: { id: andronikos, note: as the infobox says }',
      '    events: [{ id: crowned, what: was crowned, date: 1377 }]',
      '  andronikos: { kind: person, name: Andronikos }',
      '',
    ].join('\n')
    const doc = parseDeckDocument(yaml)
    const form = readPerson(doc, 'john')
    expect(form).toMatchObject({ name: 'John', born: '1370', father: 'andronikos', marriages: [], siblings: [] })
    writePerson(doc, { ...form, name: 'John VII', born: '1371', bornPlace: 'Constantinople' })
    const out = doc.toString()
    expect(out).toContain('# my deck')
    expect(out).toContain('# the emperor')
    const john = (doc.toJS() as { entities: Record<string, Record<string, unknown>> }).entities.john
    expect(john).toEqual({
      kind: 'person',
      name: 'John VII',
      born: { date: 1371, disputed: [{ date: 'c. 1366', source: 's' }], place: 'constantinople' },
      father: { id: 'andronikos', note: 'as the infobox says' },
      events: [{ id: 'crowned', what: 'was crowned', date: 1377 }],
    })
  })

  it('reuses an entity named like what was typed, and never reuses a taken id', () => {
    const doc = parseDeckDocument(
      'id: d\ntitle: D\nentities:\n  rome: { kind: place, name: Roma }\n  athos: { kind: person, name: X }\n',
    )
    writePerson(doc, { ...emptyPerson(), id: 'p', name: 'P', bornPlace: 'roma', diedPlace: 'Athos' })
    expect(doc.getIn(['entities', 'p', 'born', 'place'])).toBe('rome')
    expect(doc.getIn(['entities', 'p', 'died', 'place'])).toBe('athos-2')
  })
})

describe('family forms: marriages, adoption, siblings', () => {
  const base = [
    'id: tudors',
    'title: Tudors',
    'sources:',
    '  w: Wikipedia',
    'entities:',
    '  henry-viii: { kind: person, name: Henry VIII, gender: male, source: w }',
    '  catherine-of-aragon: { kind: person, name: Catherine of Aragon, gender: female, source: w }',
    '  anne-boleyn: { kind: person, name: Anne Boleyn, gender: female, source: w }',
    '  edward-vi: { kind: person, name: Edward VI, gender: male, source: w }',
    '  mary-i: { kind: person, name: Mary I, gender: female, source: w }',
    '  julius-caesar: { kind: person, name: Julius Caesar, gender: male, source: w }',
    '  augustus: { kind: person, name: Augustus, gender: male, source: w }',
    '  tiberius: { kind: person, name: Tiberius, gender: male, source: w }',
    '',
  ].join('\n')

  const henry = {
    marriages: [
      { spouse: 'catherine-of-aragon', from: '11 June 1509', to: '23 May 1533', ended: 'annulment', order: '1' },
      { spouse: 'anne-boleyn', from: '25 January 1533', to: '17 May 1536', ended: 'annulment', order: '2' },
    ],
    siblings: [],
  } as const

  it('writes marriages with dates, ending and order that the checker reads as marriage facts', () => {
    const doc = parseDeckDocument(base)
    const form = readPerson(doc, 'henry-viii')
    writePerson(doc, { ...form, marriages: henry.marriages.map((m) => ({ ...m })) })
    const parsed = parseDeckText(doc.toString())
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([])
    const marriage = parsed.deck!.facts.find((f) => f.id === 'spouse:anne-boleyn:henry-viii')
    expect(marriage).toMatchObject({
      type: 'relation',
      key: 'spouse',
      marriage: { start: { text: '25 January 1533' }, end: { text: '17 May 1536' }, ended: 'annulment' },
    })
    // The order is Henry's count: on the fact whose subject is the smaller id, it is the value's.
    expect(marriage?.type === 'relation' && marriage.marriage?.valueOrder).toBe(2)
  })

  it('round-trips every field: form → deck → YAML → form', () => {
    const doc = parseDeckDocument(base)
    const augustus = {
      ...readPerson(doc, 'augustus'),
      adoptiveFather: 'julius-caesar',
      adoptedChildren: ['tiberius'],
      siblings: [{ sibling: 'mary-i', half: 'half' as const }],
    }
    writePerson(doc, augustus)
    writePerson(doc, { ...readPerson(doc, 'henry-viii'), marriages: henry.marriages.map((m) => ({ ...m })) })
    writePerson(doc, { ...readPerson(doc, 'edward-vi'), siblings: [{ sibling: 'mary-i', half: '' }] })
    const parsed = parseDeckText(doc.toString())
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([])
    // Through the deck and its YAML (what the editor opens a saved deck from), back to the form.
    const again = parseDeckDocument(deckToYaml(parsed.deck!))
    expect(readPerson(again, 'henry-viii').marriages).toEqual(henry.marriages)
    const back = readPerson(again, 'augustus')
    expect(back.adoptiveFather).toBe('julius-caesar')
    expect(back.adoptedChildren).toEqual(['tiberius'])
    // A sibling is one fact, which the YAML writes on the smaller id's side.
    expect(back.siblings).toEqual([{ sibling: 'mary-i', half: 'half' }])
    expect(readPerson(again, 'edward-vi').siblings).toEqual([{ sibling: 'mary-i', half: '' }])
    const siblingFacts = parsed.deck!.facts.filter((f) => f.type === 'relation' && f.key === 'sibling')
    expect(siblingFacts.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      expect.objectContaining({ id: 'sibling:augustus:mary-i', half: true }),
      expect.objectContaining({ id: 'sibling:edward-vi:mary-i' }),
    ])
    const stated = parsed.deck!.facts.find((f) => f.id === 'sibling:edward-vi:mary-i')
    expect(stated?.type === 'relation' && stated.half).toBeUndefined()
  })

  it('keeps the source, note and comments of a marriage it edits, and writes a plain spouse short', () => {
    const yaml = base.replace(
      '  henry-viii: { kind: person, name: Henry VIII, gender: male, source: w }',
      [
        '  henry-viii:',
        '    kind: person',
        '    name: Henry VIII',
        '    spouse:',
        '      - id: catherine-of-aragon # the first',
        '        from: 1509',
        '        note: a papal dispensation',
      ].join('\n'),
    )
    const doc = parseDeckDocument(yaml)
    const form = readPerson(doc, 'henry-viii')
    expect(form.marriages).toEqual([{ spouse: 'catherine-of-aragon', from: '1509', to: '', ended: '', order: '' }])
    writePerson(doc, {
      ...form,
      marriages: [
        { ...form.marriages[0]!, to: '23 May 1533', ended: 'annulment' },
        { spouse: 'anne-boleyn', from: '', to: '', ended: '', order: '' },
      ],
    })
    expect(doc.toString()).toContain('# the first')
    expect(doc.getIn(['entities', 'henry-viii', 'spouse'], false)).toBeDefined()
    expect((doc.toJS() as { entities: Record<string, { spouse: unknown }> }).entities['henry-viii']!.spouse).toEqual([
      { id: 'catherine-of-aragon', from: 1509, note: 'a papal dispensation', to: '23 May 1533', ended: 'annulment' },
      'anne-boleyn',
    ])
    // Removing every marriage removes the field.
    writePerson(doc, { ...readPerson(doc, 'henry-viii'), marriages: [] })
    expect(doc.hasIn(['entities', 'henry-viii', 'spouse'])).toBe(false)
  })

  it('shows and edits a marriage, a sibling and an adoption written on the other side, where it is', () => {
    const yaml = base
      .replace(
        '  anne-boleyn: { kind: person, name: Anne Boleyn, gender: female, source: w }',
        '  anne-boleyn: { kind: person, name: Anne Boleyn, gender: female, source: w, spouse: { id: henry-viii, from: 1533, order: 1 } }',
      )
      .replace(
        '  julius-caesar: { kind: person, name: Julius Caesar, gender: male, source: w }',
        '  julius-caesar: { kind: person, name: Julius Caesar, gender: male, source: w, adoptedChildren: [augustus] }',
      )
      .replace(
        '  edward-vi: { kind: person, name: Edward VI, gender: male, source: w }',
        '  edward-vi: { kind: person, name: Edward VI, gender: male, source: w, siblings: [mary-i] }',
      )
    const doc = parseDeckDocument(yaml)
    const henryForm = readPerson(doc, 'henry-viii')
    expect(henryForm.marriages).toEqual([{ spouse: 'anne-boleyn', from: '1533', to: '', ended: '', order: '' }])
    expect(readPerson(doc, 'augustus').adoptiveFather).toBe('julius-caesar')
    expect(readPerson(doc, 'mary-i').siblings).toEqual([{ sibling: 'edward-vi', half: '' }])
    // Henry's order goes on Henry; the dates stay (changed) on Anne's side, her order untouched.
    writePerson(doc, {
      ...henryForm,
      marriages: [
        { spouse: 'anne-boleyn', from: '25 January 1533', to: '17 May 1536', ended: 'annulment', order: '2' },
      ],
    })
    writePerson(doc, { ...readPerson(doc, 'mary-i'), siblings: [{ sibling: 'edward-vi', half: 'half' }] })
    const js = doc.toJS() as { entities: Record<string, Record<string, unknown>> }
    expect(js.entities['anne-boleyn']!.spouse).toEqual({
      id: 'henry-viii',
      from: '25 January 1533',
      order: 1,
      to: '17 May 1536',
      ended: 'annulment',
    })
    expect(js.entities['henry-viii']!.spouse).toEqual({ id: 'anne-boleyn', order: 2 })
    expect(js.entities['edward-vi']!.siblings).toEqual([{ id: 'mary-i', half: true }])
    expect(js.entities['mary-i']!.siblings).toBeUndefined()
    expect(parseDeckText(doc.toString()).issues.filter((i) => i.severity === 'error')).toEqual([])
    // Removing them on this side removes them on the other.
    writePerson(doc, { ...readPerson(doc, 'henry-viii'), marriages: [] })
    writePerson(doc, { ...readPerson(doc, 'augustus'), adoptiveFather: '' })
    const after = doc.toJS() as { entities: Record<string, Record<string, unknown>> }
    expect(after.entities['anne-boleyn']!.spouse).toBeUndefined()
    expect(after.entities['henry-viii']!.spouse).toBeUndefined()
    expect(after.entities['julius-caesar']!.adoptedChildren).toBeUndefined()
    expect(readPerson(doc, 'augustus').adoptiveFather).toBe('')
  })

  it('names people in pickers by name, telling apart two of the same name without ids', () => {
    const labels = pickerLabels([
      { id: 'julia-c', name: 'Julia', kind: 'person', description: 'daughter of Caesar', gender: 'female' },
      { id: 'julia-a', name: 'Julia', kind: 'person', description: '', gender: 'female' },
      { id: 'augustus', name: 'Augustus', kind: 'person', description: 'emperor', gender: 'male' },
    ])
    expect([...labels.values()]).toEqual(['Julia — daughter of Caesar', 'Julia (2)', 'Augustus'])
  })
})
