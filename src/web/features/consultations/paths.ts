/** Paths of the consultation pages (kept beside the feature; the shell and router import them). */
export const CONSULT_PATHS = {
  list: '/consultations',
  create: '/consultations/new',
} as const

export type ConsultationTab = 'overview' | 'answer' | 'progress' | 'summary'

export function consultationPath(id: string, tab?: ConsultationTab): string {
  const base = `${CONSULT_PATHS.list}/${encodeURIComponent(id)}`
  return tab ? `${base}?tab=${tab}` : base
}

export function consultationEditPath(id: string): string {
  return `${CONSULT_PATHS.list}/${encodeURIComponent(id)}/edit`
}
