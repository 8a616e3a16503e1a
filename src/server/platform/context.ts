/**
 * The explicit context every action receives: who acts (and for whom), the transaction,
 * the clock and the request facts the audit log needs. Actions never see Fastify.
 */
import type { Role } from '@common/domain'
import type { Config } from '../config.ts'
import type { Tx } from './db/client.ts'

export type Actor = {
  id: string
  username: string
  fullName: string
  organizationId: string
  unitId: string | null
  position: string | null
  roles: readonly Role[]
}

export type RequestFacts = { ip: string | null; userAgent: string | null }

export type Ctx = {
  actor: Actor
  /** The user on whose behalf the actor acts (a leader for their secretary); the actor by default. */
  principalId: string
  tx: Tx
  now: Date
  request: RequestFacts
  config: Config
  /** Set by recordEvent so the caller knows to kick the after-commit dispatcher. */
  hasEvents: boolean
}

/** A context for work the system does itself (seeding, jobs, CLI). */
export type SystemCtx = Omit<Ctx, 'actor'> & { actor: Actor | null }
