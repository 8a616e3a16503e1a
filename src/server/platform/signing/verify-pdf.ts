/**
 * Verifying every signature of a PDF against the trusted roots: integrity of the signed bytes,
 * the CMS signature, the certificate path, validity at signing time, and what later incremental
 * updates changed. Reads the raw bytes directly; results are cached by the file's SHA-256.
 */
import { createHash } from 'node:crypto'
import { LruMap } from './cache.ts'
import { parseCertificateDer, type CertificateInfo, type ParsedCertificate } from './certificates.ts'
import { digestOf, hashName, parseCms, verifySignature, type ParsedCms } from './cms-read.ts'
import { findLaterChanges } from './revisions.ts'
import {
  bytesOfString,
  isDict,
  isRef,
  nameOf,
  parseObjectAt,
  textOf,
  type PdfDict,
  type PdfObject,
} from './pdf-syntax.ts'
import { buildChain, trustedRoots, type ChainResult } from './trust.ts'

export type SignatureProblem =
  | 'digest_mismatch'
  | 'signature_invalid'
  | 'untrusted_chain'
  | 'certificate_expired_at_signing'
  | 'certificate_not_yet_valid_at_signing'
  | 'unsupported_format'
  | 'modified_after_signing'

export type SignatureReport = {
  fieldName: string
  signerName: string
  certificate: CertificateInfo & { issuerCommonName: string }
  /** ISO 8601 from /M (or the CMS signingTime attribute of foreign signatures). */
  signingTime: string | null
  subFilter: string
  reason: string | null
  location: string | null
  /** The signed byte range matches the CMS digest and the CMS signature verifies. */
  isIntact: boolean
  /** False for earlier signatures followed by incremental updates (normal for multi-signing). */
  coversWholeDocument: boolean
  /** The chain leads to one of the trusted roots. */
  isChainTrusted: boolean
  isCertificateValidAtSigningTime: boolean
  /** intact && trusted && valid at signing time && (coversWholeDocument || only signature/annotation updates follow). */
  isValid: boolean
  problems: SignatureProblem[]
}

export type PdfVerification = { isSigned: boolean; isValid: boolean; signatures: SignatureReport[] }

export type VerificationCache = {
  results: LruMap<string, PdfVerification>
  chains: LruMap<string, ChainResult>
  certificates: LruMap<string, ParsedCertificate>
}

/** A cache for verifyPdf: whole results by (file SHA-256, roots), chains by (certificates, roots). */
export function createVerificationCache(maxEntries = 10_000): VerificationCache {
  return {
    results: new LruMap(maxEntries),
    chains: new LruMap(maxEntries),
    certificates: new LruMap(maxEntries),
  }
}

export type VerifyOptions = {
  trustedRoots: Uint8Array[]
  now?: Date
  cache?: VerificationCache
  /** The file's SHA-256 (hex) when the caller knows it (blobs are named by it): skips hashing. */
  sha256?: string
}

const SUPPORTED = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached'])
const NOT_SIGNED: PdfVerification = Object.freeze({ isSigned: false, isValid: false, signatures: [] })

/** "D:YYYYMMDDHHmmSSOHH'mm'" to a Date. */
export function parsePdfDate(s: string | null): Date | null {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s)
  if (!m) return null
  const utc = Date.UTC(+m[1]!, +(m[2] ?? 1) - 1, +(m[3] ?? 1), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0
  return new Date(utc - sign * (+(m[8] ?? 0) * 60 + +(m[9] ?? 0)) * 60_000)
}

