// Study three cards, reload — the three reviews are still there and the
// next card is the right one (the session resumes at the card that was showing, not at a fresh
// one, and none of the three graded cards comes back).
import assert from 'node:assert/strict'
import { currentPrompt, readReviews, readSessions, revealAndGrade, studyUrl } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

browserTest('study three cards, reload: three reviews kept, the next card is the right one', fixture, async () => {
  const page = fixture.page
  await page.goto(studyUrl(fixture.server.url))
  const graded = [await revealAndGrade(page, '3'), await revealAndGrade(page, '4'), await revealAndGrade(page, '2')]
  const next = await currentPrompt(page)
  const reviews = await readReviews(page)
  assert.deepEqual(
    reviews.map((r) => r.grade),
    [3, 4, 2],
  )
  const [session] = await readSessions(page)
  assert.ok(session, 'the session is saved')
  assert.deepEqual(
    reviews.map((r) => r.cardId),
    session.items.slice(0, 3).map((item) => item.cardId),
    'the reviews are of the session’s first three cards, in order',
  )

  await page.reload()
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.deepEqual(await readReviews(page), reviews)
  assert.equal(await currentPrompt(page), next)
  assert.ok(!graded.includes(next))
  const [resumed] = await readSessions(page)
  assert.equal(resumed?.answers.length, 3)
  assert.deepEqual(resumed?.items, session.items)
})
