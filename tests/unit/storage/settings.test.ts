// Settings: defaults when nothing is stored, bounds enforced on update, kept across a reload.
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, InvalidSettingError } from '../../../src/domain/study'
import { testDatabase } from './helpers'

describe('storage.settings', () => {
  it('starts from the defaults', async () => {
    const storage = await testDatabase().open()
    expect(await storage.settings.get()).toEqual({
      desiredRetention: 0.9,
      newPerDay: 20,
      recognitionFirst: true,
      theme: 'system',
      quizLength: 10,
      dailyGoal: 20,
      autoContinueSeconds: 0,
    })
    expect(await storage.settings.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('updates part of the settings and keeps them after a reload', async () => {
    const db = testDatabase()
    const storage = await db.open()
    expect(await storage.settings.update({ desiredRetention: 0.85, theme: 'dark' })).toMatchObject({
      desiredRetention: 0.85,
      theme: 'dark',
      newPerDay: 20,
    })
    await storage.settings.update({ newPerDay: 5 })
    storage.close()
    expect(await (await db.open()).settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      desiredRetention: 0.85,
      theme: 'dark',
      newPerDay: 5,
    })
  })

  it.each([
    [{ desiredRetention: 0.69 }, 'desiredRetention', /between 0.7 and 0.99/],
    [{ desiredRetention: 0.995 }, 'desiredRetention', /between 0.7 and 0.99/],
    [{ newPerDay: -1 }, 'newPerDay', /whole number between 0 and 1000/],
    [{ newPerDay: 2.5 }, 'newPerDay', /whole number/],
    [{ quizLength: 0 }, 'quizLength', /between 1 and 100/],
    [{ dailyGoal: -5 }, 'dailyGoal', /whole number between 0 and 1000/],
    [{ theme: 'sepia' }, 'theme', /system, light, dark/],
    [{ recognitionFirst: 'yes' }, 'recognitionFirst', /true or false/],
    [{ autoContinueSeconds: 11 }, 'autoContinueSeconds', /whole number between 0 and 10/],
  ])('refuses %o and changes nothing', async (patch, field, message) => {
    const storage = await testDatabase().open()
    const error = await storage.settings.update(patch as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidSettingError)
    expect(error).toMatchObject({ field, message: expect.stringMatching(message) })
    expect(await storage.settings.get()).toEqual(DEFAULT_SETTINGS)
  })

  it('accepts the bounds themselves', async () => {
    const storage = await testDatabase().open()
    await storage.settings.update({ desiredRetention: 0.7, newPerDay: 0, quizLength: 100 })
    await storage.settings.update({ desiredRetention: 0.99, newPerDay: 1000, quizLength: 1 })
    expect(await storage.settings.get()).toMatchObject({ desiredRetention: 0.99, newPerDay: 1000, quizLength: 1 })
  })
})
