// Tampered and damaged backups, and the round trip of everything a backup holds. A refused backup
// changes nothing (the database exported before and after is the same); a repaired one is stored
// with consistent times and says what was repaired; the session in progress and, on a fresh
// device, the settings come back too.
import { describe, expect, it } from 'vitest'
import { BackupFormatError, type BackupV1, type Storage } from '../../../src/storage'
import { DAY, MINUTE, NOW, populate, testDatabase } from './helpers'

const populated = async () => {
  const storage = await testDatabase().open()
  await populate(storage)
  return storage
}
const backupOf = async () => (await populated()).exportBackup(NOW)

/** Imports and expects a refusal naming `path`; the target must be exactly as before. */
async function expectRefused(target: Storage, backup: unknown, path: string, message?: RegExp) {
  const before = await target.exportBackup(NOW)
  const sessions = await target.sessions.list()
  for (const mode of ['merge', 'replace'] as const) {
    const error = await target.importBackup(backup, { mode, now: NOW }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BackupFormatError)
    const issues = (error as BackupFormatError).issues
    expect(issues.map((i) => i.path)).toContain(path)
    if (message) expect((error as Error).message).toMatch(message)
  }
  expect(await target.exportBackup(NOW)).toEqual(before)
  expect(await target.sessions.list()).toEqual(sessions)
}

describe('a backup restores everything', () => {
  it('brings back the session in progress, answers and undo included (replace)', async () => {
    const source = await populated()
    const backup = await source.exportBackup(NOW)
    const target = await testDatabase().open()
    await target.importBackup(JSON.stringify(backup), { mode: 'replace', now: NOW })
    expect(await target.sessions.list()).toEqual(await source.sessions.list())
    expect(await target.exportBackup(NOW)).toEqual(backup)
  })

  it('a merge into a fresh device takes the settings and the session of the backup', async () => {
    const backup = await backupOf()
    const target = await testDatabase().open()
    await target.importBackup(backup, { mode: 'merge', now: NOW })
    expect(await target.settings.get()).toEqual(backup.settings)
    expect((await target.sessions.list()).map((s) => [s.id, s.answers.length, s.items.length])).toEqual([
      ['study:john-vii-palaiologos', 1, 3],
    ])
  })

  it('a merge into a device with progress keeps its own settings and its own session', async () => {
    const backup = await backupOf()
    const target = await populated()
    await target.settings.update({ newPerDay: 3 })
    const session = await target.sessions.list()
    await target.importBackup(
      { ...backup, settings: { ...backup.settings, newPerDay: 40 } },
      { mode: 'merge', now: NOW },
    )
    expect((await target.settings.get()).newPerDay).toBe(3)
    expect(await target.sessions.list()).toEqual(session)
  })

  it('still reads a backup made before sessions were saved in it', async () => {
    const { sessions: _sessions, ...old } = await backupOf()
    const target = await testDatabase().open()
    const result = await target.importBackup(old, { mode: 'replace', now: NOW })
    expect(result.written.cards).toBe(7)
    expect(await target.sessions.list()).toEqual([])
  })
})

