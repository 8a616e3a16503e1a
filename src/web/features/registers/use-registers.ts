import { useQuery } from '@tanstack/react-query'
import { docApi } from '../../lib/api.ts'
import { REGISTERS_KEY } from '../documents-in/keys.ts'

/** The incoming registers (sổ văn bản đến) this user sees. */
export function useIncomingRegisters(enabled = true) {
  return useQuery({
    queryKey: [...REGISTERS_KEY, 'incoming'],
    queryFn: () => docApi.registers.list('incoming'),
    staleTime: 60_000,
    enabled,
  })
}
