/** The sample package (fixtures/, written by `npm run edxml -- build-sample`) as a regression fixture; the CLI core; wire dates. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  inspectPackage,
  inspectRoute,
  parseEdxml,
  readWireDate,
  readWireTimestamp,
  toWireTimestamp,
  type EdocPackage,
} from './index.ts'
import { SAMPLE_DOCUMENT_ID, SAMPLE_FROM, sampleEdoc } from './sample.ts'
import { bytesOf, utf8 } from './test-support.ts'

const fixture = new Uint8Array(readFileSync(new URL('./fixtures/sample-edoc.edxml', import.meta.url)))
/** SHA-256 of the sample PDF inside the fixture's zip. */
const PDF_SHA256 = 'db334ff976754afa6d5b5501844a78a147cde40e40011809f68482aa61860656'

describe('the sample package fixture', () => {
  it('parses to the sample letter with a valid signature and the unzipped PDF', async () => {
    const parsed = await parseEdxml(fixture)
    expect(parsed.warnings).toEqual([])
    expect(parsed.signature).toMatchObject({
      state: 'valid',
      certificate: { commonName: 'Ủy ban sông Mê Công Việt Nam' },
    })
    const p = parsed.package as EdocPackage
    const sample = sampleEdoc(new Date(), [])
    expect(p.header).toEqual(sample.header)
    expect(p.business).toEqual(sample.business)
    expect(p.traceHeaders).toEqual([{ organId: SAMPLE_FROM, timestamp: expect.any(Date) }])
    expect(p.attachments).toHaveLength(1)
    const [pdf] = p.attachments
    expect(pdf).toMatchObject({
      name: '45-UBMC-VP.pdf',
      contentType: 'application/pdf',
      zipped: true,
      sha256: PDF_SHA256,
    })
    expect(Buffer.from(pdf!.data.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  })

  it('is carried zipped and signed as documented', () => {
    const text = utf8(fixture)
    expect(text).toContain('<edXML:ContentType>application/zip</edXML:ContentType>')
    expect(text).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">')
    expect(text).toMatch(/<Reference URI="cid:[0-9a-f-]+">/)
  })

  it('routes from the issuer to both recipients', async () => {
    expect(await inspectRoute(fixture)).toEqual({
      kind: 'edoc',
      from: SAMPLE_FROM,
      to: ['000.00.00.G22', '000.00.00.H41'],
      documentId: SAMPLE_DOCUMENT_ID,
      businessType: 0,
    })
  })
})

describe('inspectPackage (the CLI core)', () => {
  it('reports header, business, attachments without bytes, signature and warnings', async () => {
    const report = await inspectPackage(fixture)
    if ('error' in report) throw new Error(report.error.message)
    expect(report).toMatchObject({
      kind: 'edoc',
      header: { documentId: SAMPLE_DOCUMENT_ID, subject: expect.stringContaining('thủy văn') },
      business: { type: 0, reason: 'Văn bản điện tử mới' },
      attachments: [
        {
          name: '45-UBMC-VP.pdf',
          contentType: 'application/pdf',
          sha256: PDF_SHA256,
          zipped: true,
          size: expect.any(Number),
        },
      ],
      signature: {
        state: 'valid',
        certificate: {
          subject: expect.stringContaining('CN=Ủy ban sông Mê Công Việt Nam'),
          serialNumber: expect.stringMatching(/^[0-9A-F]+$/),
        },
      },
      warnings: [],
    })
    expect(JSON.stringify(report)).not.toContain('"data"')
    expect(JSON.parse(JSON.stringify(report))).toMatchObject({
      signature: { certificate: { notAfter: expect.stringMatching(/^\d{4}-/) } },
    })
  })

  it('reports a tampered package as parsed with an invalid signature', async () => {
    const report = await inspectPackage(bytesOf(utf8(fixture).replace('Hàng Tre', 'Hàng Bè')))
    expect(report).toMatchObject({
      kind: 'edoc',
      signature: { state: 'invalid', reason: expect.stringContaining('edXMLHeader') },
    })
  })

  it('reports an unusable package as an error with code, message and path', async () => {
    expect(await inspectPackage(bytesOf('<edXML/>'))).toEqual({
      error: { code: 'NOT_EDXML', message: 'Gói tin thiếu edXMLEnvelope/edXMLHeader', path: null },
    })
    const missing = await inspectPackage(
      bytesOf(utf8(fixture).replace(/<edXML:Subject>[^<]*/, '<edXML:Subject>')),
    )
    expect(missing).toMatchObject({ error: { code: 'MISSING_FIELD', path: 'MessageHeader/Subject' } })
  })
})

describe('wire dates', () => {
  it('reads the canonical and the legacy forms', () => {
    expect(readWireDate('2026/03/12')).toEqual({ iso: '2026-03-12', isCanonical: true })
    expect(readWireDate(' 12/03/2026 ')).toEqual({ iso: '2026-03-12', isCanonical: false })
    expect(readWireDate('2026-03-12')).toEqual({ iso: '2026-03-12', isCanonical: false })
    expect(readWireDate('2026/3/5')).toEqual({ iso: '2026-03-05', isCanonical: false })
    expect(readWireDate('2026/03/12 00:00:00')).toEqual({ iso: '2026-03-12', isCanonical: false })
    for (const bad of ['2026/02/29', '2026/13/01', '31/04/2026', 'ngày 12', '2026/03/12x', ''])
      expect(readWireDate(bad)).toBeNull()
  })

  it('reads timestamps as Vietnam time unless a zone is given', () => {
    expect(readWireTimestamp('2026/03/12 10:04:05')).toEqual({
      instant: new Date('2026-03-12T03:04:05Z'),
      isCanonical: true,
    })
    expect(readWireTimestamp('12/03/2026 10:04:05')?.instant).toEqual(new Date('2026-03-12T03:04:05Z'))
    expect(readWireTimestamp('2026-03-12T10:04:05.250+07:00')?.instant).toEqual(
      new Date('2026-03-12T03:04:05.250Z'),
    )
    expect(readWireTimestamp('2026-03-12T03:04:05Z')).toEqual({
      instant: new Date('2026-03-12T03:04:05Z'),
      isCanonical: false,
    })
    expect(readWireTimestamp('2026/03/12')?.instant).toEqual(new Date('2026-03-11T17:00:00Z'))
    expect(readWireTimestamp('2026/03/12 24:00:00')).toBeNull()
  })

  it('writes Vietnam wall-clock time across midnight UTC', () => {
    expect(toWireTimestamp(new Date('2026-12-31T18:30:59.900Z'))).toBe('2027/01/01 01:30:59')
  })
})
