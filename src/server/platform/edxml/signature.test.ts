/** XML-DSig of packages: what we sign verifies; any tampering, swap or wrong key is reported invalid. */
import { SignedXml } from 'xml-crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { toPem } from '../signing/certificates.ts'
import { issueCertificate } from '../signing/demo-pki.ts'
import type { Signer } from '../signing/index.ts'
import { buildEdoc, parseEdxml, type ParsedEdxml } from './index.ts'
import { bytesOf, letter, pdfFile, testSigners, TEST_NOW, utf8 } from './test-support.ts'

const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#'
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'

let signer: Signer
let other: Signer
let signed: string
let unsigned: string
beforeAll(async () => {
  ;({ signer, other } = await testSigners())
  const files = [pdfFile(400, 'tep-1'), { ...pdfFile(300, 'tep-2'), name: 'phu-luc.pdf' }]
  signed = utf8(await buildEdoc(letter(files), { signer, zipAttachments: true }))
  unsigned = utf8(await buildEdoc(letter(files)))
})

function edit(
  text: string,
  pattern: string | RegExp,
  replacement: string | ((match: string) => string),
): string {
  const out =
    typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement)
  expect(out).not.toBe(text)
  return out
}
const parseText = (text: string) => parseEdxml(bytesOf(text))
const reason = (p: ParsedEdxml) =>
  p.signature.state === 'invalid' ? p.signature.reason : `state ${p.signature.state}`
/** The base64 bodies of the attachments, in order. */
const bodies = (text: string) =>
  [...text.matchAll(/<edXML:ContentTransferEncoded[^>]*>([^<]*)</g)].map((m) => m[1]!)

describe('our signatures', () => {
  it('verify, naming the certificate; header-only parsing skips them', async () => {
    const parsed = await parseText(signed)
    expect(parsed.warnings).toEqual([])
    expect(parsed.signature).toMatchObject({
      state: 'valid',
      certificate: { commonName: 'Ủy ban sông Mê Công Việt Nam' },
    })
    expect(parsed.signature.state === 'valid' && parsed.signature.certificateDer).toEqual(signer.chainDer[0])
    expect((await parseEdxml(bytesOf(signed), { headerOnly: true })).signature).toEqual({ state: 'absent' })
  })

  it('survive comments and CRLF line ends (not part of the canonical form)', async () => {
    const commented = edit(
      signed,
      '<edXML:Subject>',
      '<!-- ghi chú của văn thư --><edXML:Subject>',
    ).replaceAll('\n', '\r\n')
    expect((await parseText(commented)).signature.state).toBe('valid')
  })

  it('catch a changed header', async () => {
    const parsed = await parseText(edit(signed, '<edXML:Subject>V/v', '<edXML:Subject>V/v (sửa)'))
    expect(parsed.signature.state).toBe('invalid')
    expect(reason(parsed)).toMatch(/edXMLHeader/)
  })

  it('catch a corrupted attachment', async () => {
    const body = bodies(signed)[0]!
    const changed = body.slice(0, 40) + (body[40] === 'A' ? 'B' : 'A') + body.slice(41)
    const parsed = await parseText(signed.replace(body, changed))
    expect(reason(parsed)).toMatch(/"tep-1".*thay đổi hoặc tráo đổi/)
  })

  it('catch a renamed attachment or a changed content type (the manifest is signed)', async () => {
    const name = /<edXML:AttachmentName>([^<]+)<\/edXML:AttachmentName>/.exec(signed)![1]!
    const renamed = signed.replace(`<edXML:AttachmentName>${name}<`, `<edXML:AttachmentName>${name}.exe<`)
    expect(renamed).not.toBe(signed)
    expect(reason(await parseText(renamed))).toMatch(/edXMLManifest/)
    const retyped = signed.replace(
      /(<edXML:edXMLManifest[\s\S]*?<edXML:ContentType>)[^<]+/,
      '$1application/x-msdownload',
    )
    expect(retyped).not.toBe(signed)
    expect(reason(await parseText(retyped))).toMatch(/edXMLManifest/)
  })

  it('catch swapped attachments', async () => {
    const [a, b] = bodies(signed) as [string, string]
    const swapped = signed.replace(a, '@@A@@').replace(b, a).replace('@@A@@', b)
    expect(reason(await parseText(swapped))).toMatch(/thay đổi hoặc tráo đổi/)
  })

  it('catch an added or a removed attachment', async () => {
    const attachment = /<Attachment>[\s\S]*?<\/Attachment>/.exec(signed)![0]
    const added = edit(
      signed,
      '</AttachmentEncoded>',
      `${attachment.replaceAll('cid:tep-1', 'cid:tep-3')}</AttachmentEncoded>`,
    )
    expect(reason(await parseText(added))).toMatch(/"tep-3" không được ký/)
    const removed = edit(signed, attachment, '')
    expect(reason(await parseText(removed))).toMatch(/"tep-1" không có trong gói tin/)
  })

  it('catch a certificate that is not the signer’s', async () => {
    const otherCert = Buffer.from(other.chainDer[0]!).toString('base64')
    const parsed = await parseText(edit(signed, /<X509Certificate>[^<]*/, `<X509Certificate>${otherCert}`))
    expect(parsed.signature).toMatchObject({
      state: 'invalid',
      reason: 'Chữ ký số không khớp với chứng thư số kèm theo',
    })
  })

  it('report garbage instead of throwing', async () => {
    const cases = [
      edit(signed, /<SignatureValue>[^<]*/, '<SignatureValue>AAAA'),
      edit(signed, /<SignatureValue>[^<]*/, '<SignatureValue>***'),
      edit(signed, /<X509Certificate>[^<]*/, '<X509Certificate>MIIFqTCCBJG'),
      edit(signed, /<KeyInfo>[\s\S]*<\/KeyInfo>/, ''),
      edit(signed, 'xmldsig-more#rsa-sha256', 'xmldsig-more#rsa-md5'),
      edit(signed, 'Reference URI=""', 'Reference URI="http://example.invalid/"'),
      edit(signed, /<SignedInfo>[\s\S]*<\/SignedInfo>/, ''),
    ]
    for (const text of cases) expect((await parseText(text)).signature.state).toBe('invalid')
  })

  it('are skipped by header-only reads, which still agree with full reads on odd layouts', async () => {
    const layouts = [
      signed,
      edit(signed, '<Signature ', '<!-- <Signature> --><Signature '),
      edit(signed, '</KeyInfo>', '</KeyInfo><Object><Signature>x</Signature></Object>'),
      edit(signed, /<Signature [\s\S]*<\/Signature>/, (m: string) => `<!-- ${m.replaceAll('--', '')} -->`),
      edit(signed, '</edXML:TraceHeaderList>', '</edXML:TraceHeaderList><edXML:Note>Signature</edXML:Note>'),
    ]
    for (const text of layouts) {
      const full = await parseText(text)
      const quick = await parseEdxml(bytesOf(text), { headerOnly: true })
      expect(quick.package).toEqual({ ...full.package, attachments: [] })
      expect(quick.warnings).toEqual(full.warnings.filter((w) => w.code !== 'WEAK_ALGORITHM'))
    }
  })

  it('are absent once removed', async () => {
    const stripped = edit(signed, /<Signature [\s\S]*<\/Signature>/, '')
    expect((await parseText(stripped)).signature).toEqual({ state: 'absent' })
  })
})