describe('times from a clock that was ahead, and due dates out of range', () => {
  const shifted = (backup: BackupV1, by: number): BackupV1 => ({
    ...backup,
    cards: backup.cards.map((c) => ({
      ...c,
      state: {
        ...c.state,
        due: c.state.due + by,
        ...(c.state.lastReview ? { lastReview: c.state.lastReview + by } : {}),
      },
    })),
    reviews: backup.reviews.map((r) => ({
      ...r,
      at: r.at + by,
      dueBefore: r.dueBefore + by,
      dueAfter: r.dueAfter + by,
    })),
  })

  it('moves every time of a backup from a clock 3 days ahead back by 3 days, keeping intervals', async () => {
    const backup = await backupOf()
    const target = await testDatabase().open()
    const latest = Math.max(...backup.reviews.map((r) => r.at))
    const result = await target.importBackup(shifted(backup, 3 * DAY + NOW - latest), { mode: 'replace', now: NOW })
    expect(result.repairs).toEqual([
      expect.stringMatching(
        /^Times were moved back by 3 days: this backup was made on a device whose clock was ahead\.$/,
      ),
    ])
    const stored = await target.exportBackup(NOW)
    expect(Math.max(...stored.reviews.map((r) => r.at))).toBe(NOW)
    const original = backup.cards.map((c) => c.state.due - (c.state.lastReview ?? 0)).sort()
    const kept = stored.cards.map((c) => c.state.due - (c.state.lastReview ?? 0)).sort()
    expect(kept.filter((_, i) => backup.cards[i]?.state.lastReview)).toEqual(
      original.filter((_, i) => backup.cards[i]?.state.lastReview),
    )
  })

  it('accepts times a few minutes ahead as they are (two devices never agree to the second)', async () => {
    const backup = await backupOf()
    const target = await testDatabase().open()
    const result = await target.importBackup(
      shifted(backup, 2 * MINUTE - (NOW - Math.max(...backup.reviews.map((r) => r.at)))),
      {
        mode: 'replace',
        now: NOW,
      },
    )
    expect(result.repairs).toEqual([])
  })

  it('brings a due date before the last review or centuries away into range, and says so', async () => {
    const backup = await backupOf()
    const [first, second, ...rest] = backup.cards
    if (!first?.state.lastReview || !second) throw new Error('fixture cards')
    const tampered: BackupV1 = {
      ...backup,
      cards: [
        { ...first, state: { ...first.state, due: first.state.lastReview - DAY } },
        { ...second, state: { ...second.state, due: 8e15 } },
        ...rest,
      ],
    }
    const target = await testDatabase().open()
    const result = await target.importBackup(tampered, { mode: 'replace', now: NOW })
    expect(result.repairs).toEqual([
      expect.stringMatching(/^2 cards had a due date before their last review or more than 100 years away/),
    ])
    const { cards } = await target.exportBackup(NOW)
    const due = (id: string) => cards.find((c) => c.cardId === id)?.state.due
    expect(due(first.cardId)).toBe(first.state.lastReview)
    expect(due(second.cardId)).toBeLessThanOrEqual(NOW + 36_500 * DAY + DAY)
  })

  it('takes a card state claiming a review later than its log back to its last logged review', async () => {
    const backup = await backupOf()
    const card = backup.cards.find((c) => c.state.lastReview && backup.reviews.some((r) => r.cardId === c.cardId))
    if (!card?.state.lastReview) throw new Error('fixture card with a log')
    const logged = Math.max(...backup.reviews.filter((r) => r.cardId === card.cardId).map((r) => r.at))
    const tampered: BackupV1 = {
      ...backup,
      cards: backup.cards.map((c) =>
        c === card
          ? { ...c, state: { ...c.state, lastReview: logged + 2 * MINUTE, due: c.state.due + 2 * MINUTE } }
          : c,
      ),
    }
    const target = await testDatabase().open()
    const result = await target.importBackup(tampered, { mode: 'replace', now: NOW })
    expect(result.repairs).toEqual([expect.stringMatching(/^1 card claimed a review later than its last logged one/)])
    expect((await target.cards.forDeck(card.deckId)).find((c) => c.cardId === card.cardId)?.state.lastReview).toBe(
      logged,
    )
  })
})

