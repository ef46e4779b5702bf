// What answering needs beyond showing a card — the answer checker, and the typed and date inputs —
// loads after the first card: a newcomer's choice card shows without it, and once that card is
// painted it is fetched ahead, so answering it downloads nothing more than the scheduler. A date card
// that is itself the first card brings its fields with it, and its answer, sent with Enter, is checked.
import assert from 'node:assert/strict'
import type { Request } from 'playwright-core'
import {
  cardReady,
  currentPrompt,
  phone,
  readTable,
  studyCard,
  studyRecallFirst,
  studyUrl,
  type StoredAnswer,
} from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

const script = (request: Request) => new URL(request.url()).pathname.endsWith('.js')

browserTest('after the first card is painted, answering needs no further download', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(studyUrl(fixture.server.url))
  await cardReady(page)
  // What the page fetches ahead once the card is on screen, then quiet.
  await page.waitForLoadState('networkidle')
  const late: string[] = []
  const log = (request: Request) => {
    if (script(request)) late.push(new URL(request.url()).pathname)
  }
  page.on('request', log)
  try {
    await page.keyboard.press('1')
    await page.getByRole('region', { name: 'Answer' }).getByRole('status').waitFor()
    const verdict = await page.getByRole('region', { name: 'Answer' }).getByRole('status').innerText()
    assert.match(verdict, /^(Correct|Not quite)/)
    // The scheduler (ts-fsrs) loads with the first answer's intervals, by design; nothing else.
    assert.deepEqual(
      late.filter((path) => !/\/scheduler-[\w-]+\.js$/.test(path)),
      [],
      'the checker was fetched before the answer',
    )
  } finally {
    page.off('request', log)
  }
})

browserTest('a date card as the first card shows its fields, and its answer is checked', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await studyRecallFirst(page, fixture.server.url)
  assert.equal(await currentPrompt(page), 'When was John VII Palaiologos born?')
  const year = studyCard(page).getByRole('spinbutton', { name: 'Year' })
  await year.waitFor()
  // The year field takes the focus, as the card's only entry.
  assert.equal(await year.evaluate((el) => el === document.activeElement), true)
  await page.keyboard.type('1370')
  await page.keyboard.press('Enter')
  const verdict = page.getByRole('region', { name: 'Answer' }).getByRole('status')
  await verdict.waitFor()
  assert.match(await verdict.innerText(), /^Correct/)
  await page.getByRole('group', { name: 'Grade your answer' }).waitFor()
  const card = await studyCard(page).getAttribute('data-card')
  await page.keyboard.press('3')
  const deadline = Date.now() + 10_000
  let answers: StoredAnswer[] = []
  while (!answers.length && Date.now() < deadline) {
    answers = (await readTable<{ answers: StoredAnswer[] }>(page, 'sessions')).flatMap((s) => s.answers)
    if (!answers.length) await page.waitForTimeout(50)
  }
  assert.deepEqual(
    answers.map((a) => [a.cardId, a.correct]),
    [[card, true]],
  )
})
