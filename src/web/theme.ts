/** The Mekong palette: deep river blue with a teal accent, on a calm light background. */
import type { ThemeConfig } from 'antd'

export const PALETTE = {
  navy: '#0b2f4e',
  navyDeep: '#082339',
  blue: '#0b5c96',
  teal: '#0f8b8d',
  tealLight: '#37c2c4',
  background: '#f3f6f9',
} as const

/** Headless browsers driving end-to-end tests get no motion, so screenshots are sharp. */
export const isAutomated = typeof navigator !== 'undefined' && navigator.webdriver === true

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PALETTE.blue,
    colorInfo: PALETTE.blue,
    colorLink: PALETTE.blue,
    colorSuccess: '#1f8a4c',
    colorWarning: '#c27c0e',
    colorError: '#c4302b',
    // Explicit tints: the ones derived from these dark seeds come out greyish.
    colorSuccessBg: '#eef8f1',
    colorSuccessBorder: '#a8d8b8',
    colorInfoBg: '#edf5fc',
    colorInfoBorder: '#b3d2ee',
    colorWarningBg: '#fff8e8',
    colorWarningBorder: '#f1d48f',
    colorErrorBg: '#fdf1f0',
    colorErrorBorder: '#f0b8b4',
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
    colorBgLayout: PALETTE.background,
    motion: !isAutomated,
  },
  components: {
    Layout: {
      siderBg: PALETTE.navy,
      triggerBg: PALETTE.navyDeep,
      headerBg: '#ffffff',
      headerPadding: '0 16px',
      headerHeight: 56,
    },
    Menu: {
      darkItemBg: PALETTE.navy,
      darkSubMenuItemBg: PALETTE.navyDeep,
      darkItemSelectedBg: PALETTE.teal,
      darkPopupBg: PALETTE.navy,
    },
    Table: { headerBg: '#eef3f7' },
  },
}
