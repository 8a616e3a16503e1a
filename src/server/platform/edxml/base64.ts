/** Strict base64 checks over raw bytes: Node's decoder silently skips garbage, we must not. */

/** 1 = alphabet, 2 = '=', 3 = XML whitespace, 0 = anything else. */
const CLASS = new Uint8Array(256)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') CLASS[c.charCodeAt(0)] = 1
CLASS[0x3d] = 2
for (const c of [0x20, 0x09, 0x0a, 0x0d]) CLASS[c] = 3

/**
 * Whether bytes [start, end) are base64 with optional whitespace: padding only at the end, and a
 * length that decodes to whole bytes. Returns the decoded size, or -1.
 */
export function base64DecodedSize(buf: Uint8Array, start = 0, end = buf.length): number {
  let chars = 0
  let pad = 0
  for (let i = start; i < end; i++) {
    const c = CLASS[buf[i]!]
    if (c === 1) {
      if (pad) return -1
      chars++
    } else if (c === 2) {
      if (++pad > 2) return -1
    } else if (c !== 3) return -1
  }
  if (pad ? (chars + pad) % 4 !== 0 : chars % 4 === 1) return -1
  return Math.floor((chars * 3) / 4)
}

/** Base64 with a line break every 76 characters (MIME style), as bytes ready to be written. */
export function base64Lines(data: Uint8Array): Buffer {
  const b64 = Buffer.from(
    Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
    'latin1',
  )
  const lines = Math.ceil(b64.length / 76)
  const out = Buffer.allocUnsafe(b64.length + Math.max(0, lines - 1))
  let o = 0
  for (let i = 0; i < b64.length; i += 76) {
    if (i) out[o++] = 0x0a
    o += b64.copy(out, o, i, Math.min(i + 76, b64.length))
  }
  return out
}
