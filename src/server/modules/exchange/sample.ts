/**
 * A realistic edXML package from a partner agency, signed with that agency's (demo) key: the demo
 * seed puts two in the clerk's "received electronically" list, the browser tests and the
 * benchmarks deliver them through the peer route. The PDF carries the letter's text in Vietnamese.
 */
import fs from 'node:fs'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import fontkit from '@pdf-lib/fontkit'
import { buildEdoc, type BusinessDocType } from '../../platform/edxml/index.ts'
import { createDemoPki, openP12Signer, type Signer } from '../../platform/signing/index.ts'

const SERIF = '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf'

export type SampleSender = { code: string; name: string; signer: Signer; certificatePem: string }

function pem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64')
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n').trim()}\n-----END CERTIFICATE-----\n`
}

/** A partner agency with an exchange key (RSA 2048, a demo CA): put certificatePem in our directory. */
export async function sampleSender(code: string, name: string, now = new Date()): Promise<SampleSender> {
  const pki = await createDemoPki({
    organizationName: name,
    people: [{ key: 'exchange', commonName: `${name} (liên thông)`, isOrganization: true }],
    pinFor: () => 'sample-pin',
    now,
  })
  const signer = openP12Signer(pki.people.exchange!.p12, 'sample-pin', now)
  return { code, name, signer, certificatePem: pem(signer.chainDer[0]!) }
}

/** A one-page letter as PDF (Vietnamese text when the Liberation fonts are installed). */
export async function sampleLetterPdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  let font
  if (fs.existsSync(SERIF)) {
    pdf.registerFontkit(fontkit)
    font = await pdf.embedFont(fs.readFileSync(SERIF), { subset: true })
  } else {
    font = await pdf.embedFont(StandardFonts.TimesRoman)
    lines = lines.map((l) =>
      l
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D'),
    )
  }
  const page = pdf.addPage([595, 842])
  lines.forEach((text, i) => {
    if (text) page.drawText(text, { x: 60, y: 780 - i * 22, size: 12, font })
  })
  return pdf.save()
}

export type SampleInput = {
  sender: SampleSender
  to: { code: string; name: string }
  number: string
  notation: string
  issueDate: string
  subject: string
  typeName?: string
  signerTitle?: string
  signerName?: string
  dueDate?: string | null
  businessType?: BusinessDocType
  /** For a revocation, update or replacement: the DocumentId concerned. */
  targetDocumentId?: string | null
  reason?: string
  /** Extra bytes to attach (benchmarks: a 1 MB scan). */
  extraAttachment?: { name: string; contentType: string; data: Uint8Array }
}

export function sampleDocumentId(
  input: Pick<SampleInput, 'sender' | 'issueDate' | 'number' | 'notation'>,
): string {
  return `${input.sender.code},${input.issueDate.replaceAll('-', '/')},${input.number}/${input.notation}`
}

/** Build and sign the package. */
export async function buildSamplePackage(input: SampleInput): Promise<Uint8Array> {
  const typeName = input.typeName ?? 'Công văn'
  const letter = await sampleLetterPdf([
    input.sender.name.toUpperCase(),
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Số: ${input.number}/${input.notation}`,
    `Hà Nội, ngày ${input.issueDate.slice(8)} tháng ${input.issueDate.slice(5, 7)} năm ${input.issueDate.slice(0, 4)}`,
    `V/v ${input.subject}`,
    `Kính gửi: ${input.to.name}`,
    'Đề nghị Quý cơ quan phối hợp cung cấp thông tin theo nội dung nêu trên.',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
    input.signerTitle ?? 'KT. BỘ TRƯỞNG',
    'THỨ TRƯỞNG',
    '',
    input.signerName ?? 'Nguyễn Hoàng Hiệp',
  ])
  const type = input.businessType ?? 0
  return buildEdoc(
    {
      header: {
        from: { organId: input.sender.code, organName: input.sender.name, email: 'vanthu@example.gov.vn' },
        to: [{ organId: input.to.code, organName: input.to.name }],
        code: { codeNumber: input.number, codeNotation: input.notation },
        promulgationInfo: { place: 'Hà Nội', promulgationDate: input.issueDate },
        documentType: { type: typeName === 'Công văn' ? 1 : 2, typeDetail: 0, typeName },
        subject: input.subject,
        content: '',
        signerInfo: {
          competence: input.signerTitle ?? 'KT. BỘ TRƯỞNG',
          position: 'THỨ TRƯỞNG',
          fullName: input.signerName ?? 'Nguyễn Hoàng Hiệp',
        },
        dueDate: input.dueDate ?? null,
        toPlaces: [input.to.name, 'Lưu: VT'],
        otherInfo: {
          priority: 0,
          sphereOfPromulgation: 'Liên thông văn bản quốc gia',
          typerNotation: 'NTH',
          promulgationAmount: 3,
          pageAmount: 1,
          appendixes: input.extraAttachment ? [input.extraAttachment.name] : [],
        },
        responseFor: [],
        steeringType: 0,
        documentId: sampleDocumentId(input),
      },
      traceHeaders: [{ organId: input.sender.code, timestamp: new Date() }],
      business: {
        documentId: type === 0 ? null : (input.targetDocumentId ?? null),
        type,
        reason: input.reason ?? (type === 0 ? 'Văn bản điện tử mới' : 'Điều chỉnh văn bản'),
        paper: 0,
        staffInfo: { department: 'Văn phòng Bộ', staff: 'Trần Văn Thư', email: 'vanthu@example.gov.vn' },
        replacementInfo:
          type === 3 && input.targetDocumentId
            ? [{ documentId: input.targetDocumentId, organIds: [input.to.code] }]
            : [],
      },
      attachments: [
        {
          name: `${input.number}-${input.notation}.pdf`,
          description: 'Văn bản chính',
          contentType: 'application/pdf',
          data: letter,
        },
        ...(input.extraAttachment ? [{ ...input.extraAttachment, description: 'Tài liệu kèm theo' }] : []),
      ],
    },
    { signer: input.sender.signer },
  )
}
