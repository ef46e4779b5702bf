import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { helpDocs } from './scripts/help-doc.ts'

// Unit tests (domain, storage, scripts) run in Node; component tests run in happy-dom.
export default defineConfig({
  plugins: [vue(), helpDocs()],
  test: {
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'happy-dom' },
      },
    ],
  },
})
