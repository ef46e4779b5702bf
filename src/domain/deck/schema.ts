// The deck FILE format (what a teacher writes in YAML or JSON), as a valibot schema.
// It drives the structural check (structure.ts) and generates schema/deck.schema.json
// (scripts/deck-schema.ts), so editors and the validator agree. Meaning — dates, references,
// sources, lifetimes — is checked afterwards by normalize.ts and validate.ts.
import * as v from 'valibot'
import { VISIBLE_TEXT } from '../text/invisible'

/** How a schema is named in messages ("expected a date like …"); kept out of the JSON Schema. */
const expectations = new WeakMap<object, string>()

function named<T extends object>(schema: T, expectation: string): T {
  expectations.set(schema, expectation)
  return schema
}

export const expectationOf = (schema: object): string | undefined => expectations.get(schema)

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
const SLUG_RULE = 'a slug: lowercase letters and digits joined by single hyphens, like `john-vii`'

const slug = (expectation: string, description: string) =>
  named(v.pipe(v.string(), v.regex(SLUG_PATTERN, SLUG_RULE), v.description(description)), expectation)

export const KNOWN_KINDS = ['person', 'place', 'office', 'title', 'dynasty', 'event', 'artefact'] as const
export const GENDERS = ['male', 'female'] as const
export const MARRIAGE_ENDINGS = ['death', 'divorce', 'annulment'] as const

// Not blank, and not only zero-width or direction characters either (they show nothing).
const Text = named(v.pipe(v.string(), v.regex(VISIBLE_TEXT, 'text that is not blank')), 'text')
const EntityId = slug('an entity id like `john-vii`', 'The id of an entity of this deck (a key under `entities`).')
const SourceId = slug('a source id like `infobox`', 'The id of a source of this deck (a key under `sources`).')
const SourceRefs = named(
  v.pipe(
    v.union([SourceId, v.pipe(v.array(SourceId), v.minLength(1, 'at least one source id'))]),
    v.description('The source(s) that give this fact: one source id or a list of them.'),
  ),
  'a source id or a list of source ids',
)
const DateValue = named(
  v.pipe(
    v.union([v.string(), v.number()]),
    v.title('Date'),
    v.description(
      'A date as people write it: 1370, September 1408, 22 September 1408, c. 1370, 1377?, 44 BC, AD 14, 19 August AD 14, 1408–1410, between 1408 and 1410, before August 1397, after 1403.',
    ),
  ),
  'a date like `22 September 1408`, `1370` or `c. 1370`',
)
const Note = v.optional(v.pipe(Text, v.description('Free text shown with the answer.')))
const factFields = { source: v.optional(SourceRefs), note: Note }

/** `disputed:` — other values for the same fact, each with its own source. */
function disputed<E extends v.ObjectEntries>(entries: E) {
  return v.optional(
    v.pipe(
      v.array(v.strictObject({ ...entries, source: SourceRefs, note: Note })),
      v.minLength(1, 'at least one alternative'),
      v.description('Sources disagree: list the other values, each with the source that gives it.'),
    ),
  )
}

const RelationLong = v.strictObject({ id: EntityId, ...factFields, disputed: disputed({ id: v.optional(EntityId) }) })
const Relation = named(v.union([EntityId, RelationLong]), 'an entity id, or a mapping with `id` and `source`')
const RelationList = v.array(Relation)

