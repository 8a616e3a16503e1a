/** Audit rows to contract shapes. */
import type { TAuditEvent, TChainReport, TLoginAttempt } from '@common/contracts/audit'
import type { ChainReport } from '../../platform/events/verify.ts'
import type { EventRow, LoginAttemptRow } from './queries.ts'

export function presentEvent(e: EventRow): TAuditEvent {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    principalId: e.principalId,
    principalName: e.principalName,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    ip: e.ip,
    userAgent: e.userAgent,
    data: (e.data ?? {}) as Record<string, unknown>,
    hash: e.hash,
  }
}

export function presentLoginAttempt(a: LoginAttemptRow): TLoginAttempt {
  return {
    id: a.id,
    username: a.username,
    userId: a.userId,
    ip: a.ip,
    userAgent: a.userAgent,
    isSuccess: a.isSuccess,
    reason: a.reason,
    at: a.at.toISOString(),
  }
}

/** The platform report in the contract's shape: firstBroken is null when the chain is intact. */
export function presentChainReport(report: ChainReport): TChainReport {
  return report.isIntact
    ? { isIntact: true, checked: report.checked, firstBroken: null }
    : { isIntact: false, checked: report.checked, firstBroken: report.firstBroken }
}
