/** Paths of the exchange pages (kept beside the feature; the shell, router and notifications import them). */
export const EXCHANGE_PATHS = {
  received: '/exchange/received',
  tracking: '/exchange/tracking',
  admin: '/admin/exchange',
} as const

export function receivedPath(id: string): string {
  return `${EXCHANGE_PATHS.received}/${encodeURIComponent(id)}`
}
