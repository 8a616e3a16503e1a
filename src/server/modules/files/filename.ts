/** File names as users give them (Vietnamese kept) and as HTTP must carry them. */

const MAX_FILENAME_LENGTH = 255
const FALLBACK_NAME = 'file'

/**
 * Clean a client-supplied file name: NFC (macOS sends decomposed Vietnamese, which would not match
 * the same name typed elsewhere), no folder part (old browsers send `C:\fakepath\…`), no control
 * or invisible format characters (a right-to-left override can disguise `gpj.exe` as `exe.jpg`),
 * no leading dots, at most 255 characters with the extension kept.
 */
export function sanitizeFilename(raw: string | undefined | null): string {
  let name = (raw ?? '').normalize('NFC')
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  name = name
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim()
  if (!name) return FALLBACK_NAME
  const chars = Array.from(name)
  if (chars.length <= MAX_FILENAME_LENGTH) return name
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 && name.length - dot <= 16 ? Array.from(name.slice(dot)) : []
  return (
    chars
      .slice(0, MAX_FILENAME_LENGTH - ext.length)
      .join('')
      .trimEnd() + ext.join('')
  )
}

/** ASCII stand-in for clients that ignore `filename*`: diacritics dropped, đ → d. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_')
}

/** RFC 5987 value: percent-encoded UTF-8, escaping the characters encodeURIComponent leaves but attr-char forbids. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A Content-Disposition header (RFC 6266) that carries a Vietnamese name intact to every current browser. */
export function contentDisposition(
  filename: string,
  disposition: 'inline' | 'attachment',
  asciiName: string = asciiFallback(filename),
): string {
  return `${disposition}; filename="${asciiFallback(asciiName)}"; filename*=UTF-8''${rfc5987(filename)}`
}