describe('tampered backups are refused and change nothing', () => {
  it('refuses a deck id `__proto__` in a deck row or a card', async () => {
    const backup = await backupOf()
    const target = await populated()
    await expectRefused(target, { ...backup, decks: [{ ...backup.decks[0], id: '__proto__' }] }, 'decks[0].id')
    const json = JSON.stringify(backup).replace('"deckId":"john-vii-palaiologos"', '"deckId":"__proto__"')
    const index = backup.cards.findIndex((c) => c.deckId === 'john-vii-palaiologos')
    await expectRefused(target, json, `cards[${index}].deckId`)
  })

  it('validates deck content exactly like an imported deck', async () => {
    const backup = await backupOf()
    const index = backup.decks.findIndex((d) => d.deck)
    const row = backup.decks[index]
    if (!row?.deck) throw new Error('fixture has a user deck')
    const target = await populated()
    const garbage = {
      ...row,
      deck: { ...row.deck, entities: [null], cards: [{ type: 'basic', id: 'x', front: '', back: 1 }] },
    }
    await expectRefused(
      target,
      { ...backup, decks: backup.decks.map((d, i) => (i === index ? garbage : d)) },
      `decks[${index}].deck`,
      /a deck in it is not valid/,
    )
    const unknownSource = { ...row, deck: { ...row.deck, cards: [{ ...row.deck.cards[0], sources: ['nowhere'] }] } }
    await expectRefused(
      target,
      { ...backup, decks: backup.decks.map((d, i) => (i === index ? unknownSource : d)) },
      `decks[${index}].deck: cards.0.source`,
    )
    const otherId = { ...row, deck: { ...row.deck, id: 'someone-else' } }
    await expectRefused(
      target,
      { ...backup, decks: backup.decks.map((d, i) => (i === index ? otherId : d)) },
      `decks[${index}].deck.id`,
    )
  })

  it('refuses times before 1970 or past what a date can hold', async () => {
    const backup = await backupOf()
    const target = await populated()
    await expectRefused(target, { ...backup, reviews: [{ ...backup.reviews[0], at: -1 }] }, 'reviews[0].at')
    await expectRefused(target, { ...backup, reviews: [{ ...backup.reviews[0], at: 1e16 }] }, 'reviews[0].at')
  })

  it('lists five problems of 200,000 bad reviews and counts the rest', async () => {
    const backup = await backupOf()
    const reviews = Array.from({ length: 200_000 }, () => ({ ...backup.reviews[0], grade: 7 }))
    const target = await testDatabase().open()
    const error = (await target
      .importBackup({ ...backup, reviews }, { mode: 'merge', now: NOW })
      .catch((e) => e)) as BackupFormatError
    expect(error).toBeInstanceOf(BackupFormatError)
    expect(error.issues).toHaveLength(5)
    expect(error.issues[0]?.path).toBe('reviews[0].grade')
    expect(error.message).toContain('(and 199,999 more problems)')
    expect(await target.cards.forDeck('john-vii-palaiologos')).toEqual([])
  })
})

describe('progress on a large backup', () => {
  it('reports checking and writing progress up to the total, pausing between chunks', async () => {
    const backup = await backupOf()
    const reviews = Array.from({ length: 30_000 }, (_, i) => ({ ...backup.reviews[0], id: i + 1, at: NOW - DAY - i }))
    const steps: Array<{ step: string; done: number; total: number }> = []
    let pauses = 0
    const target = await testDatabase().open()
    await target.importBackup(
      { ...backup, reviews },
      {
        mode: 'replace',
        now: NOW,
        onProgress: (p) => steps.push({ ...p }),
        pause: async () => {
          pauses++
        },
      },
    )
    const checking = steps.filter((s) => s.step === 'checking')
    const writing = steps.filter((s) => s.step === 'writing')
    expect(checking.at(-1)).toMatchObject({ done: checking.at(-1)?.total })
    expect(writing.at(-1)).toMatchObject({ done: writing.at(-1)?.total })
    expect(checking.length).toBeGreaterThanOrEqual(6)
    expect(writing.length).toBeGreaterThanOrEqual(3)
    expect(pauses).toBe(checking.length)
    expect(checking.map((s) => s.done)).toEqual([...checking.map((s) => s.done)].sort((a, b) => a - b))
    expect((await target.exportBackup(NOW)).reviews).toHaveLength(30_000)
  })
})