/** Signature dictionaries: every object holding a /ByteRange and /Contents. */
function signatureObjects(buf: Buffer): PdfObject[] {
  const out: PdfObject[] = []
  const seen = new Set<number>()
  for (let at = buf.indexOf('/ByteRange'); at >= 0; at = buf.indexOf('/ByteRange', at + 10)) {
    const objAt = buf.lastIndexOf('obj', at)
    if (objAt < 0) continue
    const head = /(\d+)\s+(\d+)\s+$/.exec(buf.toString('latin1', Math.max(0, objAt - 24), objAt))
    if (!head) continue
    const start = objAt - head[0].length
    if (seen.has(start)) continue
    seen.add(start)
    try {
      const obj = parseObjectAt(buf, start)
      if (isDict(obj.value) && obj.value.entries.has('Contents')) out.push(obj)
    } catch {
      // Not a parsable object around this /ByteRange (e.g. text inside a stream): not a signature.
      continue
    }
  }
  return out
}

/** Field names by the object number of their signature dictionary (/V). */
function fieldNames(buf: Buffer): Map<number, string> {
  const out = new Map<number, string>()
  for (let at = buf.indexOf('/FT'); at >= 0; at = buf.indexOf('/FT', at + 3)) {
    const objAt = buf.lastIndexOf('obj', at)
    const head =
      objAt >= 0 ? /(\d+)\s+(\d+)\s+$/.exec(buf.toString('latin1', Math.max(0, objAt - 24), objAt)) : null
    if (!head) continue
    try {
      const obj = parseObjectAt(buf, objAt - head[0].length)
      if (!isDict(obj.value) || nameOf(obj.value.entries.get('FT')) !== 'Sig') continue
      const v = obj.value.entries.get('V')
      const t = textOf(obj.value.entries.get('T'))
      if (isRef(v) && t) out.set(v.num, t)
    } catch {
      // A /FT inside something that is not an object we can read: no name from it.
      continue
    }
  }
  return out
}

// Parsed certificates and chain decisions depend only on their inputs (the DER bytes; the
// certificates and the roots), so they are cached per process even when the caller passes no
// cache: a new file signed by a known leader then costs no certificate parsing or chain checks.
const processCache = {
  chains: new LruMap<string, ChainResult>(1000),
  certificates: new LruMap<string, ParsedCertificate>(1000),
}

function cert(der: Uint8Array, cache?: VerificationCache): ParsedCertificate {
  const certificates = cache?.certificates ?? processCache.certificates
  const key = createHash('sha256').update(der).digest('hex')
  const hit = certificates.get(key)
  if (hit) return hit
  const parsed = parseCertificateDer(der)
  certificates.set(key, parsed)
  return parsed
}

/**
 * One SHA-256 pass over the file for every signature: the signed ranges [0, a) of the revisions
 * are prefixes of each other, so the running hash is copied at each hole and the copy finishes
 * with that signature's second range. The running hash ends as the whole file's SHA-256.
 */
function hashPass(
  buf: Buffer,
  holes: [number, number, number][],
): { file: string; ranges: Map<number, Buffer> } {
  const ranges = new Map<number, Buffer>()
  const h = createHash('sha256')
  let pos = 0
  for (const [a, b, c] of [...holes].sort((x, y) => x[0] - y[0])) {
    if (a < pos || b < a || b + c > buf.length) continue
    h.update(buf.subarray(pos, a))
    pos = a
    ranges.set(
      a * 4_294_967_296 + b,
      h
        .copy()
        .update(buf.subarray(b, b + c))
        .digest(),
    )
  }
  h.update(buf.subarray(pos))
  return { file: h.digest('hex'), ranges }
}

function holeOf(obj: PdfObject): [number, number, number] | null {
  const range = isDict(obj.value) ? obj.value.entries.get('ByteRange') : undefined
  if (!Array.isArray(range) || range.length !== 4 || !range.every((n) => typeof n === 'number')) return null
  const [z, a, b, c] = range as number[]
  return z === 0 && a! >= 0 && c! >= 0 ? [a!, b!, c!] : null
}

