/** Query keys of the consultation pages, and one call that refreshes all of them after a change. */
import type { QueryClient } from '@tanstack/react-query'

export const CONSULTATIONS_KEY = ['consultations'] as const
export const GROUPS_KEY = [...CONSULTATIONS_KEY, 'participant-groups'] as const
export const TO_ANSWER_KEY = [...CONSULTATIONS_KEY, 'to-answer'] as const

export function consultationKey(id: string) {
  return [...CONSULTATIONS_KEY, 'one', id] as const
}

export function progressKey(id: string) {
  return [...CONSULTATIONS_KEY, 'progress', id] as const
}

export function responseKey(id: string, memberId: string) {
  return [...CONSULTATIONS_KEY, 'response', id, memberId] as const
}

export function receiptKey(id: string, responseId: string) {
  return [...CONSULTATIONS_KEY, 'receipt', id, responseId] as const
}

export function summaryKey(id: string) {
  return [...CONSULTATIONS_KEY, 'summary', id] as const
}

/** After any write: the lists, the counts, the consultation and what hangs off it. */
export function refreshConsultations(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: CONSULTATIONS_KEY })
}
