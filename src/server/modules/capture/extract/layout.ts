/**
 * Text items of one PDF page (position, size) into lines in reading order. Decree 30 pages put the
 * header and the footer in two columns (issuer and number left, motto and date right; recipients
 * left, signature right: Phụ lục I). Items on one baseline are one row; a wide gap splits a row
 * into columns; consecutive two-column rows form a block, read left column first, then right,
 * as a DOCX table or an HTML copy reads. Full-width rows (body, centred titles) end a block.
 * Pure, so it can be tested without a PDF.
 */
export type PageItem = { text: string; x: number; y: number; width: number; height: number }

type Segment = { text: string; x0: number; x1: number }
type Row = { y: number; size: number; segments: Segment[] }
type Block = { boundary: number; left: Segment[]; right: Segment[] }

/** A gap wider than this many font sizes separates columns, not words. */
const COLUMN_GAP_EM = 2.2
/** A gap wider than this many font sizes is a space between words. */
const SPACE_GAP_EM = 0.1

export function rowsOf(items: readonly PageItem[]): Row[] {
  const visible = items.filter((i) => i.text.trim() && i.width >= 0)
  visible.sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: { y: number; size: number; items: PageItem[] }[] = []
  for (const item of visible) {
    const size = item.height || 10
    const row = rows.find((r) => Math.abs(r.y - item.y) <= 0.5 * Math.max(size, r.size))
    if (row) {
      row.items.push(item)
      row.size = Math.max(row.size, size)
    } else rows.push({ y: item.y, size, items: [item] })
  }
  rows.sort((a, b) => b.y - a.y)
  return rows.map((r) => {
    const sorted = [...r.items].sort((a, b) => a.x - b.x)
    const segments: Segment[] = []
    for (const item of sorted) {
      const last = segments[segments.length - 1]
      const gap = last ? item.x - last.x1 : Infinity
      const size = item.height || r.size
      if (!last || gap > COLUMN_GAP_EM * size) {
        segments.push({ text: item.text, x0: item.x, x1: item.x + item.width })
        continue
      }
      const joiner = gap > SPACE_GAP_EM * size && !/\s$/.test(last.text) && !/^\s/.test(item.text) ? ' ' : ''
      last.text += joiner + item.text
      last.x1 = Math.max(last.x1, item.x + item.width)
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim()
    return { y: r.y, size: r.size, segments }
  })
}

/** More than two columns in a row (a table) stay on one line, tab-separated. */
function joined(segs: Segment[]): Segment {
  return { text: segs.map((s) => s.text).join('\t'), x0: segs[0]!.x0, x1: segs[segs.length - 1]!.x1 }
}

/** Lines of one page in reading order. */
export function pageLines(items: readonly PageItem[]): string[] {
  const rows = rowsOf(items)
  if (!rows.length) return []
  const left = Math.min(...rows.map((r) => r.segments[0]!.x0))
  const right = Math.max(...rows.map((r) => r.segments[r.segments.length - 1]!.x1))
  const centre = (left + right) / 2
  const tolerance = (right - left) * 0.03
  // A page number alone at the top (Phụ lục I: pages after the first are numbered) is no text.
  if (rows[0]!.segments.length === 1 && /^\d{1,3}$/.test(rows[0]!.segments[0]!.text)) rows.shift()

  const out: string[] = []
  let block: Block | null = null
  let pending: Segment[] = []
  const flushBlock = () => {
    if (block) out.push(...block.left.map((s) => s.text), ...block.right.map((s) => s.text))
    block = null
  }
  const flushPending = () => {
    out.push(...pending.map((s) => s.text))
    pending = []
  }
  const side = (s: Segment, boundary: number): 'left' | 'right' | null =>
    s.x1 <= boundary + tolerance ? 'left' : s.x0 >= boundary - tolerance ? 'right' : null
  // A lone row joins a column only if aligned with it: centred on the same axis (header, signature)
  // or starting at the same x (recipients). A left-aligned "Kính gửi:" under the header does not.
  const centreOf = (s: Segment) => (s.x0 + s.x1) / 2
  const aligned = (s: Segment, column: Segment[]) =>
    column.some((c) => Math.abs(centreOf(c) - centreOf(s)) < tolerance * 1.5) ||
    column.filter((c) => Math.abs(c.x0 - s.x0) < tolerance * 0.7).length >= Math.min(2, column.length)

  let previousY = Infinity
  for (const row of rows) {
    const segs = row.segments
    // A blank band (more than two empty lines) ends a block: the header is over, or the name under a signature follows.
    if (previousY - row.y > 3.2 * row.size) flushBlock()
    previousY = row.y
    if (segs.length >= 2) {
      const boundary = (segs[0]!.x1 + segs[1]!.x0) / 2
      const current = block as Block | null
      if (current && side(segs[0]!, current.boundary) === 'left' && side(segs[1]!, current.boundary) === 'right') {
        current.left.push(segs[0]!)
        current.right.push(joined(segs.slice(1)))
        continue
      }
      flushBlock()
      const next: Block = { boundary, left: [], right: [] }
      // Narrow rows just above belong to this block (a signature block may start above "Nơi nhận").
      for (const s of pending) {
        const where = side(s, boundary)
        if (where) next[where].push(s)
        else out.push(s.text)
      }
      pending = []
      next.left.push(segs[0]!)
      next.right.push(joined(segs.slice(1)))
      block = next
      continue
    }
    const seg = segs[0]!
    const current = block as Block | null
    const where = current ? side(seg, current.boundary) : null
    if (current && where && aligned(seg, current[where])) {
      current[where].push(seg)
      continue
    }
    flushBlock()
    const straddles = seg.x0 < centre - tolerance && seg.x1 > centre + tolerance
    if (straddles) {
      flushPending()
      out.push(seg.text)
    } else pending.push(seg)
  }
  flushBlock()
  flushPending()
  return out
}
