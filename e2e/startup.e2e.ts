/** Starting the real server: first start seeds and prints the password once; production refuses demo data. */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, startServer } from './support.ts'

describe('starting the server', () => {
  it('loads the demo organisation on first start only, and production refuses to run with it', async () => {
    const server = await startServer({ DEMO_PASSWORD: '' })
    try {
      expect(server.output()).toContain('Password of every demo account')
      const config = await (await fetch(`${server.url}/api/config`)).json()
      expect(config.organizationCode).toBe('000.00.00.G38')
      const health = await (await fetch(`${server.url}/api/health`)).json()
      expect(health).toMatchObject({ status: 'ok', checks: { database: true, blobs: true, jobs: true } })
      const page = await fetch(`${server.url}/quan-tri/nguoi-dung`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="root">')
    } finally {
      await server.stop({ keepData: true })
    }

    const again = await startServer({ DATA_DIR: server.dataDir })
    try {
      expect(again.output()).not.toContain('Password of every demo account')
      const res = await fetch(`${again.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'vanthu', password: DEMO_PASSWORD }),
      })
      expect(res.status).toBe(401) // the first start chose a random password, not this one
    } finally {
      await again.stop({ keepData: true })
    }

    const production = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        APP_SECRET: 'p'.repeat(40),
        PUBLIC_URL: 'https://vanban.example.vn',
        DATA_DIR: server.dataDir,
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(production.status).toBe(2)
    expect(production.stderr).toContain('demo accounts are active')

    const noSecret = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATA_DIR: server.dataDir,
        PORT: '0',
        APP_SECRET: 'too-short',
      },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(noSecret.status).toBe(2)
    expect(noSecret.stderr).toContain('APP_SECRET')
    await server.stop()
  })
})
