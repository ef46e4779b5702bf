// Deck text is untrusted: a deck with `<img src=x onerror=alert(1)>` and
// `<script>alert(1)</script>` in its fields is imported, previewed, opened and studied; no dialog
// ever opens, no such element appears, and the characters are shown literally.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { readReviews, showAnswer } from './app'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()
const IMG = '<img src=x onerror=alert(1)>'
const SCRIPT = '<script>alert(1)</script>'
const dialogs: string[] = []
let listening = false
/** Records every alert/confirm/prompt the page opens (there must be none). */
function listenForDialogs(page: Page): void {
  if (listening) return
  listening = true
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
}

const deck = [
  'id: xss-deck',
  `title: "Deck ${IMG}"`,
  `description: "${SCRIPT}"`,
  'sources:',
  `  s: { title: "Source ${IMG}" }`,
  'entities:',
  `  p: { kind: person, name: "${IMG}", aliases: ["${SCRIPT}"], source: s, born: 1370, father: q }`,
  `  q: { kind: person, name: "${SCRIPT}", source: s }`,
  'cards:',
  `  - { front: "${IMG}", back: "${SCRIPT}", source: s }`,
  `  - { question: "Which? ${IMG}", choices: ["${SCRIPT}", "plain"], answer: "plain", source: s }`,
  '',
].join('\n')

async function assertInert(page: Page): Promise<void> {
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    script: [...document.scripts].filter((s) => s.textContent?.includes('alert(1)')).length,
  }))
  assert.deepEqual(injected, { img: 0, script: 0 })
  assert.deepEqual(dialogs, [])
}

browserTest('the import preview shows the payloads as text', fixture, async () => {
  const page = fixture.page
  listenForDialogs(page)
  await page.goto(fixture.server.url)
  await page.getByRole('button', { name: 'Import deck' }).click()
  await page
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({ name: 'xss.yaml', mimeType: 'application/yaml', buffer: Buffer.from(deck) })
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('heading', { name: `Deck ${IMG}` }).waitFor()
  await dialog.getByText(SCRIPT).first().waitFor()
  await assertInert(page)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await page.waitForURL(/\/deck\/xss-deck$/)
})

browserTest('the deck page, the editor and a study session show the payloads as text', fixture, async () => {
  const page = fixture.page
  listenForDialogs(page)
  await page.goto(`${fixture.server.url}deck/xss-deck`)
  await page.getByRole('heading', { level: 1, name: `Deck ${IMG}` }).waitFor()
  await page.getByText(IMG).first().waitFor()
  await assertInert(page)

  await page.goto(`${fixture.server.url}editor/xss-deck`)
  await page.getByRole('heading', { name: /Questions this deck asks \([1-9]/ }).waitFor()
  await page
    .getByRole('region', { name: /Questions this deck asks/ })
    .getByText(IMG)
    .first()
    .waitFor()
  await assertInert(page)

  await page.goto(`${fixture.server.url}deck/xss-deck/study`)
  for (let i = 0; i < 3; i++) {
    await showAnswer(page)
    await assertInert(page)
    // Grade with the key, as a learner who just read the answer would; the review is saved before
    // the next card shows.
    const before = (await readReviews(page)).length
    await page.keyboard.press('3')
    const deadline = Date.now() + 10_000
    while ((await readReviews(page)).length <= before) {
      if (Date.now() > deadline) throw new Error('grading stored no review')
      await page.waitForTimeout(50)
    }
  }
  await page.waitForTimeout(300)
  await assertInert(page)
  // The watch works: a dialog the page does open is seen.
  await page.evaluate(() => alert('probe'))
  assert.deepEqual(dialogs, ['probe'])
})
