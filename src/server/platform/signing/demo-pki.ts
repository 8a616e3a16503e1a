/**
 * A demo certificate authority for a first start and for tests (never committed): a root CA and
 * one PKCS#12 per person. Production uses certificates from a licensed CA (NEAC root).
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import forge from 'node-forge'
import { parseCertificateDer, toPem, type CertificateInfo } from './certificates.ts'

// Present in node-forge, missing from its type definitions.
type ForgeTbs = { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 }

const YEAR_MS = 365.25 * 24 * 3600_000

type Issued = {
  cert: forge.pki.Certificate
  der: Uint8Array
  key: KeyObject
  forgeKey: forge.pki.rsa.PrivateKey
}

type CertificateSpec = {
  subject: { commonName: string; organizationName: string; email?: string }
  issuer?: Issued
  notBefore: Date
  notAfter: Date
  isCa?: boolean
  keyBits?: number
}

function attrs(s: CertificateSpec['subject']): forge.pki.CertificateField[] {
  const utf8 = forge.asn1.Type.UTF8
  return [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: s.organizationName, valueTagClass: utf8 as unknown as forge.asn1.Class },
    { shortName: 'CN', value: s.commonName, valueTagClass: utf8 as unknown as forge.asn1.Class },
  ]
}

/** A positive serial of 16 random bytes. */
function serial(): string {
  const b = randomBytes(16)
  b[0] = (b[0]! & 0x7f) | 0x10
  return b.toString('hex')
}

/** Issue a certificate with a fresh RSA key, signed by `issuer` (self-signed without one). */
export function issueCertificate(spec: CertificateSpec): Issued {
  const pair = generateKeyPairSync('rsa', { modulusLength: spec.keyBits ?? 2048 })
  const pem = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e)
  cert.serialNumber = serial()
  cert.validity.notBefore = spec.notBefore
  cert.validity.notAfter = spec.notAfter
  cert.setSubject(attrs(spec.subject))
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : attrs(spec.subject))
  const extensions: object[] = [
    { name: 'basicConstraints', cA: Boolean(spec.isCa), critical: true },
    spec.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]
  if (!spec.isCa) {
    // emailProtection lets NSS (pdfsig) accept the certificate for signing; 1.3.6.1.4.1.311.10.3.12 is Document Signing.
    extensions.push({ name: 'extKeyUsage', emailProtection: true, '1.3.6.1.4.1.311.10.3.12': true })
    if (spec.subject.email)
      extensions.push({ name: 'subjectAltName', altNames: [{ type: 1, value: spec.subject.email }] })
  }
  if (spec.issuer)
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: spec.issuer.cert.generateSubjectKeyIdentifier().getBytes(),
    })
  cert.setExtensions(extensions)
  // Sign the TBSCertificate with Node's RSA (forge's JavaScript RSA is ~50× slower).
  const issuerKey = spec.issuer?.key ?? pair.privateKey
  cert.signatureOid = cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption!
  const withTbs = cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1 }
  withTbs.tbsCertificate = (forge.pki as unknown as ForgeTbs).getTBSCertificate(cert)
  const tbs = Buffer.from(forge.asn1.toDer(withTbs.tbsCertificate).getBytes(), 'binary')
  cert.signature = sign('sha256', tbs, issuerKey).toString('binary')
  const der = new Uint8Array(
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'),
  )
  return { cert, der, key: createPrivateKey(pem), forgeKey }
}

/** A PKCS#12 of the key and its chain: AES-256 with PBKDF2 (and the usual SHA-1 MAC), readable by OpenSSL 3. */
export function toP12(subject: Issued, chain: Issued[], pin: string, friendlyName: string): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(subject.forgeKey, [subject.cert, ...chain.map((c) => c.cert)], pin, {
    algorithm: 'aes256',
    friendlyName,
    generateLocalKeyId: true,
  })
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'))
}

export type DemoPkiOptions = {
  organizationName: string
  people: { key: string; commonName: string; email?: string; isOrganization?: boolean }[]
  pinFor: (key: string) => string
  now: Date
  validYears?: number
}

export type DemoPki = {
  rootCertificateDer: Uint8Array
  rootCertificatePem: string
  people: Record<string, { p12: Uint8Array; certificateDer: Uint8Array; certificate: CertificateInfo }>
}

/** Demo PKI for first start (never committed): a root CA and, per person, an RSA-2048 key + certificate (CN = their Vietnamese full name, O = organization) as a PKCS#12 protected by the given PIN (AES-256/PBKDF2, readable by openP12Signer and by openssl). */
export async function createDemoPki(options: DemoPkiOptions): Promise<DemoPki> {
  const years = options.validYears ?? 3
  // Back-dated a day so that clocks a little behind still accept the certificates.
  const notBefore = new Date(options.now.getTime() - 24 * 3600_000)
  const root = issueCertificate({
    subject: {
      commonName: `${options.organizationName} - CA thử nghiệm`,
      organizationName: options.organizationName,
    },
    notBefore,
    notAfter: new Date(options.now.getTime() + (years + 7) * YEAR_MS),
    isCa: true,
  })
  const people: DemoPki['people'] = {}
  for (const person of options.people) {
    const issued = issueCertificate({
      subject: {
        commonName: person.isOrganization ? options.organizationName : person.commonName,
        organizationName: options.organizationName,
        email: person.email,
      },
      issuer: root,
      notBefore,
      notAfter: new Date(options.now.getTime() + years * YEAR_MS),
    })
    const { issuerCommonName: _issuerCommonName, ...certificate } = parseCertificateDer(issued.der).info
    people[person.key] = {
      p12: toP12(issued, [root], options.pinFor(person.key), person.commonName),
      certificateDer: issued.der,
      certificate,
    }
  }
  return { rootCertificateDer: root.der, rootCertificatePem: toPem(root.der), people }
}
