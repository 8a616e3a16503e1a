/**
 * Vietnamese text for the search index (issue 6). Folding drops diacritics and case (đ → d), one
 * character for one, so offsets in the folded text are offsets in the original (highlighting).
 * Words are syllables; a phrase is the chain of its adjacent syllable pairs ("luu_vuc"), which the
 * index holds as lexemes too: phrase search and proximity ranking need no positions at query
 * time, so they stay fast on common syllables (a naive phrase query re-reads every candidate row).
 */

const COMBINING = /[\u0300-\u036f]/g

const foldCache = new Map<string, string>()

/** One character folded: lower case, no diacritics, đ → d; anything else unchanged (length 1). */
function foldChar(ch: string): string {
  let f = foldCache.get(ch)
  if (f === undefined) {
    const lower = ch.toLowerCase()
    const base = lower === 'đ' ? 'd' : lower.normalize('NFD').replace(COMBINING, '')
    f = base.length === 1 ? base : lower.length === 1 ? lower : ch
    if (foldCache.size < 4096) foldCache.set(ch, f)
  }
  return f
}

const NON_ASCII = /[\u0080-\uffff]/g

/** NFC text folded character by character: same length as `text.normalize('NFC')`. */
export function fold(text: string): string {
  const nfc = text.normalize('NFC')
  const lower = nfc.toLowerCase()
  // A few letters change length in lower case (İ): fold those one by one.
  if (lower.length !== nfc.length) {
    let out = ''
    for (const ch of nfc) out += ch.length === 1 ? foldChar(ch) : ch
    return out
  }
  return lower.replace(NON_ASCII, foldChar)
}

const WORD = /[a-z0-9]+/g

/** The syllables (and digit runs) of a text, folded, in order. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? []
}

/** A lexeme for two adjacent syllables. */
export function pair(a: string, b: string): string {
  return `${a}_${b}`
}

/** The adjacent pairs of a word sequence. */
export function pairsOf(ws: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < ws.length; i++) out.push(pair(ws[i]!, ws[i + 1]!))
  return out
}

/** Normalised number and notation: folded, without spaces ("123/QĐ-UBSMC" → "123/qd-ubsmc"). */
export function numberKey(text: string): string {
  return fold(text).replace(/\s+/g, '')
}

const MAX_LEXEME = 60

function lexemeOk(l: string): boolean {
  return l.length > 0 && l.length <= MAX_LEXEME
}

/**
 * A readers key as a lexeme ("#unitstaff:<id>"): the vectors carry them, so a query's permission
 * filter is one more term of its tsquery, answered in the same GIN scan (a user who sees 1/40 of
 * the entries then reads 1/40 of the postings). "#" never occurs in a word, so no typed word or
 * prefix can match one.
 */
export function readerLexeme(key: string): string {
  return `#${key.replace(/['\\\s]/g, '')}`
}

export type WeightedField = { text: string | null | undefined; weight: 'A' | 'B' | 'C' | 'D' }

/**
 * A tsvector literal with positions and weights (the ranking vector): each field's syllables and
 * pairs, positions running on across fields. Lexemes are [a-z0-9_] only, so quoting is trivial.
 */
export function weightedVector(fields: readonly WeightedField[]): string {
  const positions = new Map<string, string[]>()
  let pos = 1
  for (const f of fields) {
    if (!f.text) continue
    const ws = words(f.text)
    for (let i = 0; i < ws.length && pos < 16000; i++, pos++) {
      const at = `${pos}${f.weight}`
      const add = (l: string) => {
        if (!lexemeOk(l)) return
        const list = positions.get(l)
        if (list) {
          if (list.length < 32) list.push(at)
        } else positions.set(l, [at])
      }
      add(ws[i]!)
      if (i + 1 < ws.length) add(pair(ws[i]!, ws[i + 1]!))
    }
    pos += 1 // fields do not make pairs across their boundary
  }
  return [...positions].map(([l, ps]) => `'${l}':${ps.join(',')}`).join(' ')
}

/** A tsvector literal without positions (the matching vector): every syllable and pair. */
export function plainVector(texts: readonly (string | null | undefined)[]): string {
  const set = new Set<string>()
  for (const t of texts) {
    if (!t) continue
    const ws = words(t)
    for (let i = 0; i < ws.length; i++) {
      if (lexemeOk(ws[i]!)) set.add(ws[i]!)
      if (i + 1 < ws.length) {
        const p = pair(ws[i]!, ws[i + 1]!)
        if (lexemeOk(p)) set.add(p)
      }
    }
  }
  return [...set].map((l) => `'${l}'`).join(' ')
}

export type ParsedQuery = {
  /** Free words, folded. */
  words: string[]
  /** Quoted phrases, each as its folded words. */
  phrases: string[][]
  /** Things that look like a number and notation, folded without spaces. */
  numbers: string[]
  excluded: string[]
}