const Order = named(
  v.pipe(v.number(), v.integer('a whole number'), v.minValue(1, 'a whole number, at least 1')),
  'a whole number like `1` for the first marriage',
)
const SpouseLong = v.strictObject({
  id: EntityId,
  from: v.optional(v.pipe(DateValue, v.description('When they married.'))),
  to: v.optional(v.pipe(DateValue, v.description('When the marriage ended.'))),
  ended: v.optional(
    v.pipe(
      v.picklist(MARRIAGE_ENDINGS),
      v.description('How the marriage ended: death (of either), divorce or annulment.'),
    ),
  ),
  order: v.optional(
    v.pipe(Order, v.description('Which marriage of the person this is written on: 4 for "his fourth wife".')),
  ),
  ...factFields,
  disputed: disputed({ id: v.optional(EntityId) }),
})
const Spouse = named(
  v.union([EntityId, SpouseLong]),
  'an entity id, or a mapping with `id` and `from`, `to`, `ended`, `order`, `source`',
)
const Sibling = named(
  v.union([
    EntityId,
    v.strictObject({
      id: EntityId,
      half: v.optional(
        v.pipe(v.boolean(), v.description('true: a half-sibling (one parent shared); false: a full sibling.')),
      ),
      ...factFields,
      disputed: disputed({ id: v.optional(EntityId) }),
    }),
  ]),
  'an entity id, or a mapping with `id` and `half: true`',
)
const GenderedNames = named(
  v.strictObject({
    male: v.optional(v.pipe(Text, v.description('What a man holding it is called: "King of England".'))),
    female: v.optional(v.pipe(Text, v.description('What a woman holding it is called: "Queen of England".'))),
  }),
  'a mapping with `male` and `female` names, like `{ male: King of England, female: Queen of England }`',
)

/** What a missing required field needs, said as a hint ("give the licence: …"); kept out of the JSON Schema. */
const missingHints = new WeakMap<object, string>()
export const missingHintOf = (schema: object): string | undefined => missingHints.get(schema)
function hinted<T extends object>(schema: T, hint: string): T {
  missingHints.set(schema, hint)
  return schema
}

/** A file beside the deck: a plain name (no folder), of a kind the build can read. */
// Case written out, not the `i` flag: JSON Schema patterns take no flags.
export const IMAGE_FILE_PATTERN =
  /^[A-Za-z0-9][A-Za-z0-9._-]*\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ww][Ee][Bb][Pp]|[Gg][Ii][Ff]|[Aa][Vv][Ii][Ff]|[Tt][Ii][Ff][Ff]?)$/
const ImageSchema = named(
  v.strictObject({
    file: v.optional(
      named(
        v.pipe(
          v.string(),
          v.regex(
            IMAGE_FILE_PATTERN,
            'a file name beside the deck, like `coin.jpg` (png, jpg, webp, gif, avif or tiff)',
          ),
          v.description('A picture file in the same folder as the deck (content/ for built-in decks): `coin.jpg`.'),
        ),
        'a file name like `coin.jpg`',
      ),
    ),
    url: v.optional(
      v.pipe(
        v.string(),
        v.url('a web address like `https://upload.wikimedia.org/…`'),
        v.description(
          'A picture on the web. It is linked, not shown: the app shows only pictures it can keep offline.',
        ),
      ),
    ),
    licence: hinted(
      v.pipe(Text, v.description('The picture’s licence: `CC BY-SA 4.0`, `public domain`.')),
      'give the licence the picture is published under, like `licence: CC BY-SA 4.0` or `licence: public domain`',
    ),
    credit: hinted(
      v.pipe(Text, v.description('Who made it or holds it, as the licence asks to credit them: `Photo: Jane Doe`.')),
      'say whom to credit, as the licence asks: `credit: Photo: Jane Doe`',
    ),
    alt: v.optional(
      v.pipe(Text, v.description('What the picture shows, for people who cannot see it (default: the caption).')),
    ),
  }),
  'a mapping with `file` (or `url`), `licence` and `credit`',
)
const Image = v.optional(
  v.pipe(
    ImageSchema,
    v.description('A picture: a file beside the deck or a web address, with its licence and credit.'),
  ),
)

const TextFact = named(
  v.union([
    Text,
    v.strictObject({ text: Text, image: Image, ...factFields, disputed: disputed({ text: v.optional(Text) }) }),
  ]),
  'text, or a mapping with `text` and `source`',
)

const Born = v.union([
  DateValue,
  v.strictObject({
    date: v.optional(DateValue),
    place: v.optional(EntityId),
    ...factFields,
    disputed: disputed({ date: v.optional(DateValue), place: v.optional(EntityId) }),
  }),
])

