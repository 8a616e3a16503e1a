/**
 * The application frame: navigation (a sider on desktop, a drawer on phones) listing only the
 * modules this user may use, and a header with notifications, language and the user menu.
 */
import { Suspense, useMemo, useState } from 'react'
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, type MenuProps } from 'antd'
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CloudDownloadOutlined,
  CommentOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  MonitorOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  NodeIndexOutlined,
  SendOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TSession } from '@common/contracts/auth'
import type { GlobalAction } from '@common/permissions'
import { PATHS } from '../lib/paths.ts'
import { can, useRequiredSession } from '../lib/session.ts'
import { useIsMobile } from '../lib/use-media.ts'
import { useSignOut } from '../features/auth/use-sign-out.ts'
import { NotificationBell } from '../features/notifications/notification-bell.tsx'
import { CALENDAR_PATH } from '../features/calendar/paths.ts'
import { InboxBadge } from '../features/inbox/inbox-badge.tsx'
import { DOC_PATHS } from '../features/documents-in/paths.ts'
import { OutgoingBadge } from '../features/documents-out/nav-badge.tsx'
import { OUT_PATHS } from '../features/documents-out/paths.ts'
import { ReceivedBadge } from '../features/exchange/nav-badge.tsx'
import { EXCHANGE_PATHS } from '../features/exchange/paths.ts'
import { MIGRATION_PATH } from '../features/migration/paths.ts'
import { DIGITISATION_NAV } from '../features/digitisation/nav.tsx'
import { SIGNATURE_PATHS } from '../features/signatures/paths.ts'
import { HeaderSearch } from '../features/search/header-search.tsx'
import { SEARCH_PATH } from '../features/search/paths.ts'
import { ConsultationsBadge } from '../features/consultations/nav-badge.tsx'
import { CONSULT_PATHS } from '../features/consultations/paths.ts'
import { CONSULTATION_ABILITIES } from '../features/consultations/roles.ts'
import { BrandMark } from './brand.tsx'
import { FullPageSpin } from './full-page-spin.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import './app.css'

type NavEntry = {
  key: string
  path: string
  labelKey: string
  icon: React.ReactNode
  /** One ability, or several of which any will do. */
  ability?: GlobalAction | readonly GlobalAction[]
  /** Shown after the label (a count). */
  extra?: React.ReactNode
}

const MAIN: NavEntry[] = [
  { key: 'home', path: PATHS.home, labelKey: 'nav.home', icon: <HomeOutlined /> },
  { key: 'search', path: SEARCH_PATH, labelKey: 'search.nav', icon: <SearchOutlined /> },
  {
    key: 'directory',
    path: PATHS.directory,
    labelKey: 'nav.directory',
    icon: <BankOutlined />,
    ability: 'organizations.read',
  },
  {
    key: 'inbox',
    path: DOC_PATHS.inbox,
    labelKey: 'nav.inbox',
    icon: <CheckSquareOutlined />,
    ability: 'documentsIn.read',
    extra: <InboxBadge />,
  },
  {
    key: 'documents-in',
    path: DOC_PATHS.list,
    labelKey: 'nav.documentsIn',
    icon: <FileDoneOutlined />,
    ability: 'documentsIn.read',
  },
  DIGITISATION_NAV,
  {
    key: 'documents-out',
    path: OUT_PATHS.list,
    labelKey: 'documentsOut.nav.list',
    icon: <SendOutlined />,
    ability: 'documentsOut.read',
    extra: <OutgoingBadge />,
  },
  {
    key: 'consultations',
    path: CONSULT_PATHS.list,
    labelKey: 'consultations.nav',
    icon: <CommentOutlined />,
    ability: CONSULTATION_ABILITIES,
    extra: <ConsultationsBadge />,
  },
  {
    key: 'exchange-received',
    path: EXCHANGE_PATHS.received,
    labelKey: 'exchange.nav.received',
    icon: <CloudDownloadOutlined />,
    ability: 'exchange.receive',
    extra: <ReceivedBadge />,
  },
  {
    key: 'exchange-tracking',
    path: EXCHANGE_PATHS.tracking,
    labelKey: 'exchange.nav.tracking',
    icon: <MonitorOutlined />,
    ability: 'exchange.receive',
  },
  {
    key: 'verify-signatures',
    path: SIGNATURE_PATHS.verify,
    labelKey: 'signatures.nav.verify',
    icon: <SafetyCertificateOutlined />,
    ability: 'signatures.verify',
  },
  {
    key: 'registers',
    path: DOC_PATHS.registers,
    labelKey: 'nav.registers',
    icon: <BookOutlined />,
    ability: 'registers.manage',
  },
  {
    key: 'my-delegations',
    path: PATHS.myDelegations,
    labelKey: 'nav.myDelegations',
    icon: <UserSwitchOutlined />,
    ability: 'delegations.own.manage',
  },
]

