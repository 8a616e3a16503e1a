import { describe, expect, it } from 'vitest'
import type { Role } from '@common/domain'
import {
  canAnswerFor,
  canOnConsultation,
  canSeeConsultation,
  canSeeResponseStateOf,
  isPastDeadline,
  responseAbilities,
  type ConsultationFacts,
} from './policy.ts'

const OFFICE = 'org-office'
const who = (id: string, roles: Role[], organizationId = OFFICE) => ({ id, roles, organizationId })
const officer = who('officer', ['specialist'])
const leader = who('leader', ['leader'])
const otherOfficeClerk = who('clerk2', ['clerk'], 'org-other')
const member = who('m1', ['committee_member'], 'org-a')
const memberB = who('m2', ['committee_member'], 'org-b')
const focalA = who('f1', ['focal_point'], 'org-a')
const members = [
  { id: 'm1', organizationId: 'org-a' },
  { id: 'm2', organizationId: 'org-b' },
]
const deadline = new Date('2026-12-10T10:00:00Z')

function facts(overrides: Partial<ConsultationFacts> = {}): ConsultationFacts {
  return {
    organizationId: OFFICE,
    state: 'open',
    deadline,
    createdBy: 'officer',
    approverId: 'leader',
    approvedAt: new Date('2026-12-01T00:00:00Z'),
    openBallot: false,
    participantIds: ['m1', 'm2'],
    ...overrides,
  }
}

describe('consultation policy', () => {
  it('the creator edits and submits drafts; the named leader approves or returns', () => {
    const draft = facts({ state: 'draft', approverId: null, approvedAt: null })
    expect(canOnConsultation(officer, 'edit', draft, members)).toBe(true)
    expect(canOnConsultation(who('other', ['specialist']), 'edit', draft, members)).toBe(false)
    const submitted = facts({ state: 'submitted', approvedAt: null })
    expect(canOnConsultation(leader, 'approve', submitted, members)).toBe(true)
    expect(canOnConsultation(who('leader2', ['leader']), 'approve', submitted, members)).toBe(false)
    expect(canOnConsultation(officer, 'approve', submitted, members)).toBe(false)
    // Approved and waiting for the letter: nothing left to decide.
    expect(canOnConsultation(leader, 'approve', facts({ state: 'submitted' }), members)).toBe(false)
  })

  it('officers of the consultation’s own organization run it; others do not', () => {
    expect(canOnConsultation(officer, 'close', facts(), members)).toBe(true)
    expect(canOnConsultation(otherOfficeClerk, 'close', facts(), members)).toBe(false)
    expect(canOnConsultation(member, 'extend', facts(), members)).toBe(false)
    expect(canOnConsultation(officer, 'editDispositions', facts(), members)).toBe(false)
    expect(canOnConsultation(officer, 'editDispositions', facts({ state: 'closed' }), members)).toBe(true)
  })

  it('participants and their focal points see it once launched; the summary once closed or in an open ballot', () => {
    expect(canSeeConsultation(member, facts({ state: 'submitted' }), members)).toBe(false)
    expect(canSeeConsultation(member, facts(), members)).toBe(true)
    expect(canSeeConsultation(focalA, facts(), members)).toBe(true)
    expect(canSeeConsultation(who('f9', ['focal_point'], 'org-z'), facts(), members)).toBe(false)
    expect(canOnConsultation(member, 'viewSummary', facts(), members)).toBe(false)
    expect(canOnConsultation(member, 'viewSummary', facts({ openBallot: true }), members)).toBe(true)
    expect(canOnConsultation(member, 'viewSummary', facts({ state: 'closed' }), members)).toBe(true)
    expect(canSeeResponseStateOf(member, facts(), members[1]!)).toBe(false)
    expect(canSeeResponseStateOf(member, facts(), members[0]!)).toBe(true)
    expect(canSeeResponseStateOf(officer, facts(), members[1]!)).toBe(true)
  })

  it('a focal point answers only for members of their own organization', () => {
    expect(canAnswerFor(focalA, members[0]!)).toBe(true)
    expect(canAnswerFor(focalA, members[1]!)).toBe(false)
    expect(canAnswerFor(memberB, members[0]!)).toBe(false)
    expect(canAnswerFor(officer, members[0]!)).toBe(false)
  })

  it('the deadline instant itself is late', () => {
    expect(isPastDeadline(facts(), new Date(deadline.getTime() - 1000))).toBe(false)
    expect(isPastDeadline(facts(), deadline)).toBe(true)
    const before = responseAbilities(member, facts(), members[0]!, null, new Date(deadline.getTime() - 1000))
    expect(before).toMatchObject({ edit: true, submit: true, confirm: false })
    const after = responseAbilities(member, facts(), members[0]!, null, new Date(deadline.getTime() + 1000))
    expect(after).toMatchObject({ edit: false, submit: false })
    const final = responseAbilities(
      member,
      facts(),
      members[0]!,
      { memberId: 'm1', state: 'final' },
      deadline,
    )
    expect(final.edit).toBe(false)
  })
})
