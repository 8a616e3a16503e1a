/**
 * Dates on the wire. QCVN 102 samples write `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss` in Vietnam time
 * with no zone; some producers write `dd/MM/yyyy` or ISO. We emit the canonical form and read all
 * of them, telling the caller when the form was not canonical.
 */

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3600_000

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** Whether `s` is an ISO `yyyy-MM-dd` of a real calendar day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** ISO `yyyy-MM-dd` → wire `yyyy/MM/dd` (the caller has checked it with isIsoDate). */
export function toWireDate(iso: string): string {
  return iso.replaceAll('-', '/')
}

/** An instant → `yyyy/MM/dd HH:mm:ss` in Vietnam time (seconds truncated). */
export function toWireTimestamp(instant: Date): string {
  const v = new Date(instant.getTime() + VIETNAM_OFFSET_MS)
  return (
    `${pad(v.getUTCFullYear(), 4)}/${pad(v.getUTCMonth() + 1)}/${pad(v.getUTCDate())} ` +
    `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`
  )
}

type YMD = { y: number; m: number; d: number; isCanonical: boolean; rest: string }

const DATE_FORMS: { re: RegExp; order: 'ymd' | 'dmy'; isCanonical: boolean }[] = [
  { re: /^(\d{4})\/(\d{2})\/(\d{2})/, order: 'ymd', isCanonical: true },
  { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})/, order: 'ymd', isCanonical: false },
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})/, order: 'dmy', isCanonical: false },
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})/, order: 'ymd', isCanonical: false },
  { re: /^(\d{1,2})-(\d{1,2})-(\d{4})/, order: 'dmy', isCanonical: false },
]

function readYmd(text: string): YMD | null {
  for (const form of DATE_FORMS) {
    const m = form.re.exec(text)
    if (!m) continue
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const [y, mo, d] = form.order === 'ymd' ? [a, b, c] : [c, b, a]
    if (!isCalendarDate(y, mo, d)) return null
    return { y, m: mo, d, isCanonical: form.isCanonical, rest: text.slice(m[0].length) }
  }
  return null
}

/**
 * A wire date → ISO `yyyy-MM-dd`; `isCanonical` is false for the other orders or when a time
 * follows. Null when it is no calendar date.
 */
export function readWireDate(text: string): { iso: string; isCanonical: boolean } | null {
  const t = text.trim()
  const ymd = readYmd(t)
  if (!ymd) return null
  if (ymd.rest !== '' && !/^[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(ymd.rest))
    return null
  return {
    iso: `${pad(ymd.y, 4)}-${pad(ymd.m)}-${pad(ymd.d)}`,
    isCanonical: ymd.isCanonical && ymd.rest === '',
  }
}

/**
 * A wire timestamp → instant. Without a zone it is Vietnam time; a bare date is midnight there.
 * `isCanonical` is false for anything but `yyyy/MM/dd HH:mm:ss`. Null when unreadable.
 */
export function readWireTimestamp(text: string): { instant: Date; isCanonical: boolean } | null {
  const t = text.trim()
  const ymd = readYmd(t)
  if (!ymd) return null
  const time = /^(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(ymd.rest)
  if (!time) return null
  const [h, mi, s] = [Number(time[1] ?? 0), Number(time[2] ?? 0), Number(time[3] ?? 0)]
  if (h > 23 || mi > 59 || s > 59) return null
  const ms = time[4] ? Math.floor(Number(`0.${time[4]}`) * 1000) : 0
  let offsetMs = VIETNAM_OFFSET_MS
  const zone = time[5]
  if (zone === 'Z') offsetMs = 0
  else if (zone) {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!
    offsetMs = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 3600_000 + Number(z[3]) * 60_000)
  }
  const instant = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d, h, mi, s, ms) - offsetMs)
  const isCanonical = ymd.isCanonical && /^ \d{2}:\d{2}:\d{2}$/.test(ymd.rest)
  return { instant, isCanonical }
}
