/** Where a notification leads, in the web app (the bell) and in e-mails (under PUBLIC_URL). */
export function notificationPath(kind: string, data: Record<string, unknown>): string {
  const id = typeof data.documentId === 'string' ? encodeURIComponent(data.documentId) : null
  if (kind.startsWith('documentIn.') && id) return `/documents-in/${id}`
  if (kind.startsWith('documentOut.') && id) return `/documents-out/${id}`
  // Exchange (issue 5): a received package opens for the clerk's decision; a status about one of
  // our sent documents opens that document, whose panel shows every recipient's statuses.
  if (kind.startsWith('exchange.')) {
    if (typeof data.messageId === 'string') return `/exchange/received/${encodeURIComponent(data.messageId)}`
    if (id) return `/documents-out/${id}`
  }
  // Consultations (issue 7): the consultation's page (answering, progress or summary by the reader).
  if (kind.startsWith('consultation.') && typeof data.consultationId === 'string') {
    return `/consultations/${encodeURIComponent(data.consultationId)}`
  }
  if (kind.startsWith('delegation.')) return '/my-delegations'
  if (kind === 'user.passwordReset') return '/login'
  return '/'
}
