// Settings: each control saves its own field; an out-of-range value is refused with the
// storage layer's message and changes nothing.
import 'fake-indexeddb/auto'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import SettingsForm from '../../src/components/settings/SettingsForm.vue'
import { DEFAULT_SETTINGS } from '../../src/domain/study/settings'
import { useSettingsStore } from '../../src/stores/settings'
import { useStorageStore } from '../../src/stores/storage'

describe('SettingsForm', () => {
  it('emits one field per change', async () => {
    const wrapper = mount(SettingsForm, { props: { settings: { ...DEFAULT_SETTINGS } } })
    await wrapper.get('input[type="range"]').setValue('0.85')
    const [newPerDay, quizLength, goal] = wrapper.findAll('input[type="number"]')
    await newPerDay!.setValue('5')
    await quizLength!.setValue('15')
    await goal!.setValue('0')
    await wrapper.get('input[type="checkbox"]').setValue(false)
    await wrapper.findAll('input[type="radio"]')[2]!.setValue(true)
    expect(wrapper.emitted('update')).toEqual([
      [{ desiredRetention: 0.85 }],
      [{ newPerDay: 5 }],
      [{ quizLength: 15 }],
      [{ dailyGoal: 0 }],
      [{ recognitionFirst: false }],
      [{ theme: 'dark' }],
    ])
    expect(wrapper.get('output').text()).toBe('85%')
  })

  it('shows the error of the last save', () => {
    const wrapper = mount(SettingsForm, { props: { settings: { ...DEFAULT_SETTINGS }, error: 'newPerDay must be…' } })
    expect(wrapper.get('[role="alert"]').text()).toBe('newPerDay must be…')
  })
})

describe('settings store', () => {
  it('saves a valid value and refuses one out of range, keeping the old one', async () => {
    setActivePinia(createPinia())
    const storage = useStorageStore()
    await storage.open({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'settings' })
    const settings = useSettingsStore()
    await settings.load()
    expect(await settings.update({ desiredRetention: 0.8 })).toBe(true)
    expect(settings.settings.desiredRetention).toBe(0.8)
    expect(await settings.update({ desiredRetention: 0.5 })).toBe(false)
    expect(settings.error).toMatch(/^Desired retention must be between 0.7 and 0.99/)
    expect((await storage.db().settings.get()).desiredRetention).toBe(0.8)
    storage.db().close()
  })
})
