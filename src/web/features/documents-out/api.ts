/**
 * The typed client of /api/documents-out (issue 4). Shapes come from the contracts; this file only
 * knows URLs, on top of web/lib's `request` (CSRF, error codes).
 */
import type { z } from 'zod'
import type {
  TAddVersion,
  TApproveDraft,
  TIssueDocument,
  TOutgoingDocument,
  TOutgoingListQuery,
  TRecallDocument,
  TRejectDraft,
  TReplaceDocument,
  TReturnDraft,
  TSignDraft,
  TSubmitDraft,
  TUpdateDraft,
  TVersionDiff,
  ZAddComment,
  ZCreateDraft,
  ZDraftOptions,
  ZFormatCheck,
  ZOutgoingCounts,
  ZOutgoingPage,
  ZReplyList,
} from '@common/contracts/documents-out'
import { request } from '../../lib/api.ts'

export type TOutgoingPage = z.infer<typeof ZOutgoingPage>
export type TOutgoingCounts = z.infer<typeof ZOutgoingCounts>
export type TDraftOptions = z.infer<typeof ZDraftOptions>
export type TReplyList = z.infer<typeof ZReplyList>
export type TFormatCheck = z.infer<typeof ZFormatCheck>

type Partialize<T> = { [K in keyof T]?: T[K] | undefined }
const id = (value: string) => encodeURIComponent(value)
const base = '/api/documents-out'
const doc = (docId: string, action = '') => `${base}/${id(docId)}${action ? `/${action}` : ''}`
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body })

export const outApi = {
  list: (query: Partialize<TOutgoingListQuery>) => request<TOutgoingPage>('GET', base, { query }),
  counts: () => request<TOutgoingCounts>('GET', `${base}/counts`),
  options: () => request<TDraftOptions>('GET', `${base}/options`),
  repliesTo: (incomingId: string) => request<TReplyList>('GET', `${base}/replies-to/${id(incomingId)}`),
  get: (docId: string) => request<TOutgoingDocument>('GET', doc(docId)),
  create: (body: z.input<typeof ZCreateDraft>) => post<TOutgoingDocument>(base, body),
  update: (docId: string, body: TUpdateDraft) => request<TOutgoingDocument>('PATCH', doc(docId), { body }),
  addVersion: (docId: string, body: TAddVersion) => post<TOutgoingDocument>(doc(docId, 'versions'), body),
  addAttachments: (docId: string, fileIds: string[]) =>
    post<TOutgoingDocument>(doc(docId, 'attachments'), { fileIds }),
  removeAttachment: (docId: string, fileId: string) =>
    request<TOutgoingDocument>('DELETE', `${doc(docId, 'attachments')}/${id(fileId)}`),
  comment: (docId: string, body: z.input<typeof ZAddComment>) =>
    post<TOutgoingDocument>(doc(docId, 'comments'), body),
  diff: (docId: string, from: string, to: string) =>
    request<TVersionDiff>('GET', doc(docId, 'diff'), { query: { from, to } }),
  submit: (docId: string, body: TSubmitDraft) => post<TOutgoingDocument>(doc(docId, 'submit'), body),
  approve: (docId: string, body: TApproveDraft) => post<TOutgoingDocument>(doc(docId, 'approve'), body),
  returnIt: (docId: string, body: TReturnDraft) => post<TOutgoingDocument>(doc(docId, 'return'), body),
  reject: (docId: string, body: TRejectDraft) => post<TOutgoingDocument>(doc(docId, 'reject'), body),
  formatCheck: (docId: string, registerId: string | null) =>
    post<TFormatCheck>(doc(docId, 'format-check'), { registerId }),
  sign: (docId: string, body: TSignDraft) => post<TOutgoingDocument>(doc(docId, 'sign'), body),
  assignNumber: (docId: string, registerId: string) =>
    post<TOutgoingDocument>(doc(docId, 'number'), { registerId }),
  cancelNumber: (docId: string, reason: string) =>
    post<TOutgoingDocument>(doc(docId, 'cancel-number'), { reason }),
  issue: (docId: string, body: TIssueDocument) => post<TOutgoingDocument>(doc(docId, 'issue'), body),
  recall: (docId: string, body: TRecallDocument) => post<TOutgoingDocument>(doc(docId, 'recall'), body),
  replace: (docId: string, body: TReplaceDocument) => post<TOutgoingDocument>(doc(docId, 'replace'), body),
  retryDelivery: (docId: string, deliveryId: string) =>
    post<TOutgoingDocument>(`${doc(docId, 'deliveries')}/${id(deliveryId)}/retry`),
}

/** The outgoing register as a PDF (print) or an Excel workbook, for issue dates in [from, to]. */
export function outgoingRegisterExportUrl(
  registerId: string,
  from: string,
  to: string,
  format: 'pdf' | 'xlsx',
): string {
  const q = new URLSearchParams({ from, to, format })
  return `${base}/registers/${id(registerId)}/export?${q.toString()}`
}
