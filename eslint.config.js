// Lint: typescript-eslint and eslint-plugin-vue recommended rules, type-only imports, and the
// house's layers. Data flows one way, so a lower layer never imports a higher one:
//   domain ← storage ← workers ← stores ← composables/components ← views
// src/domain is pure: no Vue, Pinia, Dexie, DOM, clock or Math.random (time and chance are
// arguments). Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const above = (...layers) => layers.flatMap((layer) => [`**/${layer}/**`, `**/${layer}`])

const domainImports = {
  patterns: [
    {
      group: ['vue', 'vue-router', 'pinia', 'dexie', 'dexie/*', 'workbox-window', '@vue/*'],
      message: 'src/domain is pure TypeScript: no Vue, Pinia, Dexie or service worker code.',
    },
    {
      group: above('storage', 'workers', 'stores', 'components', 'views', 'composables', 'pwa'),
      message: 'src/domain never imports a higher layer.',
    },
  ],
}

export default tseslint.config(
  {
    ignores: ['dist/', 'dev-dist/', 'src/generated/', 'test-results/', 'bench-results/', '.e2e-tmp/', 'node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Deck text is untrusted: it is rendered as text, never as HTML.
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['src/domain/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', domainImports],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location'].map(
          (name) => ({ name, message: 'src/domain does not touch the DOM or the browser.' }),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain reads no clock: take `now` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/domain reads no clock: take `now` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/domain takes a seeded random source as an argument (src/domain/random.ts).',
        },
      ],
    },
  },
  {
    files: ['src/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vue', 'vue-router', 'pinia', '@vue/*'], message: 'src/storage knows nothing of the UI.' },
            {
              group: above('workers', 'stores', 'components', 'views', 'composables', 'pwa'),
              message: 'src/storage never imports a higher layer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/storage imports Dexie.' }],
          patterns: [{ group: ['dexie/*'], message: 'Only src/storage imports Dexie.' }],
        },
      ],
    },
  },
  {
    files: ['src/stores/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/storage imports Dexie.' }],
          patterns: [{ group: above('components', 'views'), message: 'A store never imports components or views.' }],
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: { 'no-restricted-imports': ['error', domainImports] },
  },
  prettier,
)
