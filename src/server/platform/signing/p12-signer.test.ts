import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { issueCertificate, toP12 } from './demo-pki.ts'
import { openP12Signer, readCertificate, SigningError, type SigningErrorCode } from './index.ts'
import { LEADER, PIN, testPki, type TestPki } from './test-fixtures.ts'

const DAY = 24 * 3600_000
let pki: TestPki

beforeAll(async () => {
  pki = await testPki()
})

function codeOf(run: () => unknown): SigningErrorCode | undefined {
  try {
    run()
  } catch (err) {
    if (err instanceof SigningError) return err.code
    throw err
  }
  return undefined
}

describe('openP12Signer', () => {
  it('unlocks a demo PKCS#12 and describes its certificate and chain', async () => {
    const signer = openP12Signer(pki.people.leader!.p12, PIN)
    expect(signer.certificate.commonName).toBe(LEADER.name)
    expect(signer.certificate.subject).toContain('O=Ủy ban sông Mê Công Việt Nam')
    expect(signer.chainDer).toHaveLength(2)
    expect(Buffer.compare(signer.chainDer[1]!, pki.rootCertificateDer)).toBe(0)
    expect((await signer.sign(new Uint8Array([1, 2, 3]))).length).toBe(256)
  })

  it('refuses a wrong PIN with WRONG_PIN', () => {
    expect(codeOf(() => openP12Signer(pki.people.leader!.p12, '000000'))).toBe('WRONG_PIN')
  })

  it('refuses bytes that are not a PKCS#12 with NO_KEY', () => {
    expect(codeOf(() => openP12Signer(new TextEncoder().encode('not a key'), PIN))).toBe('NO_KEY')
  })

  it('refuses certificates outside their validity at `now`', () => {
    const now = new Date()
    const root = issueCertificate({
      subject: { commonName: 'Root', organizationName: 'O' },
      notBefore: new Date(now.getTime() - 900 * DAY),
      notAfter: new Date(now.getTime() + 900 * DAY),
      isCa: true,
    })
    const expired = issueCertificate({
      subject: { commonName: 'Cũ', organizationName: 'O' },
      issuer: root,
      notBefore: new Date(now.getTime() - 800 * DAY),
      notAfter: new Date(now.getTime() - DAY),
    })
    expect(codeOf(() => openP12Signer(toP12(expired, [root], PIN, 'x'), PIN, now))).toBe(
      'CERTIFICATE_EXPIRED',
    )
    const future = issueCertificate({
      subject: { commonName: 'Mới', organizationName: 'O' },
      issuer: root,
      notBefore: new Date(now.getTime() + DAY),
      notAfter: new Date(now.getTime() + 800 * DAY),
    })
    expect(codeOf(() => openP12Signer(toP12(future, [root], PIN, 'x'), PIN, now))).toBe(
      'CERTIFICATE_NOT_YET_VALID',
    )
    expect(
      codeOf(() => openP12Signer(toP12(future, [root], PIN, 'x'), PIN, new Date(now.getTime() + 2 * DAY))),
    ).toBeUndefined()
  })

  it('refuses an RSA key shorter than 2048 bits with KEY_TOO_WEAK', () => {
    const now = new Date()
    const weak = issueCertificate({
      subject: { commonName: 'Yếu', organizationName: 'O' },
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + DAY),
      keyBits: 1024,
    })
    expect(codeOf(() => openP12Signer(toP12(weak, [], PIN, 'x'), PIN, now))).toBe('KEY_TOO_WEAK')
  })

  it.skipIf(spawnSync('openssl', ['version']).status !== 0)(
    'writes PKCS#12 files that OpenSSL reads with the PIN',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'p12-'))
      const file = path.join(dir, 'leader.p12')
      fs.writeFileSync(file, pki.people.leader!.p12)
      const out = execFileSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${PIN}`, '-nodes'], {
        encoding: 'utf8',
      })
      expect(out).toContain('BEGIN PRIVATE KEY')
      expect(out).toContain('BEGIN CERTIFICATE')
      fs.rmSync(dir, { recursive: true })
    },
  )
})

describe('readCertificate', () => {
  it('reads PEM and DER alike and refuses garbage with a clear message', () => {
    const fromPem = readCertificate(new TextEncoder().encode(pki.rootCertificatePem))
    const fromDer = readCertificate(pki.rootCertificateDer)
    expect(fromPem.sha256Fingerprint).toBe(fromDer.sha256Fingerprint)
    expect(fromPem.sha256Fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(fromDer.commonName).toContain('CA thử nghiệm')
    expect(fromDer.notAfter.getTime()).toBeGreaterThan(fromDer.notBefore.getTime())
    expect(() => readCertificate(new TextEncoder().encode('hello'))).toThrow(/chứng thư số/)
  })
})
