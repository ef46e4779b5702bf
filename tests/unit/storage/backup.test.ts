// Export then import gives identical data (replace and merge); a bad backup is refused with the path
// of the bad field and changes nothing; a failure while writing rolls everything back.
import { describe, expect, it } from 'vitest'
import { BackupFormatError, type BackupV1 } from '../../../src/storage'
import { DAY, MINUTE, NOW, populate, testDatabase } from './helpers'

const populated = async () => {
  const storage = await testDatabase().open()
  await populate(storage)
  return storage
}

describe('exportBackup', () => {
  it('writes a versioned file with every table, the session in progress too', async () => {
    const backup = await (await populated()).exportBackup(NOW)
    expect(backup).toMatchObject({ format: 'stavraton-backup', version: 1, exportedAt: '2025-03-10T09:00:00.000Z' })
    expect(backup.decks.map((d) => d.id).sort()).toEqual(['coins-of-john-vii', 'john-vii-palaiologos'])
    expect(backup.cards).toHaveLength(7)
    expect(backup.reviews).toHaveLength(19)
    expect(backup.quizAttempts).toHaveLength(1)
    expect(backup.settings).toMatchObject({ desiredRetention: 0.85, theme: 'dark' })
    expect(backup.sessions?.map((s) => s.id)).toEqual(['study:john-vii-palaiologos'])
  })
})

