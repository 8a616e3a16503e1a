/**
 * `npm run digitise -- <folder> --user <username>`: digitise every scan of a folder as one batch.
 * With the embedded database, stop the server first (PGlite belongs to one process).
 */
import { createDeps } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { openConfiguredDatabase } from '../../main.ts'
import { runDigitiseCli } from './cli.ts'

const config = loadConfig()
const database = await openConfiguredDatabase(config)
try {
  const deps = createDeps(config, database)
  process.exitCode = await runDigitiseCli(
    process.argv.slice(2),
    {
      out: (text) => console.log(text),
      err: (text) => console.error(text),
    },
    deps,
  )
} finally {
  await database.close()
}
