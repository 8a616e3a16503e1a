import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every depth, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export type HashedFields = {
  id: number
  occurredAt: Date
  actorId: string | null
  principalId: string | null
  action: string
  targetType: string
  targetId: string | null
  ip: string | null
  userAgent: string | null
  data: unknown
  prevHash: string
}

/** The hash of one audit entry: it covers every field and the previous entry's hash. */
export function eventHash(e: HashedFields): string {
  const payload = canonicalJson([
    e.id,
    e.occurredAt.toISOString(),
    e.actorId,
    e.principalId,
    e.action,
    e.targetType,
    e.targetId,
    e.ip,
    e.userAgent,
    e.data,
    e.prevHash,
  ])
  return createHash('sha256').update(payload).digest('hex')
}
