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
import { openDatabase, type Database } from '../platform/db/client.ts'
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
}

export async function openTestDatabase(): Promise<Database> {
  const url = inject('testDatabaseUrl')
  if (url) return openDatabase({ kind: 'postgres', url, poolMax: 4 })
  const dump = fs.readFileSync(inject('pgliteDump'))
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) })
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-app-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    REQUIRE_ADMIN_MFA: 'false',
    SEED_DEMO: 'false',
    ...options.env,
  })
  const database = await openTestDatabase()
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
      await database.close()
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
    post: (url, body) => request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: (body ?? {}) as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  }
}
