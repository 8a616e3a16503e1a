/**
 * i18next with Vietnamese as the source language. The catalogs live in src/common/i18n so the
 * server can use the same texts. Switching the language also switches dayjs, antd (through
 * `useAntdLocale`) and the messages of client-side form validation.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import dayjs from 'dayjs'
import 'dayjs/locale/vi'
import 'dayjs/locale/en'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import relativeTime from 'dayjs/plugin/relativeTime'
import { LOCALES, type Locale } from '@common/domain'
import vi from '@common/i18n/vi.json'
import en from '@common/i18n/en.json'
import { installZodMessages } from './validation.ts'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(relativeTime)

const STORAGE_KEY = 'eoffice.locale'

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return isLocale(value) ? value : 'vi'
  } catch {
    // Storage can be blocked (private mode, policies): Vietnamese is the default.
    return 'vi'
  }
}

function remember(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembering is harmless: the profile keeps the choice for signed-in users.
    return
  }
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale)
  document.documentElement.lang = locale
  installZodMessages((key, values) => i18n.t(key, values))
}

/** Start i18next synchronously (the catalogs are bundled). */
export function initI18n(): typeof i18n {
  const locale = storedLocale()
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'vi',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  applyLocale(locale)
  return i18n
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'vi'
}

let pendingLocale: Locale | null = null

/** A language picked before the profile can be written (on the sign-in pages), to save after sign-in. */
export function choosePendingLocale(locale: Locale): void {
  pendingLocale = locale
}

export function hasPendingLocale(): boolean {
  return pendingLocale !== null
}

export function takePendingLocale(): Locale | null {
  const locale = pendingLocale
  pendingLocale = null
  return locale
}

/** Change the interface language and remember it on this browser. */
export async function changeLocale(locale: Locale): Promise<void> {
  remember(locale)
  if (currentLocale() !== locale) await i18n.changeLanguage(locale)
  applyLocale(locale)
}

export { i18n }
