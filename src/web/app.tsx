/** Providers: server-state cache, antd theme and locale (following the interface language), router. */
import { useMemo } from 'react'
import { App as AntApp, ConfigProvider } from 'antd'
import viVN from 'antd/locale/vi_VN'
import enUS from 'antd/locale/en_US'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { useTranslation } from 'react-i18next'
import { ApiError } from './lib/api.ts'
import { router } from './router.tsx'
import { theme } from './theme.ts'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (refused, not found, invalid) do not get better by asking again.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
})

function ThemedApp() {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? enUS : viVN
  const config = useMemo(() => theme, [])
  return (
    <ConfigProvider locale={locale} theme={config}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  )
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemedApp />
    </QueryClientProvider>
  )
}
