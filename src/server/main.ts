/** Start the server: read config, open and migrate the database, seed on first start, listen, close gracefully. */
import fs from 'node:fs'
import path from 'node:path'
import { buildApp, createDeps } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { migrateDatabase, openDatabase, type Database } from './platform/db/client.ts'
import {
  bootstrapAdmin,
  countActiveDemoUsers,
  ensureOwnOrganization,
  seedDemo,
  type SeedResult,
} from './seed/seed.ts'
import { seedDemoConsultation } from './seed/demo-consultation.ts'
import { seedDemoDocuments } from './seed/demo-documents.ts'
import { seedDemoExchange } from './seed/demo-exchange.ts'

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolMax: config.databasePoolMax })
    : openDatabase({ kind: 'pglite', dir: config.pgliteDir })
}

function printSeed(config: Config, seeded: SeedResult): void {
  if (!seeded) return
  const lines =
    seeded.kind === 'demo'
      ? [
          'Demo organisation loaded (Ủy ban sông Mê Công Việt Nam).',
          `Password of every demo account: ${seeded.password}`,
          `PIN of the demo signing keys (chutich, phochutich, uyvien.bnnmt, uyvien.cantho, the organization seal): ${seeded.signingPin}`,
          'Accounts: quantri (admin, sets up two-factor at first sign-in), vanthu (clerk), chutich, phochutich (leaders),',
          '  chanhvp, truongban.khth (unit heads), chuyenvien.nam (specialist), thuky (secretary for chutich),',
          '  uyvien.bnnmt (committee member), daumoi.bnnmt (focal point), doitac.mrcs (partner); see README.',
        ]
      : [
          'No users yet: created the administrator account.',
          `Username: ${seeded.username}`,
          `One-time password: ${seeded.password}`,
        ]
  const width = Math.max(...lines.map((l) => l.length)) + 4
  console.log(`\n${'='.repeat(width)}\n${lines.map((l) => `  ${l}`).join('\n')}\n${'='.repeat(width)}\n`)
  if (seeded.kind === 'demo' && !config.isProduction) {
    const file = path.join(config.dataDir, 'demo-password.txt')
    fs.writeFileSync(file, `${seeded.password}\n`, { mode: 0o600 })
    console.log(`(also written to ${file})\n`)
  }
}

async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(2)
    }
    throw err
  }
  fs.mkdirSync(config.dataDir, { recursive: true })
  const database = await openConfiguredDatabase(config)
  console.log(
    config.databaseUrl ? 'Database: PostgreSQL server' : `Database: embedded PGlite in ${config.pgliteDir}`,
  )
  await migrateDatabase(database)
  await ensureOwnOrganization(database.db, config)
  const seeded = config.seedDemo
    ? await seedDemo(database.db, config)
    : await bootstrapAdmin(database.db, config)
  printSeed(config, seeded)
  if (config.isProduction && (await countActiveDemoUsers(database.db)) > 0) {
    console.error(
      'Refusing to start in production: demo accounts are active. Disable them or use a fresh database.',
    )
    await database.close()
    process.exit(2)
  }

  const deps = createDeps(config, database)
  await deps.jobs.start()
  if (seeded?.kind === 'demo') {
    const received = await seedDemoExchange(deps).catch((err: unknown) => {
      console.error('demo exchange packages not loaded:', err instanceof Error ? err.message : err)
      return 0
    })
    if (received)
      console.log(`${received} demo documents wait in "Văn bản điện tử đến" (received electronically).`)
    const registered = await seedDemoDocuments(deps).catch((err: unknown) => {
      console.error('demo documents not registered:', err instanceof Error ? err.message : err)
      return 0
    })
    if (registered) console.log(`${registered} demo incoming documents registered (try the search box).`)
    const consulted = await seedDemoConsultation(deps).catch((err: unknown) => {
      console.error('demo consultation not created:', err instanceof Error ? err.message : err)
      return false
    })
    if (consulted) console.log('A demo consultation is open for committee members (Lấy ý kiến).')
  }
  if (config.runWorker) await deps.jobs.work()
  const app = await buildApp(deps, { serveWeb: true })
  await app.listen({ host: config.host, port: config.port })
  console.log(`Mekong eOffice is running on http://localhost:${config.port}`)

  let closing = false
  const close = async (signal: string) => {
    if (closing) return
    closing = true
    console.log(`${signal}: closing`)
    await app.close()
    await deps.jobs.stop()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void close('SIGINT'))
  process.on('SIGTERM', () => void close('SIGTERM'))
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error('Failed to start:', err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
