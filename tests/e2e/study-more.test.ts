// Studying more at phone size, in real Chromium. A learner with two new cards a day studies them,
// reaches "Nothing due", picks practice on a topic from "Study more", and grades by key, Again
// included: the session is marked as practice, and every stored card and the review log are exactly
// as they were before it, after a reload too. axe finds nothing on the new screen; its controls are
// at least 44×44 px. In the card browser, Study now on two chosen cards starts a session of exactly
// those two, graded and scheduled as any study.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import {
  cardReady,
  deckUrl,
  phone,
  readReviews,
  readSessions,
  readTable,
  revealAndGrade,
  showAnswer,
  studyUrl,
  writeSettings,
} from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

const stored = async (page: Page) => ({
  cards: await readTable<{ cardId: string }>(page, 'cards'),
  reviews: await readReviews(page),
})

/** Controls of the "Study more" section smaller than 44×44 px. */
const smallControls = (page: Page) =>
  page
    .getByRole('region', { name: 'Study more' })
    .locator('button, input, select, a[href]')
    .evaluateAll((els) =>
      els
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ el, box }) => `${el.tagName} ${Math.round(box.width)}×${Math.round(box.height)}`),
    )

/** Grades the practice card showing by key; practice stores no review, so wait on the saved session. */
async function practiceGrade(page: Page, key: '1' | '3'): Promise<void> {
  const before = (await readSessions(page))[0]?.answers.length ?? 0
  await showAnswer(page)
  await page.getByRole('group', { name: 'Grade your answer' }).waitFor()
  await page.keyboard.press(key)
  const deadline = Date.now() + 10_000
  while (((await readSessions(page))[0]?.answers.length ?? 0) <= before) {
    if (Date.now() > deadline) throw new Error('the practice answer was not saved')
    await page.waitForTimeout(50)
  }
}

browserTest('practice after "Nothing due" leaves the stored schedule as it was', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(deckUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Study', exact: true }).waitFor()
  await writeSettings(page, { newPerDay: 2 })
  await page.goto(studyUrl(fixture.server.url))
  // Easy: straight to review, nothing comes back today.
  await revealAndGrade(page, '4')
  await revealAndGrade(page, '4')
  await page.getByRole('heading', { name: 'Session complete' }).waitFor()

  await page.reload()
  await page.getByRole('heading', { name: 'Nothing due' }).waitFor()
  assert.ok(await page.getByRole('button', { name: 'Study 10 more new cards' }).isVisible())
  const menu = page.getByRole('combobox', { name: 'Practice' })
  await page.getByRole('option', { name: /^Family · \d+ cards$/ }).waitFor({ state: 'attached' })
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))
  assert.deepEqual(await smallControls(page), [])

  const before = await stored(page)
  assert.equal(before.reviews.length, 2)
  const family = await page.getByRole('option', { name: /^Family · / }).innerText()
  await menu.selectOption({ label: family })
  await page.getByRole('button', { name: 'Start practice' }).click()
  await page.getByRole('heading', { name: 'Practice: Family' }).waitFor()
  assert.ok(await page.getByText("Practice — doesn't change your schedule").isVisible())
  await cardReady(page)
  const onCard = await axeViolations(page)
  assert.deepEqual(onCard, [], describeViolations(onCard))

  for (const key of ['1', '3', '3'] as const) await practiceGrade(page, key)
  const [session] = await readSessions(page)
  assert.deepEqual(
    session?.answers.map((a) => a.grade),
    [1, 3, 3],
  )
  // The card failed with Again comes back at the end of the session.
  assert.equal(session?.items.at(-1)?.cardId, session?.answers[0]?.cardId)
  assert.deepEqual(await stored(page), before, 'practice changed the stored cards or reviews')

  // After a reload the session resumes as practice, and still stores nothing.
  await page.reload()
  await page.getByRole('heading', { name: 'Practice: Family' }).waitFor()
  await practiceGrade(page, '3')
  assert.deepEqual(await stored(page), before, 'practice after a reload changed the stored schedule')
})

browserTest('Study now in the card browser studies exactly the chosen cards, and schedules them', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(deckUrl(fixture.server.url))
  await page.getByRole('tab', { name: 'Cards' }).click()
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('Manuel')
  const rows = page.getByRole('list', { name: 'Cards' }).getByRole('checkbox')
  await rows.first().waitFor()
  for (const i of [0, 2]) await rows.nth(i).check()
  const studyNow = page.getByRole('button', { name: 'Study now' })
  const box = await studyNow.boundingBox()
  assert.ok(box && box.height >= 44 && box.width >= 44, 'Study now is a 44 px target')
  const reviewsBefore = (await readReviews(page)).length
  await studyNow.click()
  await page.getByRole('heading', { name: 'Study now: the chosen cards' }).waitFor()
  assert.equal(await page.getByText("Practice — doesn't change your schedule").count(), 0)
  await cardReady(page)
  const [session] = await readSessions(page)
  assert.equal(session?.items.length, 2, 'a session of the two chosen cards')

  // Scheduled as any study: each grade is a stored review of one of the chosen cards.
  await revealAndGrade(page, '4')
  await revealAndGrade(page, '4')
  await page.getByRole('heading', { name: 'Session complete' }).waitFor()
  const reviews = (await readReviews(page)).slice(reviewsBefore)
  assert.deepEqual(reviews.map((r) => r.cardId).sort(), session?.items.map((i) => i.cardId).sort())
})
