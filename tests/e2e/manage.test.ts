// A term list as a new user meets it, in real Chromium on a phone-sized screen: a CSV of 12 terms
// is imported, its quiz asks multiple choice with other terms' definitions as options, one card is
// found by the Cards tab's search and suspended, and deleting the deck leaves nothing of it in
// IndexedDB (Undo is offered first). The Cards tab passes axe. A teacher prints a test offline:
// in print media only the numbered questions and the key (on a page of its own) remain.
import assert from 'node:assert/strict'
import { readTable } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, deckId, useBrowserFixture, waitForServiceWorkerControl } from './harness'

const fixture = useBrowserFixture()

const TERMS: Array<[string, string]> = [
  ['ephemeral', 'lasting a very short time'],
  ['ubiquitous', 'found everywhere'],
  ['laconic', 'using very few words'],
  ['benevolent', 'well meaning and kindly'],
  ['candid', 'truthful and straightforward'],
  ['diligent', 'showing care in one’s work'],
  ['eloquent', 'fluent and persuasive in speaking'],
  ['frugal', 'sparing with money or food'],
  ['gregarious', 'fond of company'],
  ['meticulous', 'showing great attention to detail'],
  ['obstinate', 'stubbornly refusing to change'],
  ['serene', 'calm and untroubled'],
]
const DECK = 'english-vocabulary'
const csv = `term,definition\n${TERMS.map(([t, d]) => `${t},"${d}"`).join('\n')}\n`

const rowsOf = async (page: Parameters<typeof readTable>[0]) => {
  const out: Record<string, number> = {}
  for (const table of [
    'decks',
    'deckContents',
    'deckFingerprints',
    'cards',
    'reviews',
    'quizAttempts',
    'sessions',
    'questionCache',
  ])
    out[table] = (await readTable<{ id?: unknown; deckId?: string }>(page, table)).filter(
      (r) => r.deckId === DECK || r.id === DECK,
    ).length
  return out
}

