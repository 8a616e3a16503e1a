/** Checks and builds the assignments of a directive or a unit head's re-assignment. */
import type { AssignmentRole } from '@common/domain'
import type { Ctx } from '../../../platform/context.ts'
import { resolveDeadline, type TDeadline } from '../deadlines.ts'
import type { AssignmentRef } from '../events.ts'
import { findUnits, findUsers } from '../queries.ts'
import { insertAssignments } from '../store.ts'
import { invalid } from './support.ts'

export type AssigneeInput = {
  userId?: string | null | undefined
  unitId?: string | null | undefined
  deadline?: TDeadline | null | undefined
}
export type PlannedAssignee = AssigneeInput & { role: AssignmentRole; path: string }

type Scope = {
  /** Units must belong to this organization. */
  organizationId: string
  /** When set (a unit head's re-assignment), people must belong to this unit and units are refused. */
  withinUnitId?: string
  /** The due date of an assignee given no deadline (a unit's own deadline, for its people). */
  defaultDueDate?: string | null
}

/** Check every assignee (active, in scope, named once) and resolve their deadlines. */
async function resolve(ctx: Ctx, planned: PlannedAssignee[], scope: Scope) {
  const seen = new Set<string>()
  for (const p of planned) {
    const key = p.userId ? `u:${p.userId}` : `g:${p.unitId}`
    if (seen.has(key)) throw invalid(p.path, 'Mỗi người hoặc đơn vị chỉ được giao một lần')
    seen.add(key)
  }
  const people = new Map(
    (
      await findUsers(
        ctx.tx,
        planned.flatMap((p) => (p.userId ? [p.userId] : [])),
      )
    ).map((u) => [u.id, u]),
  )
  const units = new Map(
    (
      await findUnits(
        ctx.tx,
        planned.flatMap((p) => (p.unitId ? [p.unitId] : [])),
      )
    ).map((u) => [u.id, u]),
  )
  const out: (PlannedAssignee & { dueDate: string | null; name: string })[] = []
  for (const p of planned) {
    let name: string
    if (p.userId) {
      const user = people.get(p.userId)
      if (!user?.isActive)
        throw invalid(`${p.path}.userId`, 'Người nhận không tồn tại hoặc đã ngừng hoạt động')
      if (scope.withinUnitId && user.unitId !== scope.withinUnitId)
        throw invalid(`${p.path}.userId`, 'Chỉ giao cho người trong đơn vị')
      name = user.fullName
    } else {
      const unit = units.get(p.unitId!)
      if (scope.withinUnitId) throw invalid(`${p.path}.unitId`, 'Chỉ giao cho người trong đơn vị')
      if (!unit?.isActive || unit.organizationId !== scope.organizationId)
        throw invalid(`${p.path}.unitId`, 'Đơn vị không tồn tại')
      name = unit.name
    }
    const dueDate =
      (await resolveDeadline(ctx.tx, p.deadline, ctx.now, `${p.path}.deadline`)) ??
      scope.defaultDueDate ??
      null
    out.push({ ...p, dueDate, name })
  }
  return out
}

/** Insert the assignments; returns how the event names them. */
export async function createAssignments(
  ctx: Ctx,
  input: {
    documentId: string
    parentId: string | null
    directive: string | null
    planned: PlannedAssignee[]
  } & Scope,
): Promise<AssignmentRef[]> {
  const resolved = await resolve(ctx, input.planned, input)
  const ids = await insertAssignments(
    ctx.tx,
    resolved.map((p) => ({
      documentId: input.documentId,
      parentId: input.parentId,
      role: p.role,
      assigneeUserId: p.userId ?? null,
      assigneeUnitId: p.unitId ?? null,
      directive: input.directive,
      dueDate: p.dueDate,
      state: 'pending',
      assignedBy: ctx.actor.id,
      assignedFor: ctx.principalId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  )
  return resolved.map((p, i) => ({
    id: ids[i]!,
    role: p.role,
    userId: p.userId ?? null,
    userName: p.userId ? p.name : null,
    unitId: p.unitId ?? null,
    unitName: p.unitId ? p.name : null,
    dueDate: p.dueDate,
  }))
}
