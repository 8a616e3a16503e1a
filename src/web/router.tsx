/**
 * Routes. Every page is a lazy chunk; the shell and the sign-in steps decide where a user may be
 * from the session (sign in → second factor → forced password change → the application).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { createBrowserRouter } from 'react-router'
import type { GlobalAction } from '@common/permissions'
import { Root } from './components/root.tsx'
import { AppOnly, StepOnly } from './components/guards.tsx'
import { RequireAbility } from './components/require-ability.tsx'
import { RouteError } from './components/route-error.tsx'
import { PATHS } from './lib/paths.ts'
import { CALENDAR_PATH } from './features/calendar/paths.ts'
import { DOC_PATHS } from './features/documents-in/paths.ts'
import { OUT_PATHS } from './features/documents-out/paths.ts'
import { EXCHANGE_PATHS } from './features/exchange/paths.ts'
import { MIGRATION_PATH } from './features/migration/paths.ts'
import { DIGITISATION_PATH } from './features/digitisation/paths.ts'
import { SIGNATURE_PATHS } from './features/signatures/paths.ts'
import { SEARCH_PATH } from './features/search/paths.ts'
import { CONSULT_PATHS } from './features/consultations/paths.ts'
import { consultationsOnly } from './features/consultations/guard.tsx'

const RELOADED_KEY = 'eoffice.chunkReload'

/**
 * After a new version is deployed, an open tab asks for chunk files that no longer exist: load
 * the new index.html once instead of failing (a second failure is a real error and is thrown).
 */
async function loadChunk<M>(load: () => Promise<M>): Promise<M> {
  try {
    const module = await load()
    sessionStorage.removeItem(RELOADED_KEY)
    return module
  } catch (error) {
    if (!sessionStorage.getItem(RELOADED_KEY)) {
      sessionStorage.setItem(RELOADED_KEY, '1')
      window.location.reload()
      return new Promise<M>(() => undefined)
    }
    throw error
  }
}

/** React.lazy for modules with named exports (the house style has no default exports). */
function page<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await loadChunk(load))[name] as ComponentType }))
}

const AppShell = page(() => import('./components/app-shell.tsx'), 'AppShell')
const LoginPage = page(() => import('./features/auth/login-page.tsx'), 'LoginPage')
const TotpVerifyPage = page(() => import('./features/auth/totp-verify-page.tsx'), 'TotpVerifyPage')
const TotpSetupPage = page(() => import('./features/auth/totp-setup-page.tsx'), 'TotpSetupPage')
const ForcedPasswordPage = page(
  () => import('./features/auth/forced-password-page.tsx'),
  'ForcedPasswordPage',
)
const HomePage = page(() => import('./features/home/home-page.tsx'), 'HomePage')
const DirectoryPage = page(() => import('./features/organizations/directory-page.tsx'), 'DirectoryPage')
const OrganizationsAdminPage = page(
  () => import('./features/organizations/organizations-admin-page.tsx'),
  'OrganizationsAdminPage',
)
const UnitsPage = page(() => import('./features/units/units-page.tsx'), 'UnitsPage')
const UsersPage = page(() => import('./features/users/users-page.tsx'), 'UsersPage')
const DelegationsAdminPage = page(
  () => import('./features/delegations/delegations-page.tsx'),
  'DelegationsAdminPage',
)
const MyDelegationsPage = page(
  () => import('./features/delegations/delegations-page.tsx'),
  'MyDelegationsPage',
)
const AuditPage = page(() => import('./features/audit/audit-page.tsx'), 'AuditPage')
const CalendarPage = page(() => import('./features/calendar/calendar-page.tsx'), 'CalendarPage')
const ProfilePage = page(() => import('./features/account/profile-page.tsx'), 'ProfilePage')
const PasswordPage = page(() => import('./features/account/password-page.tsx'), 'PasswordPage')
const TwoFactorPage = page(() => import('./features/account/two-factor-page.tsx'), 'TwoFactorPage')
const NotFoundPage = page(() => import('./components/not-found.tsx'), 'NotFoundPage')
const DocumentsInPage = page(() => import('./features/documents-in/list-page.tsx'), 'DocumentsInPage')
const RegisterIncomingPage = page(
  () => import('./features/documents-in/register-page.tsx'),
  'RegisterIncomingPage',
)
const DocumentPage = page(() => import('./features/documents-in/document-page.tsx'), 'DocumentPage')
const InboxPage = page(() => import('./features/inbox/inbox-page.tsx'), 'InboxPage')
const RegistersPage = page(() => import('./features/registers/registers-page.tsx'), 'RegistersPage')
const DocumentsOutPage = page(() => import('./features/documents-out/list-page.tsx'), 'DocumentsOutPage')
const CreateDraftPage = page(() => import('./features/documents-out/create-page.tsx'), 'CreateDraftPage')
const OutgoingDocumentPage = page(
  () => import('./features/documents-out/document-page.tsx'),
  'OutgoingDocumentPage',
)
const VerifyPage = page(() => import('./features/signatures/verify-page.tsx'), 'VerifyPage')
const TrustedRootsPage = page(
  () => import('./features/signatures/trusted-roots-page.tsx'),
  'TrustedRootsPage',
)
const SigningKeysPage = page(() => import('./features/signatures/signing-keys-page.tsx'), 'SigningKeysPage')
const ApprovalChainsPage = page(
  () => import('./features/signatures/approval-chains-page.tsx'),
  'ApprovalChainsPage',
)
const ReceivedListPage = page(() => import('./features/exchange/received-list-page.tsx'), 'ReceivedListPage')
const ReceivedPage = page(() => import('./features/exchange/received-page.tsx'), 'ReceivedPage')
const TrackingPage = page(() => import('./features/exchange/tracking-page.tsx'), 'TrackingPage')
const ExchangeAdminPage = page(() => import('./features/exchange/admin-page.tsx'), 'ExchangeAdminPage')
const MigrationPage = page(() => import('./features/migration/migration-page.tsx'), 'MigrationPage')
const DigitisationPage = page(
  () => import('./features/digitisation/digitisation-page.tsx'),
  'DigitisationPage',
)
const ScanBatchPage = page(() => import('./features/digitisation/batch-page.tsx'), 'BatchPage')

