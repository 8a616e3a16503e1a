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
  findSignatureBlock,
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

type Rate = { perSecond: number; cpuMs: number }

/** Operations per second (wall clock) and CPU ms per operation over `count` runs after `warmup` untimed ones. */
async function measure(count: number, run: () => Promise<unknown>, warmup = 3): Promise<Rate> {
  for (let i = 0; i < warmup; i++) await run()
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let i = 0; i < count; i++) await run()
  const wall = performance.now() - start
  const used = process.cpuUsage(cpu)
  return { perSecond: (count * 1000) / wall, cpuMs: (used.user + used.system) / 1000 / count }
}

async function rate(count: number, run: () => Promise<unknown>, warmup = 3): Promise<number> {
  return (await measure(count, run, warmup)).perSecond
}

/** Measured before the rework (same bench, this machine, several runs): the range seen. */
const BEFORE = {
  approval: '6.5–15/s',
  seal: '14–60/s',
  attachment: '16–37/s',
  cold: '11–41/s',
}

function verdict(r: Rate, target: number, before: string): string {
  const perCore = 1000 / r.cpuMs
  return `cpu ${r.cpuMs.toFixed(2)} ms = ${perCore.toFixed(0)}/s per core; ${perCore >= target ? 'OK' : 'BELOW'} target ${target}/s; before ${before}`
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
  console.log(`${label.padEnd(64)} ${value.toFixed(1).padStart(10)} ${unit}${extra ? `  ${extra}` : ''}`)
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
const hint = await findSignatureBlock(pdf, { signerName: LEADER.name, signerTitle: LEADER.title })
const hintMs = (await measure(10, () => findSignatureBlock(pdf, { signerName: LEADER.name }))).cpuMs
const signRates: [string, Signer, Uint8Array, SignOptions, string][] = [
  ['approval (block read from the page text; handwritten image)', leader, pdf, approval, BEFORE.approval],
  [
    'approval with placementHint (block found when stored)',
    leader,
    pdf,
    { ...approval, placementHint: hint },
    BEFORE.approval,
  ],
  ['seal over the approval signature (incremental)', organization, approved, seal, BEFORE.seal],
  ['attachment (text, cached Liberation Serif subset)', organization, pdf, attachment, BEFORE.attachment],
]
for (const [label, signer, input, opts, before] of signRates) {
  const r = await measure(30, () => signPdf(input, signer, opts))
  line(
    `sign: ${label}`,
    r.perSecond,
    'sign/s',
    `${verdict(r, 20, before)}; ×${(r.perSecond / stock).toFixed(1)} stock`,
  )
}
line('findSignatureBlock (once per stored version), CPU', hintMs, 'ms')
const c2 = await concurrentRate(30, 2, () => signPdf(approved, organization, seal))
line('sign: seal, 2 concurrent in one process', c2, 'sign/s')

console.log('\n-- verification of the 2-signature file (target ≥ 1,000/s per core with caching)')
const coldRate = await measure(50, () => verifyPdf(sealed, { trustedRoots: roots }))
line(
  'verify cold (no result cache: hash, CMS, RSA, chain, revisions)',
  coldRate.perSecond,
  'verify/s',
  `cpu ${coldRate.cpuMs.toFixed(2)} ms = ${(1000 / coldRate.cpuMs).toFixed(0)}/s per core (SHA-256 of the file: ${(1000 / sha).toFixed(2)} ms); before ${BEFORE.cold}`,
)
const cache = createVerificationCache(1000)
const sha256 = createHash('sha256').update(sealed).digest('hex')
const warmHash = await measure(200, () => verifyPdf(sealed, { trustedRoots: roots, cache }))
line(
  'verify warm (cache, file hashed each call)',
  warmHash.perSecond,
  'verify/s',
  verdict(warmHash, 1000, '~900/s'),
)
const warm = await measure(20_000, () => verifyPdf(sealed, { trustedRoots: roots, cache, sha256 }))
line(
  'verify warm (cache + caller-known SHA-256, as for blobs)',
  warm.perSecond,
  'verify/s',
  verdict(warm, 1000, '18k–63k/s'),
)
const chainsOnly = createVerificationCache(1000)
const semi = await measure(50, async () => {
  const fresh = createVerificationCache(1000)
  Object.assign(fresh, { chains: chainsOnly.chains, certificates: chainsOnly.certificates })
  return verifyPdf(sealed, { trustedRoots: roots, cache: fresh, sha256 })
})
line(
  'verify new file, chains cached (no whole-result hit)',
  semi.perSecond,
  'verify/s',
  verdict(semi, 1000, '~50/s'),
)
