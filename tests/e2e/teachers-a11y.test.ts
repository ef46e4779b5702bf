// axe-core finds no violations on the teachers' screens, in both themes: the Import
// dialog with errors and with a preview, the share-link page, and the editor's forms and YAML tab.
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { phone } from './app'
import { axeViolations, describeViolations } from './axe'
import { browserTest, useBrowserFixture } from './harness'

const fixture = useBrowserFixture()

async function importFile(page: Page, base: string, name: string, text: string): Promise<void> {
  await page.goto(base)
  await page.getByRole('button', { name: 'Import deck' }).click()
  await page
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })
}

/** The person form of John VII with a row of each family list open (marriage, adopted child, sibling). */
async function openFamilyRows(page: Page, base: string): Promise<void> {
  await page.goto(`${base}editor/john-vii-palaiologos`)
  await page.getByRole('button', { name: 'Edit John VII Palaiologos' }).click()
  await page.getByRole('heading', { name: /Questions this deck asks \([1-9]/ }).waitFor()
  for (const add of ['Add a marriage', 'Add an adopted child', 'Add a brother or sister'])
    await page.getByRole('button', { name: add }).click()
  await page.getByRole('group', { name: 'Marriage 2' }).waitFor()
}

const views: [name: string, open: (page: Page, base: string) => Promise<void>][] = [
  [
    'Import dialog, errors',
    async (page, base) => {
      await importFile(page, base, 'broken.csv', 'a,1\nonly a term\n')
      await page.getByRole('dialog').getByRole('alert').waitFor()
    },
  ],
  [
    'Import dialog, preview',
    async (page, base) => {
      await importFile(page, base, 'coins.csv', 'Stavraton,Silver coin\nHyperpyron,Gold coin\n')
      await page.getByRole('dialog').getByRole('button', { name: 'Import' }).waitFor()
    },
  ],
  [
    'Share-link page',
    async (page, base) => {
      await page.goto(`${base}editor/new`)
      await page.getByRole('tab', { name: 'YAML' }).click()
      await page
        .getByLabel('Deck file (YAML)')
        .fill('id: shared\ntitle: Shared\ncards:\n  - { front: Stavraton, back: A silver coin }\n')
      const link = await page.getByLabel(/^Share link/).inputValue()
      await page.goto(link)
      await page.getByRole('button', { name: 'Import' }).waitFor()
    },
  ],
  [
    'Editor, forms with a person form open',
    async (page, base) => {
      await openFamilyRows(page, base)
    },
  ],
  [
    'Editor, YAML with an error',
    async (page, base) => {
      await page.goto(`${base}editor/new`)
      await page.getByRole('tab', { name: 'YAML' }).click()
      await page.getByLabel('Deck file (YAML)').fill('id: x\ntitle: X\nentities:\n  a: { kind: person, nme: A }\n')
      await page
        .getByRole('button', { name: /^Go to line 4/ })
        .first()
        .waitFor()
    },
  ],
]

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, open] of views) {
    browserTest(`axe: no violations on ${name} (${colorScheme} theme)`, fixture, async () => {
      const page = fixture.page
      await page.emulateMedia({ colorScheme })
      await open(page, fixture.server.url)
      const violations = await axeViolations(page)
      assert.equal(violations.length, 0, `${name}, ${colorScheme}:\n${describeViolations(violations)}`)
    })
  }
}

// On a 390×844 phone every control of the family fields is a 44 px target and none overflows.
browserTest('editor family fields: 44 px targets on a 390×844 phone', fixture, async () => {
  const page = fixture.page
  await page.setViewportSize(phone)
  await openFamilyRows(page, fixture.server.url)
  const controls = page.locator('.editor-family').locator('select, input, button')
  const count = await controls.count()
  assert.ok(count >= 12, `family controls: ${count}`)
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i)
    const box = await control.boundingBox()
    const name =
      (await control.getAttribute('aria-label')) ??
      (await control.evaluate((el) => el.closest('label')?.textContent ?? el.textContent ?? ''))
    assert.ok(box, `no box for ${name}`)
    assert.ok(box.height >= 44, `${name.trim()}: ${box.height} px high`)
    assert.ok(
      box.x >= 0 && box.x + box.width <= phone.width,
      `${name.trim()} overflows: x ${box.x}, width ${box.width}`,
    )
  }
})
