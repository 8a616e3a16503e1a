/**
 * A separate worker process: runs background jobs and after-commit handlers, serves no HTTP.
 * Only with a PostgreSQL server (DATABASE_URL): embedded PGlite belongs to one process.
 */
import { createDeps } from './app.ts'
import { loadConfig } from './config.ts'
import { openConfiguredDatabase } from './main.ts'

const config = loadConfig()
if (!config.databaseUrl) {
  console.error('npm run worker needs DATABASE_URL: the embedded database runs inside the server process.')
  process.exit(2)
}
const database = await openConfiguredDatabase(config)
const deps = createDeps(config, database)
await deps.jobs.start()
await deps.jobs.work()
console.log('Worker running: jobs and event handlers')
const stop = async () => {
  await deps.jobs.stop()
  await database.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
