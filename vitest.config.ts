import path from 'node:path'
import { defineConfig } from 'vitest/config'

export const alias = {
  '@common': path.resolve(import.meta.dirname, 'src/common'),
  '@server': path.resolve(import.meta.dirname, 'src/server'),
  '@web': path.resolve(import.meta.dirname, 'src/web'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    env: { TZ: 'UTC', NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // CI asks for a JSON report (VITEST_JSON=<file>) to print one "N passed, N failed" line for all suites.
    reporters: process.env.VITEST_JSON
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]]
      : ['default'],
  },
})
