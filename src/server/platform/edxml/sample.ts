/**
 * A realistic sample package (an official letter from the VNMC Office to two agencies, signed,
 * with a zipped PDF): the CLI's `build-sample`, the regression fixture and the benchmark use it.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { createDemoPki, openP12Signer, type Signer } from '../signing/index.ts'
import type { EdocInput } from './build.ts'
import type { AttachmentInput } from './model.ts'

/** VNMC's code per a third-party summary of QĐ 09/2025 — unconfirmed (REGULATIONS §3), fine for a sample. */
export const SAMPLE_FROM = '000.00.00.G38'
export const SAMPLE_DOCUMENT_ID = `${SAMPLE_FROM},2026/03/12,45/UBMC-VP`

/** A one-page PDF (standard font, ASCII text); `padding` adds incompressible bytes to reach a size. */
export async function samplePdf(padding?: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const fixed = new Date('2026-03-12T02:00:00Z')
  doc.setCreationDate(fixed)
  doc.setModificationDate(fixed)
  doc.setTitle('45/UBMC-VP')
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595.28, 841.89])
  const lines = [
    'UY BAN SONG ME CONG VIET NAM',
    'So: 45/UBMC-VP',
    'V/v phoi hop chia se so lieu thuy van mua kho 2026',
    '',
    'Kinh gui: Van phong Chinh phu; UBND tinh Nghe An',
  ]
  lines.forEach((text, i) => page.drawText(text, { x: 60, y: 780 - i * 20, size: 12, font }))
  if (padding) await doc.attach(padding, 'du-lieu.bin', { mimeType: 'application/octet-stream' })
  return doc.save()
}

/** The letter's header, trace and business block; `attachments` as given. */
export function sampleEdoc(now: Date, attachments: AttachmentInput[]): EdocInput {
  return {
    header: {
      from: {
        organId: SAMPLE_FROM,
        organName: 'Văn phòng Ủy ban sông Mê Công Việt Nam',
        organizationInCharge: 'Ủy ban sông Mê Công Việt Nam',
        organAdd: 'Số 23 Hàng Tre, Hoàn Kiếm, Hà Nội',
        email: 'vanthu@vnmc.gov.vn',
        telephone: '024 3825 4785',
        website: 'vnmc.gov.vn',
      },
      to: [
        { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
        { organId: '000.00.00.H41', organName: 'Ủy ban nhân dân tỉnh Nghệ An' },
      ],
      code: { codeNumber: '45', codeNotation: 'UBMC-VP' },
      promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-03-12' },
      documentType: { type: 1, typeDetail: 0, typeName: 'Công văn' },
      subject: 'V/v phối hợp chia sẻ số liệu thủy văn mùa khô năm 2026 & cảnh báo xâm nhập mặn',
      content:
        'Đề nghị các cơ quan phối hợp cung cấp số liệu mực nước trạm "Tân Châu" và "Châu Đốc" trước ngày 30/3/2026.',
      signerInfo: {
        competence: 'KT. CHÁNH VĂN PHÒNG',
        position: 'PHÓ CHÁNH VĂN PHÒNG',
        fullName: 'Nguyễn Văn A',
      },
      dueDate: '2026-03-30',
      toPlaces: ['Như trên;', 'Lưu: VT, VP.'],
      otherInfo: {
        priority: 1,
        sphereOfPromulgation: 'Liên thông văn bản quốc gia',
        typerNotation: 'NVB',
        promulgationAmount: 3,
        pageAmount: 1,
        appendixes: ['Bảng số liệu mực nước tháng 02/2026'],
        direction: false,
      },
      responseFor: [],
      steeringType: 0,
      documentId: SAMPLE_DOCUMENT_ID,
    },
    traceHeaders: [{ organId: SAMPLE_FROM, timestamp: now }],
    business: {
      documentId: null,
      type: 0,
      reason: 'Văn bản điện tử mới',
      paper: 0,
      staffInfo: {
        department: 'Văn thư',
        staff: 'Trần Thị B',
        email: 'vanthu@vnmc.gov.vn',
        mobile: '0912000001',
      },
      replacementInfo: [],
    },
    attachments,
  }
}

/** A demo organisation signer (fresh RSA key and demo CA: takes a second). */
export async function sampleSigner(
  now = new Date(),
): Promise<{ signer: Signer; rootCertificatePem: string }> {
  const pki = await createDemoPki({
    organizationName: 'Ủy ban sông Mê Công Việt Nam',
    people: [{ key: 'organization', commonName: 'Ủy ban sông Mê Công Việt Nam', isOrganization: true }],
    pinFor: () => 'sample',
    now,
  })
  return {
    signer: openP12Signer(pki.people.organization!.p12, 'sample', now),
    rootCertificatePem: pki.rootCertificatePem,
  }
}
