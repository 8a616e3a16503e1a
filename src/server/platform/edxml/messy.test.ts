/** Real-world mess is read with the right value and a warning. */
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildEdoc, parseEdxml, type AttachmentInput, type EdocPackage, type ParsedEdxml } from './index.ts'
import { bytesOf, letter, pdfFile, utf8 } from './test-support.ts'

let plain: string
let expected: EdocPackage
beforeAll(async () => {
  plain = utf8(await buildEdoc(letter([pdfFile(300, 'tep-1')])))
  expected = (await parseEdxml(bytesOf(plain))).package as EdocPackage
})

const codes = (p: ParsedEdxml) => p.warnings.map((w) => w.code)
const edoc = (p: ParsedEdxml) => p.package as EdocPackage
const parseText = (text: string) => parseEdxml(bytesOf(text))
/** `text` with a replacement that must change something (so a test cannot pass on a no-op edit). */
function edit(text: string, pattern: string | RegExp, replacement: string, all = false): string {
  const out =
    all && typeof pattern === 'string'
      ? text.replaceAll(pattern, replacement)
      : text.replace(pattern, replacement)
  expect(out).not.toBe(text)
  return out
}

describe('namespaces and spellings', () => {
  it('reads elements without prefix or namespace', async () => {
    const parsed = await parseText(edit(edit(plain, / xmlns(:edXML)?="[^"]*"/g, ''), 'edXML:', '', true))
    expect(codes(parsed)).toEqual(['NAMESPACE'])
    expect(parsed.package).toEqual(expected)
  })

  it('reads an undeclared edXML: prefix as QCVN 102', async () => {
    const parsed = await parseText(edit(plain, / xmlns:edXML="[^"]*"/g, ''))
    expect(codes(parsed)).toEqual(['UNBOUND_PREFIX'])
    expect(parsed.package).toEqual(expected)
  })

  it('accepts "Business" for "Bussiness"', async () => {
    const parsed = await parseText(edit(plain, 'Bussiness', 'Business', true))
    expect(codes(parsed)).toEqual(['BUSINESS_SPELLING'])
    expect(edoc(parsed).business).toEqual(expected.business)
  })

  it('accepts ContentId with or without "cid:"', async () => {
    const parsed = await parseText(edit(plain, 'cid:tep-1', 'tep-1', true))
    expect(codes(parsed)).toEqual(['CONTENT_ID_FORM', 'CONTENT_ID_FORM'])
    expect(edoc(parsed).attachments).toEqual(expected.attachments)
  })

  it('warns about a declared encoding other than UTF-8', async () => {
    const parsed = await parseText(edit(plain, 'encoding="UTF-8"', 'encoding="ISO-8859-1"'))
    expect(codes(parsed)).toEqual(['ENCODING_DECLARED'])
  })

  it('reads CRLF line ends and any element order', async () => {
    const reordered = edit(
      plain,
      /(\s*<edXML:DocumentId>[^<]*<\/edXML:DocumentId>)(\s*<\/edXML:MessageHeader>)/,
      '$2',
    )
    const documentId = /<edXML:DocumentId>[^<]*<\/edXML:DocumentId>/.exec(plain)![0]
    const moved = edit(edit(reordered, '<edXML:Code>', `${documentId}<edXML:Code>`), '\n', '\r\n', true)
    const parsed = await parseText(moved)
    expect(parsed.warnings).toEqual([])
    expect(parsed.package).toEqual(expected)
  })
})

describe('dates', () => {
  it('reads dd/MM/yyyy and yyyy-MM-dd with a warning', async () => {
    const parsed = await parseText(
      edit(
        edit(
          edit(plain, '<edXML:PromulgationDate>2026/03/12', '<edXML:PromulgationDate>12/03/2026'),
          '<edXML:DueDate>2026/03/30',
          '<edXML:DueDate>2026-03-30',
        ),
        '<edXML:Timestamp>2026/03/12 10:04:05',
        '<edXML:Timestamp>12/03/2026 10:04:05',
      ),
    )
    expect(codes(parsed)).toEqual(['DATE_FORMAT', 'DATE_FORMAT', 'DATE_FORMAT'])
    expect(parsed.package).toEqual(expected)
  })

  it('takes the promulgation date from DocumentId when it is missing', async () => {
    const parsed = await parseText(edit(plain, /<edXML:PromulgationDate>[^<]*<\/edXML:PromulgationDate>/, ''))
    expect(codes(parsed)).toEqual(['FIELD_MISSING'])
    expect(edoc(parsed).header.promulgationInfo.promulgationDate).toBe('2026-03-12')
  })

  it('drops an unreadable due date with a warning', async () => {
    const parsed = await parseText(edit(plain, '<edXML:DueDate>2026/03/30', '<edXML:DueDate>sắp tới'))
    expect(codes(parsed)).toEqual(['BAD_DATE'])
    expect(edoc(parsed).header.dueDate).toBeNull()
  })
})

describe('attachments', () => {
  const pdf = pdfFile(300).data
  const only = async (attachment: AttachmentInput) =>
    parseEdxml(await buildEdoc(letter([{ contentId: 'x', ...attachment }])))

  it('unzips application/zip holding one file, typed from its name', async () => {
    const zip = zipSync({ 'bao-cao.doc': pdf })
    const parsed = await only({ name: 'bao-cao.doc', contentType: 'application/zip', data: zip })
    expect(parsed.warnings).toEqual([])
    expect(edoc(parsed).attachments[0]).toMatchObject({
      name: 'bao-cao.doc',
      contentType: 'application/msword',
      zipped: true,
      data: pdf,
    })
  })

  it('renames a ".zip" attachment to the file inside', async () => {
    const parsed = await only({
      name: 'ho-so.zip',
      contentType: 'application/zip',
      data: zipSync({ 'thu-muc/to-trinh.pdf': pdf }),
    })
    expect(edoc(parsed).attachments[0]).toMatchObject({
      name: 'to-trinh.pdf',
      contentType: 'application/pdf',
      zipped: true,
    })
  })

  it('unzips a zip sent under the file type (PK magic), with a warning', async () => {
    const parsed = await only({
      name: 'cong-van.pdf',
      contentType: 'application/pdf',
      data: zipSync({ 'cong-van.pdf': pdf }),
    })
    expect(codes(parsed)).toEqual(['ZIPPED_WITHOUT_ZIP_TYPE'])
    expect(edoc(parsed).attachments[0]).toMatchObject({
      contentType: 'application/pdf',
      zipped: true,
      data: pdf,
    })
  })

  it('keeps a zip of several files as it is, with a warning', async () => {
    const zip = zipSync({ 'a.pdf': pdf, 'b.pdf': pdf })
    const parsed = await only({ name: 'ho-so.zip', contentType: 'application/zip', data: zip })
    expect(codes(parsed)).toEqual(['ZIP_MULTIPLE_FILES'])
    expect(edoc(parsed).attachments[0]).toMatchObject({
      contentType: 'application/zip',
      zipped: false,
      data: zip,
    })
  })

  it('keeps zip-based formats (docx) untouched', async () => {
    const docx = zipSync({ '[Content_Types].xml': pdf, 'word/document.xml': pdf })
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    const parsed = await only({ name: 'du-thao.docx', contentType: type, data: docx })
    expect(parsed.warnings).toEqual([])
    expect(edoc(parsed).attachments[0]).toMatchObject({ contentType: type, zipped: false, data: docx })
  })

  it('keeps an attachment missing from the manifest, with a warning', async () => {
    const parsed = await parseText(edit(plain, /<edXML:Reference>[\s\S]*<\/edXML:Reference>/, ''))
    expect(codes(parsed)).toEqual(['ATTACHMENT_NOT_IN_MANIFEST'])
    expect(edoc(parsed).attachments).toEqual(expected.attachments)
  })

  it('ignores a manifest entry without its attachment, with a warning', async () => {
    const parsed = await parseText(edit(plain, /<AttachmentEncoded>[\s\S]*<\/AttachmentEncoded>/, ''))
    expect(codes(parsed)).toEqual(['MANIFEST_WITHOUT_ATTACHMENT'])
    expect(edoc(parsed).attachments).toEqual([])
  })

  it('matches an attachment without ContentId to the manifest by name', async () => {
    const parsed = await parseText(edit(plain, '<ContentId>cid:tep-1</ContentId>', ''))
    expect(codes(parsed)).toEqual(['FIELD_MISSING'])
    expect(edoc(parsed).attachments).toEqual(expected.attachments)
  })

  it('takes missing attachment metadata from the manifest', async () => {
    const parsed = await parseText(
      edit(plain, /<AttachmentName>[^<]*<\/AttachmentName>\s*<Description>[^<]*<\/Description>/, ''),
    )
    expect(parsed.warnings).toEqual([])
    expect(edoc(parsed).attachments).toEqual(expected.attachments)
  })
})

describe('fields', () => {
  it('uses defaults for missing optional blocks, with warnings', async () => {
    const parsed = await parseText(
      [
        /<edXML:SignerInfo>[\s\S]*<\/edXML:SignerInfo>/,
        /<edXML:OtherInfo>[\s\S]*<\/edXML:OtherInfo>/,
        /<edXML:Content>[^<]*<\/edXML:Content>/,
        /<edXML:TraceHeaderList>[\s\S]*<\/edXML:TraceHeaderList>/,
      ].reduce((text, pattern) => edit(text, pattern, ''), plain),
    )
    expect(parsed.warnings.map((w) => w.path)).toEqual([
      'MessageHeader/Content',
      'MessageHeader/SignerInfo',
      'MessageHeader/OtherInfo',
      'TraceHeaderList',
      'TraceHeaderList/Bussiness',
    ])
    const p = edoc(parsed)
    expect(p.header.signerInfo).toEqual({ competence: '', position: '', fullName: '' })
    expect(p.header.otherInfo).toEqual({
      priority: 0,
      sphereOfPromulgation: '',
      typerNotation: '',
      promulgationAmount: 0,
      pageAmount: 0,
      appendixes: [],
    })
    expect(p.header.content).toBe('')
    expect(p.traceHeaders).toEqual([])
    expect(p.business).toEqual({
      documentId: null,
      type: 0,
      reason: '',
      paper: 0,
      staffInfo: {},
      replacementInfo: [],
    })
  })

  it('merges duplicate recipients', async () => {
    const to = /<edXML:To>[\s\S]*?<\/edXML:To>/.exec(plain)![0]
    const parsed = await parseText(edit(plain, to, to + to))
    expect(codes(parsed)).toEqual(['DUPLICATE_RECIPIENT'])
    expect(edoc(parsed).header.to).toEqual(expected.header.to)
  })

  it('keeps over-long values with warnings', async () => {
    const input = letter([{ ...pdfFile(10, 'x'), name: `${'t'.repeat(250)}.pdf` }])
    input.header.subject = 'S'.repeat(600)
    input.header.content = 'C'.repeat(501)
    input.header.toPlaces = ['P'.repeat(151)]
    input.header.otherInfo.appendixes = ['A'.repeat(251)]
    const parsed = await parseEdxml(await buildEdoc(input))
    expect(codes(parsed)).toEqual(['TOO_LONG', 'TOO_LONG', 'TOO_LONG', 'TOO_LONG', 'TOO_LONG'])
    const p = edoc(parsed)
    expect([p.header.subject.length, p.header.content.length, p.header.toPlaces[0]!.length]).toEqual([
      600, 501, 151,
    ])
    expect([p.header.otherInfo.appendixes[0]!.length, p.attachments[0]!.name.length]).toEqual([251, 254])
  })

  it('notes a DigitalSignature placeholder (no signature)', async () => {
    const parsed = await parseText(
      edit(plain, '</edXML:TraceHeaderList>', '</edXML:TraceHeaderList><edXML:DigitalSignature/>'),
    )
    expect(codes(parsed)).toEqual(['SIGNATURE_PLACEHOLDER'])
    expect(parsed.signature).toEqual({ state: 'absent' })
  })

  it('ignores unknown elements with warnings', async () => {
    const parsed = await parseText(
      edit(
        edit(plain, '<edXML:Subject>', '<edXML:Urgency>Khẩn</edXML:Urgency><edXML:Subject>'),
        '</edXML:edXMLEnvelope>',
        '</edXML:edXMLEnvelope><Extra><Deep/></Extra>',
      ),
    )
    expect(parsed.warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'UNKNOWN_ELEMENT edXML/Extra',
      'UNKNOWN_ELEMENT MessageHeader/Urgency',
    ])
    expect(parsed.package).toEqual(expected)
  })

  it('uses the first of duplicated single elements', async () => {
    const parsed = await parseText(
      edit(plain, '<edXML:Subject>', '<edXML:Subject>Trích yếu đầu</edXML:Subject><edXML:Subject>'),
    )
    expect(codes(parsed)).toEqual(['DUPLICATE_ELEMENT'])
    expect(edoc(parsed).header.subject).toBe('Trích yếu đầu')
  })

  it('reads a non-numeric number as 0 with a warning', async () => {
    const parsed = await parseText(edit(plain, /<edXML:Priority>\d+</, '<edXML:Priority>cao<'))
    expect(codes(parsed)).toEqual(['BAD_NUMBER'])
    expect(edoc(parsed).header.otherInfo.priority).toBe(0)
  })

  it('reads CDATA and character references exactly', async () => {
    const parsed = await parseText(
      edit(plain, /<edXML:Subject>[^<]*</, '<edXML:Subject><![CDATA[a <b> & "c"]]>&#x1F600;&amp;&lt;<'),
    )
    expect(edoc(parsed).header.subject).toBe('a <b> & "c"😀&<')
  })
})
