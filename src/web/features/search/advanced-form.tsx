/**
 * "Tìm kiếm nâng cao": every condition of the search as a form (the words, type, sender, signer,
 * year, a date range, the order). Submitting replaces the whole search state, back to page 1.
 */
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import dayjs, { type Dayjs } from 'dayjs'
import { SEARCH_KINDS, SEARCH_SORTS, type SearchKind, type SearchSort } from '@common/contracts/search'
import { DOCUMENT_TYPES } from '@common/document-types'
import { DATE_FORMAT } from '../../lib/format.ts'
import type { SearchFilters, SearchState } from './search-params.ts'

type Values = {
  q?: string
  kind?: SearchKind
  documentType?: string
  sender?: string
  signer?: string
  year?: number | null
  dates?: [Dayjs | null, Dayjs | null] | null
  sort: SearchSort
}

function toValues(state: SearchState): Values {
  const f = state.filters
  return {
    q: state.q,
    kind: f.kind as SearchKind | undefined,
    documentType: f.documentType,
    sender: f.sender,
    signer: f.signer,
    year: f.year ? Number(f.year) : null,
    dates: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
    sort: state.sort,
  }
}

function fromValues(values: Values, current: SearchState): SearchState {
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)
  const filters: SearchFilters = {
    // Register, unit and state come from the facets; the form keeps them as they are.
    registerId: current.filters.registerId,
    unitId: current.filters.unitId,
    state: current.filters.state,
    kind: values.kind,
    documentType: values.documentType,
    sender: text(values.sender),
    signer: text(values.signer),
    year: values.year ? String(values.year) : undefined,
    from: values.dates?.[0]?.format('YYYY-MM-DD'),
    to: values.dates?.[1]?.format('YYYY-MM-DD'),
  }
  const kept = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as SearchFilters
  return { q: values.q?.trim() ?? '', filters: kept, sort: values.sort, page: 1 }
}

export function AdvancedSearch({
  state,
  onSubmit,
}: {
  state: SearchState
  onSubmit: (next: SearchState) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const reset = () =>
    form.setFieldsValue({
      q: '',
      kind: undefined,
      documentType: undefined,
      sender: '',
      signer: '',
      year: null,
      dates: null,
      sort: 'relevance',
    })
  return (
    <Card size="small" className="search-advanced" data-testid="search-advanced">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(state)}
        onFinish={(values) => onSubmit(fromValues(values, state))}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="q"
              label={t('search.advanced.allWords')}
              extra={t('search.advanced.allWordsHint')}
            >
              <Input allowClear maxLength={300} data-testid="search-advanced-q" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="kind" label={t('search.advanced.kind')}>
              <Select
                allowClear
                placeholder={t('search.advanced.anyKind')}
                options={SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))}
                data-testid="search-advanced-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="documentType" label={t('search.advanced.documentType')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('search.advanced.anyType')}
                options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: d.name }))}
                data-testid="search-advanced-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="sender"
              label={t('search.advanced.sender')}
              extra={t('search.advanced.senderHint')}
            >
              <Input allowClear maxLength={300} data-testid="search-advanced-sender" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signer" label={t('search.advanced.signer')}>
              <Input allowClear maxLength={200} data-testid="search-advanced-signer" />
            </Form.Item>
          </Col>
          <Col xs={10} md={4}>
            <Form.Item name="year" label={t('search.advanced.year')}>
              <InputNumber
                min={1945}
                max={2100}
                style={{ width: '100%' }}
                data-testid="search-advanced-year"
              />
            </Form.Item>
          </Col>
          <Col xs={14} md={8}>
            <Form.Item name="sort" label={t('search.sort.label')}>
              <Select
                options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
                data-testid="search-advanced-sort"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} className="search-advanced-dates">
            <Form.Item name="dates" label={t('search.advanced.dates')}>
              <DatePicker.RangePicker
                format={DATE_FORMAT}
                allowEmpty={[true, true]}
                placeholder={[t('search.advanced.from'), t('search.advanced.to')]}
                style={{ width: '100%' }}
                data-testid="search-advanced-dates"
              />
            </Form.Item>
          </Col>
        </Row>
        <div className="search-advanced-actions">
          <Button onClick={reset} data-testid="search-advanced-reset">
            {t('search.advanced.reset')}
          </Button>
          <Button type="primary" htmlType="submit" data-testid="search-advanced-submit">
            {t('search.advanced.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  )
}
