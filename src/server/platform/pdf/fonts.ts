/**
 * Serif fonts for the PDFs the system lays out itself (registers, answers): Liberation Serif has
 * the metrics of Times New Roman, which Decree 30/2020 asks for, and covers Vietnamese
 * (fonts-liberation2). Embedded as subsets, and fast to measure and encode (below).
 */
import fontkit from '@pdf-lib/fontkit'
import { PDFHexString, type PDFDocument, type PDFFont } from 'pdf-lib'
import { fontBytes } from '../signing/fonts.ts'

export type SerifStyle = 'regular' | 'bold' | 'italic'

const ROLES = { regular: 'serif', bold: 'serifBold', italic: 'serifItalic' } as const

/**
 * pdf-lib shapes every string through fontkit's layout engine, to measure it and to encode it:
 * about 6 ms a table row, 0.4 s a page of an answer. Our text needs no shaping (no ligatures, no
 * kerning is drawn; NFC Vietnamese has precomposed glyphs), so both go per character through a
 * cache: the glyphs still enter the subset on first use.
 */
export function memoizePerCharacter(font: PDFFont): PDFFont {
  const encode = font.encodeText.bind(font)
  const measure = font.widthOfTextAtSize.bind(font)
  const hex = new Map<string, string>()
  const advance = new Map<string, number>()
  font.encodeText = (text: string) => {
    let out = ''
    for (const ch of text) {
      let h = hex.get(ch)
      if (h === undefined) {
        h = encode(ch).asString()
        hex.set(ch, h)
      }
      out += h
    }
    return PDFHexString.of(out)
  }
  font.widthOfTextAtSize = (text: string, size: number) => {
    let total = 0
    for (const ch of text) {
      let a = advance.get(ch)
      if (a === undefined) {
        a = measure(ch, 1000)
        advance.set(ch, a)
      }
      total += a
    }
    return (total * size) / 1000
  }
  return font
}

/** Embed the serif font in `style` into `doc` (a subset, measured and encoded per character). */
export async function embedSerif(doc: PDFDocument, style: SerifStyle): Promise<PDFFont> {
  doc.registerFontkit(fontkit)
  return memoizePerCharacter(await doc.embedFont(fontBytes(ROLES[style]), { subset: true }))
}

/** Greedy word wrap to `width` points; each line break of the text starts a new line (NFC). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = []
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word
      if (line && font.widthOfTextAtSize(next, size) > width) {
        out.push(line)
        line = word
      } else line = next
    }
    out.push(line)
  }
  return out
}
