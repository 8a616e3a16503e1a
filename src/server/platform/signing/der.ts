/**
 * Just enough DER to read certificates and CMS and to write a PAdES CMS: faster and more exact
 * than a general ASN.1 library (the bytes read are the bytes signed, never a re-encoding).
 */

export type Tlv = {
  tag: number
  /** Offset of the tag byte. */
  start: number
  /** Offset of the first content byte. */
  contentStart: number
  /** Offset just past the content. */
  end: number
}

export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new Error('DER: truncated')
  const tag = buf[offset]!
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not supported')
  let len = buf[offset + 1]!
  let p = offset + 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4) throw new Error('DER: unsupported length')
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!
  }
  const end = p + len
  if (end > limit) throw new Error('DER: length beyond the data')
  return { tag, start: offset, contentStart: p, end }
}

/** The TLVs directly inside a constructed TLV. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = []
  let p = parent.contentStart
  while (p < parent.end) {
    const t = readTlv(buf, p, parent.end)
    out.push(t)
    p = t.end
  }
  return out
}

export function bytesOf(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.start, t.end)
}

export function contentOf(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.contentStart, t.end)
}

export function decodeOid(bytes: Uint8Array): string {
  const parts: number[] = []
  let value = 0
  for (let i = 0; i < bytes.length; i++) {
    value = value * 128 + (bytes[i]! & 0x7f)
    if (!(bytes[i]! & 0x80)) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2
        parts.push(first, value - first * 40)
      } else parts.push(value)
      value = 0
    }
  }
  return parts.join('.')
}

export function oidAt(buf: Uint8Array, t: Tlv): string {
  if (t.tag !== 0x06) throw new Error('DER: expected an OID')
  return decodeOid(contentOf(buf, t))
}

const latin1 = new TextDecoder('latin1')
const utf8 = new TextDecoder('utf-8')

/** A directory string or time as text. */
export function stringAt(buf: Uint8Array, t: Tlv): string {
  const c = contentOf(buf, t)
  switch (t.tag) {
    case 0x0c: // UTF8String
      return utf8.decode(c)
    case 0x1e: {
      // BMPString: UTF-16BE
      let s = ''
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!)
      return s
    }
    default: // Printable, IA5, T61, Numeric, Visible, UTCTime, GeneralizedTime
      return latin1.decode(c)
  }
}

export function timeAt(buf: Uint8Array, t: Tlv): Date {
  const s = stringAt(buf, t)
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s)
  if (!m) throw new Error(`DER: unsupported time ${s}`)
  let year = Number(m[1])
  if (t.tag === 0x17) year += year < 50 ? 2000 : 1900
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  )
}

// ---- writing ----

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n]
  const out: number[] = []
  while (n > 0) {
    out.unshift(n & 0xff)
    n = Math.floor(n / 256)
  }
  return [0x80 | out.length, ...out]
}

/** A TLV around the given parts. */
export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  let len = 0
  for (const p of parts) len += p.length
  const head = [tag, ...lengthBytes(len)]
  const out = new Uint8Array(head.length + len)
  out.set(head, 0)
  let o = head.length
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

export const seq = (...parts: Uint8Array[]) => tlv(0x30, ...parts)
export const set = (...parts: Uint8Array[]) => tlv(0x31, ...parts)
export const octets = (bytes: Uint8Array) => tlv(0x04, bytes)
export const NULL = new Uint8Array([0x05, 0x00])

export function oid(dotted: string): Uint8Array {
  const nums = dotted.split('.').map(Number)
  const bytes: number[] = [nums[0]! * 40 + nums[1]!]
  for (const n of nums.slice(2)) {
    const chunk: number[] = [n & 0x7f]
    let v = Math.floor(n / 128)
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80)
      v = Math.floor(v / 128)
    }
    bytes.push(...chunk)
  }
  return tlv(0x06, new Uint8Array(bytes))
}

export function smallInt(n: number): Uint8Array {
  return tlv(0x02, new Uint8Array([n]))
}

/** DER SET OF: elements in ascending order of their encodings. */
export function setOf(elements: Uint8Array[]): Uint8Array {
  const sorted = [...elements].sort((a, b) => Buffer.compare(a, b))
  return set(...sorted)
}

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRSA: '1.2.840.113549.1.1.5',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4',
} as const
