/**
 * Font files for appearances and demo images. Liberation has the metrics of Times New Roman,
 * which Decree 30/2020 asks for (Debian package fonts-liberation2); DejaVu is the fallback.
 */
import fs from 'node:fs'

const CANDIDATES = {
  serif: [
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  ],
  serifBold: [
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
  ],
  serifItalic: [
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf',
  ],
  sansBold: [
    '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ],
} as const
export type FontRole = keyof typeof CANDIDATES

const loaded = new Map<FontRole, Uint8Array>()

/** The bytes of the first installed font for `role` (read once per process). */
export function fontBytes(role: FontRole): Uint8Array {
  const cached = loaded.get(role)
  if (cached) return cached
  const file = CANDIDATES[role].find((f) => fs.existsSync(f))
  if (!file) throw new Error(`No font for ${role}: install the Debian package fonts-liberation2`)
  const bytes = new Uint8Array(fs.readFileSync(file))
  loaded.set(role, bytes)
  return bytes
}