/**
 * A number and notation, whole or in part: separators with a digit ("123/QĐ", "45/2024/NĐ-CP",
 * "123/") or an upper-case notation ("QĐ-UBSMC", "NĐ-CP"); "Sê-san" stays a word.
 */
function looksLikeNumber(raw: string): boolean {
  if (!/[/-]/.test(raw)) return false
  const f = numberKey(raw)
  if (!/^[a-z0-9]+([/-][a-z0-9]*)+$/.test(f)) return false
  if (/\d/.test(f)) return true
  return raw.split(/[/-]/).every((seg) => seg === '' || seg === seg.toUpperCase())
}

/** Read a query: "quoted phrases", -excluded words, numbers and notations, and the other words. */
export function parseQuery(q: string): ParsedQuery {
  const out: ParsedQuery = { words: [], phrases: [], numbers: [], excluded: [] }
  const rest = q.normalize('NFC').replace(/"([^"]*)"?/g, (_, inner: string) => {
    const ws = words(inner)
    if (ws.length > 1) out.phrases.push(ws)
    else if (ws.length === 1) out.words.push(ws[0]!)
    return ' '
  })
  for (const raw of rest.split(/\s+/).filter(Boolean)) {
    if (raw.startsWith('-') && raw.length > 1) {
      out.excluded.push(...words(raw.slice(1)))
    } else if (looksLikeNumber(raw)) {
      out.numbers.push(numberKey(raw))
    } else {
      out.words.push(...words(raw))
    }
  }
  out.words = [...new Set(out.words)]
  out.numbers = [...new Set(out.numbers.filter(Boolean))]
  return out
}

export type Snippet = { text: string; match: boolean }[]

/**
 * Ranges of `text` where the query's words occur as whole syllables (folded comparison), merged
 * when adjacent, so a phrase lights up as one piece.
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  if (!terms.length || !text) return []
  const want = new Set(terms)
  const folded = fold(text)
  const ranges: [number, number][] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    if (!want.has(m[0])) continue
    const start = m.index
    const end = start + m[0].length
    const last = ranges[ranges.length - 1]
    if (last && /^\s*$/.test(folded.slice(last[1], start))) last[1] = end
    else ranges.push([start, end])
  }
  return ranges
}

function partsOf(text: string, ranges: readonly [number, number][], from = 0, to = text.length): Snippet {
  const parts: Snippet = []
  let at = from
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue
    const a = Math.max(s, from)
    const b = Math.min(e, to)
    if (a > at) parts.push({ text: text.slice(at, a), match: false })
    parts.push({ text: text.slice(a, b), match: true })
    at = b
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false })
  return parts
}

/** The whole text with its matches marked (titles). */
export function highlight(text: string, terms: readonly string[]): Snippet {
  const nfc = text.normalize('NFC')
  return partsOf(nfc, matchRanges(nfc, terms))
}

/**
 * Up to `count` passages of about `width` characters around the densest matches, in text order,
 * cut at spaces, with '…' where text was left out.
 */
export function passages(text: string, terms: readonly string[], count = 1, width = 220): Snippet[] {
  const nfc = text.normalize('NFC')
  const ranges = matchRanges(nfc, terms)
  if (!ranges.length) return []
  // Score each match by how many distinct terms fall in the window starting a little before it.
  const folded = fold(nfc)
  const scored = ranges.map(([s], i) => {
    const from = Math.max(0, s - 60)
    const window = folded.slice(from, from + width)
    const distinct = new Set((window.match(WORD) ?? []).filter((w) => terms.includes(w))).size
    return { i, s, score: distinct * 10 - i * 0.01 }
  })
  scored.sort((a, b) => b.score - a.score)
  const chosen: number[] = []
  for (const c of scored) {
    if (chosen.length >= count) break
    const from = Math.max(0, c.s - 60)
    if (chosen.every((f) => Math.abs(f - from) >= width)) chosen.push(from)
  }
  chosen.sort((a, b) => a - b)
  return chosen.map((start) => {
    let from = start
    if (from > 0) {
      const sp = nfc.indexOf(' ', from)
      from = sp >= 0 && sp < start + 20 ? sp + 1 : from
    }
    let to = Math.min(nfc.length, from + width)
    if (to < nfc.length) {
      const sp = nfc.lastIndexOf(' ', to)
      to = sp > from + width / 2 ? sp : to
    }
    const parts = partsOf(nfc, ranges, from, to).map((p) => ({
      ...p,
      text: p.text.replace(/\s+/g, ' '),
    }))
    if (from > 0) parts.unshift({ text: '…', match: false })
    if (to < nfc.length) parts.push({ text: '…', match: false })
    return parts
  })
}
