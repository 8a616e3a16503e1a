/**
 * Checks the i18n catalogs (src/common/i18n): vi.json (the source) and en.json must have the same
 * keys; every key the web uses literally (t('…'), i18n.t('…'), both branches of t(c ? '…' : '…'),
 * labelKey: '…') must exist in vi.json; every closed vocabulary (error codes, roles, organization
 * kinds, delegation scopes) must have its labels. Exits 1 and lists the problems otherwise.
 *
 *   npx tsx scripts/i18n-check.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { ERROR_CODES } from '../src/common/errors.ts'
import { DELEGATION_SCOPES, LOCALES, ORGANIZATION_KINDS, ROLES } from '../src/common/domain.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const CATALOG_DIR = path.join(ROOT, 'src/common/i18n')
const WEB_DIR = path.join(ROOT, 'src/web')

type Catalog = { [key: string]: string | Catalog }

function readCatalog(locale: string): Catalog {
  return JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, `${locale}.json`), 'utf8')) as Catalog
}

/** Leaf keys as dotted paths; a non-string leaf is reported. */
function leafKeys(catalog: Catalog, prefix: string, problems: string[], locale: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') {
      if (value.trim() === '') problems.push(`${locale}.json: empty text for "${full}"`)
      out.set(full, value)
    } else if (value && typeof value === 'object') {
      for (const [k, v] of leafKeys(value, full, problems, locale)) out.set(k, v)
    } else {
      problems.push(`${locale}.json: "${full}" is neither text nor a group`)
    }
  }
  return out
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(full))
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full)
  }
  return out
}

type Use = { key: string; where: string }

/** String literals that a call's first argument can evaluate to (through ?: and parentheses). */
function literalKeys(node: ts.Expression): { keys: string[]; prefixes: string[] } {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { keys: [node.text], prefixes: [] }
  if (ts.isParenthesizedExpression(node)) return literalKeys(node.expression)
  if (ts.isConditionalExpression(node)) {
    const a = literalKeys(node.whenTrue)
    const b = literalKeys(node.whenFalse)
    return { keys: [...a.keys, ...b.keys], prefixes: [...a.prefixes, ...b.prefixes] }
  }
  if (ts.isTemplateExpression(node)) return { keys: [], prefixes: [node.head.text] }
  return { keys: [], prefixes: [] }
}

function isTranslateCall(call: ts.CallExpression): boolean {
  const callee = call.expression
  if (ts.isIdentifier(callee)) return callee.text === 't'
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 't' || callee.name.text === 'exists'
  return false
}

function usesIn(file: string): { keys: Use[]; prefixes: Use[] } {
  const text = fs.readFileSync(file, 'utf8')
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const keys: Use[] = []
  const prefixes: Use[] = []
  const where = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
    return `${path.relative(ROOT, file)}:${line + 1}`
  }
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments[0]) {
      const found = literalKeys(node.arguments[0])
      for (const key of found.keys) keys.push({ key, where: where(node) })
      for (const prefix of found.prefixes) prefixes.push({ key: prefix, where: where(node) })
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && /Key$/.test(node.name.text)) {
      if (
        ts.isStringLiteral(node.initializer) &&
        /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/.test(node.initializer.text)
      ) {
        keys.push({ key: node.initializer.text, where: where(node) })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { keys, prefixes }
}

function main(): number {
  const problems: string[] = []
  const catalogs = new Map(LOCALES.map((l) => [l, leafKeys(readCatalog(l), '', problems, l)]))
  const vi = catalogs.get('vi')!

  for (const [locale, keys] of catalogs) {
    if (locale === 'vi') continue
    for (const key of vi.keys())
      if (!keys.has(key)) problems.push(`${locale}.json is missing "${key}" (present in vi.json)`)
    for (const key of keys.keys())
      if (!vi.has(key)) problems.push(`${locale}.json has "${key}", which vi.json does not`)
  }

  const required = [
    ...Object.keys(ERROR_CODES).map((c) => `errors.${c}`),
    ...ROLES.map((r) => `roles.${r}`),
    ...ORGANIZATION_KINDS.map((k) => `organizationKinds.${k}`),
    ...DELEGATION_SCOPES.map((s) => `delegationScopes.${s}`),
    ...LOCALES.map((l) => `language.${l}`),
  ]
  for (const key of required)
    if (!vi.has(key)) problems.push(`vi.json is missing "${key}" (a closed vocabulary in src/common)`)

  const files = sourceFiles(WEB_DIR)
  let used = 0
  for (const file of files) {
    const { keys, prefixes } = usesIn(file)
    used += keys.length
    for (const use of keys)
      if (!vi.has(use.key)) problems.push(`${use.where}: "${use.key}" is not in vi.json`)
    for (const use of prefixes) {
      const prefix = use.key
      if (prefix && ![...vi.keys()].some((k) => k.startsWith(prefix))) {
        problems.push(`${use.where}: no key in vi.json starts with "${prefix}"`)
      }
    }
  }

  if (problems.length > 0) {
    console.error(`i18n check failed (${problems.length}):`)
    for (const p of problems) console.error(`  - ${p}`)
    return 1
  }
  console.log(
    `i18n check passed: ${vi.size} keys in ${LOCALES.join(', ')}; ${used} literal uses in ${files.length} web files.`,
  )
  return 0
}

process.exit(main())
