import { createHash } from 'node:crypto'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib'
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildUpdate } from './incremental.ts'
import {
  createDemoPki,
  createVerificationCache,
  demoSealImage,
  demoSignatureImage,
  openP12Signer,
  signPdf,
  SigningError,
  verifyPdf,
  type Signer,
  type SignOptions,
} from './index.ts'
import { readTail } from './pdf-syntax.ts'
import { BLOCK, LEADER, letterPdf, ORGANIZATION, PIN, testPki, type TestPki } from './test-fixtures.ts'

let pki: TestPki
let leader: Signer
let organization: Signer
let letter: Uint8Array
let roots: Uint8Array[]
const signingTime = new Date('2026-11-22T03:15:00Z')

const approval = (): SignOptions => ({
  appearance: {
    kind: 'approval',
    signerName: LEADER.name,
    signerTitle: LEADER.title,
    imagePng: demoSignatureImage(LEADER.name),
  },
  reason: 'Phê duyệt văn bản',
  location: 'Hà Nội',
  signingTime,
})
const seal = (): SignOptions => ({
  appearance: { kind: 'seal', imagePng: demoSealImage(ORGANIZATION) },
  reason: 'Phát hành văn bản',
  location: 'Hà Nội',
  signingTime: new Date(signingTime.getTime() + 60_000),
})

beforeAll(async () => {
  pki = await testPki(signingTime)
  leader = openP12Signer(pki.people.leader!.p12, PIN, signingTime)
  organization = openP12Signer(pki.people.organization!.p12, PIN, signingTime)
  letter = await letterPdf()
  roots = [pki.rootCertificateDer]
})

