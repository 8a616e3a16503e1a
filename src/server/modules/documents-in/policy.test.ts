/** The visibility rules and abilities, pure, rule by rule. */
import { describe, expect, it } from 'vitest'
import type { Role } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import {
  canOnDocument,
  canSeeDocument,
  documentAbilities,
  type AssignmentFacts,
  type DocumentFacts,
} from './policy.ts'

const ORG = 'org-1'
function actor(id: string, roles: Role[], unitId: string | null = null, organizationId = ORG): Actor {
  return { id, username: id, fullName: id, organizationId, unitId, position: null, roles }
}
function assignment(over: Partial<AssignmentFacts>): AssignmentFacts {
  return {
    id: 'a1',
    parentId: null,
    role: 'lead',
    state: 'pending',
    assigneeUserId: null,
    assigneeUnitId: null,
    assignedBy: 'leader',
    assignedFor: 'leader',
    dueDate: null,
    ...over,
  }
}
function doc(over: Partial<DocumentFacts> = {}): DocumentFacts {
  return {
    state: 'registered',
    organizationId: ORG,
    registeredBy: 'clerk',
    registeredUnitId: 'office',
    assignments: [],
    ...over,
  }
}

describe('canSeeDocument', () => {
  it('(a) staff of the registering unit, and the registrant', () => {
    expect(canSeeDocument(actor('clerk', ['clerk'], 'office'), doc())).toBe(true)
    expect(canSeeDocument(actor('clerk2', ['clerk'], 'office'), doc())).toBe(true)
    expect(canSeeDocument(actor('s', ['specialist'], 'unitA'), doc())).toBe(false)
  })
  it('(b) persons assigned in any role and state, whoever assigned, and staff of an assigned unit', () => {
    const d = doc({
      state: 'assigned',
      assignments: [
        assignment({ assigneeUnitId: 'unitA' }),
        assignment({ id: 'a2', role: 'information', state: 'completed', assigneeUserId: 'focal' }),
      ],
    })
    expect(canSeeDocument(actor('s', ['specialist'], 'unitA'), d)).toBe(true)
    expect(canSeeDocument(actor('focal', ['focal_point']), d)).toBe(true)
    expect(canSeeDocument(actor('leader', ['committee_member']), d)).toBe(true)
    expect(canSeeDocument(actor('s', ['specialist'], 'unitB'), d)).toBe(false)
    // Members are never unit staff: only personal assignments count for them.
    expect(canSeeDocument(actor('m', ['focal_point'], 'unitA'), d)).toBe(false)
  })
  it('(c) leaders of the organization see everything; (d) administrators do not', () => {
    expect(canSeeDocument(actor('l', ['leader'], 'lead'), doc())).toBe(true)
    expect(canSeeDocument(actor('l', ['leader'], 'lead', 'org-2'), doc())).toBe(false)
    expect(canSeeDocument(actor('adm', ['admin'], 'office'), doc())).toBe(false)
    expect(canSeeDocument(actor('p', ['partner']), doc())).toBe(false)
  })
  it('a delegate sees what awaits their principal’s review', () => {
    const d = doc({
      state: 'submitted',
      assignments: [
        assignment({ role: 'review', assigneeUserId: 'leader', assignedBy: 'clerk', assignedFor: 'clerk' }),
      ],
    })
    expect(canSeeDocument(actor('sec', ['secretary'], 'lead'), d)).toBe(false)
    expect(canSeeDocument(actor('sec', ['secretary'], 'lead'), d, ['leader'])).toBe(true)
    expect(canOnDocument(actor('sec', ['secretary'], 'lead'), d, 'assign', ['leader'])).toBe(true)
  })
})

describe('abilities', () => {
  it('follow the state and the actor’s own assignments', () => {
    const clerk = actor('clerk', ['clerk'], 'office')
    expect(documentAbilities(clerk, doc())).toMatchObject({
      update: true,
      submit: true,
      assign: false,
      complete: false,
    })
    const submitted = doc({
      state: 'submitted',
      assignments: [assignment({ role: 'review', assigneeUserId: 'leader' })],
    })
    expect(documentAbilities(clerk, submitted)).toMatchObject({ update: false, submit: false })
    expect(documentAbilities(actor('leader', ['leader'], 'lead'), submitted)).toMatchObject({
      assign: true,
      returnIt: true,
      complete: false,
    })
    const assigned = doc({ state: 'assigned', assignments: [assignment({ assigneeUnitId: 'unitA' })] })
    expect(documentAbilities(actor('h', ['unit_head'], 'unitA'), assigned)).toMatchObject({
      reassign: true,
      start: true,
      complete: true,
      extend: false,
    })
    expect(documentAbilities(actor('s', ['specialist'], 'unitA'), assigned)).toMatchObject({
      reassign: false,
      start: false,
      complete: false,
    })
    expect(documentAbilities(actor('leader', ['leader'], 'lead'), assigned)).toMatchObject({
      extend: true,
      complete: false,
    })
    const done = { ...assigned, state: 'completed' as const }
    expect(documentAbilities(actor('h', ['unit_head'], 'unitA'), done)).toMatchObject({
      complete: false,
      returnIt: false,
    })
  })
})
