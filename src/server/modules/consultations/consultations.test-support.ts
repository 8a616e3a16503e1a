/** Test support for consultations: a Standing Office, three member agencies with focal points, a clock. */
import { and, eq } from 'drizzle-orm'
import type { TConsultationInput } from '@common/contracts/consultations'
import { events, notifications } from '../../platform/db/schema.ts'
import { makeOrganization, makeOrgWithUsers, makeUser, TEST_PASSWORD } from '../../test/factories.ts'
import { signIn, type Client, type TestApp } from '../../test/harness.ts'

export const HOUR = 3_600_000

/** A settable clock for the app: `clock.at` null means real time. */
export const clock: { at: Date | null; now(): Date } = {
  at: null,
  now() {
    return this.at ? new Date(this.at.getTime()) : new Date()
  },
}

type User = Awaited<ReturnType<typeof makeUser>>

export type Member = { user: User; client: Client; focal: User; focalClient: Client }

export type Cast = {
  officer: Client
  officerUser: User
  leader: Client
  leaderUser: User
  clerk: Client
  outsider: Client
  members: [Member, Member, Member]
}

/** A fresh Standing Office (specialist, leader, clerk) and three member agencies (member + focal point). */
export async function cast(t: TestApp): Promise<Cast> {
  const db = t.database.db
  const office = await makeOrgWithUsers(db, ['specialist', 'leader', 'clerk'])
  const members: Member[] = []
  for (const kind of ['ministry', 'province', 'province'] as const) {
    const org = await makeOrganization(db, { kind })
    const user = await makeUser(db, { roles: ['committee_member'], organizationId: org.id })
    const focal = await makeUser(db, { roles: ['focal_point'], organizationId: org.id })
    members.push({
      user,
      focal,
      client: await signIn(t.app, user.username, TEST_PASSWORD),
      focalClient: await signIn(t.app, focal.username, TEST_PASSWORD),
    })
  }
  const otherOrg = await makeOrganization(db, { kind: 'ministry' })
  const outsiderUser = await makeUser(db, { roles: ['committee_member'], organizationId: otherOrg.id })
  const u = office.users
  return {
    officer: await signIn(t.app, u.specialist.username, TEST_PASSWORD),
    officerUser: u.specialist,
    leader: await signIn(t.app, u.leader.username, TEST_PASSWORD),
    leaderUser: u.leader,
    clerk: await signIn(t.app, u.clerk.username, TEST_PASSWORD),
    outsider: await signIn(t.app, outsiderUser.username, TEST_PASSWORD),
    members: members as [Member, Member, Member],
  }
}

/** A consultation form with one question of each mechanism. */
export function form(c: Cast, overrides: Partial<TConsultationInput> = {}): TConsultationInput {
  return {
    title: 'Lấy ý kiến dự thảo Kế hoạch thích ứng biến đổi khí hậu',
    purpose: 'Hoàn thiện dự thảo trước khi trình Thủ tướng Chính phủ',
    participantIds: c.members.map((m) => m.user.id),
    deadline: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
    questions: [
      { key: 'q1', kind: 'opinion', title: 'Ý kiến chung về dự thảo' },
      { key: 'q2', kind: 'motion', title: 'Thông qua dự thảo' },
      {
        key: 'q3',
        kind: 'sections',
        title: 'Góp ý theo điều',
        required: false,
        sections: [
          { key: 'dieu-1', label: 'Điều 1. Phạm vi điều chỉnh' },
          { key: 'dieu-2', label: 'Điều 2. Đối tượng áp dụng' },
        ],
      },
      { key: 'q4', kind: 'single_choice', title: 'Phương án ưu tiên', options: ['A', 'B'] },
      {
        key: 'q5',
        kind: 'multiple_choice',
        title: 'Lĩnh vực',
        options: ['Nước', 'Đất', 'Rừng'],
        required: false,
      },
      { key: 'q6', kind: 'text', title: 'Kiến nghị khác', required: false },
      {
        key: 'q7',
        kind: 'number',
        title: 'Kinh phí đề xuất',
        min: 0,
        max: 100,
        unit: 'tỷ đồng',
        required: false,
      },
    ],
    ...overrides,
  }
}

/** A full, valid answer. */
export function answers(opinion: 'agree' | 'disagree' = 'agree') {
  return [
    { questionKey: 'q1', opinion, text: 'Cần bổ sung số liệu' },
    { questionKey: 'q2', vote: opinion === 'agree' ? 'approve' : 'reject' },
    { questionKey: 'q3', sectionComments: [{ sectionKey: 'dieu-2', comment: 'Bổ sung các tỉnh ven biển' }] },
    { questionKey: 'q4', choice: 'A' },
  ] as const
}

/** Create, submit to the leader and approve: an open consultation. Returns its id. */
export async function openConsultation(
  c: Cast,
  overrides: Partial<TConsultationInput> = {},
): Promise<string> {
  const created = await c.officer.post('/api/consultations', form(c, overrides))
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`)
  const id = (created.json() as { id: string }).id
  const submitted = await c.officer.post(`/api/consultations/${id}/submit`, { approverId: c.leaderUser.id })
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.body}`)
  const approved = await c.leader.post(`/api/consultations/${id}/approve`, {})
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`)
  return id
}

export function put(client: Client, id: string, body: unknown) {
  return client.request({
    method: 'PUT',
    url: `/api/consultations/${id}/responses/mine`,
    payload: body as object,
  })
}

export function consultationEvents(t: TestApp, id: string) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.targetType, 'consultation'), eq(events.targetId, id)))
    .orderBy(events.id)
}

export function notificationsOf(t: TestApp, userId: string) {
  return t.database.db.select().from(notifications).where(eq(notifications.userId, userId))
}
