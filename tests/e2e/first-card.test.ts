// The first card before the whole deck, in real Chromium: a freshly imported deck of 20,000 facts
// shows its first card, under the deck's title, while its questions are still being generated (the
// deck is synced only once they all are), the learner grades it meanwhile, and that review survives
// the deck's first sync: after a reload the session resumes past it and the card is not new.
import assert from 'node:assert/strict'
import { syntheticDynasty } from '../../scripts/bench/synthetic-dynasty'
import { saveDeckInPage } from '../../scripts/browser'
import { readReviews, readSessions, readTable, revealAndGrade } from './app'
import { browserTest, useBrowserFixture, waitForServiceWorkerControl } from './harness'

const deck = syntheticDynasty(20_000, 5)
const fixture = useBrowserFixture()

browserTest('a large new deck shows its first card while it is still being generated', fixture, async () => {
  const page = fixture.page
  await page.goto(fixture.server.url)
  await waitForServiceWorkerControl(page)
  await saveDeckInPage(page, deck)

  await page.goto(`${fixture.server.url}deck/${deck.id}/study`)
  await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 120_000 })
  // The deck's title is there at once, though the deck is not synced yet (that waits for the whole generation).
  await page.getByRole('heading', { level: 1, name: `Study: ${deck.title}` }).waitFor()
  const synced = async () =>
    (await readTable<{ id: string }>(page, 'deckFingerprints')).some((row) => row.id === deck.id)
  assert.equal(await synced(), false, 'the first card shows before the deck is synced')

  // Graded while the rest of the deck is generated: the review is stored before the next card.
  const graded = await revealAndGrade(page, '3')
  assert.equal((await readReviews(page)).length, 1)
  await page.waitForFunction(
    async (id) => {
      const open = indexedDB.open('stavraton')
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)))
      const row = await new Promise((resolve) => {
        const get = db.transaction('deckFingerprints').objectStore('deckFingerprints').get(id)
        get.onsuccess = () => resolve(get.result)
      })
      db.close()
      return row !== undefined
    },
    deck.id,
    { timeout: 120_000, polling: 500 },
  )

  // The sync kept the review's progress: after a reload, the card is not new and the session resumes past it.
  const [review] = await readReviews(page)
  assert.ok(review, 'the review is stored')
  await page.reload()
  await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 60_000 })
  const cards = await readTable<{ cardId: string; state: { phase: string }; retired: number }>(page, 'cards')
  const card = cards.find((c) => c.cardId === review.cardId)
  assert.ok(card, 'the graded card is stored')
  assert.notEqual(card.state.phase, 'new')
  assert.equal(card.retired, 0)
  const [session] = (await readSessions(page)).filter((s) => s.id === `study:${deck.id}`)
  assert.equal(session?.answers.length, 1)
  assert.equal(session?.answers[0]?.cardId, review.cardId)
  assert.ok(graded, 'the graded card had a prompt')
})
