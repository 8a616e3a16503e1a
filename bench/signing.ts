/**
 * PAdES signing and verification throughput on a ~1 MB PDF (issue 4 targets: ≥ 20 signatures/s
 * with software keys, ≥ 1,000 verifications/s per core with caching), against baselines measured
 * in the same run: a plain SHA-256 of the same bytes and @signpdf's stock flow (pdf-lib
 * placeholder + full save + P12Signer on node-forge).
 *
 *   npx tsx bench/signing.ts
 */
import { createHash } from 'node:crypto'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import { PDFDocument } from 'pdf-lib'
import {
  createVerificationCache,
  demoSealImage,
  demoSignatureImage,
  openP12Signer,
  signPdf,
  verifyPdf,
  type Signer,
  type SignOptions,
} from '../src/server/platform/signing/index.ts'
import {
  LEADER,
  letterPdf,
  ORGANIZATION,
  PIN,
  testPki,
} from '../src/server/platform/signing/test-fixtures.ts'

const MB = 1024 * 1024

/** Operations per second over `count` runs after `warmup` untimed ones. */
async function rate(count: number, run: () => Promise<unknown>, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await run()
  const start = performance.now()
  for (let i = 0; i < count; i++) await run()
  return (count * 1000) / (performance.now() - start)
}

async function concurrentRate(count: number, lanes: number, run: () => Promise<unknown>): Promise<number> {
  await run()
  const start = performance.now()
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let i = 0; i < count / lanes; i++) await run()
    }),
  )
  return (count * 1000) / (performance.now() - start)
}

function line(label: string, value: number, unit: string, extra = ''): void {
  console.log(`${label.padEnd(58)} ${value.toFixed(1).padStart(10)} ${unit}${extra ? `  ${extra}` : ''}`)
}

const pdf = await letterPdf({ pages: 10, noiseBytes: 0.95 * MB })
console.log(`PDF: ${(pdf.length / MB).toFixed(2)} MB, 10 pages, Vietnamese text + incompressible image`)
const pki = await testPki()
const t0 = performance.now()
const leader = openP12Signer(pki.people.leader!.p12, PIN)
const openMs = performance.now() - t0
const organization = openP12Signer(pki.people.organization!.p12, PIN)
const roots = [pki.rootCertificateDer]
const now = new Date()
const options = (appearance: SignOptions['appearance']): SignOptions => ({
  appearance,
  reason: 'Phê duyệt',
  location: 'Hà Nội',
  signingTime: now,
})
const approval = options({
  kind: 'approval',
  signerName: LEADER.name,
  signerTitle: LEADER.title,
  imagePng: demoSignatureImage(LEADER.name),
})
const seal = options({ kind: 'seal', imagePng: demoSealImage(ORGANIZATION) })
const attachment = options({ kind: 'attachment', text: '15/UBMC-VP\n2026-11-22T10:15:00+07:00' })
const approved = (await signPdf(pdf, leader, approval)).pdf
const sealed = (await signPdf(approved, organization, seal)).pdf

console.log('\n-- baselines')
const sha = await rate(200, async () => createHash('sha256').update(pdf).digest())
line('SHA-256 of the 1 MB file', sha, '/s')
const stock = await rate(
  5,
  async () => {
    const doc = await PDFDocument.load(pdf)
    pdflibAddPlaceholder({ pdfDoc: doc, reason: 'x', contactInfo: 'x', name: 'x', location: 'x' })
    // P12Signer consumes its buffer: one per signature, as a request handler would.
    const stockSigner = new P12Signer(Buffer.from(pki.people.leader!.p12), { passphrase: PIN })
    return new SignPdf().sign(Buffer.from(await doc.save({ useObjectStreams: false })), stockSigner)
  },
  1,
)
line('@signpdf stock sign (placeholder + save + forge P12Signer)', stock, 'sign/s')

console.log(
  `\n-- signing (target ≥ 20/s); opening the PKCS#12 with the PIN: ${openMs.toFixed(0)} ms once per session`,
)
const signRates: [string, Signer, Uint8Array, SignOptions][] = [
  ['approval (pdfjs finds the block; handwritten image)', leader, pdf, approval],
  ['seal over the approval signature (incremental)', organization, approved, seal],
  ['attachment (text, embedded Liberation Serif subset)', organization, pdf, attachment],
]
for (const [label, signer, input, opts] of signRates) {
  const r = await rate(30, () => signPdf(input, signer, opts))
  line(`sign: ${label}`, r, 'sign/s', `${r >= 20 ? 'OK' : 'BELOW'} target; ×${(r / stock).toFixed(1)} stock`)
}
const c2 = await concurrentRate(30, 2, () => signPdf(approved, organization, seal))
line('sign: seal, 2 concurrent in one process', c2, 'sign/s')

console.log('\n-- verification of the 2-signature file (target ≥ 1,000/s per core with caching)')
const cold = await rate(50, () => verifyPdf(sealed, { trustedRoots: roots }))
line(
  'verify cold (no cache: hash, CMS, RSA, chain, revisions)',
  cold,
  'verify/s',
  `= ${(cold / sha).toFixed(2)} × SHA-256 rate`,
)
const cache = createVerificationCache(1000)
const sha256 = createHash('sha256').update(sealed).digest('hex')
const warmHash = await rate(200, () => verifyPdf(sealed, { trustedRoots: roots, cache }))
line('verify warm (cache, file hashed each call)', warmHash, 'verify/s', warmHash >= 1000 ? 'OK' : 'BELOW')
const warm = await rate(20_000, () => verifyPdf(sealed, { trustedRoots: roots, cache, sha256 }))
line(
  'verify warm (cache + caller-known SHA-256, as for blobs)',
  warm,
  'verify/s',
  warm >= 1000 ? 'OK' : 'BELOW',
)
const chainsOnly = createVerificationCache(1000)
const semi = await rate(50, async () => {
  const fresh = createVerificationCache(1000)
  Object.assign(fresh, { chains: chainsOnly.chains, certificates: chainsOnly.certificates })
  return verifyPdf(sealed, { trustedRoots: roots, cache: fresh, sha256 })
})
line('verify new file, chains cached (no whole-result hit)', semi, 'verify/s')
