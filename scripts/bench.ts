// `npm run bench`: runs every scripts/bench/*.bench.ts in its own process (so peak memory is
// measured per benchmark) and passes through the JSON lines each prints. Figures, not pass/fail.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(import.meta.dirname, 'bench')
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
let failed = 0
for (const file of files) {
  process.stderr.write(`# ${file}\n`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(dir, file)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TZ: 'UTC' },
  })
  if (run.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
