/** Certificates as stored (JSON with ISO dates) and as the contracts show them. Pure. */
import type { TCertificateInfo } from '@common/contracts/documents-out'

export type StoredCertificate = {
  subject: string
  commonName: string
  issuer: string
  serialNumber: string
  notBefore: string
  notAfter: string
  sha256Fingerprint: string
}

export function storedCertificate(c: {
  subject: string
  commonName: string
  issuer: string
  serialNumber: string
  notBefore: Date
  notAfter: Date
  sha256Fingerprint: string
}): StoredCertificate {
  return {
    subject: c.subject,
    commonName: c.commonName,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    sha256Fingerprint: c.sha256Fingerprint,
  }
}

/** "CN=Nguyễn Văn A, O=…" → "Nguyễn Văn A". */
export function commonNameOf(dn: string): string | null {
  const m = /(?:^|,\s*)CN=([^,]+)/.exec(dn)
  return m ? m[1]!.trim() : null
}

export function presentCertificate(
  c: StoredCertificate | (StoredCertificate & { issuerCommonName?: string }),
): TCertificateInfo {
  return {
    subject: c.subject,
    commonName: c.commonName || null,
    issuer: c.issuer,
    issuerCommonName: ('issuerCommonName' in c && c.issuerCommonName) || commonNameOf(c.issuer),
    serialNumber: c.serialNumber,
    notBefore: new Date(c.notBefore).toISOString(),
    notAfter: new Date(c.notAfter).toISOString(),
    sha256Fingerprint: c.sha256Fingerprint,
  }
}
