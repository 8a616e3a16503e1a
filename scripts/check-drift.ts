/**
 * Fails when the Drizzle schema and the migrations in ./drizzle have drifted apart: drizzle-kit
 * generates into a copy of the folder, and any new migration there means someone forgot one.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// drizzle-kit wants a relative --out path.
fs.mkdirSync('.tmp', { recursive: true })
const copy = path.relative(process.cwd(), fs.mkdtempSync(path.join('.tmp', 'drift-')))
fs.cpSync('drizzle', copy, { recursive: true })
const before = new Set(fs.readdirSync(copy))
const output = execFileSync(
  'npx',
  [
    'drizzle-kit',
    'generate',
    '--dialect=postgresql',
    '--schema=./src/server/platform/db/schema.ts',
    `--out=${copy}`,
    '--name=drift',
  ],
  { stdio: 'pipe' },
).toString()
if (!fs.existsSync(path.join(copy, 'meta', '_journal.json'))) {
  console.error('drizzle-kit did not run:', output)
  process.exit(1)
}
const added = fs.readdirSync(copy).filter((f) => !before.has(f))
fs.rmSync(copy, { recursive: true, force: true })
if (added.length > 0) {
  console.error(
    `Schema and migrations differ: drizzle-kit would write ${added.join(', ')}. Run npm run db:generate and commit it.`,
  )
  process.exit(1)
}
console.log('Schema and migrations agree.')
