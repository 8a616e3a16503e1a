/**
 * The typed client for the server API. Shapes come from `@common/contracts`; this file only
 * knows URLs. Every write carries the session's CSRF token; errors arrive as `ApiError`.
 */
import type { z } from 'zod'
import type {
  TChangePassword,
  TLoginRequest,
  TSession,
  TTotpSetup,
  TUpdateProfile,
  ZPublicConfig,
} from '@common/contracts/auth'
import type {
  TAuditActionList,
  TAuditQuery,
  TChainReport,
  ZAuditPage,
  ZLoginAttemptPage,
} from '@common/contracts/audit'
import type { ZOk } from '@common/contracts/common'
import type { TDelegation, TDelegationInput, ZDelegationList } from '@common/contracts/delegations'
import type { ZHealth, ZNotificationList } from '@common/contracts/files'
import type {
  TOrganization,
  TOrganizationImportResult,
  TOrganizationInput,
  TOrganizationListQuery,
  TOrganizationUpdate,
  TUnit,
  TUnitInput,
  TUnitUpdate,
  ZOrganizationPage,
  ZUnitList,
} from '@common/contracts/organizations'
import type {
  TCreateUser,
  TUpdateUser,
  TUser,
  TUserListQuery,
  TUserOption,
  TUserWithPassword,
  ZUserPage,
} from '@common/contracts/users'
import { isErrorCode, type ErrorCode } from '@common/errors'
import type { TCaptureResponse } from '@common/contracts/capture'
import type {
  TIncomingDocument,
  TIncomingListQuery,
  TInboxQuery,
  TRegister,
  ZAssign,
  ZAssignmentNote,
  ZComplete,
  ZDuplicateCheck,
  ZDuplicateList,
  ZExtend,
  ZInboxCounts,
  ZIncomingPage,
  ZReassign,
  ZRegisterIncoming,
  ZRegisterInput,
  ZRegisterList,
  ZRegisterUpdate,
  ZRequestExtension,
  ZReturn,
  ZSubmit,
  ZTimeline,
  ZUpdateIncoming,
} from '@common/contracts/documents-in'
import type { ZFileList } from '@common/contracts/files'

export type FieldIssue = { path: string; message: string }

/** A failed API call: the server's error code (or a client-side one) and field issues for forms. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details: FieldIssue[]
  readonly requestId: string | undefined

  constructor(
    code: ErrorCode,
    status: number,
    message: string,
    details: FieldIssue[] = [],
    requestId?: string,
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
    this.requestId = requestId
  }
}

let csrfToken: string | null = null
let onSessionLost: ((code: ErrorCode) => void) | null = null

/** Codes that mean the session is gone or has moved to another sign-in step. */
const SESSION_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'MFA_REQUIRED',
  'MFA_SETUP_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
]

/** The CSRF token of the current session (from every TSession the server returns). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when the server says the session is gone or needs a sign-in step, so the app can go there. */
export function setSessionLostHandler(handler: ((code: ErrorCode) => void) | null): void {
  onSessionLost = handler
}

type Query = Record<string, string | number | boolean | null | undefined>

function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

function toIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return []
  return details.filter((d: unknown): d is FieldIssue => {
    if (typeof d !== 'object' || d === null) return false
    const { path, message } = d as Record<string, unknown>
    return typeof path === 'string' && typeof message === 'string'
  })
}

async function readError(response: Response): Promise<ApiError> {
  // A proxy or a crash may answer with something that is not our JSON error body: then the
  // status alone classifies the error.
  const body: unknown = await response.json().catch(() => null)
  const error = (
    body as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } } | null
  )?.error
  const rawCode = typeof error?.code === 'string' ? error.code : ''
  const code: ErrorCode = isErrorCode(rawCode)
    ? rawCode
    : response.status === 404
      ? 'NOT_FOUND'
      : response.status === 503 || response.status === 502 || response.status === 504
        ? 'SERVICE_UNAVAILABLE'
        : response.status >= 500
          ? 'INTERNAL'
          : 'BAD_REQUEST'
  const message = typeof error?.message === 'string' ? error.message : response.statusText
  const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined
  return new ApiError(code, response.status, message, toIssues(error?.details), requestId)
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** One request: JSON in and out, same-origin cookies, CSRF on writes. */
export async function request<T>(
  method: Method,
  path: string,
  options: { body?: unknown; query?: Query } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch (err) {
    throw new ApiError('SERVICE_UNAVAILABLE', 0, err instanceof Error ? err.message : 'network error')
  }
  if (!response.ok) {
    const error = await readError(response)
    if (SESSION_CODES.includes(error.code) && path !== '/api/auth/session') onSessionLost?.(error.code)
    throw error
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query })
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} })
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body })