describe('importBackup', () => {
  it('replace: export → import → export gives the same data, through JSON text', async () => {
    const backup = await (await populated()).exportBackup(NOW)
    const target = await testDatabase().open()
    await target.recordReview({
      cardId: 'other/x',
      questionId: 'other/x/typed',
      deckId: 'other',
      fingerprint: 'f',
      grade: 3,
      now: NOW,
    })
    const result = await target.importBackup(JSON.stringify(backup), { mode: 'replace' })
    expect(result.written).toEqual({ decks: 2, cards: 7, reviews: 19, quizAttempts: 1 })
    expect(await target.exportBackup(NOW)).toEqual(backup)
    expect(await target.cards.get('other/x')).toBeUndefined()
  })

  it('merge into an empty database gives the same data', async () => {
    const backup = await (await populated()).exportBackup(NOW)
    const target = await testDatabase().open()
    await target.importBackup(backup, { mode: 'merge' })
    const merged = await target.exportBackup(NOW)
    // Local settings are kept by a merge; everything else is the backup's.
    expect({ ...merged, settings: backup.settings }).toEqual(backup)
  })

  it('merge joins two histories: newer card state wins, reviews deduplicated, local settings kept', async () => {
    const source = await populated()
    const backup = await source.exportBackup(NOW)
    const target = await testDatabase().open()
    await target.settings.update({ newPerDay: 3 })
    const born = 'john-vii-palaiologos/born/john-vii'
    // The target studied `born` once, long ago (older state), and a card the backup does not have.
    await target.recordReview({
      cardId: born,
      questionId: `${born}/typed`,
      deckId: 'john-vii-palaiologos',
      fingerprint: 'fp:born/john-vii',
      grade: 1,
      now: NOW - 30 * DAY,
    })
    const mine = await target.recordReview({
      cardId: 'mine/x',
      questionId: 'mine/x/typed',
      deckId: 'mine',
      fingerprint: 'f',
      grade: 3,
      now: NOW - MINUTE,
    })

    const first = await target.importBackup(backup, { mode: 'merge' })
    expect(first.written).toMatchObject({ cards: 7, reviews: 19 })
    expect(await target.cards.get(born)).toEqual(backup.cards.find((c) => c.cardId === born))
    expect(await target.cards.get('mine/x')).toEqual(mine.card)
    expect(await target.reviews.forCard(born)).toHaveLength(4)
    expect((await target.settings.get()).newPerDay).toBe(3)

    // Importing the same file again adds nothing.
    const second = await target.importBackup(backup, { mode: 'merge' })
    expect(second.written).toEqual({ decks: 0, cards: 0, reviews: 0, quizAttempts: 0 })
    expect(await target.reviews.count()).toBe(21)
  })

  it('merge keeps a local card reviewed after the backup was made', async () => {
    const source = await populated()
    const backup = await source.exportBackup(NOW)
    const target = await testDatabase().open()
    await target.importBackup(backup, { mode: 'replace' })
    const born = 'john-vii-palaiologos/born/john-vii'
    const later = await target.recordReview({
      cardId: born,
      questionId: `${born}/typed`,
      deckId: 'john-vii-palaiologos',
      fingerprint: 'x',
      grade: 4,
      now: NOW + DAY,
    })
    await target.importBackup(backup, { mode: 'merge' })
    expect(await target.cards.get(born)).toEqual(later.card)
  })

  describe('refuses a bad backup, says where, and changes nothing', () => {
    const bad: Array<[string, (b: BackupV1) => unknown, RegExp, string?]> = [
      ['text that is not JSON', () => '{"format": "stavraton-backup",', /not valid JSON/],
      ['another kind of file', (b) => ({ ...b, format: 'anki' }), /not a Stavraton progress backup/, 'format'],
      ['a backup from a newer app', (b) => ({ ...b, version: 2 }), /newer version of Stavraton/, 'version'],
      [
        'a card with a text due date',
        (b) => ({ ...b, cards: b.cards.map((c, i) => (i === 1 ? { ...c, state: { ...c.state, due: 'soon' } } : c)) }),
        /cards\[1\]\.state\.due: Invalid type: Expected number/,
        'cards[1].state.due',
      ],
      [
        'a review with grade 5',
        (b) => ({ ...b, reviews: b.reviews.map((r, i) => (i === 4 ? { ...r, grade: 5 } : r)) }),
        /reviews\[4\]\.grade/,
        'reviews[4].grade',
      ],
      ['a missing table', (b) => ({ ...b, reviews: undefined }), /reviews: Invalid type: Expected Array/, 'reviews'],
      [
        'settings out of bounds',
        (b) => ({ ...b, settings: { ...b.settings, desiredRetention: 0.5 } }),
        /settings\.desiredRetention/,
        'settings.desiredRetention',
      ],
      [
        'a card twice',
        (b) => ({ ...b, cards: [...b.cards, b.cards[0]] }),
        /cards\[7\]: Card id .* appears twice/,
        'cards[7]',
      ],
    ]
    it.each(bad)('%s', async (_what, corrupt, message, path) => {
      const source = await populated()
      const backup = await source.exportBackup(NOW)
      const target = await populated()
      await target.recordReview({
        cardId: 'mine/x',
        questionId: 'mine/x/typed',
        deckId: 'mine',
        fingerprint: 'f',
        grade: 3,
        now: NOW,
      })
      const before = await target.exportBackup(NOW)
      for (const mode of ['replace', 'merge'] as const) {
        const error = await target.importBackup(corrupt(structuredClone(backup)), { mode }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(BackupFormatError)
        expect((error as Error).message).toMatch(message)
        expect((error as Error).message).toMatch(/Nothing was changed/)
        if (path) expect((error as BackupFormatError).issues[0]?.path).toBe(path)
      }
      expect(await target.exportBackup(NOW)).toEqual(before)
    })
  })

  it('rolls back a replace that fails while writing (the tables it emptied come back)', async () => {
    const backup = await (await populated()).exportBackup(NOW)
    const target = await populated()
    const before = await target.exportBackup(NOW)
    const session = await target.sessions.list()
    // Valid as a backup, but this session cannot be stored (a function cannot be cloned into
    // IndexedDB); sessions are written last, after every other table was emptied and filled.
    const [saved] = backup.sessions ?? []
    if (!saved) throw new Error('the fixture has a session in progress')
    const poisoned = {
      ...backup,
      sessions: [{ ...saved, answers: [{ ...saved.answers[0], extra: () => 0 }] }],
    }
    await expect(target.importBackup(poisoned, { mode: 'replace' })).rejects.toThrow()
    expect(await target.exportBackup(NOW)).toEqual(before)
    expect(await target.sessions.list()).toEqual(session)
  })
})
