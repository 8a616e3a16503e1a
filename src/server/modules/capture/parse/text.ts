/**
 * Text helpers for Vietnamese document text: Unicode and tone-mark normalisation, comparison
 * keys, line splitting. Pure; used by every field parser.
 */

/** Tone marks as combining characters (NFD): grave, acute, tilde, hook above, dot below. */
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]'
// "hoà" / "hòa", "khoẻ" / "khỏe", "thuỷ" / "thủy": the old and the new tone placement on a
// syllable-final oa, oe, uy. Both are in use (the corpus has "Lê Hải Hoà"), so keys put the
// mark on the first vowel and the two spellings compare equal.
const OLD_TONE_PLACEMENT = new RegExp(`([oOuU])([aAeEyY])(${TONE})(?!\\p{L})`, 'gu')

/** NFC, one kind of space, one kind of hyphen, no zero-width characters, LF line ends. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
}

export function foldSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** Canonical tone placement (see OLD_TONE_PLACEMENT), in NFC. */
export function canonicalTones(s: string): string {
  return s.normalize('NFD').replace(OLD_TONE_PLACEMENT, '$1$3$2').normalize('NFC')
}

/** Comparison key: canonical tones, lower case, folded spaces. */
export function key(s: string): string {
  return foldSpaces(canonicalTones(s).toLowerCase())
}

/**
 * Comparison key without diacritics (đ → d), for text that lost its marks (OCR, some fonts).
 * One UTF-16 unit in, one out, so an index found in the key is an index in the (NFC) input.
 */
export function looseKey(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    const base = ch.normalize('NFD')[0] ?? ch
    out += base === 'đ' || base === 'Đ' ? 'd' : (base.toLowerCase()[0] ?? base)
  }
  return out
}

/** Whether the letters are (almost) all capitals: issuer lines, type titles, signature titles. */
export function isUpperDominant(s: string, minLetters = 2): boolean {
  let upper = 0
  let lower = 0
  for (const ch of s) {
    if (ch.toUpperCase() === ch.toLowerCase()) continue
    if (ch === ch.toUpperCase()) upper++
    else lower++
  }
  return upper + lower >= minLetters && upper / (upper + lower) >= 0.8
}

export function startsLowercase(s: string): boolean {
  const first = s.trimStart()[0]
  return !!first && first !== first.toUpperCase() && first === first.toLowerCase()
}

/** A rule or filler line: dashes, underscores, dots. */
export function isDecoration(line: string): boolean {
  return /^[\s\-_=.*~·•–—]{3,}$/.test(line)
}

/** Strip list bullets and the trailing separators of a list item ("- Như trên;" → "Như trên"). */
export function cleanItem(s: string): string {
  return foldSpaces(s.replace(/^\s*[-+•*–—]\s*/, ''))
    .replace(/\s*[;,.:]+$/, '')
    .trim()
}

/**
 * The text as lines. Column gaps (a tab, or three or more spaces, as `pdftotext -layout` and OCR
 * output have) split a line into separate lines; rule lines become blank.
 */
export function toLines(text: string): string[] {
  const lines: string[] = []
  for (const raw of normalizeText(text).split('\n')) {
    for (const part of raw.trim().split(/\t+| {3,}/)) {
      const line = foldSpaces(part)
      lines.push(isDecoration(line) ? '' : line)
    }
  }
  return lines
}

/** Indices of non-blank lines from `from` (inclusive), at most `limit` of them. */
export function nextFilled(lines: readonly string[], from: number, limit = Infinity): number[] {
  const out: number[] = []
  for (let i = Math.max(0, from); i < lines.length && out.length < limit; i++) {
    if (lines[i]) out.push(i)
  }
  return out
}
