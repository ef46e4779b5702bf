// .apkg files made here with sql.js and fflate, as Anki's legacy exporter lays them out.
import { describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import { NEWER_FORMAT_MESSAGE, importApkg } from '../../../src/domain/import/apkg'
import { BASIC_ID, CLOZE_ID, THREE_FIELDS_ID, collectionBytes, loadSqlNode, zipPackage } from './anki-fixture'

const options = { file: 'Byzantium.apkg', loadSql: loadSqlNode }

describe('importApkg', () => {
  it('turns Basic and Cloze notes into cards and skips media with a notice', async () => {
    const collection = await collectionBytes([
      { model: BASIC_ID, fields: ['John <b>VII</b>', 'Born c.&nbsp;1370<br>in Constantinople'] },
      { model: CLOZE_ID, fields: ['{{c1::Manuel II}} was the uncle of {{c2::John VII::an emperor}}', 'extra'] },
      { model: THREE_FIELDS_ID, fields: ['stavraton', 'silver coin', 'a heavy coin'] },
      { model: BASIC_ID, fields: ['<img src="coin.jpg">', '[sound:coin.mp3]'] },
    ])
    const apkg = zipPackage({
      'collection.anki2': collection,
      media: JSON.stringify({ 0: 'coin.jpg', 1: 'coin.mp3' }),
      0: new Uint8Array([1, 2, 3]),
      1: new Uint8Array([4, 5, 6]),
    })
    const result = await importApkg(apkg, options)
    expect(result.issues).toEqual([])
    expect(result.deck?.id).toBe('byzantium')
    expect(result.deck?.title).toBe('Byzantium')
    expect(
      result.deck?.cards.map((c) => (c.type === 'basic' ? [c.front, c.back] : c.type === 'cloze' ? c.text : c.type)),
    ).toEqual([
      ['John VII', 'Born c. 1370\nin Constantinople'],
      '{{Manuel II}} was the uncle of {{John VII}}',
      ['stavraton', 'silver coin'],
    ])
    const messages = result.notices.map((n) => n.message)
    expect(messages).toContain('2 media files were skipped: Stavraton imports text only.')
    expect(result.notices.map((n) => n.code)).toEqual(['media-skipped', 'notes-skipped', 'fields-ignored'])
  })

  it('prefers collection.anki21 over the collection.anki2 placeholder', async () => {
    const apkg = zipPackage({
      'collection.anki2': await collectionBytes([
        {
          model: BASIC_ID,
          fields: ['Please update to the latest Anki version, then import the .apkg file again.', 'x'],
        },
      ]),
      'collection.anki21': await collectionBytes([{ model: BASIC_ID, fields: ['Mistra', 'Despotate capital'] }]),
    })
    const result = await importApkg(apkg, options)
    expect(result.deck?.cards).toMatchObject([{ front: 'Mistra', back: 'Despotate capital' }])
  })

  it('refuses the newer .anki21b format with a way out', async () => {
    const stub = await collectionBytes([
      {
        model: BASIC_ID,
        fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''],
      },
    ])
    const apkg = zipPackage({
      'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]),
      'collection.anki2': stub,
    })
    const result = await importApkg(apkg, options)
    expect(result.deck).toBeUndefined()
    expect(result.issues).toMatchObject([
      { code: 'apkg-newer-format', message: NEWER_FORMAT_MESSAGE, file: 'Byzantium.apkg', line: 1 },
    ])
    const alone = await importApkg(
      zipPackage({ 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]) }),
      options,
    )
    expect(alone.issues).toMatchObject([{ code: 'apkg-newer-format', message: NEWER_FORMAT_MESSAGE }])
  })

  it('refuses a zip without a collection, a damaged collection and a damaged zip', async () => {
    const noCollection = await importApkg(zipPackage({ 'readme.txt': 'hello' }), options)
    expect(noCollection.issues).toMatchObject([{ code: 'apkg-no-collection' }])
    const damaged = await importApkg(zipPackage({ 'collection.anki2': 'not a database at all, just text' }), options)
    expect(damaged.issues).toMatchObject([{ code: 'apkg-damaged' }])
    const good = zipPackage({ 'collection.anki2': await collectionBytes([{ model: BASIC_ID, fields: ['a', 'b'] }]) })
    const truncated = await importApkg(good.subarray(0, good.length - 30), options)
    expect(truncated.issues).toMatchObject([{ code: 'zip-invalid' }])
  })

  it('refuses a zip bomb before inflating it', async () => {
    // 30 MB of zeros deflates to about 30 KB: far beyond the size limit and the compression ratio limit.
    const bomb = zipSync({ 'collection.anki2': new Uint8Array(30 * 1024 * 1024) }, { level: 9 })
    expect(bomb.length).toBeLessThan(100 * 1024)
    let loaded = false
    const result = await importApkg(bomb, { ...options, loadSql: () => ((loaded = true), loadSqlNode()) })
    expect(result.issues).toMatchObject([{ code: 'zip-too-large' }])
    expect(loaded).toBe(false)
    const dense = zipSync({ 'collection.anki2': new Uint8Array(5 * 1024 * 1024) }, { level: 9 })
    expect((await importApkg(dense, options)).issues).toMatchObject([{ code: 'zip-bomb' }])
  })

  it('does not trust a header that understates the uncompressed size', async () => {
    const bomb = zipSync({ 'collection.anki2': new Uint8Array(4 * 1024 * 1024) }, { level: 9 })
    // Rewrite the declared size (central directory, offset 24 of the entry) to 1 KB.
    const central = bomb.length - 22 - 46 - 'collection.anki2'.length
    const view = new DataView(bomb.buffer, bomb.byteOffset)
    expect(view.getUint32(central, true)).toBe(0x02014b50)
    view.setUint32(central + 24, 1024, true)
    const result = await importApkg(bomb, options)
    expect(result.deck).toBeUndefined()
    expect(result.issues[0]?.code).toBe('apkg-damaged')
  })
})
