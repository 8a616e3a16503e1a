/**
 * `npm run search:reindex`: rebuild the search index from the documents themselves (after a
 * restore, or when the index format changes). The server keeps the index current on its own
 * from events; this is the repair tool. Stop the server first on the embedded database.
 */
import { createDeps } from '../app.ts'
import { loadConfig } from '../config.ts'
import { openConfiguredDatabase } from '../main.ts'
import { reindexAll } from '../modules/search/index.ts'
import { migrateDatabase } from '../platform/db/client.ts'

const config = loadConfig()
const database = await openConfiguredDatabase(config)
await migrateDatabase(database)
createDeps(config, database) // registers every module's search source
const started = performance.now()
let shown = 0
const total = await reindexAll(database, (kind, n) => {
  if (n - shown >= 10_000) {
    shown = n
    console.log(`  ${kind}: ${n}`)
  }
})
console.log(
  `Search index rebuilt: ${total} entries in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
)
await database.close()
