/**
 * The typed client of /api/digitisation (issue 6, số hóa). Shapes come from the contract; this
 * file only knows URLs, on top of web/lib's `request` (CSRF, error codes).
 */
import type {
  TCreateScanBatch,
  TRegisterScanItem,
  TScanBatch,
  TScanBatchListQuery,
  TScanBatchPage,
  TScanItem,
  TScanItemRegistered,
} from '@common/contracts/digitisation'
import { request } from '../../lib/api.ts'

export type TDigitisationStatus = { isOcrAvailable: boolean; maxBatchFiles: number }

const id = (value: string) => encodeURIComponent(value)
const base = '/api/digitisation'
const post = <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body })

export const digitisationApi = {
  status: () => request<TDigitisationStatus>('GET', `${base}/status`),
  batches: {
    list: (query: TScanBatchListQuery) =>
      request<TScanBatchPage>('GET', `${base}/batches`, {
        query: {
          page: Number(query.page ?? 1),
          pageSize: Number(query.pageSize ?? 20),
          isOpen: query.isOpen,
        },
      }),
    get: (batchId: string) => request<TScanBatch>('GET', `${base}/batches/${id(batchId)}`),
    create: (body: TCreateScanBatch) => post<TScanBatch>(`${base}/batches`, body),
  },
  items: {
    get: (itemId: string) => request<TScanItem>('GET', `${base}/items/${id(itemId)}`),
    register: (itemId: string, body: TRegisterScanItem) =>
      post<TScanItemRegistered>(`${base}/items/${id(itemId)}/register`, body),
    discard: (itemId: string) => post<TScanItem>(`${base}/items/${id(itemId)}/discard`),
    retry: (itemId: string) => post<TScanItem>(`${base}/items/${id(itemId)}/retry`),
  },
}

export const DIGITISATION_KEY = ['digitisation'] as const
export const batchKey = (batchId: string) => [...DIGITISATION_KEY, 'batch', batchId] as const
