// The editor's forms edit the YAML document in place: comments and unknown parts survive, names
// typed for relatives and places become entities, and the result is what a teacher would write.
import { describe, expect, it } from 'vitest'
import { parseDeckText } from '../../../src/domain/deck/parse'
import {
  addCard,
  addTenure,
  emptyPerson,
  listEntities,
  listSources,
  newDeckYaml,
  parseDeckDocument,
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
      spouses: ['Irene Gattilusio'],
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
    expect(form).toMatchObject({ name: 'John', born: '1370', father: 'andronikos', spouses: [] })
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
