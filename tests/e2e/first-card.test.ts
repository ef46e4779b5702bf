// The first card before the whole deck, in real Chromium: a freshly imported deck of 20,000 facts
// shows its first card while its questions are still being generated (the heading gains the deck's
// title only once the deck is opened), the learner grades it meanwhile, and that review survives
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
  // The deck is not opened yet: no title in the heading.
  const heading = page.getByRole('heading', { level: 1 })
  assert.equal((await heading.innerText()).trim(), 'Study')

  // Graded while the rest of the deck is generated: the review is stored before the next card.
  const graded = await revealAndGrade(page, '3')
  assert.equal((await readReviews(page)).length, 1)
  await page.getByRole('heading', { level: 1, name: `Study: ${deck.title}` }).waitFor({ timeout: 120_000 })

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