const Age = named(
  v.pipe(v.number(), v.integer('a whole number of years'), v.minValue(1, 'a whole number of years, at least 1')),
  'a whole number of years',
)
const Died = v.union([
  DateValue,
  v.strictObject({
    date: v.optional(DateValue),
    place: v.optional(EntityId),
    age: v.optional(Age),
    ...factFields,
    disputed: disputed({ date: v.optional(DateValue), place: v.optional(EntityId), age: v.optional(Age) }),
  }),
])

const Succession = named(
  v.union([
    EntityId,
    v.strictObject({
      id: EntityId,
      as: v.optional(v.pipe(Text, v.description('The title the successor held instead.'))),
    }),
    v.strictObject({
      vacant: v.pipe(Text, v.description('Why there was nobody: "Thessalonica under Ottoman control".')),
      lastHeldBy: v.optional(EntityId),
      lastHeld: v.optional(DateValue),
    }),
  ]),
  'an entity id, `{ id, as }` or `{ vacant, lastHeldBy, lastHeld }`',
)

const CoRuler = v.union([
  EntityId,
  v.strictObject({ id: EntityId, from: v.optional(DateValue), to: v.optional(DateValue) }),
])

const Tenure = v.strictObject({
  office: EntityId,
  from: v.optional(DateValue),
  to: v.optional(DateValue),
  predecessor: v.optional(Succession),
  successor: v.optional(Succession),
  coRulers: v.optional(v.array(CoRuler)),
  ...factFields,
  disputed: disputed({
    from: v.optional(DateValue),
    to: v.optional(DateValue),
    predecessor: v.optional(Succession),
    successor: v.optional(Succession),
  }),
})

const PersonEvent = v.strictObject({
  id: slug('an event id like `proclaimed-co-emperor`', 'Unique among the events of this entity.'),
  what: v.pipe(Text, v.description('What happened, written to follow the name: "was proclaimed co-emperor".')),
  date: DateValue,
  place: v.optional(EntityId),
  ask: v.optional(v.pipe(Text, v.description('A full question; {name} stands for the entity’s name.'))),
  ...factFields,
  disputed: disputed({ date: v.optional(DateValue), place: v.optional(EntityId) }),
})

const EventDate = v.union([
  DateValue,
  v.strictObject({ date: DateValue, ...factFields, disputed: disputed({ date: v.optional(DateValue) }) }),
])

export const EntitySchema = v.strictObject({
  kind: named(
    v.pipe(
      v.union([v.picklist(KNOWN_KINDS), slug('a kind', 'Another kind of entity.')]),
      v.description('person, place, office, title, dynasty, event, artefact — or another slug.'),
    ),
    'a kind: person, place, office, title, dynasty, event, artefact or another slug',
  ),
  name: v.pipe(Text, v.description('The best-known name, used in questions and answers.')),
  aliases: v.optional(named(v.union([Text, v.array(Text)]), 'a name or a list of names')),
  gender: v.optional(v.picklist(GENDERS)),
  gendered: v.optional(GenderedNames),
  description: v.optional(Text),
  preposition: v.optional(
    v.pipe(
      v.picklist(['in', 'on']),
      v.description('For a place: the word the sources put before it, `on` for "died on Lemnos". Default `in`.'),
    ),
  ),
  image: Image,
  source: v.optional(SourceRefs),
  caption: v.optional(TextFact),
  note: v.optional(TextFact),
  born: v.optional(Born),
  died: v.optional(Died),
  father: v.optional(Relation),
  mother: v.optional(Relation),
  parents: v.optional(RelationList),
  children: v.optional(RelationList),
  adoptiveFather: v.optional(v.pipe(Relation, v.description('The man who adopted this person.'))),
  adoptiveMother: v.optional(v.pipe(Relation, v.description('The woman who adopted this person.'))),
  adoptiveParents: v.optional(
    v.pipe(RelationList, v.description('Adoptive parents, when the source does not say which is the father.')),
  ),
  adoptedChildren: v.optional(v.pipe(RelationList, v.description('People this person adopted.'))),
  siblings: v.optional(
    v.pipe(
      v.array(Sibling),
      v.description('Brothers and sisters the sources name when the parents are not in the deck.'),
    ),
  ),
  spouse: v.optional(named(v.union([Spouse, v.array(Spouse)]), 'an entity id or a list of them')),
  dynasty: v.optional(Relation),
  titles: v.optional(RelationList),
  held: v.optional(v.array(Tenure)),
  events: v.optional(v.array(PersonEvent)),
  date: v.optional(EventDate),
  place: v.optional(Relation),
  participants: v.optional(RelationList),
  outcome: v.optional(TextFact),
})