type TOk = z.infer<typeof ZOk>
export type TPublicConfig = z.infer<typeof ZPublicConfig>
export type THealth = z.infer<typeof ZHealth>
export type TNotificationList = z.infer<typeof ZNotificationList>
export type TOrganizationPage = z.infer<typeof ZOrganizationPage>
export type TUnitList = z.infer<typeof ZUnitList>
export type TUserPage = z.infer<typeof ZUserPage>
export type TDelegationList = z.infer<typeof ZDelegationList>
export type TAuditPage = z.infer<typeof ZAuditPage>
export type TLoginAttemptPage = z.infer<typeof ZLoginAttemptPage>
export type TLoginAttemptQuery = {
  username?: string
  ip?: string
  isSuccess?: boolean
  page?: number
  pageSize?: number
}
export type TDelegationStatus = TDelegation['status']

/** Query objects as the UI builds them: every filter optional. */
type Partialize<T> = { [K in keyof T]?: T[K] | undefined }
const id = (value: string) => encodeURIComponent(value)

export const api = {
  system: {
    config: () => get<TPublicConfig>('/api/config'),
    health: () => get<THealth>('/api/health'),
  },
  auth: {
    login: (body: TLoginRequest) => post<TSession>('/api/auth/login', body),
    session: () => get<TSession>('/api/auth/session'),
    logout: () => post<TOk>('/api/auth/logout'),
    verifyTotp: (code: string) => post<TSession>('/api/auth/totp/verify', { code }),
    setupTotp: () => post<TTotpSetup>('/api/auth/totp/setup'),
    enableTotp: (code: string) => post<TSession>('/api/auth/totp/enable', { code }),
    disableTotp: (password: string) => post<TOk>('/api/auth/totp/disable', { password }),
    changePassword: (body: TChangePassword) => post<TOk>('/api/auth/password', body),
    updateProfile: (body: TUpdateProfile) => patch<TSession>('/api/auth/profile', body),
  },
  users: {
    options: (q?: string) => get<{ items: TUserOption[] }>('/api/users/options', { q }),
    list: (query: Partialize<TUserListQuery>) => get<TUserPage>('/api/admin/users', query),
    get: (userId: string) => get<TUser>(`/api/admin/users/${id(userId)}`),
    create: (body: TCreateUser) => post<TUserWithPassword>('/api/admin/users', body),
    update: (userId: string, body: TUpdateUser) => patch<TUser>(`/api/admin/users/${id(userId)}`, body),
    disable: (userId: string) => post<TUser>(`/api/admin/users/${id(userId)}/disable`),
    enable: (userId: string) => post<TUser>(`/api/admin/users/${id(userId)}/enable`),
    resetTotp: (userId: string) => post<TUser>(`/api/admin/users/${id(userId)}/reset-totp`),
    unlock: (userId: string) => post<TUser>(`/api/admin/users/${id(userId)}/unlock`),
    resetPassword: (userId: string) =>
      post<TUserWithPassword>(`/api/admin/users/${id(userId)}/reset-password`),
  },
  organizations: {
    list: (query: Partialize<TOrganizationListQuery>) => get<TOrganizationPage>('/api/organizations', query),
    get: (orgId: string) => get<TOrganization>(`/api/organizations/${id(orgId)}`),
    create: (body: TOrganizationInput) => post<TOrganization>('/api/admin/organizations', body),
    update: (orgId: string, body: TOrganizationUpdate) =>
      patch<TOrganization>(`/api/admin/organizations/${id(orgId)}`, body),
    importCsv: (csv: string, dryRun: boolean) =>
      post<TOrganizationImportResult>('/api/admin/organizations/import', { csv, dryRun }),
  },
  units: {
    list: () => get<TUnitList>('/api/units'),
    create: (body: TUnitInput) => post<TUnit>('/api/admin/units', body),
    update: (unitId: string, body: TUnitUpdate) => patch<TUnit>(`/api/admin/units/${id(unitId)}`, body),
  },
  delegations: {
    list: (query: { status?: TDelegationStatus | undefined; userId?: string | undefined }) =>
      get<TDelegationList>('/api/delegations', query),
    create: (body: TDelegationInput) => post<TDelegation>('/api/delegations', body),
    revoke: (delegationId: string) => post<TDelegation>(`/api/delegations/${id(delegationId)}/revoke`),
  },
  audit: {
    events: (query: Partialize<TAuditQuery>) => get<TAuditPage>('/api/audit/events', query),
    verify: () => get<TChainReport>('/api/audit/verify'),
    loginAttempts: (query: TLoginAttemptQuery) => get<TLoginAttemptPage>('/api/audit/login-attempts', query),
    actions: () => get<TAuditActionList>('/api/audit/actions'),
  },
  notifications: {
    list: () => get<TNotificationList>('/api/notifications'),
    read: (notificationId: string) => post<TOk>(`/api/notifications/${id(notificationId)}/read`),
    readAll: () => post<TOk>('/api/notifications/read-all'),
  },
}

// Incoming documents, inbox, registers, smart capture (issue 3) ------------------------------

