/**
 * The typed client of /api/consultations (issue 7). Shapes come from the contracts; this file only
 * knows URLs, on top of web/lib's `request` (CSRF, error codes).
 */
import type { z } from 'zod'
import type {
  TConsultation,
  TConsultationProgress,
  TConsultationSummary,
  TResponse,
  ZApproveInput,
  ZCancelInput,
  ZRemindInput,
  ZCloseInput,
  ZConfirmInput,
  ZConsultationInput,
  ZConsultationList,
  ZConsultationListQuery,
  ZDispositionsInput,
  ZExtendInput,
  ZParticipantGroups,
  ZReceipt,
  ZResponseInput,
  ZReturnInput,
  ZRevisedDraftInput,
  ZSignResponseInput,
  ZSubmitForApproval,
  ZSummarySlipInput,
} from '@common/contracts/consultations'
import { request } from '../../lib/api.ts'

export type TConsultationList = z.infer<typeof ZConsultationList>
export type TParticipantGroups = z.infer<typeof ZParticipantGroups>
export type TReceipt = z.infer<typeof ZReceipt>
export type TListQuery = Omit<z.input<typeof ZConsultationListQuery>, 'page' | 'pageSize'> & {
  page?: number
  pageSize?: number
}

type In<S extends z.ZodType> = z.input<S>
const id = (value: string) => encodeURIComponent(value)
const base = '/api/consultations'
const one = (cId: string, action = '') => `${base}/${id(cId)}${action ? `/${action}` : ''}`
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body })

export const consultApi = {
  list: (query: TListQuery) => request<TConsultationList>('GET', base, { query }),
  groups: () => request<TParticipantGroups>('GET', `${base}/participant-groups`),
  get: (cId: string) => request<TConsultation>('GET', one(cId)),
  create: (body: In<typeof ZConsultationInput>) => post<TConsultation>(base, body),
  update: (cId: string, body: In<typeof ZConsultationInput>) =>
    request<TConsultation>('PATCH', one(cId), { body }),
  submit: (cId: string, body: In<typeof ZSubmitForApproval>) => post<TConsultation>(one(cId, 'submit'), body),
  approve: (cId: string, body: In<typeof ZApproveInput>) => post<TConsultation>(one(cId, 'approve'), body),
  returnIt: (cId: string, body: In<typeof ZReturnInput>) => post<TConsultation>(one(cId, 'return'), body),
  extend: (cId: string, body: In<typeof ZExtendInput>) => post<TConsultation>(one(cId, 'extend'), body),
  close: (cId: string, body: In<typeof ZCloseInput>) => post<TConsultation>(one(cId, 'close'), body),
  cancel: (cId: string, body: In<typeof ZCancelInput>) => post<TConsultation>(one(cId, 'cancel'), body),
  progress: (cId: string) => request<TConsultationProgress>('GET', one(cId, 'progress')),
  remind: (cId: string, body: In<typeof ZRemindInput>) =>
    post<{ reminded: number; at: string }>(one(cId, 'remind'), body),
  myResponse: (cId: string, memberId?: string) =>
    request<TResponse>('GET', one(cId, 'responses/mine'), { query: { memberId } }),
  saveResponse: (cId: string, body: In<typeof ZResponseInput>) =>
    request<TResponse>('PUT', one(cId, 'responses/mine'), { body }),
  confirm: (cId: string, responseId: string, body: In<typeof ZConfirmInput>) =>
    post<TResponse>(one(cId, `responses/${id(responseId)}/confirm`), body),
  sign: (cId: string, responseId: string, body: In<typeof ZSignResponseInput>) =>
    post<TResponse>(one(cId, `responses/${id(responseId)}/sign`), body),
  receipt: (cId: string, responseId: string) =>
    request<TReceipt>('GET', one(cId, `responses/${id(responseId)}/receipt`)),
  summary: (cId: string) => request<TConsultationSummary>('GET', one(cId, 'summary')),
  dispositions: (cId: string, body: In<typeof ZDispositionsInput>) =>
    request<TConsultationSummary>('PATCH', one(cId, 'summary/dispositions'), { body }),
  revisedDraft: (cId: string, body: In<typeof ZRevisedDraftInput>) =>
    post<TConsultation>(one(cId, 'revised-draft'), body),
  slip: (cId: string, body: In<typeof ZSummarySlipInput>) =>
    post<TConsultation>(one(cId, 'summary/slip'), body),
}

/** The summary report as a download (DOCX or PDF). */
export function summaryExportUrl(cId: string, format: 'docx' | 'pdf'): string {
  return `${one(cId)}/summary.${format}`
}
