/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
// A help page: docs/*.md read at build time into a tree of text (scripts/help-doc.ts).
declare module '*.md?help' {
  import type { HelpDoc } from './components/help/help-doc'
  const doc: HelpDoc
  export default doc
}
