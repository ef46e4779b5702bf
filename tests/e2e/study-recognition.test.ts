// A newcomer on a 390×844 phone. The first card of the built-in deck is one to recognise
// (multiple choice or true/false), answered with an option key; a disputed answer says how the
// sources differ in one short line that is on screen, with the Good button, without scrolling;
// with "Continue by itself" on, a checked answer goes on with the suggested grade for that card
// only, and any key stays on the card; axe finds nothing.
import assert from 'node:assert/strict'
import {
  cardReady,
  clearSession,
  currentPrompt,
  deckUrl,
  phone,
  readReviews,
  showAnswer,
  studyCard,
  studyRecallFirst,
  studyUrl,
  writeSettings,
} from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

const RECOGNITION = ['Multiple choice', 'True or false']

/** Is the element wholly inside the 390×844 screen, and not under the docked grade bar? */
function onScreen(name: string, box: { y: number; height: number } | null, gradesTop: number) {
  assert.ok(box, `${name} is not shown`)
  assert.ok(box.y >= 0 && box.y + box.height <= phone.height, `${name} at y ${box.y}–${box.y + box.height}`)
  assert.ok(
    box.y + box.height <= gradesTop + 1,
    `${name} (to y ${box.y + box.height}) is under the grades (${gradesTop})`,
  )
}

browserTest("a newcomer's first card is one to recognise, answered with an option key", fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(deckUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Study', exact: true }).click()
  await cardReady(page)
  const kind = ((await page.locator('.study-kind').textContent()) ?? '').trim()
  assert.ok(RECOGNITION.includes(kind), `the first card is "${kind}"`)
  const options = studyCard(page).getByRole('list').getByRole('button')
  assert.ok((await options.count()) >= 2)
  assert.equal(await studyCard(page).getByRole('textbox').count(), 0, 'no free entry on the first card')
  await page.keyboard.press('1')
  await page.getByRole('region', { name: 'Answer' }).waitFor()
  await page.getByRole('button', { name: /^Good/ }).waitFor()
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))
})

browserTest('a disputed answer says how the sources differ on one line, on screen with Good', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await studyRecallFirst(page, fixture.server.url)
  assert.equal(await currentPrompt(page), 'When was John VII Palaiologos born?')
  await showAnswer(page)
  const line = page.getByText('Sources differ: 1370 (infobox) · c. 1370 or c. 1366 (other encyclopedias)', {
    exact: true,
  })
  await line.waitFor()
  const good = page.getByRole('button', { name: /^Good/ })
  const grades = await page.getByRole('group', { name: 'Grade your answer' }).boundingBox()
  assert.ok(grades)
  assert.ok(grades.y + grades.height <= phone.height, 'the grades are on screen')
  onScreen('the dispute line', await line.boundingBox(), grades.y)
  const goodBox = await good.boundingBox()
  assert.ok(goodBox && goodBox.y >= 0 && goodBox.y + goodBox.height <= phone.height, 'Good is on screen')
  // One tap opens the full titles and notes.
  await line.click()
  await page.getByText(/Infobox of the article "John VII Palaiologos" \(primary source\)\./).waitFor()
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))
})

browserTest('continuing by itself grades only the card that was answered, and a key stays', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(`${fixture.server.url}settings`)
  await page.getByLabel('Continue by itself').selectOption('1')
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))
  await writeSettings(page, { recognitionFirst: true })
  await clearSession(page)
  await page.goto(studyUrl(fixture.server.url))
  await cardReady(page)
  const card = () => studyCard(page).getAttribute('data-card')
  const first = await card()
  const before = (await readReviews(page)).length
  await page.keyboard.press('1')
  await page
    .getByRole('status')
    .filter({ hasText: /in 1 s · press any key or tap to stay/ })
    .waitFor()
  // It goes on by itself: one review, for the card that was answered.
  const deadline = Date.now() + 5000
  while ((await readReviews(page)).length === before && Date.now() < deadline) await page.waitForTimeout(50)
  const reviews = await readReviews(page)
  assert.deepEqual(
    reviews.slice(before).map((r) => r.cardId),
    [first],
  )
  await cardReady(page)
  const second = await card()
  assert.notEqual(second, first)
  // The next card is not answered: it waits, however long.
  await page.waitForTimeout(1500)
  assert.equal((await readReviews(page)).length, before + 1)
  // Answered, then any key: it stays until graded by hand.
  await page.keyboard.press('2')
  await page.getByRole('region', { name: 'Answer' }).waitFor()
  await page.keyboard.press('Shift')
  await page.waitForTimeout(1800)
  assert.equal((await readReviews(page)).length, before + 1, 'a key press stays on the card')
  assert.equal(await card(), second)
  await page.keyboard.press('3')
  while ((await readReviews(page)).length === before + 1 && Date.now() < deadline + 10_000)
    await page.waitForTimeout(50)
  const last = (await readReviews(page)).slice(before + 1)
  assert.deepEqual(
    last.map((r) => [r.cardId, r.grade]),
    [[second, 3]],
  )
})
