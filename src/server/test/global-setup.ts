/**
 * Once per test run: prepare a migrated database. On PGlite, a migrated data directory is dumped
 * to a file that every test file loads (much faster than initdb + migrations per file). With
 * TEST_DATABASE_URL, a fresh PostgreSQL database is created for this run and dropped after it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { migrateDatabase, openDatabase } from '../platform/db/client.ts'

declare module 'vitest' {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    pgliteDump: string
    testDatabaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const name = `eoffice_test_${Date.now()}_${process.pid}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 2 })
    await migrateDatabase(database)
    await database.close()
    project.provide('testDatabaseUrl', url.toString())
    project.provide('pgliteDump', '')
    return async () => {
      const c = new pg.Client({ connectionString: serverUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
  const database = await openDatabase({ kind: 'pglite' })
  await migrateDatabase(database)
  const dump = await database.pglite!.dumpDataDir('none')
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-test-')), 'migrated.tar')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await database.close()
  project.provide('pgliteDump', file)
  project.provide('testDatabaseUrl', '')
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true })
}
