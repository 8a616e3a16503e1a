/** Paths of the outgoing-document pages (kept beside the feature; the shell and router import them). */
export const OUT_PATHS = {
  list: '/documents-out',
  create: '/documents-out/new',
} as const

export function outgoingPath(id: string): string {
  return `${OUT_PATHS.list}/${encodeURIComponent(id)}`
}

/** The draft form, pre-filled as the reply to an incoming document. */
export function replyPath(incomingId: string): string {
  return `${OUT_PATHS.create}?replyTo=${encodeURIComponent(incomingId)}`
}