const SourceSchema = named(
  v.union([
    Text,
    v.strictObject({
      title: Text,
      short: v.optional(
        v.pipe(
          Text,
          v.maxLength(40, 'at most 40 characters'),
          v.description('A short name for the source where space is tight: "infobox", "Britannica".'),
        ),
      ),
      url: v.optional(v.pipe(v.string(), v.url('a web address like `https://en.wikipedia.org/wiki/…`'))),
      note: Note,
    }),
  ]),
  'a title, or a mapping with `title` and `url`',
)

const cardFields = {
  id: v.optional(slug('a card id like `capital-question`', 'Optional: a stable id for the card.')),
  source: v.optional(SourceRefs),
}
export const CardSchema = named(
  v.union([
    v.strictObject({ front: Text, back: Text, ...cardFields }),
    v.strictObject({
      question: Text,
      choices: v.pipe(v.array(Text), v.minLength(2, 'at least two choices')),
      answer: Text,
      ...cardFields,
    }),
    v.strictObject({
      cloze: v.pipe(Text, v.description('Text with gaps: "The capital was {{Constantinople}}."')),
      ...cardFields,
    }),
  ]),
  'a card: `{ front, back }`, `{ question, choices, answer }` or `{ cloze }`',
)

export const DeckFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: slug('a deck id like `john-vii-palaiologos`', 'Unique in the library; progress is kept under it.'),
  title: Text,
  description: v.optional(Text),
  language: v.optional(
    v.pipe(v.string(), v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'a language code like `en` or `de-CH`')),
  ),
  author: v.optional(Text),
  licence: v.optional(Text),
  version: v.optional(named(v.union([Text, v.number()]), 'a version like `1` or `2024-1`')),
  sources: v.optional(v.record(SourceId, SourceSchema)),
  entities: v.optional(v.record(EntityId, EntitySchema)),
  cards: v.optional(v.array(CardSchema)),
})

export type DeckFile = v.InferOutput<typeof DeckFileSchema>
export type EntityFile = v.InferOutput<typeof EntitySchema>
export type CardFile = v.InferOutput<typeof CardSchema>
export type RelationFile = v.InferOutput<typeof Relation>
export type SpouseFile = v.InferOutput<typeof Spouse>
export type SiblingFile = v.InferOutput<typeof Sibling>
export type TextFactFile = v.InferOutput<typeof TextFact>
export type ImageFile = v.InferOutput<typeof ImageSchema>
export type TenureFile = v.InferOutput<typeof Tenure>
export type SuccessionFile = v.InferOutput<typeof Succession>
export type SourceRefsFile = v.InferOutput<typeof SourceRefs>
export type DateFile = v.InferOutput<typeof DateValue>

/** Named parts of the schema, published under `$defs` in the JSON Schema. */
export const deckSchemaDefinitions = {
  Date: DateValue,
  EntityId,
  SourceRefs,
  Relation,
  Spouse,
  Sibling,
  TextFact,
  Image: ImageSchema,
  Entity: EntitySchema,
  Source: SourceSchema,
  Tenure,
  Succession,
  Card: CardSchema,
}
