// Undo at phone size, as in Anki: three undos in a row walk back through the session (each shows
// that card again, question side up, and removes its review), and after a reload the last review
// of the session can still be undone with the Undo button.
import assert from 'node:assert/strict'
import { cardReady, currentPrompt, phone, readReviews, readSessions, revealAndGrade, studyUrl } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

browserTest('three undos in a row, then one more after a reload', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(studyUrl(fixture.server.url))
  const prompts: string[] = []
  for (const key of ['3', '1', '4', '3', '2'] as const) prompts.push(await revealAndGrade(page, key))
  assert.equal((await readReviews(page)).length, 5)
  const undo = page.getByRole('button', { name: 'Undo' })

  for (let i = 1; i <= 3; i++) {
    await cardReady(page)
    await page.keyboard.press(i === 2 ? 'Control+z' : 'z')
    const expected = prompts[prompts.length - i]
    const deadline = Date.now() + 5000
    while ((await readReviews(page)).length !== 5 - i && Date.now() < deadline) await page.waitForTimeout(20)
    assert.equal((await readReviews(page)).length, 5 - i, `undo ${i} removed one review`)
    await page.getByRole('button', { name: 'Show answer' }).waitFor()
    assert.equal(await currentPrompt(page), expected, `undo ${i} shows that card again`)
    assert.equal(await page.getByRole('region', { name: 'Answer' }).count(), 0, 'question side up')
  }
  const [session] = await readSessions(page)
  assert.equal(session?.answers.length, 2)

  await page.reload()
  await undo.waitFor()
  assert.equal(await currentPrompt(page), prompts[2])
  await cardReady(page)
  await undo.click()
  const deadline = Date.now() + 5000
  while ((await readReviews(page)).length !== 1 && Date.now() < deadline) await page.waitForTimeout(20)
  assert.deepEqual(
    (await readReviews(page)).map((r) => r.grade),
    [3],
  )
  await page.getByRole('button', { name: 'Show answer' }).waitFor()
  assert.equal(await currentPrompt(page), prompts[1])
  // The card graded Again in the undone review is no longer queued to come back.
  const [after] = await readSessions(page)
  assert.equal(after?.answers.length, 1)
  assert.equal(after?.items.filter((i) => i.cardId === after.items[1]?.cardId).length, 1)
})
