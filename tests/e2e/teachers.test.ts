// Teachers' decks in a real browser: imports from the Library's "Import deck" dialog (CSV, .apkg), bad
// files refused with their location and nothing stored, an update that shows what changed, and
// a teacher who writes a deck in the editor and shares it as a link that a student opens offline
// (in another browser profile) and studies.
import assert from 'node:assert/strict'
import { after } from 'node:test'
import type { Page } from 'playwright-core'
import { BASIC_ID, CLOZE_ID, collectionBytes, zipPackage } from '../unit/import/anki-fixture'
import { readReviews, readTable, revealAndGrade } from './app'
import { type Browser, browserTest, launchBrowser, useBrowserFixture, waitForServiceWorkerControl } from './harness'

const fixture = useBrowserFixture()
let student: Browser | undefined
after(async () => student?.close())

async function openImportDialog(page: Page): Promise<void> {
  await page.goto(fixture.server.url)
  await page.getByRole('button', { name: 'Import deck' }).click()
  await page.getByRole('dialog', { name: 'Import deck' }).waitFor()
}

async function pickFile(page: Page, name: string, data: string | Uint8Array): Promise<void> {
  const buffer = Buffer.from(typeof data === 'string' ? new TextEncoder().encode(data) : data)
  await page
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer })
}

const deckIds = async (page: Page) =>
  (await readTable<{ id: string; origin?: string }>(page, 'decks'))
    .filter((d) => d.origin !== 'builtin')
    .map((d) => d.id)

browserTest('a CSV file imports from the Library and can be studied', fixture, async () => {
  const page = fixture.page
  await openImportDialog(page)
  await pickFile(
    page,
    'Byzantine coins.csv',
    'term,definition\n"Stavraton","A heavy silver coin, first struck c. 1367"\nHyperpyron,Gold coin\n',
  )
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('heading', { name: 'Byzantine coins' }).waitFor()
  await dialog.getByText('2 terms').waitFor()
  await dialog.getByText('looks like column names').waitFor()
  await dialog.getByRole('button', { name: 'Import' }).click()
  await page.waitForURL(/\/deck\/byzantine-coins$/)
  assert.deepEqual(await deckIds(page), ['byzantine-coins'])
  await page.goto(`${fixture.server.url}deck/byzantine-coins/study`)
  await revealAndGrade(page, '3')
  assert.equal((await readReviews(page)).filter((r) => r.deckId === 'byzantine-coins').length, 1)
})

browserTest('a file dropped on the dialog is read, and a pasted share link opens too', fixture, async () => {
  const page = fixture.page
  await openImportDialog(page)
  const dialog = page.getByRole('dialog')
  const drop = await page.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(new File(['Mistra\tDespotate capital\n'], 'dropped.tsv', { type: 'text/tab-separated-values' }))
    return data
  })
  await dialog.locator('.import-drop').dispatchEvent('drop', { dataTransfer: drop })
  await dialog.getByRole('heading', { name: 'dropped' }).waitFor()

  await page.goto(`${fixture.server.url}editor/new`)
  await page.getByRole('tab', { name: 'YAML' }).click()
  await page
    .getByLabel('Deck file (YAML)')
    .fill('id: pasted\ntitle: Pasted deck\ncards:\n  - { front: Hyperpyron, back: A gold coin }\n')
  const link = await page.getByLabel(/^Share link/).inputValue()
  await openImportDialog(page)
  await dialog.getByLabel('Or paste a share link').fill(link)
  await dialog.getByRole('button', { name: 'Open link' }).click()
  await dialog.getByRole('heading', { name: 'Pasted deck' }).waitFor()
  await dialog.getByText('Hyperpyron', { exact: true }).first().waitFor()
})

browserTest('an .apkg imports (sql.js loaded from our own origin), media skipped with a notice', fixture, async () => {
  const page = fixture.page
  const wasm: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url())
  })
  const apkg = zipPackage({
    'collection.anki2': await collectionBytes(
      [
        { model: BASIC_ID, fields: ['Mistra', 'Capital of the <b>Despotate</b> of the Morea'] },
        { model: CLOZE_ID, fields: ['{{c1::Manuel II}} was the uncle of John VII', ''] },
      ],
      'Anki Byzantium',
    ),
    media: JSON.stringify({ 0: 'map.jpg' }),
    0: new Uint8Array([1, 2, 3]),
  })
  await openImportDialog(page)
  await pickFile(page, 'byzantium.apkg', apkg)
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('heading', { name: 'Anki Byzantium' }).waitFor()
  await dialog.getByText('1 media file was skipped').waitFor()
  await dialog.getByText('Capital of the Despotate of the Morea').first().waitFor()
  assert.ok(wasm.length > 0 && wasm.every((url) => url.startsWith(fixture.server.url)), `wasm from ${wasm.join(', ')}`)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await page.waitForURL(/\/deck\/anki-byzantium$/)
  assert.ok((await deckIds(page)).includes('anki-byzantium'))
})

