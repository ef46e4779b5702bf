// A teacher pastes the infobox she copied from Wikipedia (the seed text, through the clipboard)
// into "From a Wikipedia infobox", reviews the deck in the editor (its questions, its YAML citing
// the article), saves it, and studies it: the first review is stored. Text that is not an infobox
// is refused with a message and leaves the editor as it was. axe finds no violations on the panel.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readReviews, readTable, revealAndGrade } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()
const seed = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'sources', 'john-vii-palaiologos.infobox.txt'),
  'utf8',
)

browserTest(
  'the seed infobox pasted into the app becomes a deck that is reviewed, saved and studied',
  fixture,
  async () => {
    const page = fixture.page
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.server.url })
    await page.goto(fixture.server.url)
    await page.getByRole('link', { name: 'From a Wikipedia infobox' }).click()
    const box = page.getByLabel('Infobox text')
    await box.waitFor()
    await page.evaluate((text) => navigator.clipboard.writeText(text), seed)
    await box.focus()
    await page.keyboard.press('ControlOrMeta+V')
    assert.equal(await box.inputValue(), seed.replace(/\r\n/g, '\n'))
    await page.getByLabel('Article address (optional)').fill('https://en.wikipedia.org/wiki/John_VII_Palaiologos')
    await page.getByRole('button', { name: 'Make deck from infobox' }).click()

    await page.getByRole('status').filter({ hasText: 'Made 18 facts about John VII Palaiologos' }).waitFor()
    const questions = page.getByRole('region', { name: /Questions this deck asks/ })
    await page.getByRole('heading', { name: /Questions this deck asks \([1-9]/ }).waitFor()
    await questions.getByText('Answer: 22 September 1408').first().waitFor()
    await questions.getByText('Answer: Andronikos IV Palaiologos').first().waitFor()

    const violations = await axeViolations(page)
    assert.deepEqual(violations, [], describeViolations(violations))

    await page.getByRole('tab', { name: 'YAML' }).click()
    const yaml = await page.getByLabel('Deck file (YAML)').inputValue()
    assert.match(yaml, /url: https:\/\/en\.wikipedia\.org\/wiki\/John_VII_Palaiologos/)
    assert.match(yaml, /mother: keratsa-of-bulgaria/)
    // The built-in deck has this id: the pasted one gets another, so nothing is overwritten.
    assert.match(yaml, /^id: john-vii-palaiologos-2$/m)

    await page.getByRole('button', { name: 'Save to library' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    const decks = await readTable<{ id: string; origin: string }>(page, 'decks')
    assert.ok(decks.some((d) => d.id === 'john-vii-palaiologos-2' && d.origin === 'user'))

    await page.goto(`${fixture.server.url}deck/john-vii-palaiologos-2/study`)
    await revealAndGrade(page, '3')
    const reviews = (await readReviews(page)).filter((r) => r.deckId === 'john-vii-palaiologos-2')
    assert.equal(reviews.length, 1)
  },
)

browserTest('text that is no infobox is refused with a message, and the editor keeps its deck', fixture, async () => {
  const page = fixture.page
  await page.goto(`${fixture.server.url}editor/new?from=infobox`)
  await page.getByRole('tab', { name: 'YAML' }).click()
  const before = await page.getByLabel('Deck file (YAML)').inputValue()
  await page.getByLabel('Infobox text').fill('Just some notes about Byzantium')
  await page.getByRole('button', { name: 'Make deck from infobox' }).click()
  await page.getByText('This does not look like a Wikipedia infobox').waitFor()
  assert.equal(await page.getByLabel('Deck file (YAML)').inputValue(), before)
})
