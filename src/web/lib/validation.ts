/**
 * Forms are validated with the same zod schemas the server uses (src/common/contracts). This
 * file gives zod readable messages in the interface language and maps zod issues and server
 * field errors onto antd Form fields.
 */
import { z } from 'zod'
import type { FormInstance } from 'antd'
import type { ErrorCode } from '@common/errors'
import type { ApiError } from './api.ts'

type Translate = (key: string, values?: Record<string, unknown>) => string
type RawIssue = z.core.$ZodRawIssue

function messageFor(issue: RawIssue, t: Translate): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('validation.required')
        : t('validation.invalid')
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string')
        return min <= 1 ? t('validation.required') : t('validation.minLength', { min })
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.minItems', { min })
      return t('validation.minValue', { min })
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return t('validation.maxLength', { max })
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.maxItems', { max })
      return t('validation.maxValue', { max })
    }
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email')
      if (issue.format === 'url') return t('validation.url')
      if (issue.format === 'datetime' || issue.format === 'date') return t('validation.dateTime')
      return t('validation.format')
    default:
      return t('validation.invalid')
  }
}

/** Give zod messages in the current language (schemas' own messages still take precedence). */
export function installZodMessages(t: Translate): void {
  z.config({ customError: (issue) => messageFor(issue, t) })
}

export type FieldError = { name: (string | number)[]; errors: string[] }

function pathOf(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)))
}

/** zod issues → antd field errors (the first message per field). */
export function issuesToFields(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  t: Translate,
): FieldError[] {
  const byField = new Map<string, FieldError>()
  for (const issue of issues) {
    const name = pathOf(issue.path)
    const key = name.join('.')
    if (byField.has(key)) continue
    byField.set(key, { name, errors: [translateMessage(issue.message, t)] })
  }
  return [...byField.values()]
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** Messages may be catalog keys (preferred in contracts) or already-written text. */
function translateMessage(message: string, t: Translate): string {
  if (/^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/.test(message)) {
    const text = t(message)
    if (text !== message) return text
  }
  return message
}

/**
 * Validate form values with a contract schema. On failure the issues are shown on their fields
 * and null is returned; on success the parsed (trimmed, normalised) value is returned.
 */
export function parseForm<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  t: Translate,
): z.output<S> | null {
  const result = schema.safeParse(values)
  if (result.success) return result.data
  // An empty field is simply missing, whatever the schema's own message says about bad values.
  const issues = result.error.issues.map((issue) =>
    isEmpty(valueAt(values, issue.path)) ? { ...issue, message: t('validation.required') } : issue,
  )
  const fields = issuesToFields(issues, t)
  // A root-level issue (no path) has no field to sit on; attach it to the first field we know.
  form.setFields(fields.filter((f) => f.name.length > 0))
  const first = fields.find((f) => f.name.length > 0)
  if (first) form.scrollToField(first.name, { block: 'center' })
  return null
}

/**
 * Put a server error on the form: field details (`body.username` → `username`) and, for codes
 * that belong to one field (USERNAME_TAKEN → username), that field, with the code's text or a
 * text of the form's own. Returns true when at least one field received a message.
 */
export function applyServerError(
  form: FormInstance,
  error: ApiError,
  t: Translate,
  fieldByCode: Partial<Record<ErrorCode, string | { field: string; messageKey: string }>> = {},
): boolean {
  const fields: FieldError[] = []
  for (const detail of error.details) {
    const parts = detail.path.split('.').filter((p) => p !== '' && p !== 'body')
    if (parts.length === 0) continue
    fields.push({
      name: parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [translateMessage(detail.message, t)],
    })
  }
  const target = fieldByCode[error.code]
  if (typeof target === 'string') fields.push({ name: [target], errors: [t(`errors.${error.code}`)] })
  else if (target) fields.push({ name: [target.field], errors: [t(target.messageKey)] })
  if (fields.length > 0) form.setFields(fields)
  return fields.length > 0
}

/** A message set by `parseForm` or the server stays until its field changes: clear it then. */
export function clearErrorsOnChange(form: FormInstance): (changed: Record<string, unknown>) => void {
  return (changed) => {
    const names = Object.keys(changed).filter((name) => form.getFieldError(name).length > 0)
    if (names.length > 0) form.setFields(names.map((name) => ({ name, errors: [] })))
  }
}
