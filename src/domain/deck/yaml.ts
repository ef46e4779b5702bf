// A deck as YAML text, for the teachers' export and the editor.
import { Document, isScalar, isSeq, visit } from 'yaml'
import { deckToFileObject } from './serialize'
import type { Deck } from './types'

export const SCHEMA_COMMENT = '# yaml-language-server: $schema=../schema/deck.schema.json'

/** YAML text of the deck in the file format, starting with the schema comment for editors. */
export function deckToYaml(deck: Deck): string {
  return objectToYaml(deckToFileObject(deck))
}

/** YAML text of a deck file object (keys in their order), starting with the schema comment. */
export function objectToYaml(file: unknown): string {
  const doc = new Document(file, { aliasDuplicateObjects: false })
  // Short lists of plain values read best on one line: `aliases: [Anne, Anna of Testing]`.
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node) && node.items.every(isScalar) && node.items.join(', ').length <= 60) node.flow = true
    },
  })
  return `${SCHEMA_COMMENT}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`
}
