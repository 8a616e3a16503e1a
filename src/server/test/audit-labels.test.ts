/**
 * Every action the server writes to the audit log, and every target type, has a label in both
 * catalogs, so the audit page never shows a raw name such as "documentIn.assigned" to an auditor.
 * Actions are found in the sources: `action: '…'` literals and the values of the modules' events.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '../../common/i18n/en.json' with { type: 'json' }
import vi from '../../common/i18n/vi.json' with { type: 'json' }

const SERVER = path.resolve(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'test' ? [] : sources(p)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('test-') ? [p] : []
  })
}

function found(): { actions: Set<string>; targets: Set<string> } {
  const actions = new Set<string>()
  const targets = new Set<string>()
  for (const file of sources(SERVER)) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/action: '([a-zA-Z]+\.[a-zA-Z]+)'/g)) actions.add(m[1]!)
    for (const m of text.matchAll(/targetType: '([a-zA-Z]+)'/g)) targets.add(m[1]!)
    for (const m of text.matchAll(/_TARGET = '([a-zA-Z]+)'/g)) targets.add(m[1]!)
    if (path.basename(file) === 'events.ts' && file.includes(`${path.sep}modules${path.sep}`)) {
      for (const m of text.matchAll(/^\s+\w+: '([a-zA-Z]+\.[a-zA-Z]+)',?$/gm)) actions.add(m[1]!)
    }
  }
  return { actions, targets }
}

function has(catalog: unknown, key: string): boolean {
  let node = catalog
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

describe('audit labels', () => {
  const { actions, targets } = found()
  it('finds the actions in the sources', () => {
    expect(actions.has('documentIn.registered')).toBe(true)
    expect(actions.has('user.created')).toBe(true)
    expect(targets.has('documentIn')).toBe(true)
  })
  for (const [name, catalog] of [
    ['vi', vi],
    ['en', en],
  ] as const) {
    it(`labels every action and target type in ${name}.json`, () => {
      const missing = [
        ...[...actions].filter((a) => !has(catalog, `audit.actions.${a}`)).map((a) => `audit.actions.${a}`),
        ...[...targets]
          .filter((t) => !has(catalog, `audit.targetTypes.${t}`))
          .map((t) => `audit.targetTypes.${t}`),
      ]
      expect(missing).toEqual([])
    })
  }
})
