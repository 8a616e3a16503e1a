/**
 * Demo images that follow Decree 30/2020 (Annex I §II.7–8): a blue handwritten-looking signature
 * and a red round seal, both PNG with a transparent background. Real ones are scanned per person.
 */
import { fontBytes } from './fonts.ts'
import { Canvas, circle, glyphPath, layout, openFont, type Path, type Point } from './raster.ts'

const BLUE: [number, number, number] = [22, 52, 168]
const RED: [number, number, number] = [212, 20, 30]
const cache = new Map<string, Uint8Array>()

/** A blue handwritten-looking signature (transparent PNG, 600 × 220 px). */
export function demoSignatureImage(name: string): Uint8Array {
  const key = `sig|${name}`
  const hit = cache.get(key)
  if (hit) return hit
  const canvas = new Canvas(600, 220)
  const font = openFont(fontBytes('serifItalic'))
  const text = layout(font, name.trim() || '?')
  const scale = Math.min(90 / text.unitsPerEm, 520 / text.width)
  const baseline = 130
  const left = (600 - text.width * scale) / 2
  const slant = 0.25
  for (const g of text.glyphs) {
    canvas.fill(
      glyphPath(g.path, (x, y) => [left + (g.x + x) * scale + slant * y * scale, baseline - y * scale]),
    )
  }
  // A flourish under the name, thicker in the middle as with a pen pressed harder.
  const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7)
  const points: Point[] = []
  const x0 = left - 10
  const x1 = left + text.width * scale + 20
  for (let i = 0; i <= 120; i++) {
    const t = i / 120
    const wave = Math.sin(t * Math.PI * (1.5 + (seed % 5) / 10)) * 14
    points.push([x0 + (x1 - x0) * t, baseline + 30 - wave - t * 25])
  }
  canvas.stroke(points, (i) => 2 + 3.5 * Math.sin((i / 120) * Math.PI))
  const png = canvas.toPng(BLUE)
  cache.set(key, png)
  return png
}

function star(cx: number, cy: number, outer: number, inner: number): Point[] {
  const pts: Point[] = []
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)])
  }
  return pts
}

/** A red round seal (transparent PNG, 420 × 420 px): two rings, a star and the name around. */
export function demoSealImage(organizationName: string): Uint8Array {
  const key = `seal|${organizationName}`
  const hit = cache.get(key)
  if (hit) return hit
  const size = 420
  const c = size / 2
  const canvas = new Canvas(size, size)
  // Rings: outer circle minus inner circle (opposite winding).
  canvas.fill([circle(c, c, 204), circle(c, c, 192, 96, true)])
  canvas.fill([circle(c, c, 138), circle(c, c, 132, 96, true)])
  canvas.fill([star(c, c, 62, 25)])
  const font = openFont(fontBytes('sansBold'))
  const text = layout(font, organizationName.toLocaleUpperCase('vi').trim() || '?')
  const radius = 150
  const span = (300 / 360) * 2 * Math.PI * radius
  const scale = Math.min(34 / text.unitsPerEm, span / text.width)
  const total = text.width * scale
  const start = -total / radius / 2
  for (const g of text.glyphs) {
    const mid = g.x + g.advance / 2
    const phi = start + (mid * scale) / radius
    const [px, py] = [c + radius * Math.sin(phi), c - radius * Math.cos(phi)]
    const [tx, ty] = [Math.cos(phi), Math.sin(phi)]
    const [nx, ny] = [Math.sin(phi), -Math.cos(phi)]
    const path: Path = glyphPath(g.path, (x, y) => {
      const dx = (g.x + x - mid) * scale
      const dy = y * scale
      return [px + dx * tx + dy * nx, py + dx * ty + dy * ny]
    })
    canvas.fill(path)
  }
  canvas.fill([star(c, c + 172, 12, 5)])
  const png = canvas.toPng(RED)
  cache.set(key, png)
  return png
}
