/**
 * A verification result in Vietnamese: the summary (valid or not), then per signature the
 * signer, the certificate (issuer, validity), the chain, the signing time, what it covers and
 * the problems as the server words them.
 */
import { Alert, Card, Descriptions, Empty, Tag } from 'antd'
import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TVerificationResult } from '@common/contracts/documents-out'
import { formatDateTime } from '../../lib/format.ts'

type Report = TVerificationResult['signatures'][number]

function Check({
  ok,
  yes,
  no,
  testId,
  isSoft = false,
}: {
  ok: boolean
  yes: string
  no: string
  testId: string
  /** Not a failure by itself (a later signature appended after this one). */
  isSoft?: boolean
}) {
  return (
    <Tag
      color={ok ? 'success' : isSoft ? 'default' : 'error'}
      icon={ok ? <CheckCircleFilled /> : isSoft ? <InfoCircleFilled /> : <CloseCircleFilled />}
      data-testid={testId}
      data-ok={ok ? 'true' : 'false'}
    >
      {ok ? yes : no}
    </Tag>
  )
}

function SignatureCard({ report, index }: { report: Report; index: number }) {
  const { t } = useTranslation()
  const cert = report.certificate
  const dash = <span className="doc-muted">—</span>
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid={`verify-signature-${index}`}
      data-valid={report.isValid ? 'true' : 'false'}
      title={
        <span className="sig-card-title">
          {report.isValid ? (
            <CheckCircleFilled style={{ color: '#389e0d' }} />
          ) : (
            <CloseCircleFilled style={{ color: '#cf1322' }} />
          )}
          <span>{report.signerName ?? cert?.commonName ?? report.fieldName}</span>
          <Tag color={report.isValid ? 'success' : 'error'}>
            {report.isValid ? t('signatures.verify.valid') : t('signatures.verify.invalid')}
          </Tag>
        </span>
      }
    >
      <div className="sig-checks">
        <Check
          ok={report.isIntact}
          yes={t('signatures.verify.intact')}
          no={t('signatures.verify.notIntact')}
          testId="verify-intact"
        />
        <Check
          ok={report.isChainTrusted}
          yes={t('signatures.verify.trusted')}
          no={t('signatures.verify.untrusted')}
          testId="verify-trusted"
        />
        <Check
          ok={report.isCertificateValidAtSigningTime}
          yes={t('signatures.verify.certValid')}
          no={t('signatures.verify.certInvalid')}
          testId="verify-cert-valid"
        />
        <Check
          ok={report.coversWholeDocument}
          yes={t('signatures.verify.coversAll')}
          no={t('signatures.verify.coversPart')}
          testId="verify-coverage"
          isSoft={report.isValid}
        />
      </div>
      {report.problemMessages.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('signatures.verify.problems')}
          description={
            <ul className="doc-warning-list" data-testid="verify-problems">
              {report.problemMessages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 12 }}
        styles={{ label: { width: 170 } }}
        items={[
          { key: 'signer', label: t('signatures.verify.signer'), children: cert?.subject ?? dash },
          { key: 'issuer', label: t('signatures.verify.issuer'), children: cert?.issuer ?? dash },
          {
            key: 'validity',
            label: t('signatures.verify.validity'),
            children: cert
              ? t('signatures.verify.validityRange', {
                  from: formatDateTime(cert.notBefore),
                  to: formatDateTime(cert.notAfter),
                })
              : dash,
          },
          { key: 'serial', label: t('signatures.verify.serial'), children: cert?.serialNumber ?? dash },
          {
            key: 'time',
            label: t('signatures.verify.signingTime'),
            children: report.signingTime ? formatDateTime(report.signingTime, true) : dash,
          },
          ...(report.reason
            ? [{ key: 'reason', label: t('signatures.verify.reason'), children: report.reason }]
            : []),
          ...(report.location
            ? [{ key: 'location', label: t('signatures.verify.location'), children: report.location }]
            : []),
          { key: 'format', label: t('signatures.verify.format'), children: report.subFilter ?? dash },
          {
            key: 'fingerprint',
            label: t('signatures.verify.fingerprint'),
            children: cert ? <code className="sig-fingerprint">{cert.sha256Fingerprint}</code> : dash,
          },
        ]}
      />
    </Card>
  )
}

export function VerificationView({ result }: { result: TVerificationResult }) {
  const { t } = useTranslation()
  return (
    <div data-testid="verify-result" data-valid={result.isValid ? 'true' : 'false'}>
      <Alert
        type={result.isValid ? 'success' : result.isSigned ? 'error' : 'warning'}
        showIcon
        title={<span data-testid="verify-summary">{result.summary}</span>}
        description={
          <span className="doc-muted">
            {t('signatures.verify.fileLine', {
              filename: result.filename,
              at: formatDateTime(result.verifiedAt, true),
            })}
          </span>
        }
      />
      {result.signatures.length === 0 ? (
        <Empty description={t('signatures.verify.noSignatures')} style={{ marginTop: 16 }} />
      ) : (
        result.signatures.map((s, i) => <SignatureCard key={`${s.fieldName}-${i}`} report={s} index={i} />)
      )}
    </div>
  )
}