browserTest('bad files show every error with its line and store nothing', fixture, async () => {
  const page = fixture.page
  await openImportDialog(page)
  const before = await deckIds(page)
  const dialog = page.getByRole('dialog')

  await pickFile(page, 'broken.csv', 'a,1\nonly a term\nb,"unclosed\n')
  await dialog.getByRole('alert').filter({ hasText: 'could not be imported' }).waitFor()
  await dialog.getByText('broken.csv, line 3, column 3').waitFor()
  assert.equal(await dialog.getByRole('button', { name: 'Import' }).count(), 0)

  await pickFile(
    page,
    'deck.yaml',
    'id: bad\ntitle: Bad\nentities:\n  a: { kind: person, name: A, born: 31 February 1408 }\n',
  )
  await dialog
    .getByText(/deck\.yaml, line 4/)
    .first()
    .waitFor()
  await dialog
    .getByText(/February has 2[89] days/)
    .first()
    .waitFor()

  await pickFile(page, 'bomb.apkg', zipPackage({ 'collection.anki2': new Uint8Array(25 * 1024 * 1024) }))
  await dialog.getByText(/unpack to 25\.0 MB/).waitFor()

  assert.deepEqual(await deckIds(page), before)
})

browserTest('importing a deck again shows what changed and keeps progress on unchanged cards', fixture, async () => {
  const page = fixture.page
  await openImportDialog(page)
  await pickFile(
    page,
    'Byzantine coins.csv',
    'Stavraton,"A heavy silver coin, first struck c. 1367"\nHyperpyron,Gold coin of the empire\nAspron trachy,Billon coin\n',
  )
  const dialog = page.getByRole('dialog')
  await dialog.getByText('already in your library').waitFor()
  await dialog.getByText('Added: 1 fact or card').waitFor()
  await dialog.getByText('Changed: 1 fact or card').waitFor()
  await dialog.getByText(/Your progress is kept on 1 card/).waitFor()
  await dialog.getByRole('button', { name: 'Update' }).click()
  await page.waitForURL(/\/deck\/byzantine-coins$/)
})

let shareLink = ''

browserTest(
  'a teacher writes a deck with the forms, previews its questions and shares it as a link',
  fixture,
  async () => {
    const page = fixture.page
    await page.goto(fixture.server.url)
    await page.getByRole('link', { name: 'New deck' }).click()
    await page.getByRole('heading', { level: 1, name: 'New deck' }).waitFor()

    const meta = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Deck' }) })
    await meta.getByLabel('Title').fill('The Palaiologoi')
    await meta.getByLabel('Deck address (used in links)').fill('the-palaiologoi')
    await meta.getByRole('button', { name: 'Apply' }).click()

    await page.getByRole('button', { name: 'Add a source' }).click()
    await page.getByLabel('Title', { exact: true }).last().fill('Wikipedia, John VII')
    await page.getByRole('button', { name: 'Add source' }).click()

    await page.getByRole('button', { name: 'Add a person' }).click()
    const person = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Add a person' }) })
    await person.getByLabel('Name', { exact: true }).fill('John VII Palaiologos')
    await person.getByLabel('Born', { exact: true }).fill('1370')
    await person.getByLabel('Died', { exact: true }).fill('22 September 1408')
    await person.getByLabel('Place of death').fill('Thessalonica')
    await person.getByLabel('Father', { exact: true }).fill('Andronikos IV Palaiologos')
    await person.getByLabel('Wikipedia, John VII').check()
    await person.getByRole('button', { name: 'Add person' }).click()

    await page.getByRole('heading', { name: /Questions this deck asks \([1-9]/ }).waitFor()
    await page
      .getByRole('region', { name: /Questions this deck asks/ })
      .getByText('Answer: 22 September 1408')
      .first()
      .waitFor()

    await page.getByRole('tab', { name: 'YAML' }).click()
    const yaml = await page.getByLabel('Deck file (YAML)').inputValue()
    assert.match(yaml, /father: andronikos-iv-palaiologos/)

    await page.getByRole('button', { name: 'Save to library' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    assert.ok((await deckIds(page)).includes('the-palaiologoi'))

    shareLink = await page.getByLabel(/^Share link/).inputValue()
    assert.ok(shareLink.startsWith(`${fixture.server.url}import#deck=`), shareLink)
    await page.getByRole('img', { name: 'QR code of the share link' }).waitFor()
  },
)

browserTest('the YAML tab shows each error at its line; choosing one moves the cursor there', fixture, async () => {
  const page = fixture.page
  await page.goto(`${fixture.server.url}editor/new`)
  await page.getByRole('tab', { name: 'YAML' }).click()
  const area = page.getByLabel('Deck file (YAML)')
  await area.fill('id: x\ntitle: X\nentities:\n  a:\n    kind: person\n    name: A\n    fathr: b\n')
  const line = page.getByRole('button', { name: 'Go to line 7, column 5' })
  await line.waitFor()
  await page.getByText(/did you mean `father`/).waitFor()
  await line.click()
  const caret = await area.evaluate(
    (el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length,
  )
  assert.equal(caret, 7)
})

browserTest('a student opens the share link offline, imports the deck and studies it', fixture, async () => {
  assert.ok(shareLink, 'the teacher test made a link')
  student = await launchBrowser()
  const page = student.page
  await page.goto(fixture.server.url)
  await waitForServiceWorkerControl(page)
  await page.getByRole('button', { name: 'Import deck' }).waitFor()

  await fixture.server.stop()
  await student.context.setOffline(true)
  await page.goto(shareLink)
  await page.getByRole('heading', { level: 1, name: 'Open a shared deck' }).waitFor()
  await page.getByRole('heading', { name: 'The Palaiologoi' }).waitFor()
  await page.getByRole('button', { name: 'Import' }).click()
  await page.waitForURL(/\/deck\/the-palaiologoi$/)
  await page.goto(`${shareLink.split('import#')[0]}deck/the-palaiologoi/study`)
  await revealAndGrade(page, '3')
  assert.ok(
    (await readReviews(page)).some((r) => r.deckId === 'the-palaiologoi'),
    'the review belongs to the shared deck',
  )
})
