/**
 * The typed client of /api/exchange (issue 5, liên thông văn bản). Shapes come from the contract;
 * this file only knows URLs, on top of web/lib's `request` (CSRF, error codes).
 */
import type { z } from 'zod'
import type {
  TAcceptReceived,
  TDirectoryImport,
  TDirectoryImportResult,
  TExchangeIdentity,
  TOutboxItem,
  TReceivedListQuery,
  TReceivedPackage,
  TReceivedPage,
  TRefuseReceived,
  TSentExchange,
  TStuckList,
  ZOutboxPage,
  ZOutboxQuery,
  ZPollResult,
  ZReceivedCounts,
} from '@common/contracts/exchange'
import { request } from '../../lib/api.ts'

export type TReceivedCounts = z.infer<typeof ZReceivedCounts>
export type TPollResult = z.infer<typeof ZPollResult>
export type TOutboxPage = z.infer<typeof ZOutboxPage>
export type TOutboxQuery = {
  state?: z.output<typeof ZOutboxQuery>['state']
  page?: number
  pageSize?: number
}

type Partialize<T> = { [K in keyof T]?: T[K] | undefined }
const id = (value: string) => encodeURIComponent(value)
const base = '/api/exchange'
const received = (pkgId: string, action = '') => `${base}/received/${id(pkgId)}${action ? `/${action}` : ''}`
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body })

export const exchangeApi = {
  received: {
    list: (query: Partialize<TReceivedListQuery>) =>
      request<TReceivedPage>('GET', `${base}/received`, { query }),
    counts: () => request<TReceivedCounts>('GET', `${base}/received/counts`),
    get: (pkgId: string) => request<TReceivedPackage>('GET', received(pkgId)),
    accept: (pkgId: string, body: TAcceptReceived) => post<TReceivedPackage>(received(pkgId, 'accept'), body),
    refuse: (pkgId: string, body: TRefuseReceived) => post<TReceivedPackage>(received(pkgId, 'refuse'), body),
  },
  poll: () => post<TPollResult>(`${base}/poll`),
  sent: (documentId: string) => request<TSentExchange>('GET', `${base}/sent/${id(documentId)}`),
  stuck: (hours: number) => request<TStuckList>('GET', `${base}/stuck`, { query: { hours } }),
  outbox: {
    list: (query: TOutboxQuery) => request<TOutboxPage>('GET', `${base}/outbox`, { query }),
    retry: (itemId: string) => post<TOutboxItem>(`${base}/outbox/${id(itemId)}/retry`),
  },
  identity: () => request<TExchangeIdentity>('GET', `${base}/identity`),
  directory: {
    sync: () => post<TDirectoryImportResult>(`${base}/directory/sync`),
    import: (body: TDirectoryImport) => post<TDirectoryImportResult>(`${base}/directory/import`, body),
  },
}
