/**
 * Browser-test support: start the real server (src/server/main.ts) on a free port with a fresh
 * data folder and the demo organisation, and drive Debian's Chromium with playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const DEMO_PASSWORD = 'E2e-demo-password-2026'
export const SHOTS_DIR = path.resolve('.e2e-artifacts')

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export type Server = {
  url: string
  dataDir: string
  stop(options?: { keepData?: boolean }): Promise<void>
  /** kill -9: no shutdown at all (crash tests); keeps the data folder. */
  kill(): Promise<void>
  output(): string
}

/** Start the server as a user would (npm start without the build step: the web is built by test:e2e). */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort()
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-e2e-'))
  let out = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const url = `http://127.0.0.1:${port}`
  // A loaded machine (CI running everything, a first start seeding the demo) can take long.
  const deadline = Date.now() + 150_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL') // never leave an orphan server behind
      throw new Error(`server did not start: ${out}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    dataDir,
    output: () => out,
    stop: async (options = {}) => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true })
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true })
}

/** A new browser context signed in as `username` (demo password), in Vietnamese and Hà Nội time. */
export async function signedInPage(
  browser: Browser,
  server: Pick<Server, 'url'>,
  username: string,
  options: { width?: number; height?: number; acceptDownloads?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(DEMO_PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  return page
}
