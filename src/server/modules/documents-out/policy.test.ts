/** Who sees and who may do what with an outgoing document (pure). */
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../platform/context.ts'
import { canOnOutgoing, canSeeOutgoing, type OutgoingFacts } from './policy.ts'

const ORG = 'org-1'
const actor = (
  id: string,
  roles: Actor['roles'],
  unitId: string | null = 'unit-a',
  organizationId = ORG,
): Actor => ({
  id,
  username: id,
  fullName: id,
  organizationId,
  unitId,
  position: null,
  roles,
})
const doc = (over: Partial<OutgoingFacts> = {}): OutgoingFacts => ({
  state: 'draft',
  organizationId: ORG,
  drafterId: 'drafter',
  signerId: 'leader',
  reviewerIds: [],
  currentAssigneeId: null,
  isNumbered: false,
  hasApprovalSignature: false,
  isReplaced: false,
  recipientUserIds: [],
  recipientUnitIds: ['unit-r'],
  ...over,
})

const drafter = actor('drafter', ['specialist'])
const head = actor('head', ['unit_head'])
const leader = actor('leader', ['leader'], 'lead')
const clerk = actor('clerk', ['clerk'], 'vp')
const secretary = actor('secretary', ['secretary'], 'lead')
const stranger = actor('stranger', ['specialist'], 'unit-x')
const recipient = actor('recipient', ['specialist'], 'unit-r')
const foreignClerk = actor('clerk2', ['clerk'], 'vp', 'org-2')

describe('visibility', () => {
  it('drafter, reviewers, signer, clerks and leaders of the organization see it; others do not', () => {
    const d = doc({ state: 'in_review', reviewerIds: ['head'], currentAssigneeId: 'head' })
    for (const a of [drafter, head, leader, clerk]) expect(canSeeOutgoing(a, d)).toBe(true)
    for (const a of [stranger, recipient, foreignClerk, secretary]) expect(canSeeOutgoing(a, d)).toBe(false)
    expect(canSeeOutgoing(secretary, d, ['leader'])).toBe(true)
  })
  it('recipients see it once issued', () => {
    expect(canSeeOutgoing(recipient, doc({ state: 'signed' }))).toBe(false)
    expect(canSeeOutgoing(recipient, doc({ state: 'issued' }))).toBe(true)
  })
})

describe('actions', () => {
  it('the drafter edits and submits a draft; not once it is in review', () => {
    expect(canOnOutgoing(drafter, 'submit', doc())).toBe(true)
    expect(canOnOutgoing(drafter, 'update', doc({ state: 'returned' }))).toBe(true)
    expect(
      canOnOutgoing(
        drafter,
        'update',
        doc({ state: 'in_review', currentAssigneeId: 'head', reviewerIds: ['head'] }),
      ),
    ).toBe(false)
  })
  it('only the current step decides (or a secretary for them); the reviewer may edit on their step', () => {
    const d = doc({ state: 'in_review', currentAssigneeId: 'leader', reviewerIds: ['head', 'leader'] })
    expect(canOnOutgoing(leader, 'approve', d)).toBe(true)
    expect(canOnOutgoing(leader, 'addVersion', d)).toBe(true)
    expect(canOnOutgoing(head, 'approve', d)).toBe(false)
    expect(canOnOutgoing(secretary, 'approve', d, ['leader'])).toBe(true)
    expect(canOnOutgoing(secretary, 'returnIt', d)).toBe(false)
  })
  it('only the signer signs an approved, unsigned document; never twice, never by a secretary', () => {
    expect(canOnOutgoing(leader, 'sign', doc({ state: 'approved' }))).toBe(true)
    expect(canOnOutgoing(leader, 'sign', doc({ state: 'in_review' }))).toBe(false)
    expect(canOnOutgoing(leader, 'sign', doc({ state: 'approved', hasApprovalSignature: true }))).toBe(false)
    expect(canOnOutgoing(secretary, 'sign', doc({ state: 'approved' }), ['leader'])).toBe(false)
  })
  it('clerks of the organization number and issue; numbering needs approval, issuing a signature', () => {
    expect(canOnOutgoing(clerk, 'assignNumber', doc({ state: 'in_review' }))).toBe(false)
    expect(canOnOutgoing(clerk, 'assignNumber', doc({ state: 'approved' }))).toBe(true)
    expect(canOnOutgoing(clerk, 'assignNumber', doc({ state: 'approved', isNumbered: true }))).toBe(false)
    expect(canOnOutgoing(clerk, 'issue', doc({ state: 'approved' }))).toBe(false)
    expect(canOnOutgoing(clerk, 'issue', doc({ state: 'signed' }))).toBe(true)
    expect(canOnOutgoing(foreignClerk, 'issue', doc({ state: 'signed' }))).toBe(false)
    expect(canOnOutgoing(drafter, 'issue', doc({ state: 'signed' }))).toBe(false)
  })
  it('recall and replace after issuing', () => {
    expect(canOnOutgoing(clerk, 'recall', doc({ state: 'issued' }))).toBe(true)
    expect(canOnOutgoing(clerk, 'recall', doc({ state: 'recalled' }))).toBe(false)
    expect(canOnOutgoing(leader, 'replace', doc({ state: 'recalled' }))).toBe(true)
    expect(canOnOutgoing(leader, 'replace', doc({ state: 'recalled', isReplaced: true }))).toBe(false)
  })
})