function findSigner(cms: ParsedCms, certs: ParsedCertificate[]): ParsedCertificate | undefined {
  const sid = cms.sid
  if ('issuer' in sid) {
    const bySerial = certs.filter((c) => Buffer.compare(c.serialTlv, sid.serial) === 0)
    // node-forge (inside @signpdf's P12Signer) re-encodes a UTF-8 issuer name twice: when the serial
    // alone is unambiguous, take that certificate; its signature check still decides.
    return (
      bySerial.find((c) => Buffer.compare(c.issuerName, sid.issuer) === 0) ??
      (bySerial.length === 1 ? bySerial[0] : undefined)
    )
  }
  return certs.find((c) => c.subjectKeyId !== null && Buffer.compare(c.subjectKeyId, sid.subjectKeyId) === 0)
}

type Context = {
  buf: Buffer
  roots: ReturnType<typeof trustedRoots>
  now: Date
  cache?: VerificationCache
  /** SHA-256 of the signed ranges, by a × 2³² + b. */
  sha256Ranges: Map<number, Buffer>
}

function emptyCertificate(): SignatureReport['certificate'] {
  return {
    subject: '',
    commonName: '',
    issuer: '',
    issuerCommonName: '',
    serialNumber: '',
    notBefore: new Date(0),
    notAfter: new Date(0),
    sha256Fingerprint: '',
  }
}

function verifyOne(
  obj: PdfObject,
  fieldName: string,
  ctx: Context,
): { report: SignatureReport; hasTime: boolean } {
  const { buf } = ctx
  const dict = obj.value as PdfDict
  const e = dict.entries
  const subFilter = nameOf(e.get('SubFilter')) ?? ''
  const mTime = parsePdfDate(textOf(e.get('M')))
  const report: SignatureReport = {
    fieldName,
    signerName: textOf(e.get('Name')) ?? '',
    certificate: emptyCertificate(),
    signingTime: mTime ? mTime.toISOString() : null,
    subFilter,
    reason: textOf(e.get('Reason')),
    location: textOf(e.get('Location')),
    isIntact: false,
    coversWholeDocument: false,
    isChainTrusted: false,
    isCertificateValidAtSigningTime: false,
    isValid: false,
    problems: [],
  }
  const range = e.get('ByteRange')
  const contents = bytesOfString(e.get('Contents'))
  const nums =
    Array.isArray(range) && range.length === 4 && range.every((n) => typeof n === 'number')
      ? (range as number[])
      : null
  // The hole must be exactly this dictionary's /Contents string, inside the file.
  if (
    !SUPPORTED.has(subFilter) ||
    !nums ||
    !contents ||
    nums[0] !== 0 ||
    nums[1]! <= obj.start ||
    nums[2]! < nums[1]! ||
    nums[2]! + nums[3]! > buf.length ||
    buf[nums[1]!] !== 0x3c ||
    buf[nums[2]! - 1] !== 0x3e
  ) {
    report.problems.push('unsupported_format')
    return { report, hasTime: mTime !== null }
  }
  const [, a, b, c] = nums as [number, number, number, number]
  report.coversWholeDocument = buf
    .subarray(b + c)
    .every((x) => x === 0x0a || x === 0x0d || x === 0x20 || x === 0x00)
  let cms: ParsedCms
  try {
    cms = parseCms(contents)
  } catch {
    // Not a CMS we can read: reported as a problem, not thrown.
    report.problems.push('unsupported_format')
    return { report, hasTime: mTime !== null }
  }
  const signingTime = mTime ?? cms.signingTime
  report.signingTime = signingTime ? signingTime.toISOString() : null
  const certs = cms.certificates.map((d) => cert(d, ctx.cache))
  const signer = findSigner(cms, certs)
  const hash = hashName(cms.digestAlgorithm)
  if (!signer || !hash) {
    report.problems.push('unsupported_format')
    return { report, hasTime: signingTime !== null }
  }
  report.certificate = signer.info
  report.signerName = signer.info.commonName || report.signerName
  const digest =
    (hash === 'sha256' ? ctx.sha256Ranges.get(a * 4_294_967_296 + b) : undefined) ??
    digestOf(hash, [buf.subarray(0, a), buf.subarray(b, b + c)])
  const key = signer.x509.publicKey
  if (cms.signedAttributes) {
    const digestOk = cms.messageDigest !== null && Buffer.compare(digest, cms.messageDigest) === 0
    if (!digestOk) report.problems.push('digest_mismatch')
    const sigOk = verifySignature(cms, cms.signedAttributes, key)
    if (!sigOk) report.problems.push('signature_invalid')
    report.isIntact = digestOk && sigOk
  } else {
    const sigOk = verifySignature(cms, Buffer.concat([buf.subarray(0, a), buf.subarray(b, b + c)]), key)
    if (!sigOk) report.problems.push('digest_mismatch')
    report.isIntact = sigOk
  }
  const chain = buildChain(signer, certs, ctx.roots, ctx.cache?.chains ?? processCache.chains)
  report.isChainTrusted = chain.isTrusted
  if (!chain.isTrusted) report.problems.push('untrusted_chain')
  const at = (signingTime ?? ctx.now).getTime()
  const path = chain.chain
  if (path.some((p) => at > p.info.notAfter.getTime())) report.problems.push('certificate_expired_at_signing')
  if (path.some((p) => at < p.info.notBefore.getTime()))
    report.problems.push('certificate_not_yet_valid_at_signing')
  report.isCertificateValidAtSigningTime = !path.some(
    (p) => at > p.info.notAfter.getTime() || at < p.info.notBefore.getTime(),
  )
  let laterOk = report.coversWholeDocument
  if (!laterOk) {
    laterOk = findLaterChanges(buf, b + c).length === 0
    if (!laterOk) report.problems.push('modified_after_signing')
  }
  report.isValid =
    report.isIntact && report.isChainTrusted && report.isCertificateValidAtSigningTime && laterOk
  return { report, hasTime: signingTime !== null }
}

