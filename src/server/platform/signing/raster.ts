/**
 * A tiny anti-aliased polygon rasterizer (non-zero winding, 4×4 supersampling) for the demo
 * signature and seal images: no canvas or native image library needed.
 */
import fontkit from '@pdf-lib/fontkit'
import { PNG } from 'pngjs'

export type Point = [number, number]
export type Path = Point[][]

export class Canvas {
  readonly width: number
  readonly height: number
  readonly coverage: Float32Array

  constructor(width: number, height: number) {
    this.width = width
    this.height = height
    this.coverage = new Float32Array(width * height)
  }

  /** Fill the closed contours (non-zero rule), adding their coverage. */
  fill(path: Path): void {
    const S = 4
    const edges: { x0: number; y0: number; x1: number; y1: number; dir: number }[] = []
    for (const contour of path) {
      for (let i = 0; i < contour.length; i++) {
        const [ax, ay] = contour[i]!
        const [bx, by] = contour[(i + 1) % contour.length]!
        if (ay === by) continue
        edges.push(
          ay < by ? { x0: ax, y0: ay, x1: bx, y1: by, dir: 1 } : { x0: bx, y0: by, x1: ax, y1: ay, dir: -1 },
        )
      }
    }
    if (edges.length === 0) return
    const minY = Math.max(0, Math.floor(Math.min(...edges.map((e) => e.y0))))
    const maxY = Math.min(this.height - 1, Math.ceil(Math.max(...edges.map((e) => e.y1))))
    const row = new Float32Array(this.width)
    for (let y = minY; y <= maxY; y++) {
      row.fill(0)
      for (let s = 0; s < S; s++) {
        const sy = y + (s + 0.5) / S
        const xs: { x: number; dir: number }[] = []
        for (const e of edges) {
          if (sy >= e.y0 && sy < e.y1)
            xs.push({ x: e.x0 + ((sy - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir })
        }
        xs.sort((a, b) => a.x - b.x)
        let wind = 0
        for (let i = 0; i < xs.length - 1; i++) {
          wind += xs[i]!.dir
          if (wind === 0) continue
          this.#span(row, xs[i]!.x, xs[i + 1]!.x, 1 / S)
        }
      }
      const base = y * this.width
      for (let x = 0; x < this.width; x++)
        this.coverage[base + x] = Math.min(1, this.coverage[base + x]! + row[x]!)
    }
  }

  #span(row: Float32Array, a: number, b: number, weight: number): void {
    a = Math.max(0, a)
    b = Math.min(this.width, b)
    if (b <= a) return
    const ia = Math.floor(a)
    const ib = Math.floor(b)
    if (ia === ib) {
      row[ia]! += (b - a) * weight
      return
    }
    row[ia]! += (ia + 1 - a) * weight
    for (let x = ia + 1; x < ib; x++) row[x]! += weight
    if (ib < this.width) row[ib]! += (b - ib) * weight
  }

  /** A stroke along a polyline: a quad per segment plus a round cap at every point. */
  stroke(points: Point[], width: (i: number) => number): void {
    const path: Path = []
    for (let i = 0; i < points.length; i++) {
      const [x, y] = points[i]!
      const r = width(i) / 2
      path.push(circle(x, y, r, 12))
      if (i + 1 < points.length) {
        const [x2, y2] = points[i + 1]!
        const r2 = width(i + 1) / 2
        const len = Math.hypot(x2 - x, y2 - y) || 1
        const nx = -(y2 - y) / len
        const ny = (x2 - x) / len
        path.push([
          [x + nx * r, y + ny * r],
          [x2 + nx * r2, y2 + ny * r2],
          [x2 - nx * r2, y2 - ny * r2],
          [x - nx * r, y - ny * r],
        ])
      }
    }
    // Each piece separately: overlapping pieces of opposite orientation must not cancel out.
    for (const piece of path) this.fill([piece])
  }

  /** A PNG of the coverage in one colour on a transparent background. */
  toPng(rgb: [number, number, number]): Uint8Array {
    const png = new PNG({ width: this.width, height: this.height })
    for (let i = 0; i < this.coverage.length; i++) {
      png.data[i * 4] = rgb[0]
      png.data[i * 4 + 1] = rgb[1]
      png.data[i * 4 + 2] = rgb[2]
      png.data[i * 4 + 3] = Math.round(this.coverage[i]! * 255)
    }
    return new Uint8Array(PNG.sync.write(png))
  }
}

export function circle(cx: number, cy: number, r: number, steps = 96, reverse = false): Point[] {
  const out: Point[] = []
  for (let i = 0; i < steps; i++) {
    const t = ((reverse ? -i : i) / steps) * 2 * Math.PI
    out.push([cx + r * Math.cos(t), cy + r * Math.sin(t)])
  }
  return out
}

type FontkitFont = ReturnType<typeof fontkit.create>
type GlyphPath = { commands: { command: string; args: number[] }[] }

/** The outline of one glyph, flattened, mapped by `map` from font units (y up). */
export function glyphPath(path: GlyphPath, map: (x: number, y: number) => Point): Path {
  const out: Path = []
  let cur: Point[] = []
  let last: [number, number] = [0, 0]
  const push = (x: number, y: number) => {
    cur.push(map(x, y))
    last = [x, y]
  }
  for (const { command, args } of path.commands) {
    if (command === 'moveTo') {
      if (cur.length) out.push(cur)
      cur = []
      push(args[0]!, args[1]!)
    } else if (command === 'lineTo') push(args[0]!, args[1]!)
    else if (command === 'quadraticCurveTo') {
      const [x0, y0] = last
      for (let t = 0.2; t <= 1.001; t += 0.2) {
        const u = 1 - t
        push(
          u * u * x0 + 2 * u * t * args[0]! + t * t * args[2]!,
          u * u * y0 + 2 * u * t * args[1]! + t * t * args[3]!,
        )
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = last
      for (let t = 0.2; t <= 1.001; t += 0.2) {
        const u = 1 - t
        const x = u * u * u * x0 + 3 * u * u * t * args[0]! + 3 * u * t * t * args[2]! + t * t * t * args[4]!
        const y = u * u * u * y0 + 3 * u * u * t * args[1]! + 3 * u * t * t * args[3]! + t * t * t * args[5]!
        push(x, y)
      }
    } else if (command === 'closePath') {
      if (cur.length) out.push(cur)
      cur = []
    }
  }
  if (cur.length) out.push(cur)
  return out
}

export type LaidOutGlyph = { path: GlyphPath; x: number; advance: number }

/** Glyphs of `text` with their pen positions, in font units. */
export function layout(
  font: FontkitFont,
  text: string,
): { glyphs: LaidOutGlyph[]; width: number; unitsPerEm: number } {
  const run = font.layout(text.normalize('NFC'))
  let x = 0
  const glyphs = run.glyphs.map((g, i) => {
    const pos = run.positions[i]!
    const out = { path: g.path as unknown as GlyphPath, x: x + pos.xOffset, advance: pos.xAdvance }
    x += pos.xAdvance
    return out
  })
  return { glyphs, width: x, unitsPerEm: font.unitsPerEm }
}

export function openFont(bytes: Uint8Array): FontkitFont {
  return fontkit.create(Buffer.from(bytes))
}
