// The deck-questions worker: DeckQuestionService (./deck-questions.ts) behind messages. It opens
// its own connection to the page's database, reads decks and progress there, and sends the page
// only what it asks for, large answers in chunks.
import { openQuestionsStorage, type QuestionsStorage } from '../storage/questions-storage'
import { DeckQuestionService } from './deck-questions'
import { CHUNK, type DeckQuestionsRequest, type DeckQuestionsResponse } from './protocol'

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<DeckQuestionsRequest>) => void) | null
  postMessage(message: DeckQuestionsResponse): void
}

let storage: Promise<QuestionsStorage> | undefined
let service: DeckQuestionService | undefined

scope.onmessage = ({ data }) => {
  const { id, dbName, call, args } = data
  service ??= new DeckQuestionService(
    () => (storage ??= openQuestionsStorage(dbName)),
    // The script's URL carries a hash of its code, the generator included (see deckQuestionsKey).
    new URL(import.meta.url).pathname,
  )
  // A long answer goes in chunks (see CHUNK); the result then is how many items came.
  const inChunks = (items: readonly unknown[]) => {
    for (let i = 0; i < items.length; i += CHUNK) scope.postMessage({ id, chunk: items.slice(i, i + CHUNK) })
    return items.length
  }
  const run = async () => {
    const s = service as DeckQuestionService
    switch (call) {
      case 'open':
        return s.open(args[0] as string, args[1] as number, args[2] as Parameters<DeckQuestionService['open']>[2])
      case 'queue':
        return s.queue(args[0] as string, args[1] as Parameters<DeckQuestionService['queue']>[1])
      case 'custom':
        return s.custom(args[0] as string, args[1] as Parameters<DeckQuestionService['custom']>[1])
      case 'choices':
        return s.choices(args[0] as string, args[1] as Parameters<DeckQuestionService['choices']>[1])
      case 'questions':
        return s.questions(args[0] as string, args[1] as string[], args[2] as number)
      case 'all':
        return inChunks(await s.all(args[0] as string, args[1] as number))
      case 'cards': {
        // Each batch of rows goes as soon as it is made: the card browser shows the first at once.
        let sent = 0
        await s.cards(args[0] as string, args[1] as number, {
          rows: (rows) => (sent += inChunks(rows)),
          restart: () => {
            sent = 0
            scope.postMessage({ id, restart: true })
          },
        })
        return sent
      }
      case 'deck':
        return inChunks(await s.deck(args[0] as string))
      case 'forget':
        return s.forget(args[0] as string)
    }
  }
  run().then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) =>
      scope.postMessage({
        id,
        error:
          error instanceof Error
            ? { name: error.name, message: error.message }
            : { name: 'Error', message: String(error) },
      }),
  )
}
