// A device clock that was two days ahead, then put right: studying never breaks. The app's Date
// is shifted by an init script (a wrong device clock, nothing else changes). The learner studies
// "two days ahead" (Again queues repeats); the clock goes back an hour on that day (time-zone
// travel) and the session resumes; then, with the page open, back two days to the real time, and
// the repeats come with their last review two days in the future; after a reload a new session
// starts. No error shows and every grade is stored.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { cardReady, currentPrompt, deckUrl, phone, readReviews, revealAndGrade, studyUrl, writeSettings } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()
const HOUR = 3_600_000

async function shiftClock(page: Page, ms: number) {
  await page.evaluate((shift) => localStorage.setItem('e2e-clock-shift', String(shift)), ms)
}

browserTest('a clock moved back two days never breaks studying', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  // A string, not a function: tsx would add helpers (__name) that do not exist in the page.
  await page.addInitScript({
    content: `(() => {
      // Read at every call: the clock can change while the page is open.
      const shift = () => Number(localStorage.getItem('e2e-clock-shift') ?? 0)
      const RealDate = Date
      class DeviceDate extends RealDate {
        constructor(...args) {
          if (args.length === 0) super(RealDate.now() + shift())
          else super(...args)
        }
        static now() {
          return RealDate.now() + shift()
        }
      }
      window.Date = DeviceDate
    })()`,
  })
  await page.goto(deckUrl(fixture.server.url))
  await page.getByRole('button', { name: 'Study', exact: true }).waitFor()
  // Noon two days from now, local time: an hour earlier is still the same day.
  const ahead = await page.evaluate(() => {
    const noon = new Date()
    noon.setHours(12, 0, 0, 0)
    noon.setDate(noon.getDate() + 2)
    return noon.getTime() - Date.now()
  })
  await shiftClock(page, ahead)
  // Two new cards a session: both come back in their learning steps, after the two.
  await writeSettings(page, { newPerDay: 2 })
  await page.goto(studyUrl(fixture.server.url))
  const first = [await revealAndGrade(page, '1'), await revealAndGrade(page, '3')]

  // Time-zone travel: an hour back on the same day. The session resumes at the repeats, cards
  // whose last review is an hour in the future; both are forgotten again.
  await shiftClock(page, ahead - HOUR)
  await page.reload()
  await cardReady(page)
  assert.equal(await currentPrompt(page), first[0])
  for (let i = 0; i < 2; i++) await revealAndGrade(page, '1')

  // The clock put right while the page stays open: two days back. The cards come back once more,
  // now with their last review two days in the future.
  await shiftClock(page, 0)
  for (let i = 0; i < 2; i++) await revealAndGrade(page, '3')
  assert.equal(await page.getByRole('alert').count(), 0, 'no error')

  // A reload on the right day: a new session; studying goes on.
  await writeSettings(page, { newPerDay: 10 })
  await page.reload()
  const summary = page.getByRole('heading', { name: 'Session complete' })
  const showAnswer = page.getByRole('button', { name: 'Show answer' })
  for (let i = 0; i < 3; i++) {
    // The day's session may still have its last repeats; once it is over, a new one starts.
    await showAnswer.or(summary).first().waitFor()
    if (await summary.isVisible()) await page.reload()
    await revealAndGrade(page, '3')
  }
  assert.equal(await page.getByRole('alert').count(), 0, 'no error')
  assert.equal((await readReviews(page)).length, 9)
})
