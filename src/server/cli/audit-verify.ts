/** `npm run audit:verify`: prove the audit chain intact, or name the first broken entry (exit 1). */
import { loadConfig } from '../config.ts'
import { openConfiguredDatabase } from '../main.ts'
import { verifyChain } from '../platform/events/verify.ts'

const config = loadConfig()
const database = await openConfiguredDatabase(config)
const started = performance.now()
const report = await verifyChain(database.db)
const ms = Math.round(performance.now() - started)
await database.close()
if (report.isIntact) {
  console.log(`Audit chain intact: ${report.checked} entries checked in ${ms} ms.`)
} else {
  const b = report.firstBroken
  console.error(
    `Audit chain BROKEN at entry ${b.id} (${b.action}, ${b.occurredAt}): ${b.reason}. ${report.checked} entries before it are intact.`,
  )
  process.exit(1)
}
