/** Independent checks with poppler: pdfsig validates the signatures, pdftoppm shows the appearances. */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoSealImage, demoSignatureImage, openP12Signer, signPdf } from './index.ts'
import { LEADER, letterPdf, ORGANIZATION, PIN, testPki, type TestPki } from './test-fixtures.ts'

const hasPoppler =
  spawnSync('pdfsig', ['-v']).status === 0 && spawnSync('certutil', ['-H']).error === undefined
if (!hasPoppler)
  console.warn(
    'pdfsig or certutil not installed (apt poppler-utils libnss3-tools): independent checks skipped',
  )

let dir: string
let pki: TestPki
let sealed: Uint8Array
let attachment: Uint8Array

beforeAll(async () => {
  if (!hasPoppler) return
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfsig-'))
  pki = await testPki()
  const leader = openP12Signer(pki.people.leader!.p12, PIN)
  const organization = openP12Signer(pki.people.organization!.p12, PIN)
  const letter = await letterPdf()
  const now = new Date()
  const first = await signPdf(letter, leader, {
    appearance: {
      kind: 'approval',
      signerName: LEADER.name,
      signerTitle: LEADER.title,
      imagePng: demoSignatureImage(LEADER.name),
    },
    reason: 'Phê duyệt',
    location: 'Hà Nội',
    signingTime: now,
  })
  sealed = (
    await signPdf(first.pdf, organization, {
      appearance: { kind: 'seal', imagePng: demoSealImage(ORGANIZATION) },
      reason: 'Phát hành',
      location: 'Hà Nội',
      signingTime: now,
    })
  ).pdf
  attachment = (
    await signPdf(letter, organization, {
      appearance: { kind: 'attachment', text: '15/UBMC-VP\n2026-11-22T10:15:00+07:00' },
      reason: 'Phát hành',
      location: 'Hà Nội',
      signingTime: now,
    })
  ).pdf
  fs.writeFileSync(path.join(dir, 'ca.pem'), pki.rootCertificatePem)
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password'])
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${dir}`,
    '-n',
    'CA',
    '-t',
    'CT,C,C',
    '-i',
    path.join(dir, 'ca.pem'),
  ])
})

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

function pdfsig(pdf: Uint8Array): string {
  const file = path.join(dir, `f${Date.now()}.pdf`)
  fs.writeFileSync(file, pdf)
  return execFileSync('pdfsig', ['-nssdir', `sql:${dir}`, file], { encoding: 'utf8' })
}

/** Share of non-white pixels of page `page` inside `rect` (PDF points), rendered at 50 dpi. */
function ink(
  pdf: Uint8Array,
  page: number,
  rect: [number, number, number, number],
  pageHeight = 841.89,
): number {
  const file = path.join(dir, 'render.pdf')
  fs.writeFileSync(file, pdf)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    path.join(dir, 'render'),
  ])
  const image = PNG.sync.read(fs.readFileSync(path.join(dir, 'render.png')))
  const k = 50 / 72
  let inked = 0
  let total = 0
  for (let y = Math.floor((pageHeight - rect[3]) * k); y < (pageHeight - rect[1]) * k; y++) {
    for (let x = Math.floor(rect[0] * k); x < rect[2] * k; x++) {
      const i = (y * image.width + x) * 4
      total++
      if (image.data[i]! < 200 || image.data[i + 1]! < 200 || image.data[i + 2]! < 200) inked++
    }
  }
  return inked / total
}

describe.skipIf(!hasPoppler)('poppler', () => {
  it('pdfsig finds every signature valid and trusted (leader, then seal)', () => {
    const out = pdfsig(sealed)
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2)
    expect(out.match(/Certificate is Trusted\./g)).toHaveLength(2)
    expect(out).toContain('ETSI.CAdES.detached')
    expect(out).toContain(`Signer Certificate Common Name: ${LEADER.name}`)
  })

  it('pdfsig finds the attachment signature valid and trusted', () => {
    const out = pdfsig(attachment)
    expect(out).toContain('Signature is Valid.')
    expect(out).toContain('Certificate is Trusted.')
  })

  it('pdfsig sees a changed byte', () => {
    const tampered = new Uint8Array(sealed)
    tampered[300] = tampered[300]! ^ 0x01
    expect(pdfsig(tampered)).not.toContain('Signature is Valid.')
  })

  it('renders the signature image, the seal and the attachment text', async () => {
    const letter = await letterPdf()
    const blank = ink(letter, 2, [300, 130, 540, 230])
    expect(ink(sealed, 2, [300, 130, 540, 230])).toBeGreaterThan(blank + 0.05)
    const corner: [number, number, number, number] = [480, 785, 552, 813]
    expect(ink(letter, 1, corner)).toBeLessThan(0.01)
    expect(ink(attachment, 1, corner)).toBeGreaterThan(0.05)
  })
})
