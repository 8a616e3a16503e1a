/**
 * "Đoạn khớp với tìm kiếm": on a document's page opened from the search results (?hl=<query>),
 * the title and the passages of its files' text where the query matches, highlighted. Nothing
 * is shown without ?hl=.
 */
import { Alert, Button, Card, Skeleton, Typography } from 'antd'
import { HighlightOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Link, useLocation, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { SearchKind } from '@common/contracts/search'
import { errorText } from '../../lib/errors.ts'
import { SEARCH_KEY, searchApi } from './api.ts'
import { SEARCH_PATH } from './paths.ts'
import { searchHref } from './search-params.ts'
import { Snippet } from './snippet.tsx'
import './search.css'

/** The search the user came from (kept by the results' links), else a new search for the same words. */
function backHref(state: unknown, q: string): string {
  const from = (state as { searchFrom?: unknown } | null)?.searchFrom
  return typeof from === 'string' && from.startsWith(`${SEARCH_PATH}?`) ? from : searchHref({ q })
}

export function SearchMatches({ kind, id }: { kind: SearchKind; id: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  const [params, setParams] = useSearchParams()
  const q = (params.get('hl') ?? '').trim().slice(0, 300)
  const query = useQuery({
    queryKey: [...SEARCH_KEY, 'highlight', kind, id, q],
    queryFn: () => searchApi.highlight({ kind, id, q }),
    enabled: q !== '' && id !== '',
  })
  if (!q) return null
  const hide = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.delete('hl')
        return next
      },
      { replace: true },
    )
  const data = query.data
  const titleHasMatch = data?.title.some((p) => p.match) ?? false
  const matchCountText =
    data?.matchCount === 1
      ? t('search.matches.countOne')
      : t('search.matches.count', { n: data?.matchCount ?? 0 })
  return (
    <Card
      size="small"
      className="search-matches"
      data-testid="search-matches"
      title={
        <span>
          <HighlightOutlined /> {t('search.matches.title')}
        </span>
      }
      extra={
        <span className="search-matches-links">
          <Link to={backHref(location.state, q)} data-testid="search-matches-back">
            {t('search.matches.back')}
          </Link>
          <Button type="link" size="small" onClick={hide} data-testid="search-matches-hide">
            {t('search.matches.hide')}
          </Button>
        </span>
      }
    >
      <div className="search-matches-query">
        {t('search.matches.query')} <strong data-testid="search-matches-q">{q}</strong>
      </div>
      {query.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      ) : query.isError ? (
        <Alert type="warning" showIcon title={errorText(t, query.error)} data-testid="search-matches-error" />
      ) : !data ? null : (
        <>
          {titleHasMatch ? (
            <div className="search-matches-title">
              <Typography.Text type="secondary">
                {t(kind === 'consultation' ? 'search.matches.inConsultationTitle' : 'search.matches.inTitle')}
              </Typography.Text>
              <div>
                <Snippet parts={data.title} testId="search-matches-title" />
              </div>
            </div>
          ) : null}
          {data.passages.length > 0 ? (
            <div>
              <Typography.Text type="secondary" data-testid="search-matches-count">
                {t(kind === 'consultation' ? 'search.matches.inConsultationText' : 'search.matches.inText')} (
                {matchCountText})
              </Typography.Text>
              <ol className="search-passages" data-testid="search-passages">
                {data.passages.map((passage, i) => (
                  <li key={i} data-testid="search-passage">
                    <Snippet parts={passage} />
                  </li>
                ))}
              </ol>
            </div>
          ) : (
            <Typography.Paragraph
              type="secondary"
              style={{ margin: 0 }}
              data-testid="search-matches-no-passages"
            >
              {t('search.matches.noPassages')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  )
}
