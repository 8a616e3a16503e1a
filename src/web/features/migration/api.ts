/**
 * The typed client of /api/migration (issue 6). The export itself goes through POST /api/files
 * (docApi.files.upload); the zip of files has its own administrator-only route, sent here as
 * multipart with the session's CSRF token.
 */
import type {
  MigrationKind,
  TCreateMigrationRun,
  TMigrationArchive,
  TMigrationRun,
  TMigrationRunPage,
} from '@common/contracts/migration'
import { isErrorCode } from '@common/errors'
import { ApiError, request } from '../../lib/api.ts'

const base = '/api/migration'
const id = (value: string) => encodeURIComponent(value)

/** POST the zip as multipart (part "file"); errors come back as ApiError like every other call. */
async function uploadArchive(file: File, csrfToken: string): Promise<TMigrationArchive> {
  const body = new FormData()
  body.append('file', file, file.name)
  let response: Response
  try {
    response = await fetch(`${base}/archives`, {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body,
    })
  } catch (err) {
    throw new ApiError('SERVICE_UNAVAILABLE', 0, err instanceof Error ? err.message : 'network error')
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; requestId?: string }
    } | null
    const code = payload?.error?.code ?? ''
    throw new ApiError(
      isErrorCode(code) ? code : response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
      response.status,
      payload?.error?.message ?? response.statusText,
      [],
      payload?.error?.requestId,
    )
  }
  return (await response.json()) as TMigrationArchive
}

export const migrationApi = {
  runs: {
    list: (query: { kind?: MigrationKind | undefined; page?: number; pageSize?: number }) =>
      request<TMigrationRunPage>('GET', `${base}/runs`, { query }),
    get: (runId: string) => request<TMigrationRun>('GET', `${base}/runs/${id(runId)}`),
    create: (body: TCreateMigrationRun) => request<TMigrationRun>('POST', `${base}/runs`, { body }),
    cancel: (runId: string) =>
      request<TMigrationRun>('POST', `${base}/runs/${id(runId)}/cancel`, { body: {} }),
    resume: (runId: string) =>
      request<TMigrationRun>('POST', `${base}/runs/${id(runId)}/resume`, { body: {} }),
  },
  uploadArchive,
  templateUrl: (kind: MigrationKind) => `${base}/templates/${kind}`,
  problemsUrl: (runId: string) => `${base}/runs/${id(runId)}/problems.csv`,
}
