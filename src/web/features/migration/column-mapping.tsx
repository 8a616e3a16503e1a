/** The documented column mapping of a kind (the same table the server reads), with the template to download. */
import { Button, Collapse, Table, Tag, Typography } from 'antd'
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { MIGRATION_COLUMNS, type MigrationKind, type TMigrationColumn } from '@common/contracts/migration'
import { migrationApi } from './api.ts'

export function ColumnMapping({ kind }: { kind: MigrationKind }) {
  const { t } = useTranslation()
  const table = (
    <>
      <Typography.Paragraph type="secondary">{t('migration.mapping.intro')}</Typography.Paragraph>
      <Table<TMigrationColumn>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={[...MIGRATION_COLUMNS[kind]]}
        scroll={{ x: 800 }}
        columns={[
          {
            title: t('migration.mapping.header'),
            dataIndex: 'header',
            width: 170,
            render: (h: string, c) => (
              <span>
                <strong>{h}</strong>
                {c.isRequired ? (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    {t('migration.mapping.required')}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          {
            title: t('migration.mapping.meaning'),
            key: 'meaning',
            render: (_, c) => t(`migration.fields.${c.field}`),
          },
          {
            title: t('migration.mapping.aliases'),
            dataIndex: 'aliases',
            width: 240,
            render: (a: readonly string[]) => <span className="doc-muted">{a.join(', ')}</span>,
          },
          {
            title: t('migration.mapping.example'),
            dataIndex: 'example',
            width: 200,
            render: (e: string) => (e ? <code>{e}</code> : null),
          },
        ]}
        data-testid="migration-mapping"
      />
    </>
  )
  return (
    <Collapse
      items={[
        {
          key: 'mapping',
          label: t('migration.mapping.title', { kind: t(`migration.kinds.${kind}`) }),
          extra: (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={migrationApi.templateUrl(kind)}
              onClick={(e) => e.stopPropagation()}
              data-testid="migration-template"
            >
              {t('migration.actions.downloadTemplate')}
            </Button>
          ),
          children: table,
        },
      ]}
    />
  )
}