const ADMIN: NavEntry[] = [
  {
    key: 'admin-units',
    path: PATHS.units,
    labelKey: 'nav.units',
    icon: <ApartmentOutlined />,
    ability: 'admin.units.manage',
  },
  {
    key: 'admin-users',
    path: PATHS.users,
    labelKey: 'nav.users',
    icon: <TeamOutlined />,
    ability: 'admin.users.manage',
  },
  {
    key: 'admin-organizations',
    path: PATHS.organizations,
    labelKey: 'nav.organizations',
    icon: <BankOutlined />,
    ability: 'admin.organizations.manage',
  },
  {
    key: 'admin-delegations',
    path: PATHS.delegations,
    labelKey: 'nav.delegations',
    icon: <SolutionOutlined />,
    ability: 'admin.delegations.manage',
  },
  {
    key: 'admin-calendar',
    path: CALENDAR_PATH,
    labelKey: 'nav.calendar',
    icon: <CalendarOutlined />,
    ability: 'calendar.manage',
  },
  {
    key: 'admin-exchange',
    path: EXCHANGE_PATHS.admin,
    labelKey: 'exchange.nav.admin',
    icon: <DeploymentUnitOutlined />,
    ability: 'exchange.manage',
  },
  {
    key: 'admin-migration',
    path: MIGRATION_PATH,
    labelKey: 'migration.nav',
    icon: <DatabaseOutlined />,
    ability: 'migration.manage',
  },
  {
    key: 'admin-signing-keys',
    path: SIGNATURE_PATHS.signingKeys,
    labelKey: 'signatures.nav.signingKeys',
    icon: <KeyOutlined />,
    ability: 'signing.manage',
  },
  {
    key: 'admin-trusted-roots',
    path: SIGNATURE_PATHS.trustedRoots,
    labelKey: 'signatures.nav.trustedRoots',
    icon: <FileProtectOutlined />,
    ability: 'signing.manage',
  },
  {
    key: 'admin-approval-chains',
    path: SIGNATURE_PATHS.approvalChains,
    labelKey: 'signatures.nav.approvalChains',
    icon: <NodeIndexOutlined />,
    ability: 'signing.manage',
  },
  {
    key: 'admin-audit',
    path: PATHS.audit,
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    ability: 'audit.read',
  },
]

function allowed(session: TSession, entries: NavEntry[]): NavEntry[] {
  return entries.filter(
    (e) =>
      !e.ability || (typeof e.ability === 'string' ? [e.ability] : e.ability).some((a) => can(session, a)),
  )
}

function selectedKey(pathname: string): string {
  const all = [...MAIN, ...ADMIN].filter((e) => e.path !== '/')
  const match = all.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
  return match ? match.key : pathname === '/' ? 'home' : ''
}

