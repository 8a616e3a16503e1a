/** Paths of the incoming-document pages (kept beside the feature; the shell and router import them). */
export const DOC_PATHS = {
  list: '/documents-in',
  register: '/documents-in/new',
  inbox: '/inbox',
  registers: '/registers',
} as const

export function documentPath(id: string): string {
  return `${DOC_PATHS.list}/${encodeURIComponent(id)}`
}
