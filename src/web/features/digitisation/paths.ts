/** Paths of the digitisation pages (the shell and the router import them). */
export const DIGITISATION_PATH = '/digitisation'

export function batchPath(id: string): string {
  return `${DIGITISATION_PATH}/${encodeURIComponent(id)}`
}