function NavMenu({ session, onNavigate }: { session: TSession; onNavigate?: () => void }) {
  const { t } = useTranslation()
  const location = useLocation()
  const toItem = (e: NavEntry) => ({
    key: e.key,
    icon: e.icon,
    label: (
      <Link to={e.path} data-testid={`nav-${e.key}`} onClick={onNavigate}>
        {t(e.labelKey)}
        {e.extra}
      </Link>
    ),
  })
  const admin = allowed(session, ADMIN)
  const items: MenuProps['items'] = [
    ...allowed(session, MAIN).map(toItem),
    ...(admin.length > 0
      ? [
          {
            key: 'admin',
            icon: <SettingOutlined />,
            label: <span data-testid="nav-admin">{t('nav.admin')}</span>,
            children: admin.map(toItem),
          },
        ]
      : []),
  ]
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      defaultOpenKeys={['admin']}
      data-testid="nav"
    />
  )
}

function SiderBrand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation()
  return (
    <Link
      to="/"
      className={collapsed ? 'shell-brand is-collapsed' : 'shell-brand'}
      aria-label={t('nav.home')}
    >
      <BrandMark size={32} />
      {collapsed ? null : (
        <span className="shell-brand-text">
          <span className="shell-brand-name">{t('app.productName')}</span>
          <span className="shell-brand-sub">{t('app.systemShortName')}</span>
        </span>
      )}
    </Link>
  )
}

function UserMenu({ session, compact }: { session: TSession; compact: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const signOut = useSignOut()
  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div className="user-menu-who">
          <div className="user-menu-name">{session.user.fullName}</div>
          <div className="user-menu-username">{session.user.username}</div>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'profile',
      icon: <ProfileOutlined />,
      label: <span data-testid="user-menu-profile">{t('nav.profile')}</span>,
    },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="user-menu-password">{t('nav.password')}</span>,
    },
    {
      key: 'two-factor',
      icon: <SafetyCertificateOutlined />,
      label: <span data-testid="user-menu-two-factor">{t('nav.twoFactor')}</span>,
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('nav.logout')}</span>,
    },
  ]
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') signOut()
    else if (key === 'profile') void navigate(PATHS.profile)
    else if (key === 'password') void navigate(PATHS.password)
    else if (key === 'two-factor') void navigate(PATHS.twoFactor)
  }
  return (
    <Dropdown trigger={['click']} placement="bottomRight" menu={{ items, onClick }}>
      <Button type="text" className="user-menu-button" data-testid="user-menu" aria-label={t('nav.userMenu')}>
        <Avatar size={28} style={{ background: '#0f8b8d' }} icon={<UserOutlined />} />
        {compact ? null : <span className="user-menu-label">{session.user.fullName}</span>}
      </Button>
    </Dropdown>
  )
}

export function AppShell() {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const isMobile = useIsMobile()
  const [collapsed, setCollapsed] = useState(false)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const organizationName = session.user.organizationName
  const nav = useMemo(() => <NavMenu session={session} />, [session])

  return (
    <Layout className="shell" hasSider={!isMobile}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={272}
          closable={false}
          destroyOnHidden
          styles={{ body: { padding: 0, background: '#0b2f4e' } }}
          data-testid="nav-drawer"
        >
          <SiderBrand collapsed={false} />
          <NavMenu session={session} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          width={248}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          className="shell-sider"
          data-testid="sider"
        >
          <SiderBrand collapsed={collapsed} />
          {nav}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="shell-header">
          {isMobile ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('nav.openMenu')}
              data-testid="nav-toggle"
            />
          ) : null}
          <div className="shell-header-title" title={organizationName}>
            {isMobile ? t('app.productName') : organizationName}
          </div>
          <HeaderSearch compact={isMobile} />
          <div className="shell-header-actions">
            <NotificationBell />
            <LanguageSwitch compact={isMobile} />
            <UserMenu session={session} compact={isMobile} />
          </div>
        </Layout.Header>
        <Layout.Content className="shell-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
