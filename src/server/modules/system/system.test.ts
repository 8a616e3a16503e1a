/** Health, OpenAPI, configuration, and the job queue carrying after-commit handlers end to end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../config.ts'
import { makeOrgWithUsers, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type TestApp } from '../../test/harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ withJobs: true })
  await t.deps.jobs.work(0.5)
})
afterAll(async () => t.close())

describe('health', () => {
  it('reports database, blob store and job queue', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', checks: { database: true, blobs: true, jobs: true } })
  })
})

describe('OpenAPI', () => {
  it('documents every API route with its schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const route of t.app.routeAccess.filter((r) => !r.url.startsWith('/api/docs'))) {
      const openapiPath = route.url.replace(/:([a-zA-Z]+)/g, '{$1}')
      expect(doc.paths[openapiPath], route.url).toBeDefined()
    }
    expect(
      doc.paths['/api/admin/users'].post.requestBody.content['application/json'].schema.properties.username,
    ).toBeDefined()
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect([200, 302]).toContain(ui.statusCode)
  })
})

describe('configuration', () => {
  it('refuses production with the development secret or without a public address', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: 's'.repeat(40) })).toThrow(/PUBLIC_URL/)
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        APP_SECRET: 's'.repeat(40),
        PUBLIC_URL: 'https://vanban.example.vn',
        SEED_DEMO: 'true',
      }),
    ).toThrow(/SEED_DEMO/)
    const ok = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 's'.repeat(40),
      PUBLIC_URL: 'https://vanban.example.vn',
    })
    expect(ok.seedDemo).toBe(false)
  })

  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ BLOB_STORE: 's3' })).toThrow(/S3_BUCKET/)
  })
})

describe('job queue', () => {
  it('runs the after-commit handlers through the queue: a delegation notifies its delegate', async () => {
    const { users } = await makeOrgWithUsers(t.database.db, ['admin', 'leader', 'secretary'])
    const admin = await signIn(t.app, users.admin.username, TEST_PASSWORD)
    const now = Date.now()
    const created = await admin.post('/api/delegations', {
      principalId: users.leader.id,
      delegateId: users.secretary.id,
      scopes: ['documentIn.direct'],
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
    })
    expect(created.statusCode).toBe(201)
    const secretary = await signIn(t.app, users.secretary.username, TEST_PASSWORD)
    let unread = 0
    for (let i = 0; i < 60 && unread === 0; i++) {
      await new Promise((r) => setTimeout(r, 250))
      unread = (await secretary.get('/api/notifications')).json().unread
    }
    expect(unread).toBe(1)
  })
})
