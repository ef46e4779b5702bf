// sql.js for the browser, loaded only when an .apkg is imported. The wasm file is bundled and
// served from our own origin (no CDN): `?url` gives its hashed path.
import type { SqlJsStatic } from 'sql.js'

let loading: Promise<SqlJsStatic> | undefined

export function loadSqlBrowser(): Promise<SqlJsStatic> {
  loading ??= (async () => {
    const [{ default: initSqlJs }, { default: wasmUrl }] = await Promise.all([
      import('sql.js'),
      import('sql.js/dist/sql-wasm.wasm?url'),
    ])
    return initSqlJs({ locateFile: () => wasmUrl })
  })()
  loading.catch(() => (loading = undefined))
  return loading
}
