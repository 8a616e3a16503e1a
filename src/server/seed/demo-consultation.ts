/**
 * A demo consultation at first start (issue 7): the Standing Office asks six committee members
 * for their opinion on a draft regulation, approved by the chair and open for ten days; two
 * members have answered. Members log in and find it in "Lấy ý kiến"; officers see the progress.
 */
import { Readable } from 'node:stream'
import { inArray } from 'drizzle-orm'
import type { Role } from '@common/domain'
import type { TConsultationInput } from '@common/contracts/consultations'
import { ZConsultationInput } from '@common/contracts/consultations'
import type { Actor, Ctx } from '../platform/context.ts'
import { users } from '../platform/db/schema.ts'
import { systemEventSource } from '../platform/events/record.ts'
import type { AppDeps } from '../platform/http/types.ts'
import {
  approveConsultation,
  createConsultation,
  saveResponse,
  submitForApproval,
} from '../modules/consultations/index.ts'
import { sampleLetterPdf } from '../modules/exchange/index.ts'
import { insertFileWithBlob } from '../modules/files/index.ts'

const OFFICER = 'chuyenvien.nam'
const LEADER = 'chutich'
const MEMBERS = ['uyvien.bnnmt', 'uyvien.bng', 'uyvien.btc', 'uyvien.bct', 'uyvien.cantho', 'uyvien.angiang']

const SECTIONS = [
  {
    key: 'dieu-1',
    label: 'Điều 1. Phạm vi điều chỉnh',
    text: 'Quy chế này quy định việc chia sẻ, khai thác dữ liệu thủy văn, chất lượng nước lưu vực sông Mê Công giữa các thành viên Ủy ban.',
  },
  {
    key: 'dieu-2',
    label: 'Điều 2. Đối tượng áp dụng',
    text: 'Các bộ, ngành và Ủy ban nhân dân các tỉnh, thành phố thành viên Ủy ban sông Mê Công Việt Nam.',
  },
  {
    key: 'dieu-3',
    label: 'Điều 3. Nguyên tắc chia sẻ dữ liệu',
    text: 'Dữ liệu được chia sẻ kịp thời, đầy đủ, miễn phí giữa các thành viên; dữ liệu mật thực hiện theo quy định của pháp luật về bảo vệ bí mật nhà nước.',
  },
]

function actorOf(u: typeof users.$inferSelect): Actor {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    organizationId: u.organizationId,
    unitId: u.unitId,
    position: u.position,
    roles: u.roles as Role[],
  }
}

/** Create, approve and partly answer the demo consultation; returns whether it was made. */
export async function seedDemoConsultation(deps: AppDeps, now = new Date()): Promise<boolean> {
  const db = deps.database.db
  const people = await db
    .select()
    .from(users)
    .where(inArray(users.username, [OFFICER, LEADER, ...MEMBERS]))
  const by = new Map(people.map((u) => [u.username, u]))
  const officer = by.get(OFFICER)
  const leader = by.get(LEADER)
  const members = MEMBERS.map((m) => by.get(m)).filter((u) => u !== undefined)
  if (!officer || !leader || members.length < 3) return false
  const ctxOf = (tx: Ctx['tx'], who: typeof officer): Ctx => ({
    ...systemEventSource(tx, now, 'demo-seed'),
    actor: actorOf(who),
    principalId: who.id,
    config: deps.config,
  })
  const pdf = await sampleLetterPdf([
    'ỦY BAN SÔNG MÊ CÔNG VIỆT NAM',
    'DỰ THẢO',
    'QUY CHẾ chia sẻ dữ liệu thủy văn lưu vực sông Mê Công',
    ...SECTIONS.flatMap((s) => [s.label, s.text]),
  ])
  const blob = await deps.blobs.put(Readable.from([Buffer.from(pdf)]), { maxBytes: pdf.length + 1 })
  const deadline = new Date(now.getTime() + 10 * 24 * 3600_000)
  deadline.setUTCHours(10, 0, 0, 0) // 17:00 in Hà Nội
  const id = await db.transaction(async (tx) => {
    const file = await insertFileWithBlob(tx, {
      sha256: blob.sha256,
      size: blob.size,
      filename: 'Du-thao-Quy-che-chia-se-du-lieu.pdf',
      mediaType: 'application/pdf',
      uploadedBy: officer.id,
      createdAt: now,
    })
    const input: TConsultationInput = {
      title: 'Lấy ý kiến dự thảo Quy chế chia sẻ dữ liệu thủy văn lưu vực sông Mê Công',
      purpose:
        'Xin ý kiến các thành viên Ủy ban về dự thảo Quy chế trước khi trình Chủ tịch Ủy ban ban hành.',
      background:
        'Thực hiện Chương trình công tác năm 2026, Văn phòng Thường trực đã xây dựng dự thảo Quy chế chia sẻ dữ liệu thủy văn giữa các thành viên.',
      materials: [{ fileId: file.id, role: 'draft' }],
      participantIds: members.map((m) => m.id),
      deadline: deadline.toISOString(),
      silenceRule: 'agree',
      quorumPercent: 50,
      majority: 'simple',
      questions: [
        {
          key: 'y-kien-chung',
          kind: 'opinion',
          title: 'Ý kiến chung về dự thảo Quy chế',
        },
        {
          key: 'bieu-quyet',
          kind: 'motion',
          title: 'Thông qua dự thảo Quy chế để trình Chủ tịch Ủy ban ban hành',
        },
        {
          key: 'gop-y-dieu',
          kind: 'sections',
          title: 'Góp ý từng điều của dự thảo',
          sections: SECTIONS,
          required: false,
        },
        {
          key: 'tan-suat',
          kind: 'single_choice',
          title: 'Tần suất cập nhật dữ liệu phù hợp',
          options: ['Hằng ngày', 'Hằng tuần', 'Hằng tháng'],
          required: false,
        },
      ],
    }
    const created = await createConsultation(ctxOf(tx, officer), ZConsultationInput.parse(input))
    await submitForApproval(ctxOf(tx, officer), { id: created.id, approverId: leader.id, note: null })
    await approveConsultation(ctxOf(tx, leader), { id: created.id, note: 'Đồng ý lấy ý kiến.' })
    return created.id
  })
  const answersOf = (opinion: 'agree' | 'agree_with_comments', comment: string | null) => [
    {
      questionKey: 'y-kien-chung',
      opinion,
      ...(comment ? { text: comment } : {}),
    },
    { questionKey: 'bieu-quyet', vote: 'approve' as const },
    {
      questionKey: 'gop-y-dieu',
      sectionComments: comment ? [{ sectionKey: 'dieu-3', comment }] : [],
    },
    { questionKey: 'tan-suat', choice: 'Hằng ngày' },
  ]
  const answered: [typeof officer, ReturnType<typeof answersOf>][] = [
    [members[0]!, answersOf('agree', null)],
    [
      members[1]!,
      answersOf(
        'agree_with_comments',
        'Đề nghị bổ sung nguyên tắc chia sẻ dữ liệu với Ủy hội sông Mê Công quốc tế theo Thủ tục chia sẻ và trao đổi dữ liệu, thông tin (PDIES).',
      ),
    ],
  ]
  for (const [member, answers] of answered) {
    await db.transaction(async (tx) => {
      await saveResponse(ctxOf(tx, member), { consultationId: id, answers, fileIds: [], intent: 'submit' })
    })
  }
  deps.kickDispatch()
  return true
}
