import { Readable } from 'node:stream'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.ts'
import { captureFields } from './parse/capture-fields.ts'
import type { DocumentModel } from './test-support/document-model.ts'
import { renderDocx } from './test-support/render-docx.ts'
import { renderPdf } from './test-support/render-pdf.ts'
import { declaredInflatedSize } from './extract/docx-text.ts'
import { DOCX, extractText, PDF } from './extract/extract-text.ts'

const LETTER: DocumentModel = {
  issuerLines: ['BỘ TÀI CHÍNH', 'CỤC THUẾ'],
  numberLine: 'Số: 1234 /CT- TTHT',
  letterSubject:
    'V/v hướng dẫn chính sách thuế đối với hoạt động quan trắc tài nguyên nước lưu vực sông Mê Công',
  dateLine: 'Hà Nội, ngày 05 tháng 3 năm 2026',
  titleLines: [],
  addressees: {
    items: [
      'Ủy ban sông Mê Công Việt Nam;',
      'Cục Thuế các tỉnh, thành phố thuộc vùng đồng bằng sông Cửu Long.',
    ],
  },
  body: [
    'Trả lời công văn của Quý cơ quan về chính sách thuế, Cục Thuế có ý kiến như sau. '.repeat(4),
    'Trân trọng./.',
  ],
  recipientLines: ['Nơi nhận:', '- Như trên;', '- Vụ Pháp chế (để phối hợp);', '- Lưu: VT, TTHT (2b).'],
  signatureLines: ['KT. CỤC TRƯỞNG', 'PHÓ CỤC TRƯỞNG', 'Đặng Ngọc Minh'],
}

const EXPECTED = {
  numberAndNotation: '1234/CT-TTHT',
  issuer: 'CỤC THUẾ',
  issuerParent: 'BỘ TÀI CHÍNH',
  place: 'Hà Nội',
  issueDate: '2026-03-05',
  documentType: 'Công văn',
  subject: 'hướng dẫn chính sách thuế đối với hoạt động quan trắc tài nguyên nước lưu vực sông Mê Công',
  addressees: [
    'Ủy ban sông Mê Công Việt Nam',
    'Cục Thuế các tỉnh, thành phố thuộc vùng đồng bằng sông Cửu Long',
  ],
  recipients: ['Như trên', 'Vụ Pháp chế (để phối hợp)', 'Lưu: VT, TTHT (2b)'],
  signerName: 'Đặng Ngọc Minh',
  signerTitle: 'PHÓ CỤC TRƯỞNG',
  signingAuthority: 'KT.',
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return (err as AppError).code
}

describe('extractText', () => {
  it('reads a PDF text layer in reading order, two-column header and footer included', async () => {
    const pdf = await renderPdf(LETTER)
    const extraction = await extractText(pdf, PDF)
    expect(extraction).toMatchObject({ method: 'pdf-text', pages: 1, isLikelyScanned: false })
    const lines = extraction.text.split('\n')
    // The subject wraps in its narrow column; the motto comes after the whole left column.
    expect(lines.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeGreaterThan(
      lines.findIndex((l) => l.startsWith('V/v')) + 1,
    )
    expect(extraction.text).toBe(extraction.text.normalize('NFC'))
    expect(captureFields(extraction.text)).toMatchObject(EXPECTED)
  })

  it('reads a DOCX whose header and footer are tables', async () => {
    const extraction = await extractText(await renderDocx(LETTER), DOCX)
    expect(extraction).toMatchObject({ method: 'docx', pages: null, isLikelyScanned: false })
    expect(captureFields(extraction.text)).toMatchObject(EXPECTED)
  })

  it('reads UTF-8 text from a stream, dropping a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Số: 05/TB-VPTT\n', 'utf8')])
    const extraction = await extractText(Readable.from([bytes]), 'text/plain; charset=utf-8')
    expect(extraction).toEqual({
      text: 'Số: 05/TB-VPTT\n',
      pages: null,
      method: 'text',
      isLikelyScanned: false,
    })
  })

  it('calls a PDF of images only a likely scan', async () => {
    const doc = await PDFDocument.create()
    const png = await doc.embedPng(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
    )
    doc.addPage([595, 842]).drawImage(png, { x: 0, y: 0, width: 595, height: 842 })
    const extraction = await extractText(await doc.save(), PDF)
    expect(extraction).toMatchObject({ method: 'pdf-text', pages: 1, isLikelyScanned: true, text: '' })
  })

  it('refuses types it cannot read, damaged files, non-UTF-8 text and oversized input', async () => {
    expect(await codeOf(extractText(Buffer.from('GIF89a'), 'image/png'))).toBe('FILE_TYPE_NOT_ALLOWED')
    expect(await codeOf(extractText(Buffer.from('%PDF-1.7\nnot really'), PDF))).toBe('VALIDATION_FAILED')
    expect(await codeOf(extractText(Buffer.from('PK\x03\x04 broken'), DOCX))).toBe('VALIDATION_FAILED')
    expect(await codeOf(extractText(Buffer.from([0xc3, 0x28]), 'text/plain'))).toBe('VALIDATION_FAILED')
    expect(
      await codeOf(extractText(Readable.from([Buffer.alloc(2048)]), 'text/plain', { maxBytes: 1024 })),
    ).toBe('FILE_TOO_LARGE')
  })

  it('refuses a DOCX whose archive claims to inflate beyond reason (zip bomb)', async () => {
    const bomb = zipDeclaring(0xfffffff0)
    expect(declaredInflatedSize(bomb)).toBe(0xfffffff0)
    expect(await codeOf(extractText(bomb, DOCX))).toBe('VALIDATION_FAILED')
  })
})

/** A one-entry zip whose central directory declares `size` uncompressed bytes. */
function zipDeclaring(size: number): Buffer {
  const name = Buffer.from('word/document.xml')
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(name.length, 28)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(46 + name.length, 12)
  end.writeUInt32LE(30 + name.length, 16)
  return Buffer.concat([local, name, central, name, end])
}
