/**
 * buildTestApp(): the real app on a real database (PGlite loaded from the migrated dump, or the
 * run's PostgreSQL database), with a temporary blob folder. Requests go through app.inject.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { inject } from 'vitest'
import { buildApp, createDeps } from '../app.ts'
import { loadConfig, type Config } from '../config.ts'
import pg from 'pg'
import { migrateDatabase, openDatabase, type Database } from '../platform/db/client.ts'
import type { AppDeps } from '../platform/http/types.ts'

export type TestApp = {
  app: FastifyInstance
  deps: AppDeps
  database: Database
  config: Config
  /** Run every after-commit handler now (tests do not wait for the job worker). */
  dispatch(): Promise<void>
  close(): Promise<void>
}

export type TestAppOptions = {
  env?: Record<string, string>
  clock?: () => Date
  /** Start pg-boss (health and job tests); off by default for speed. */
  withJobs?: boolean
  /** A database of its own (two agencies in one test, each with its own organization). */
  isolated?: boolean
}

export async function openTestDatabase(): Promise<Database> {
  const url = inject('testDatabaseUrl')
  if (url) return openDatabase({ kind: 'postgres', url, poolMax: 4 })
  const dump = fs.readFileSync(inject('pgliteDump'))
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) })
}

/**
 * A database of its own even on PostgreSQL (a new database, migrated): for tests that must
 * break things (tampering with the audit chain) without disturbing other test files.
 */
export async function openIsolatedDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const serverUrl = inject('testDatabaseUrl')
  if (!serverUrl) {
    const database = await openTestDatabase()
    return Object.assign(database, { drop: () => database.close() })
  }
  const name = `eoffice_iso_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 4 })
  await migrateDatabase(database)
  const drop = async () => {
    await database.close()
    const c = new pg.Client({ connectionString: serverUrl })
    await c.connect()
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.end()
  }
  return Object.assign(database, { drop })
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-app-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    REQUIRE_ADMIN_MFA: 'false',
    SEED_DEMO: 'false',
    // Injected requests all come from 127.0.0.1: tests of the address throttle set their own limit.
    LOGIN_IP_MAX_FAILURES: '100000',
    ...options.env,
  })
  const database = options.isolated ? await openIsolatedDatabase() : await openTestDatabase()
  const deps = createDeps(config, database, options.clock)
  if (options.withJobs) {
    await deps.jobs.start()
  } else {
    deps.kickDispatch = () => undefined
  }
  const app = await buildApp(deps, { logger: false })
  await app.ready()
  return {
    app,
    deps,
    database,
    config,
    dispatch: async () => {
      const result = await deps.dispatcher.dispatchPending()
      if (result.failures.length) throw new Error(`event handlers failed: ${JSON.stringify(result.failures)}`)
    },
    close: async () => {
      await app.close()
      if (options.withJobs) await deps.jobs.stop()
      if ('drop' in database && typeof database.drop === 'function') await database.drop()
      else await database.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export type Client = {
  cookie: string
  csrfToken: string
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>
  delete(url: string): Promise<LightMyRequestResponse>
}

/** Sign in through the API and return a client that sends the cookie and the CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`)
  const setCookie = res.cookies.find((c) => c.name === 'eoffice_sid')
  if (!setCookie) throw new Error('no session cookie')
  return clientFor(app, `eoffice_sid=${setCookie.value}`, (res.json() as { csrfToken: string }).csrfToken)
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } })
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) =>
      request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: (body ?? {}) as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  }
}
