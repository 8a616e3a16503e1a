/** The decision call shared by the dialogs, and the status names the clerk reads in them. */
import { App } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TReceivedPackage } from '@common/contracts/exchange'
import { receivedKey, refreshExchange } from './keys.ts'
import type { Decision } from './model.ts'

export type ModalProps = { pkg: TReceivedPackage; decision: Decision; onClose: () => void }

/** One decision call: keep the answer as the package, refresh lists, counts and incoming documents. */
export function useDecide<T>(pkg: TReceivedPackage, call: (body: T) => Promise<TReceivedPackage>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      queryClient.setQueryData(receivedKey(pkg.id), updated)
      refreshExchange(queryClient)
      message.success(t('exchange.decide.done'))
    },
  })
}

/** "03 · Đã tiếp nhận": the status the sender will receive, as the clerk reads it. */
export function useStatusText(): (code: string) => string {
  const { t } = useTranslation()
  return (code) => `${code} · ${t(`exchange.status.${code}`)}`
}
