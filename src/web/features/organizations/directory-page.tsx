/** Danh bạ cơ quan: the organizations we correspond with, read-only. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TOrganization } from '@common/contracts/organizations'
import { PageHeader } from '../../components/page-header.tsx'
import { OrganizationDetails } from './organization-details.tsx'
import { OrganizationTable } from './organization-table.tsx'

export function DirectoryPage() {
  const { t } = useTranslation()
  const [open, setOpen] = useState<TOrganization | null>(null)
  return (
    <>
      <PageHeader title={t('nav.directory')} subtitle={t('organizations.directorySubtitle')} />
      <OrganizationTable onOpen={setOpen} />
      <OrganizationDetails organization={open} onClose={() => setOpen(null)} />
    </>
  )
}