function maxEnd(holes: [number, number, number][]): number {
  return holes.reduce((m, [, b, c]) => Math.max(m, b + c), 0)
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

/** Verify every signature of a PDF against the trusted roots (DER or PEM bytes). Never throws for a bad or non-PDF input: returns isSigned false / problems. */
export async function verifyPdf(pdf: Uint8Array, options: VerifyOptions): Promise<PdfVerification> {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  const roots = trustedRoots(options.trustedRoots)
  if (options.cache && options.sha256) {
    const known = options.cache.results.get(`${options.sha256}|${roots.key}`)
    if (known) return known
  }
  const sigs = signatureObjects(buf)
  if (sigs.length === 0 && !options.cache) return NOT_SIGNED
  const holes = sigs.map(holeOf).filter((h) => h !== null)
  // Without a known file hash the pass also gives it; with one, only the signed ranges are read.
  const pass =
    options.cache && !options.sha256
      ? hashPass(buf, holes)
      : { file: options.sha256 ?? '', ranges: hashPass(buf.subarray(0, maxEnd(holes)), holes).ranges }
  const cacheKey = options.cache ? `${pass.file}|${roots.key}` : ''
  const hit = options.cache?.results.get(cacheKey)
  if (hit) return hit
  if (sigs.length === 0) return NOT_SIGNED
  const names = fieldNames(buf)
  const ctx: Context = {
    buf,
    roots,
    now: options.now ?? new Date(),
    cache: options.cache,
    sha256Ranges: pass.ranges,
  }
  let timeless = false
  const signatures = sigs
    .sort((x, y) => x.start - y.start)
    .map((obj, i) => {
      const { report, hasTime } = verifyOne(obj, names.get(obj.num) ?? `Signature${i + 1}`, ctx)
      if (!hasTime) timeless = true
      return report
    })
  const result = deepFreeze({ isSigned: true, isValid: signatures.every((s) => s.isValid), signatures })
  // A signature without a time is checked at `now`: that result must not outlive the call.
  if (options.cache && !timeless) options.cache.results.set(cacheKey, result)
  return result
}
