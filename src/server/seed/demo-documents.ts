/**
 * Demo incoming documents at first start (issue 6): a few letters and decisions from ministries
 * and provinces of the basin, registered by the clerk with a PDF each, so that search, the
 * registers and the inbox have something to show. Their text is read by the extraction job and
 * indexed from the events, as for any registered document.
 */
import { Readable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import { organizations, registers, users } from '../platform/db/schema.ts'
import { systemEventSource } from '../platform/events/record.ts'
import type { AppDeps } from '../platform/http/types.ts'
import { sampleLetterPdf } from '../modules/exchange/index.ts'
import { insertFileWithBlob } from '../modules/files/index.ts'
import { registerIncoming } from '../modules/documents-in/index.ts'
import type { Actor } from '../platform/context.ts'
import type { Role } from '@common/domain'

type DemoLetter = {
  sender: string
  number: string
  type: string
  date: string
  subject: string
  signer: string
  body: string[]
}

const LETTERS: DemoLetter[] = [
  {
    sender: 'Bộ Nông nghiệp và Môi trường',
    number: '1873/QĐ-BNNMT',
    type: 'QĐ',
    date: '2026-05-14',
    subject:
      'Quyết định phê duyệt Kế hoạch quản lý tổng hợp tài nguyên nước lưu vực sông Cửu Long giai đoạn 2026–2030',
    signer: 'Nguyễn Hoàng Hiệp',
    body: [
      'Phê duyệt Kế hoạch quản lý tổng hợp tài nguyên nước lưu vực sông Cửu Long giai đoạn 2026–2030.',
      'Kế hoạch tập trung vào giám sát xâm nhập mặn, điều hòa nguồn nước ngọt cho sinh hoạt và sản xuất,',
      'chia sẻ dữ liệu thủy văn với Ủy hội sông Mê Công quốc tế và các tỉnh vùng đồng bằng.',
    ],
  },
  {
    sender: 'Ủy ban nhân dân tỉnh An Giang',
    number: '512/UBND-KT',
    type: 'CV',
    date: '2026-06-02',
    subject: 'Báo cáo tình hình sạt lở bờ sông Tiền, sông Hậu và đề xuất giải pháp ứng phó',
    signer: 'Trần Anh Thư',
    body: [
      'Trong sáu tháng đầu năm, trên địa bàn tỉnh xảy ra 14 điểm sạt lở bờ sông với tổng chiều dài 2,3 km.',
      'Đề nghị Ủy ban sông Mê Công Việt Nam tổng hợp, kiến nghị bố trí kinh phí kè chống sạt lở.',
    ],
  },
  {
    sender: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    number: '2290/UBND-NNMT',
    type: 'CV',
    date: '2026-04-21',
    subject: 'Góp ý dự thảo Báo cáo đánh giá dòng chảy lưu vực sông Sê San – Srêpốk',
    signer: 'Võ Văn Cảnh',
    body: [
      'Tỉnh Đắk Lắk thống nhất với nội dung dự thảo Báo cáo đánh giá dòng chảy lưu vực sông Srêpốk,',
      'đề nghị bổ sung số liệu vận hành các hồ chứa thủy điện Buôn Kuốp, Srêpốk 3 và Srêpốk 4 mùa khô.',
    ],
  },
  {
    sender: 'Bộ Ngoại giao',
    number: '3145/BNG-LPQT',
    type: 'CV',
    date: '2025-11-10',
    subject: 'Về việc chuẩn bị Phiên họp Hội đồng Ủy hội sông Mê Công quốc tế lần thứ 32',
    signer: 'Đỗ Hùng Việt',
    body: [
      'Đề nghị Ủy ban sông Mê Công Việt Nam chủ trì chuẩn bị nội dung, thành phần đoàn Việt Nam',
      'tham dự Phiên họp Hội đồng Ủy hội sông Mê Công quốc tế và gửi dự thảo phát biểu trước ngày 30/11/2025.',
    ],
  },
  {
    sender: 'Trung tâm Dự báo khí tượng thủy văn quốc gia',
    number: '88/TB-DBQG',
    type: 'TB',
    date: '2026-02-03',
    subject: 'Thông báo dự báo xâm nhập mặn vùng đồng bằng sông Cửu Long mùa khô 2026',
    signer: 'Mai Văn Khiêm',
    body: [
      'Độ mặn 4 phần nghìn dự báo xâm nhập sâu 45–55 km trên sông Vàm Cỏ, 40–50 km trên sông Tiền và sông Hậu.',
      'Các địa phương cần chủ động tích trữ nước ngọt, điều chỉnh lịch thời vụ.',
    ],
  },
  {
    sender: 'Bộ Tài chính',
    number: '7021/BTC-HCSN',
    type: 'CV',
    date: '2025-08-19',
    subject: 'Hướng dẫn lập dự toán kinh phí hoạt động của Ủy ban sông Mê Công Việt Nam năm 2026',
    signer: 'Võ Thành Hưng',
    body: [
      'Căn cứ Luật Ngân sách nhà nước, Bộ Tài chính hướng dẫn lập dự toán kinh phí hoạt động năm 2026,',
      'trong đó có kinh phí đóng niên liễm cho Ủy hội sông Mê Công quốc tế.',
    ],
  },
]

/** Register the demo letters as the demo clerk; returns how many were registered. */
export async function seedDemoDocuments(deps: AppDeps): Promise<number> {
  const db = deps.database.db
  const [own] = await db.select().from(organizations).where(eq(organizations.isOwn, true))
  const [clerk] = await db.select().from(users).where(eq(users.username, 'vanthu'))
  if (!own || !clerk) return 0
  const [register] = await db
    .select()
    .from(registers)
    .where(and(eq(registers.organizationId, own.id), eq(registers.kind, 'incoming')))
  if (!register) return 0
  const actor: Actor = {
    id: clerk.id,
    username: clerk.username,
    fullName: clerk.fullName,
    organizationId: clerk.organizationId,
    unitId: clerk.unitId,
    position: clerk.position,
    roles: clerk.roles as Role[],
  }
  let count = 0
  for (const l of LETTERS) {
    const bytes = await sampleLetterPdf([
      l.sender.toUpperCase(),
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${l.number}`,
      `Hà Nội, ngày ${l.date.slice(8)} tháng ${l.date.slice(5, 7)} năm ${l.date.slice(0, 4)}`,
      l.subject,
      ...l.body,
      l.signer,
    ])
    const blob = await deps.blobs.put(Readable.from([Buffer.from(bytes)]), { maxBytes: bytes.length + 1 })
    const now = new Date()
    await db.transaction(async (tx) => {
      const file = await insertFileWithBlob(tx, {
        sha256: blob.sha256,
        size: blob.size,
        filename: `${l.number.replaceAll('/', '-')}.pdf`,
        mediaType: 'application/pdf',
        uploadedBy: clerk.id,
        createdAt: now,
      })
      const source = systemEventSource(tx, now, 'demo-seed')
      await registerIncoming({ ...source, actor, principalId: clerk.id, config: deps.config }, {
        registerId: register.id,
        receivedVia: 'paper',
        senderName: l.sender,
        numberAndNotation: l.number,
        issueDate: l.date,
        documentType: l.type,
        subject: l.subject,
        signerName: l.signer,
        urgency: 'normal',
        secrecyMark: 'none',
        fileIds: [file.id],
        mainFileId: file.id,
        confirmDuplicate: true,
      } as Parameters<typeof registerIncoming>[1])
    })
    count += 1
  }
  deps.kickDispatch()
  return count
}