describe('signatures from other producers', () => {
  const issued = issueCertificate({
    subject: { commonName: 'Sở Nội vụ tỉnh X', organizationName: 'UBND tỉnh X' },
    notBefore: TEST_NOW,
    notAfter: new Date(TEST_NOW.getTime() + 365 * 86400_000),
  })

  function signWithXmlCrypto(xml: string, options: { sha1?: boolean; emptyUri?: boolean } = {}): string {
    const sig = new SignedXml({
      privateKey: issued.key.export({ type: 'pkcs8', format: 'pem' }),
      publicCert: toPem(issued.der),
      signatureAlgorithm: options.sha1
        ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'
        : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: EXC,
    })
    sig.addReference({
      xpath: '/*',
      transforms: [ENVELOPED, EXC],
      digestAlgorithm: options.sha1
        ? 'http://www.w3.org/2000/09/xmldsig#sha1'
        : 'http://www.w3.org/2001/04/xmlenc#sha256',
      isEmptyUri: options.emptyUri ?? true,
    })
    sig.computeSignature(xml, {
      location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' },
    })
    return sig.getSignedXml()
  }

  it('verify a standard whole-document signature (xml-crypto, URI="")', async () => {
    const parsed = await parseText(signWithXmlCrypto(unsigned))
    expect(parsed.warnings).toEqual([])
    expect(parsed.signature).toMatchObject({
      state: 'valid',
      certificate: { commonName: 'Sở Nội vụ tỉnh X' },
    })
  })

  it('verify a reference by Id, and RSA-SHA1 with a warning', async () => {
    const parsed = await parseText(signWithXmlCrypto(unsigned, { sha1: true, emptyUri: false }))
    expect(parsed.signature.state).toBe('valid')
    expect(parsed.warnings.map((w) => w.code)).toEqual(['WEAK_ALGORITHM', 'WEAK_ALGORITHM'])
  })

  it('catch a changed attachment under a whole-document signature', async () => {
    const text = signWithXmlCrypto(unsigned)
    const body = bodies(text)[1]!
    const parsed = await parseText(
      text.replace(
        body,
        body.replace(/[A-Z]/, (c) => (c === 'Q' ? 'R' : 'Q')),
      ),
    )
    expect(reason(parsed)).toMatch(/edXMLHeader/)
  })

  it('report an SDK-style signature (edXML namespace, placeholder certificate) as invalid', async () => {
    const sdk = edit(
      unsigned,
      '</edXML:TraceHeaderList>',
      `</edXML:TraceHeaderList>
      <Signature><SignedInfo>
        <CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315" />
        <SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1" />
        <Reference URI=""><Transforms><Transform Algorithm="${ENVELOPED}" /><Transform Algorithm="http://www.w3.org/TR/xml-exc-c14n#" /></Transforms>
          <DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1" /><DigestValue>FwgIqsSYJshUS2+wlOM61L+q7Aw=</DigestValue></Reference>
      </SignedInfo><SignatureValue>GbVb8n9+qFxz466Ag0sbpVdLPs2R0+9JBekp12UyarA=</SignatureValue>
      <KeyInfo><X509Data><X509SubjectName>CN=user05</X509SubjectName><X509Certificate>MIIFqTCCBJG</X509Certificate></X509Data></KeyInfo></Signature>`,
    )
    const parsed = await parseText(sdk)
    expect(parsed.signature).toEqual({
      state: 'invalid',
      reason: 'Không đọc được chứng thư số (RSA) kèm theo chữ ký',
      certificateDer: expect.any(Uint8Array),
    })
    expect(parsed.warnings.map((w) => w.code)).toEqual(['SIGNATURE_NAMESPACE', 'WEAK_ALGORITHM'])
  })
})
