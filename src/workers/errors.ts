export class DeckNotFoundError extends Error {
  override name = 'DeckNotFoundError'
  constructor(readonly deckId: string) {
    super(`There is no deck "${deckId}" in your library.`)
  }
}
