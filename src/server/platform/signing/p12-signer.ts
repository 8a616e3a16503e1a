/** The PKCS#12 adapter of the Signer port: a software key held by the system, unlocked by a PIN. */
import { createPrivateKey, sign as rsaSign, type KeyObject } from 'node:crypto'
import forge from 'node-forge'
import { parseCertificateDer, type CertificateInfo, type ParsedCertificate } from './certificates.ts'
import { SigningError } from './errors.ts'

/** The key behind a signature: PKCS#12 held by the system now; a USB token or remote signing later. */
export type Signer = {
  readonly certificate: CertificateInfo
  /** DER certificates, the signer's first, then intermediates (root optional). */
  readonly chainDer: Uint8Array[]
  /** RSA PKCS#1 v1.5 with SHA-256 over `data` (the DER of the CMS signed attributes). */
  sign(data: Uint8Array): Promise<Uint8Array>
}

/** Decree 23/2025 and its circular ask for RSA of at least 2048 bits. */
export const MIN_RSA_BITS = 2048

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType: type })[type] ?? []
}

function certificateDerOf(bag: forge.pkcs12.Bag): Uint8Array {
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag.asn1 as forge.asn1.Asn1 | undefined)
  if (!asn1) throw new SigningError('NO_KEY')
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'))
}

/** The signer's certificate, then each issuer found in the bag, up to the root. */
function orderChain(leaf: ParsedCertificate, all: ParsedCertificate[]): ParsedCertificate[] {
  const chain = [leaf]
  let current = leaf
  for (let depth = 0; depth < 8; depth++) {
    if (Buffer.compare(current.issuerName, current.subjectName) === 0) break
    const issuer = all.find(
      (c) => !chain.includes(c) && Buffer.compare(c.subjectName, current.issuerName) === 0,
    )
    if (!issuer) break
    chain.push(issuer)
    current = issuer
  }
  return chain
}

/** Unlock a PKCS#12 with the PIN the signer types. Refuses expired / not-yet-valid certificates at `now` and RSA keys < 2048 bits. */
export function openP12Signer(p12: Uint8Array, pin: string, now: Date = new Date()): Signer {
  let asn1: forge.asn1.Asn1
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')))
  } catch (cause) {
    throw new SigningError('NO_KEY', { cause })
  }
  let pfx: forge.pkcs12.Pkcs12Pfx
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, pin)
  } catch (cause) {
    // A readable PKCS#12 that does not open: its MAC or encryption refused the PIN.
    throw new SigningError('WRONG_PIN', { cause })
  }
  const keyBag = [
    ...bagsOf(pfx, forge.pki.oids.pkcs8ShroudedKeyBag!),
    ...bagsOf(pfx, forge.pki.oids.keyBag!),
  ].find((b) => b.key)
  if (!keyBag?.key) throw new SigningError('NO_KEY')
  const rsaKey = keyBag.key as forge.pki.rsa.PrivateKey
  const bits = rsaKey.n.bitLength()
  if (bits < MIN_RSA_BITS) {
    throw new SigningError('KEY_TOO_WEAK', { message: `Khóa RSA ${bits} bit ngắn hơn ${MIN_RSA_BITS} bit` })
  }
  const certs = bagsOf(pfx, forge.pki.oids.certBag!).map((b) => parseCertificateDer(certificateDerOf(b)))
  // Import once: every signature then costs one native RSA operation.
  const key: KeyObject = createPrivateKey(forge.pki.privateKeyToPem(rsaKey))
  const modulus = rsaKey.n.toString(16).replace(/^0+/, '')
  const leaf = certs.find((c) => {
    const n = c.x509.publicKey.export({ format: 'jwk' }).n
    return n !== undefined && Buffer.from(n, 'base64url').toString('hex').replace(/^0+/, '') === modulus
  })
  if (!leaf) throw new SigningError('NO_KEY', { message: 'Không có chứng thư số ứng với khóa bí mật' })
  if (now.getTime() > leaf.info.notAfter.getTime()) throw new SigningError('CERTIFICATE_EXPIRED')
  if (now.getTime() < leaf.info.notBefore.getTime()) throw new SigningError('CERTIFICATE_NOT_YET_VALID')
  const { issuerCommonName: _issuerCommonName, ...certificate } = leaf.info
  const chainDer = orderChain(leaf, certs).map((c) => c.der)
  return {
    certificate,
    chainDer,
    sign: async (data) => new Uint8Array(rsaSign('sha256', data, key)),
  }
}
