// Two tabs on the same deck: the second follows reviews made in the first. It never asks again a
// card just graded there, and it shows the card the session is at.
import assert from 'node:assert/strict'
import { cardReady, currentPrompt, phone, readReviews, revealAndGrade, studyUrl } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

browserTest('a second tab follows the reviews made in the first', fixture, async () => {
  const first = fixture.page
  await first.setViewportSize(phone)
  await first.goto(studyUrl(fixture.server.url))
  await cardReady(first)
  const second = await fixture.browser.context.newPage()
  await second.setViewportSize(phone)
  await second.goto(studyUrl(fixture.server.url))
  await cardReady(second)
  assert.equal(await currentPrompt(second), await currentPrompt(first))

  const graded: string[] = []
  for (const key of ['3', '4'] as const) {
    graded.push(await revealAndGrade(first, key))
    await cardReady(first)
    const next = await currentPrompt(first)
    const deadline = Date.now() + 5000
    while ((await currentPrompt(second)) !== next && Date.now() < deadline) await second.waitForTimeout(50)
    assert.equal(await currentPrompt(second), next, 'the second tab moved on with the first')
  }
  // Grading in the second tab now grades the card both show, never one graded in the first.
  const third = await revealAndGrade(second, '3')
  assert.ok(!graded.includes(third))
  const reviews = await readReviews(second)
  assert.equal(reviews.length, 3)
  assert.equal(new Set(reviews.map((r) => r.cardId)).size, 3, 'no card was graded twice')
  await second.close()
})