export type TRegisterList = z.infer<typeof ZRegisterList>
export type TIncomingPage = z.infer<typeof ZIncomingPage>
export type TInboxCounts = z.infer<typeof ZInboxCounts>
export type TTimeline = z.infer<typeof ZTimeline>
export type TDuplicateList = z.infer<typeof ZDuplicateList>
export type TDuplicateCandidate = TDuplicateList['items'][number]
export type TDuplicateCheck = z.input<typeof ZDuplicateCheck>
export type TFileList = z.infer<typeof ZFileList>

/** Registration refused as a possible duplicate: the server's candidates travel with the error. */
export class DuplicateDocumentError extends ApiError {
  readonly candidates: TDuplicateCandidate[]
  constructor(base: ApiError, candidates: TDuplicateCandidate[]) {
    super(base.code, base.status, base.message, base.details, base.requestId)
    this.candidates = candidates
  }
}

async function postRegisterIncoming(body: z.input<typeof ZRegisterIncoming>): Promise<TIncomingDocument> {
  try {
    return await post<TIncomingDocument>('/api/documents-in', body)
  } catch (error) {
    if (error instanceof ApiError && error.code === 'DUPLICATE_DOCUMENT') {
      // The candidates sit in error.details.candidates, which the generic reader drops: ask again.
      const check = await post<TDuplicateList>('/api/documents-in/duplicates', {
        senderOrganizationId: body.senderOrganizationId ?? null,
        senderName: body.senderName ?? null,
        numberAndNotation: body.numberAndNotation ?? null,
        issueDate: body.issueDate ?? null,
      }).catch(() => ({ items: [] }))
      throw new DuplicateDocumentError(error, check.items)
    }
    throw error
  }
}

/** Multipart upload to POST /api/files (parts named "files"), with the session's CSRF token. */
async function uploadFiles(files: File[]): Promise<TFileList> {
  const body = new FormData()
  for (const file of files) body.append('files', file, file.name)
  const headers: Record<string, string> = { accept: 'application/json' }
  if (csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch('/api/files', { method: 'POST', headers, credentials: 'same-origin', body })
  } catch (err) {
    throw new ApiError('SERVICE_UNAVAILABLE', 0, err instanceof Error ? err.message : 'network error')
  }
  if (!response.ok) {
    const error = await readError(response)
    if (SESSION_CODES.includes(error.code)) onSessionLost?.(error.code)
    throw error
  }
  return (await response.json()) as TFileList
}

/** Where a stored file is read: inline (PDF viewer) or as a download. */
export function fileContentUrl(fileId: string, inline = false): string {
  return `/api/files/${id(fileId)}/content${inline ? '?inline=1' : ''}`
}

export const docApi = {
  files: {
    upload: uploadFiles,
  },
  capture: {
    file: (fileId: string) => post<TCaptureResponse>(`/api/capture/files/${id(fileId)}`),
  },
  people: {
    /** People for pickers (leaders are filtered by role on the client). */
    options: (q?: string, limit = 50) => get<{ items: TUserOption[] }>('/api/users/options', { q, limit }),
  },
  registers: {
    list: (kind: TRegister['kind'] = 'incoming') => get<TRegisterList>('/api/registers', { kind }),
    create: (body: z.input<typeof ZRegisterInput>) => post<TRegister>('/api/registers', body),
    update: (registerId: string, body: z.input<typeof ZRegisterUpdate>) =>
      patch<TRegister>(`/api/registers/${id(registerId)}`, body),
  },
  documentsIn: {
    list: (query: Partialize<TIncomingListQuery>) => get<TIncomingPage>('/api/documents-in', query),
    get: (docId: string) => get<TIncomingDocument>(`/api/documents-in/${id(docId)}`),
    update: (docId: string, body: z.input<typeof ZUpdateIncoming>) =>
      patch<TIncomingDocument>(`/api/documents-in/${id(docId)}`, body),
    timeline: (docId: string) => get<TTimeline>(`/api/documents-in/${id(docId)}/timeline`),
    duplicates: (body: TDuplicateCheck) => post<TDuplicateList>('/api/documents-in/duplicates', body),
    register: postRegisterIncoming,
    submit: (docId: string, body: z.input<typeof ZSubmit>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/submit`, body),
    assign: (docId: string, body: z.input<typeof ZAssign>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/assign`, body),
    reassign: (docId: string, body: z.input<typeof ZReassign>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/reassign`, body),
    start: (docId: string, assignmentId: string) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/start`, { assignmentId }),
    note: (docId: string, body: z.input<typeof ZAssignmentNote>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/notes`, body),
    complete: (docId: string, body: z.input<typeof ZComplete>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/complete`, body),
    returnIt: (docId: string, body: z.input<typeof ZReturn>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/return`, body),
    extend: (docId: string, body: z.input<typeof ZExtend>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/extend`, body),
    requestExtension: (docId: string, body: z.input<typeof ZRequestExtension>) =>
      post<TIncomingDocument>(`/api/documents-in/${id(docId)}/request-extension`, body),
  },
  inbox: {
    list: (query: Partialize<TInboxQuery>) => get<TIncomingPage>('/api/inbox', query),
    counts: () => get<TInboxCounts>('/api/inbox/counts'),
  },
}