const SearchPage = page(() => import('./features/search/search-page.tsx'), 'SearchPage')
const ConsultationsPage = page(() => import('./features/consultations/list-page.tsx'), 'ConsultationsPage')
const CreateConsultationPage = page(
  () => import('./features/consultations/form-page.tsx'),
  'CreateConsultationPage',
)
const EditConsultationPage = page(
  () => import('./features/consultations/form-page.tsx'),
  'EditConsultationPage',
)
const ConsultationPage = page(
  () => import('./features/consultations/consultation-page.tsx'),
  'ConsultationPage',
)

function guarded(ability: GlobalAction, Page: ComponentType) {
  return (
    <RequireAbility ability={ability}>
      <Page />
    </RequireAbility>
  )
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <StepOnly step="login" page={<LoginPage />} /> },
      { path: '/login/verify', element: <StepOnly step="verify" page={<TotpVerifyPage />} /> },
      { path: '/login/setup-2fa', element: <StepOnly step="setup" page={<TotpSetupPage />} /> },
      { path: '/login/change-password', element: <StepOnly step="password" page={<ForcedPasswordPage />} /> },
      {
        element: <AppOnly shell={<AppShell />} />,
        children: [
          { index: true, element: <HomePage /> },
          { path: PATHS.directory, element: guarded('organizations.read', DirectoryPage) },
          { path: PATHS.myDelegations, element: guarded('delegations.own.manage', MyDelegationsPage) },
          { path: PATHS.units, element: guarded('admin.units.manage', UnitsPage) },
          { path: PATHS.users, element: guarded('admin.users.manage', UsersPage) },
          {
            path: PATHS.organizations,
            element: guarded('admin.organizations.manage', OrganizationsAdminPage),
          },
          { path: PATHS.delegations, element: guarded('admin.delegations.manage', DelegationsAdminPage) },
          { path: PATHS.audit, element: guarded('audit.read', AuditPage) },
          { path: CALENDAR_PATH, element: guarded('calendar.manage', CalendarPage) },
          { path: DOC_PATHS.inbox, element: guarded('documentsIn.read', InboxPage) },
          { path: DOC_PATHS.list, element: guarded('documentsIn.read', DocumentsInPage) },
          { path: DOC_PATHS.register, element: guarded('documentsIn.register', RegisterIncomingPage) },
          { path: `${DOC_PATHS.list}/:id`, element: guarded('documentsIn.read', DocumentPage) },
          { path: DOC_PATHS.registers, element: guarded('registers.manage', RegistersPage) },
          { path: OUT_PATHS.list, element: guarded('documentsOut.read', DocumentsOutPage) },
          { path: OUT_PATHS.create, element: guarded('documentsOut.draft', CreateDraftPage) },
          { path: `${OUT_PATHS.list}/:id`, element: guarded('documentsOut.read', OutgoingDocumentPage) },
          { path: EXCHANGE_PATHS.received, element: guarded('exchange.receive', ReceivedListPage) },
          { path: `${EXCHANGE_PATHS.received}/:id`, element: guarded('exchange.receive', ReceivedPage) },
          { path: EXCHANGE_PATHS.tracking, element: guarded('exchange.receive', TrackingPage) },
          { path: EXCHANGE_PATHS.admin, element: guarded('exchange.manage', ExchangeAdminPage) },
          { path: MIGRATION_PATH, element: guarded('migration.manage', MigrationPage) },
          { path: DIGITISATION_PATH, element: guarded('documentsIn.register', DigitisationPage) },
          { path: `${DIGITISATION_PATH}/:id`, element: guarded('documentsIn.register', ScanBatchPage) },
          { path: SIGNATURE_PATHS.verify, element: guarded('signatures.verify', VerifyPage) },
          { path: SIGNATURE_PATHS.trustedRoots, element: guarded('signing.manage', TrustedRootsPage) },
          { path: SIGNATURE_PATHS.signingKeys, element: guarded('signing.manage', SigningKeysPage) },
          { path: SIGNATURE_PATHS.approvalChains, element: guarded('signing.manage', ApprovalChainsPage) },
          { path: CONSULT_PATHS.list, element: consultationsOnly(ConsultationsPage) },
          { path: CONSULT_PATHS.create, element: guarded('consultations.manage', CreateConsultationPage) },
          { path: `${CONSULT_PATHS.list}/:id`, element: consultationsOnly(ConsultationPage) },
          {
            path: `${CONSULT_PATHS.list}/:id/edit`,
            element: guarded('consultations.manage', EditConsultationPage),
          },
          { path: SEARCH_PATH, element: <SearchPage /> },
          { path: PATHS.profile, element: <ProfilePage /> },
          { path: PATHS.password, element: <PasswordPage /> },
          { path: PATHS.twoFactor, element: <TwoFactorPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])