browserTest(
  'a 12-term CSV becomes a multiple-choice quiz, a searchable card list, and can be deleted',
  fixture,
  async () => {
    const page = fixture.page
    await page.goto(fixture.server.url)
    await page.getByRole('button', { name: 'Import deck' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import deck' })
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'english_vocabulary.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await dialog.getByRole('heading', { name: 'English vocabulary' }).waitFor()
    await dialog.getByText('12 terms').waitFor()
    // The title comes from the file name, and can be changed before importing.
    await dialog.getByRole('textbox', { name: 'Deck title' }).fill('Words for class 7')
    await dialog.getByRole('button', { name: 'Import' }).click()
    await page.waitForURL(new RegExp(`/deck/${DECK}$`))
    await page.getByRole('heading', { level: 1, name: 'Words for class 7' }).waitFor()

    // The quiz asks multiple choice: a fresh quiz starts on a random kind, so open quizzes until one
    // starts with multiple choice, check its options come from the list, and answer it right.
    const definitions = new Map(TERMS)
    const choose = (text: string) =>
      page
        .locator('.answer-choice')
        .filter({ has: page.getByText(text, { exact: true }) })
        .click()
    let asked = false
    for (let attempt = 0; attempt < 12 && !asked; attempt++) {
      await page.goto(`${fixture.server.url}deck/${DECK}/quiz`)
      const meta = page.locator('.quiz-meta')
      await meta.waitFor()
      if (!(await meta.innerText()).includes('Multiple choice')) continue
      const prompt = (await page.locator('.quiz-prompt').innerText()).trim()
      const options = (await page.locator('.answer-text').allInnerTexts()).map((t) => t.trim())
      assert.equal(options.length, 4, options.join(' | '))
      const forward = definitions.get(prompt)
      if (forward) {
        // Term → definition: every option is one of the list's definitions.
        assert.ok(
          options.every((o) => TERMS.some(([, d]) => d === o)),
          options.join(' | '),
        )
        await choose(forward)
      } else {
        // Definition → term.
        assert.ok(
          options.every((o) => definitions.has(o)),
          options.join(' | '),
        )
        const right = TERMS.find(([, d]) => prompt.includes(d))?.[0] as string
        await choose(right)
      }
      await page.locator('.answer-choice.right').waitFor()
      asked = true
    }
    assert.ok(asked, 'a quiz started with a multiple-choice question')

    // The Cards tab: search finds one card, which is suspended.
    await page.goto(`${fixture.server.url}deck/${DECK}`)
    await page.getByRole('tab', { name: 'Cards' }).click()
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('untroubled')
    // Its own card and the matching round that pairs it, not the cards that borrow it as a wrong option.
    await page
      .getByRole('status')
      .filter({ hasText: /^2 of 15 cards shown/ })
      .waitFor()
    await page.getByRole('checkbox', { name: 'serene' }).check()
    await page.getByRole('button', { name: 'Suspend', exact: true }).click()
    await page.getByRole('status').filter({ hasText: '1 card suspended.' }).waitFor()
    const suspended = (await readTable<{ cardId: string; suspended: number }>(page, 'cards')).filter((c) => c.suspended)
    assert.equal(suspended.length, 1)
    const violations = await axeViolations(page)
    assert.deepEqual(violations, [], describeViolations(violations))

    // Delete asks once; afterwards nothing of the deck is left, and Undo is offered.
    assert.ok((await rowsOf(page)).decks === 1)
    assert.ok((await rowsOf(page)).deckContents === 1)
    await page.getByRole('button', { name: 'Delete deck' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await page.waitForURL(fixture.server.url)
    await page.getByRole('status').filter({ hasText: 'Deleted “Words for class 7”.' }).waitFor()
    assert.deepEqual(await rowsOf(page), {
      decks: 0,
      deckContents: 0,
      deckFingerprints: 0,
      cards: 0,
      reviews: 0,
      quizAttempts: 0,
      sessions: 0,
      questionCache: 0,
    })
    assert.equal(await page.getByRole('link', { name: 'Words for class 7' }).count(), 0)
  },
)

browserTest(
  '"Print a test" works offline and prints questions, then the answer key on its own page',
  fixture,
  async () => {
    const page = fixture.page
    await page.goto(fixture.server.url)
    await waitForServiceWorkerControl(page)
    await page.context().setOffline(true)
    try {
      await page.goto(`${fixture.server.url}deck/${deckId}`)
      await page.getByRole('link', { name: 'Print a test' }).click()
      await page.getByRole('heading', { level: 1, name: /^Print a test/ }).waitFor()
      await page.getByRole('spinbutton', { name: 'Number of questions' }).fill('8')
      await page.getByRole('checkbox', { name: 'True or false' }).uncheck()
      const questions = page.getByRole('list', { name: 'Questions' }).locator(':scope > li')
      await page.waitForFunction(() => document.querySelectorAll('.print-question').length === 8)
      const violations = await axeViolations(page)
      assert.deepEqual(violations, [], describeViolations(violations))

      await page.emulateMedia({ media: 'print' })
      assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false, 'the form does not print')
      assert.equal(await page.locator('.app-header').isVisible(), false, 'the app header does not print')
      assert.equal(await questions.count(), 8)
      assert.equal(await page.getByRole('heading', { name: 'Answer key' }).isVisible(), true)
      const breakBefore = await page
        .locator('.print-key')
        .evaluate((el) => getComputedStyle(el).breakBefore || getComputedStyle(el).pageBreakBefore)
      assert.equal(breakBefore, 'page')
      const text = await page.locator('.print-sheet').innerText()
      assert.ok(!/True or false/.test(text))
      assert.match(text, /Source: /)
      // The PDF Chromium makes has the questions and, on a later page, the key.
      const pdf = await page.pdf({ format: 'A4' })
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
      assert.ok(pages >= 2, `${pages} pages`)
    } finally {
      await page.emulateMedia({ media: 'screen' })
      await page.context().setOffline(false)
    }
  },
)