describe('signPdf + verifyPdf', () => {
  it('signs as PAdES B-B and verifies valid, the image between the title and the name', async () => {
    const { pdf, placement } = await signPdf(letter, leader, approval())
    expect(placement.page).toBe(2)
    expect(placement.usedFallback).toBe(false)
    const [, y1, , y2] = placement.rect
    expect(y1).toBeGreaterThan(BLOCK.nameBaseline + BLOCK.nameSize * 0.5)
    expect(y2).toBeLessThan(BLOCK.titleBaseline)
    expect(Buffer.compare(pdf.subarray(0, letter.length), letter)).toBe(0) // incremental: the original stays
    const result = await verifyPdf(pdf, { trustedRoots: roots })
    expect(result).toMatchObject({ isSigned: true, isValid: true })
    expect(result.signatures[0]).toMatchObject({
      fieldName: 'approval-1',
      signerName: LEADER.name,
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Phê duyệt văn bản',
      location: 'Hà Nội',
      signingTime: signingTime.toISOString(),
      isIntact: true,
      coversWholeDocument: true,
      isChainTrusted: true,
      isCertificateValidAtSigningTime: true,
      problems: [],
    })
  })

  it('stores Vietnamese Reason and Location as UTF-16BE hex strings', async () => {
    const { pdf } = await signPdf(letter, leader, approval())
    const text = Buffer.from(pdf).toString('latin1')
    const hex = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`
    expect(text).toContain(`/Reason ${hex('Phê duyệt văn bản')}`)
    expect(text).toContain(`/Location ${hex('Hà Nội')}`)
    expect(text).toContain('/SubFilter/ETSI.CAdES.detached')
    expect(text).toContain("/M (D:20261122101500+07'00')")
  })

  it('detects one changed byte inside the signed range', async () => {
    const { pdf } = await signPdf(letter, leader, approval())
    const tampered = new Uint8Array(pdf)
    const at = Buffer.from(tampered).indexOf('đoạn 1.1') // text is in a compressed stream: change a raw byte instead
    const i = at >= 0 ? at : 200
    tampered[i] = tampered[i]! ^ 0x01
    const result = await verifyPdf(tampered, { trustedRoots: roots })
    expect(result.isValid).toBe(false)
    expect(result.signatures[0]!.isIntact).toBe(false)
    expect(result.signatures[0]!.problems).toContain('digest_mismatch')
  })

  it('reports untrusted_chain against another root', async () => {
    const { pdf } = await signPdf(letter, leader, approval())
    const other = await createDemoPki({
      organizationName: 'Khác',
      people: [],
      pinFor: () => PIN,
      now: signingTime,
    })
    const result = await verifyPdf(pdf, { trustedRoots: [other.rootCertificateDer] })
    expect(result.signatures[0]).toMatchObject({ isIntact: true, isChainTrusted: false, isValid: false })
    expect(result.signatures[0]!.problems).toEqual(['untrusted_chain'])
  })

  it('keeps the leader signature valid when the clerk adds the seal, the seal over its left third', async () => {
    const first = await signPdf(letter, leader, approval())
    const second = await signPdf(first.pdf, organization, seal())
    const [ax1, ay1, ax2, ay2] = first.placement.rect
    const [sx1, sy1, sx2, sy2] = second.placement.rect
    expect(second.placement.usedFallback).toBe(false)
    expect(sx2 - sx1).toBeCloseTo((36 * 72) / 25.4, 1) // real size
    expect(sx2).toBeCloseTo(ax1 + (ax2 - ax1) / 3, 1)
    expect(sx1).toBeLessThan(ax1)
    expect((sy1 + sy2) / 2).toBeCloseTo((ay1 + ay2) / 2, 1)
    const result = await verifyPdf(second.pdf, { trustedRoots: roots })
    expect(result.isValid).toBe(true)
    expect(result.signatures.map((s) => [s.fieldName, s.isIntact, s.coversWholeDocument, s.isValid])).toEqual(
      [
        ['approval-1', true, false, true],
        ['seal-1', true, true, true],
      ],
    )
    expect(result.signatures[1]!.signerName).toBe(ORGANIZATION)
  })

  it('flags an earlier signature when a later update changes page content', async () => {
    const { pdf } = await signPdf(letter, leader, approval())
    const doc = await PDFDocument.load(pdf, { updateMetadata: false })
    const tail = readTail(pdf)
    doc.context.largestObjectNumber = Math.max(
      doc.context.largestObjectNumber,
      (tail.trailer.entries.get('Size') as number) - 1,
    )
    const page = doc.getPages()[1]!
    const forged = doc.context.register(doc.context.stream('BT /F1 40 Tf 100 400 Td (FORGED) Tj ET'))
    page.node.set(PDFName.of('Contents'), forged)
    const update = buildUpdate(pdf, tail, doc.context, [page.ref, forged as PDFRef], [])
    const modified = Buffer.concat([pdf, update.bytes])
    const result = await verifyPdf(modified, { trustedRoots: roots })
    expect(result.signatures[0]).toMatchObject({ isIntact: true, coversWholeDocument: false, isValid: false })
    expect(result.signatures[0]!.problems).toEqual(['modified_after_signing'])
  })

  it('puts an attachment signature top right of page 1 as text', async () => {
    const { pdf, placement } = await signPdf(letter, organization, {
      appearance: { kind: 'attachment', text: '15/UBMC-VP\n2026-11-22T10:15:00+07:00' },
      reason: 'Phát hành',
      location: 'Hà Nội',
      signingTime,
    })
    expect(placement.page).toBe(1)
    const [x1, y1, x2, y2] = placement.rect
    expect(595.28 - x2).toBeCloseTo((15 * 72) / 25.4, 0)
    expect(841.89 - y2).toBeCloseTo((10 * 72) / 25.4, 0)
    expect(x2 - x1).toBeGreaterThan(80)
    expect(y2 - y1).toBeGreaterThan(20)
    expect(Buffer.from(pdf).toString('latin1')).toContain('/BaseFont /') // the embedded font
    expect((await verifyPdf(pdf, { trustedRoots: roots })).isValid).toBe(true)
  })

  it('falls back to the bottom right, or refuses when asked, without a signature block', async () => {
    const options = approval()
    options.appearance = { kind: 'approval', signerName: 'Trần Thị B', signerTitle: 'CHỦ TỊCH' }
    const { placement } = await signPdf(letter, leader, options)
    expect(placement.usedFallback).toBe(true)
    expect(placement.rect[0]).toBeGreaterThan(300)
    expect(placement.rect[1]).toBeLessThan(100)
    await expect(signPdf(letter, leader, { ...options, requireSignatureBlock: true })).rejects.toMatchObject({
      code: 'SIGNATURE_BLOCK_NOT_FOUND',
    })
  })

  it('refuses what is not a PDF, and encrypted PDFs', async () => {
    await expect(signPdf(new TextEncoder().encode('hello'), leader, approval())).rejects.toBeInstanceOf(
      SigningError,
    )
    await expect(signPdf(new TextEncoder().encode('hello'), leader, approval())).rejects.toMatchObject({
      code: 'NOT_A_PDF',
    })
    const plain = Buffer.from(await letterPdf({ useObjectStreams: false }))
    const encrypted = Buffer.from(
      plain.toString('latin1').replace(/trailer\s*<</, 'trailer\n<</Encrypt 1 0 R'),
      'latin1',
    )
    await expect(signPdf(encrypted, leader, approval())).rejects.toMatchObject({ code: 'ENCRYPTED_PDF' })
  })

  it('verifies a foreign adbe.pkcs7.detached signature made by @signpdf', async () => {
    const doc = await PDFDocument.load(letter)
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: 'Test',
      contactInfo: 'vp@mekong.gov.vn',
      name: 'X',
      location: 'Ha Noi',
      signingTime,
    })
    const prepared = Buffer.from(await doc.save({ useObjectStreams: false }))
    const signed = await new SignPdf().sign(
      prepared,
      new P12Signer(Buffer.from(pki.people.leader!.p12), { passphrase: PIN }),
    )
    const result = await verifyPdf(signed, { trustedRoots: roots })
    expect(result.signatures[0]!.problems).toEqual([])
    expect(result.isValid).toBe(true)
    expect(result.signatures[0]).toMatchObject({
      subFilter: 'adbe.pkcs7.detached',
      signerName: LEADER.name,
      isIntact: true,
    })
    expect(result.signatures[0]!.signingTime).not.toBeNull()
  })

  it('never throws on bad input', async () => {
    expect(await verifyPdf(new TextEncoder().encode('not a pdf'), { trustedRoots: roots })).toMatchObject({
      isSigned: false,
      isValid: false,
    })
    const { pdf } = await signPdf(letter, leader, approval())
    const broken = Buffer.from(pdf)
    const hole = broken.indexOf('/Contents <') + 11
    broken.write('DEADBEEF', hole, 'latin1')
    const result = await verifyPdf(broken, { trustedRoots: roots })
    expect(result.isValid).toBe(false)
    expect(result.signatures[0]!.problems).toEqual(['unsupported_format'])
  })

  it('answers from the cache for the same bytes and roots', async () => {
    const { pdf } = await signPdf(letter, leader, approval())
    const cache = createVerificationCache(10)
    const sha256 = createHash('sha256').update(pdf).digest('hex')
    const cold = await verifyPdf(pdf, { trustedRoots: roots, cache })
    expect(await verifyPdf(pdf, { trustedRoots: roots, cache, sha256 })).toBe(cold)
    const other = await createDemoPki({
      organizationName: 'Khác',
      people: [],
      pinFor: () => PIN,
      now: signingTime,
    })
    expect((await verifyPdf(pdf, { trustedRoots: [other.rootCertificateDer], cache, sha256 })).isValid).toBe(
      false,
    )
  })
})

describe('demo images', () => {
  it('draws a blue signature and a red seal on transparent backgrounds', () => {
    for (const [png, isColor] of [
      [demoSignatureImage(LEADER.name), (r: number, g: number, b: number) => b > 150 && r < 60 && g < 90],
      [demoSealImage(ORGANIZATION), (r: number, g: number, b: number) => r > 180 && g < 60 && b < 60],
    ] as const) {
      const image = PNG.sync.read(Buffer.from(png))
      let transparent = 0
      let inked = 0
      for (let i = 0; i < image.data.length; i += 4) {
        if (image.data[i + 3] === 0) transparent++
        else if (image.data[i + 3]! > 200 && isColor(image.data[i]!, image.data[i + 1]!, image.data[i + 2]!))
          inked++
      }
      const pixels = image.width * image.height
      expect(transparent / pixels).toBeGreaterThan(0.5)
      expect(inked / pixels).toBeGreaterThan(0.03)
    }
  })
})
