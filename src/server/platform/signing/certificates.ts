/** X.509 certificates: read PEM or DER, describe them, keep the exact DER parts that CMS needs. */
import { createHash, X509Certificate } from 'node:crypto'
import { bytesOf, children, contentOf, oidAt, readTlv, stringAt, timeAt, type Tlv } from './der.ts'

export type CertificateInfo = {
  /** RFC 4514 style, most specific first: "CN=Nguyễn Văn A, O=…, C=VN". */
  subject: string
  commonName: string
  issuer: string
  /** Upper-case hex, as certificate viewers show it. */
  serialNumber: string
  notBefore: Date
  notAfter: Date
  /** Lower-case hex SHA-256 of the DER, like the system's blob names. */
  sha256Fingerprint: string
}

export type ParsedCertificate = {
  der: Uint8Array
  info: CertificateInfo & { issuerCommonName: string }
  /** DER of the issuer and subject Names, compared byte for byte when building chains. */
  issuerName: Uint8Array
  subjectName: Uint8Array
  /** The serialNumber INTEGER TLV, as in the certificate. */
  serialTlv: Uint8Array
  /** The subject key identifier extension, when present. */
  subjectKeyId: Uint8Array | null
  x509: X509Certificate
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
}

function escapeValue(v: string): string {
  return v.replace(/[,+"\\<>;]/g, (c) => `\\${c}`)
}

function describeName(buf: Uint8Array, name: Tlv): { text: string; commonName: string } {
  const parts: string[] = []
  let commonName = ''
  for (const rdn of children(buf, name)) {
    const atvs = children(buf, rdn).map((atv) => {
      const [type, value] = children(buf, atv)
      if (!type || !value) throw new Error('bad name attribute')
      const o = oidAt(buf, type)
      const v = stringAt(buf, value)
      if (o === '2.5.4.3') commonName = v
      return `${SHORT_NAMES[o] ?? o}=${escapeValue(v)}`
    })
    parts.push(atvs.join('+'))
  }
  return { text: parts.reverse().join(', '), commonName }
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

/** Parse a DER certificate; throws Error when it is not one. */
export function parseCertificateDer(der: Uint8Array): ParsedCertificate {
  const cert = readTlv(der, 0)
  const [tbs] = children(der, cert)
  if (cert.tag !== 0x30 || !tbs || tbs.tag !== 0x30) throw new Error('not an X.509 certificate')
  const fields = children(der, tbs)
  // [0] version, serialNumber, signature algorithm, issuer, validity, subject, …
  const i = fields[0]?.tag === 0xa0 ? 1 : 0
  const [serial, , issuer, validity, subject] = fields.slice(i)
  if (!serial || serial.tag !== 0x02 || !issuer || !validity || !subject)
    throw new Error('not an X.509 certificate')
  const [notBefore, notAfter] = children(der, validity)
  let subjectKeyId: Uint8Array | null = null
  const extensions = fields.find((f) => f.tag === 0xa3)
  const extList = extensions ? children(der, extensions)[0] : undefined
  for (const ext of extList ? children(der, extList) : []) {
    const parts = children(der, ext)
    if (parts[0] && oidAt(der, parts[0]) === '2.5.29.14') {
      const value = parts[parts.length - 1]!
      subjectKeyId = contentOf(der, readTlv(der, value.contentStart, value.end))
    }
  }
  if (!notBefore || !notAfter) throw new Error('certificate without validity')
  let serialBytes = contentOf(der, serial)
  while (serialBytes.length > 1 && serialBytes[0] === 0) serialBytes = serialBytes.subarray(1)
  const subjectText = describeName(der, subject)
  const issuerText = describeName(der, issuer)
  const exact = der.subarray(cert.start, cert.end)
  return {
    der: exact,
    info: {
      subject: subjectText.text,
      commonName: subjectText.commonName,
      issuer: issuerText.text,
      issuerCommonName: issuerText.commonName,
      serialNumber: toHex(serialBytes).toUpperCase(),
      notBefore: timeAt(der, notBefore),
      notAfter: timeAt(der, notAfter),
      sha256Fingerprint: createHash('sha256').update(exact).digest('hex'),
    },
    issuerName: bytesOf(der, issuer),
    subjectName: bytesOf(der, subject),
    serialTlv: bytesOf(der, serial),
    subjectKeyId,
    // Node's parser (OpenSSL) also checks the structure and gives the public key.
    x509: new X509Certificate(exact),
  }
}

const PEM_CERT =
  /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/

/** PEM or DER bytes to DER (the first certificate of a PEM file). */
export function certificateDer(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x30) return bytes
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const m = PEM_CERT.exec(text)
  if (!m?.[1]) throw new Error('Không đọc được chứng thư số: cần tệp X.509 dạng PEM hoặc DER')
  return new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'))
}

/** Parse a PEM/DER certificate (trusted roots, signer certificates); throws Error on garbage. */
export function readCertificate(bytes: Uint8Array): CertificateInfo & { der: Uint8Array } {
  let parsed: ParsedCertificate
  try {
    parsed = parseCertificateDer(certificateDer(bytes))
  } catch (cause) {
    throw new Error('Không đọc được chứng thư số: tệp không phải chứng thư X.509 (PEM hoặc DER)', { cause })
  }
  const { issuerCommonName: _issuerCommonName, ...info } = parsed.info
  return { ...info, der: parsed.der }
}

export function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64')
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`
}
