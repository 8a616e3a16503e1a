/**
 * Reading the skeleton tree leniently: elements are matched by local name (with or without the
 * edXML prefix or namespace), in any order; mess becomes a warning, only missing essentials throw.
 */
import { EdxmlError, type EdxmlWarning } from './errors.ts'
import { readWireDate, readWireTimestamp } from './wire-dates.ts'
import { elementsOf, textOf, type XElement } from './xml-tree.ts'

/** Past this many warnings a package is noise; one more warning says so and the rest are dropped. */
const MAX_WARNINGS = 200

export const join = (path: string, name: string) => (path ? `${path}/${name}` : name)

export class Reader {
  readonly warnings: EdxmlWarning[]
  constructor(warnings: EdxmlWarning[]) {
    this.warnings = warnings
  }

  warn(code: string, path: string, message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ code, path, message })
    else if (this.warnings.length === MAX_WARNINGS)
      this.warnings.push({
        code: 'TOO_MANY_WARNINGS',
        path: '',
        message: 'Quá nhiều cảnh báo; các cảnh báo sau bị bỏ qua',
      })
  }

  /** All children named `name` (any of `names`), in document order. */
  all(el: XElement | undefined, ...names: string[]): XElement[] {
    const found: XElement[] = []
    if (!el) return found
    for (const c of el.children) if (c.kind === 'element' && names.includes(c.local)) found.push(c)
    return found
  }

  /** The single child named like `names`; a second one is ignored with a warning. */
  one(el: XElement | undefined, path: string, ...names: string[]): XElement | undefined {
    const found = this.all(el, ...names)
    if (found.length > 1)
      this.warn(
        'DUPLICATE_ELEMENT',
        join(path, names[0]!),
        `Thẻ ${names[0]} xuất hiện ${found.length} lần; dùng thẻ đầu tiên`,
      )
    return found[0]
  }

  /** Trimmed text of the single child `name`; undefined when the element is absent. */
  text(el: XElement | undefined, path: string, name: string): string | undefined {
    const c = this.one(el, path, name)
    return c ? textOf(c).trim() : undefined
  }

  /** Text that must be present and non-empty. */
  required(el: XElement | undefined, path: string, name: string): string {
    const t = this.text(el, path, name)
    if (!t)
      throw new EdxmlError('MISSING_FIELD', {
        message: `Gói tin thiếu thông tin bắt buộc ${join(path, name)}`,
        path: join(path, name),
      })
    return t
  }

  /** Text expected by the standard; absent → '' with a warning. */
  expected(el: XElement | undefined, path: string, name: string): string {
    const t = this.text(el, path, name)
    if (t === undefined) this.missing(join(path, name))
    return t ?? ''
  }

  /** Text of an optional model field: absent or empty → undefined. */
  optional(el: XElement | undefined, path: string, name: string): string | undefined {
    return this.text(el, path, name) || undefined
  }

  missing(path: string): void {
    this.warn('FIELD_MISSING', path, `Thiếu thẻ ${path}; dùng giá trị mặc định`)
  }

  /** An integer; absent or unreadable → `fallback` with a warning. */
  integer(el: XElement | undefined, path: string, name: string, fallback = 0): number {
    const t = this.text(el, path, name)
    if (t === undefined) {
      this.missing(join(path, name))
      return fallback
    }
    if (!/^[+-]?\d{1,15}$/.test(t)) {
      this.warn(
        'BAD_NUMBER',
        join(path, name),
        `Giá trị "${t.slice(0, 40)}" của ${name} không phải số nguyên; dùng ${fallback}`,
      )
      return fallback
    }
    return Number(t)
  }

  /** A wire date → ISO; absent/empty → null; unreadable → `onBad`. */
  date(el: XElement | undefined, path: string, name: string, onBad: 'null' | 'throw'): string | null {
    const t = this.text(el, path, name)
    if (!t) return null
    const p = join(path, name)
    const d = readWireDate(t)
    if (!d) {
      if (onBad === 'throw')
        throw new EdxmlError('BAD_VALUE', {
          message: `Ngày "${t.slice(0, 40)}" tại ${p} không hợp lệ`,
          path: p,
        })
      this.warn('BAD_DATE', p, `Ngày "${t.slice(0, 40)}" không hợp lệ; bỏ qua`)
      return null
    }
    if (!d.isCanonical) this.legacyDate(p, t)
    return d.iso
  }

  timestamp(text: string, path: string): Date | null {
    const d = readWireTimestamp(text)
    if (d && !d.isCanonical) this.legacyDate(path, text)
    return d?.instant ?? null
  }

  legacyDate(path: string, text: string): void {
    this.warn(
      'DATE_FORMAT',
      path,
      `Ngày giờ "${text.slice(0, 40)}" không theo dạng yyyy/MM/dd (HH:mm:ss); đã đọc được`,
    )
  }

  /** Over-long values are kept: the warning lets the clerk decide. */
  long(path: string, value: string, max: number): void {
    if (value.length > max)
      this.warn('TOO_LONG', path, `${path} dài ${value.length} ký tự, vượt mức ${max} của trục liên thông`)
  }

  /** Warn about children the standard does not define here. */
  known(el: XElement | undefined, path: string, names: readonly string[]): void {
    for (const c of el ? elementsOf(el) : [])
      if (!names.includes(c.local))
        this.warn(
          'UNKNOWN_ELEMENT',
          join(path, c.local),
          `Thẻ ${c.local} không thuộc chuẩn tại ${path}; bỏ qua`,
        )
  }
}
