// In real Chromium on a 390×844 phone: a term list is imported from a CSV and one card studied; its
// wording is then edited in place from the Cards tab, and the card's review history and state
// survive the edit and a reload (only its fingerprint moves to the new text). The edit form and
// the Progress page (streak, daily goal, retention, labelled charts) pass axe, and the charts fit
// the phone's width.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { phone, readReviews, readTable, revealAndGrade } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

const TERMS: Array<[string, string]> = [
  ['ephemeral', 'lasting a very short time'],
  ['ubiquitous', 'found everywhere'],
  ['laconic', 'using very few words'],
  ['benevolent', 'well meaning and kindly'],
  ['candid', 'truthful and straightforward'],
  ['serene', 'calm and untroubled'],
]
const DECK = 'english-vocabulary'
const csv = `term,definition\n${TERMS.map(([t, d]) => `${t},"${d}"`).join('\n')}\n`

interface StoredCard {
  cardId: string
  fingerprint: string
  state: { reps: number; phase: string; due: number; stability: number }
}

browserTest('an imported card edited in place keeps its review history', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(fixture.server.url)
  await page.getByRole('button', { name: 'Import deck' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import deck' })
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'english_vocabulary.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await dialog.getByRole('button', { name: 'Import' }).click()
  await page.waitForURL(new RegExp(`/deck/${DECK}$`))

  // Study until a term's own card (not a matching round) has a review history.
  await page.goto(`${fixture.server.url}deck/${DECK}/study`)
  let studied: string | undefined
  for (let i = 0; i < 6 && !studied; i++) {
    await revealAndGrade(page, '3')
    studied = (await readReviews(page)).find((r) => r.cardId.includes('/card/'))?.cardId
  }
  assert.ok(studied, 'a term card was studied')
  const reviewed = (await readReviews(page)).filter((r) => r.cardId === studied).length
  const before = (await readTable<StoredCard>(page, 'cards')).find((c) => c.cardId === studied)
  assert.ok(before, 'the studied card is stored')

  // Find it in the Cards tab: the card of the studied term, named by its front.
  await page.goto(`${fixture.server.url}deck/${DECK}?tab=cards`)
  const front = await frontOf(page, studied)
  await page.getByRole('searchbox', { name: 'Search cards' }).fill(front)
  await page.getByRole('checkbox', { name: front, exact: true }).check()
  await page.getByRole('button', { name: 'Edit card' }).click()
  const editor = page.getByRole('region', { name: 'Edit this card' })
  const back = editor.getByRole('textbox', { name: 'Answer' })
  await back.waitFor()
  const newBack = `${await back.inputValue()} (edited)`

  // A blank side is refused in its field, and nothing is saved.
  await back.fill(' ')
  await editor.getByRole('button', { name: 'Save card' }).click()
  await editor.getByRole('alert').filter({ hasText: 'Answer:' }).waitFor()
  assert.equal(await back.getAttribute('aria-invalid'), 'true')
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))

  await back.fill(newBack)
  await editor.getByRole('button', { name: 'Save card' }).click()
  await editor.getByRole('status').filter({ hasText: 'Card saved; its progress is kept.' }).waitFor()

  // After a reload the deck shows the new wording; the card's state and its log are as before.
  await page.reload()
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('edited')
  await page.getByRole('checkbox', { name: front, exact: true }).waitFor()
  const after = (await readTable<StoredCard>(page, 'cards')).find((c) => c.cardId === studied)
  assert.deepEqual(after?.state, before.state)
  assert.notEqual(after?.fingerprint, before.fingerprint)
  const reviews = (await readReviews(page)).filter((r) => r.cardId === studied)
  assert.equal(reviews.length, reviewed)
  const deck = (await readTable<{ id: string; deck: { cards: { back?: string }[] } }>(page, 'deckContents')).find(
    (d) => d.id === DECK,
  )
  assert.ok(deck?.deck.cards.some((c) => c.back === newBack))
})

browserTest('the Progress page passes axe and its charts fit a phone', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await page.goto(`${fixture.server.url}progress`)
  const today = page.getByRole('region', { name: 'Today' })
  await today.getByText('Streak').waitFor()
  assert.match(await today.innerText(), /1 day/)
  assert.match(await today.innerText(), /1 of 20 reviews/)
  const chart = page.getByRole('img', { name: /^Reviews per day, last 90 days/ })
  assert.match((await chart.getAttribute('aria-label')) ?? '', /1 reviews? in total/)
  for (const img of await page.getByRole('img').all()) {
    const box = await img.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= phone.width, `a chart fits the width: ${JSON.stringify(box)}`)
  }
  const violations = await axeViolations(page)
  assert.deepEqual(violations, [], describeViolations(violations))
  await page.screenshot({ path: 'test-results/progress-phone.png', fullPage: true })
})

async function frontOf(page: Page, cardId: string): Promise<string> {
  const decks = await readTable<{ id: string; deck: { cards: { id: string; front?: string }[] } }>(page, 'deckContents')
  const card = decks.find((d) => d.id === DECK)?.deck.cards.find((c) => cardId.endsWith(`/card/${c.id}`))
  assert.ok(card?.front, `the studied card ${cardId} is a term`)
  return card.front
}
