/**
 * The search box in the header, for every signed-in user: suggestions as you type (documents
 * whose title or number matches, debounced), Enter searches everything on /search, a suggestion
 * opens its document. On phones a button opens the box at the top of the screen.
 */
import { useRef, useState, type KeyboardEvent } from 'react'
import { AutoComplete, Button, Drawer, Input } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useLocation, useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TSuggestResult } from '@common/contracts/search'
import { formatDate } from '../../lib/format.ts'
import { useDebounced } from '../../lib/use-debounced.ts'
import { SEARCH_KEY, searchApi } from './api.ts'
import { KindTag } from './labels.tsx'
import { SEARCH_PATH } from './paths.ts'
import { hitHref, searchHref } from './search-params.ts'
import { Snippet } from './snippet.tsx'
import './search.css'

/** Suggestions start at two characters: one Vietnamese letter matches nearly everything. */
const MIN_CHARS = 2
const DOC_OPTION = 'doc:'
const ALL_OPTION = 'all:'

type Suggestion = TSuggestResult['items'][number]

function SuggestionRow({ item }: { item: Suggestion }) {
  const meta = [item.numberAndNotation, formatDate(item.date)].filter(Boolean).join(' · ')
  return (
    <div className="search-suggestion" data-testid="search-suggestion" data-id={item.id}>
      <div className="search-suggestion-title">
        <KindTag kind={item.kind} />
        <Snippet parts={item.title} />
      </div>
      {meta ? <div className="search-suggestion-meta">{meta}</div> : null}
    </div>
  )
}

function SuggestBox({
  isCompact = false,
  onDone,
}: {
  /** Phones: the box has the screen's width, and so has the list of suggestions. */
  isCompact?: boolean
  onDone?: () => void
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const selecting = useRef(false)
  const debounced = useDebounced(text.trim(), 200)
  const isEnabled = debounced.length >= MIN_CHARS
  const suggest = useQuery({
    queryKey: [...SEARCH_KEY, 'suggest', debounced],
    queryFn: () => searchApi.suggest(debounced),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
  const items = isEnabled && text.trim().length >= MIN_CHARS ? (suggest.data?.items ?? []) : []

  const finish = (to: string) => {
    setText('')
    onDone?.()
    void navigate(to)
  }
  const searchAll = () => {
    const q = text.trim()
    if (q) finish(searchHref({ q }))
  }
  const onSelect = (value: string) => {
    selecting.current = true
    if (value.startsWith(DOC_OPTION)) {
      const item = items.find((s) => `${DOC_OPTION}${s.kind}:${s.id}` === value)
      if (item) finish(hitHref(item, text))
    } else searchAll()
  }
  // Enter on a highlighted suggestion selects it (onSelect runs in the same event); otherwise it
  // searches everything for the text typed.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
    setTimeout(() => {
      if (!selecting.current) searchAll()
      selecting.current = false
    }, 0)
  }

  const q = text.trim()
  const options =
    q.length >= MIN_CHARS
      ? [
          ...items.map((item) => ({
            value: `${DOC_OPTION}${item.kind}:${item.id}`,
            label: <SuggestionRow item={item} />,
          })),
          {
            value: `${ALL_OPTION}${q}`,
            label: (
              <div className="search-suggestion-all" data-testid="search-suggestion-all">
                <SearchOutlined /> {t('search.header.searchAll', { q })}
              </div>
            ),
          },
        ]
      : []

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={(value: string) => {
        if (!value.startsWith(DOC_OPTION) && !value.startsWith(ALL_OPTION)) setText(value)
      }}
      onSelect={onSelect}
      defaultActiveFirstOption={false}
      popupMatchSelectWidth={isCompact ? true : 440}
      className="header-search-box"
      data-testid="header-search"
    >
      <Input
        allowClear
        autoFocus={isCompact}
        prefix={<SearchOutlined className="header-search-icon" />}
        placeholder={t('search.header.placeholder')}
        aria-label={t('search.header.placeholder')}
        onKeyDown={onKeyDown}
        maxLength={300}
        data-testid="header-search-input"
      />
    </AutoComplete>
  )
}

/** Hidden on the search page itself, which has its own box. */
export function HeaderSearch({ compact }: { compact: boolean }) {
  const { t } = useTranslation()
  const location = useLocation()
  const [open, setOpen] = useState(false)
  if (location.pathname === SEARCH_PATH) return null
  if (!compact) {
    return (
      <div className="header-search" role="search">
        <SuggestBox />
      </div>
    )
  }
  return (
    <>
      <Button
        type="text"
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('search.header.open')}
        data-testid="header-search-open"
      />
      <Drawer
        placement="top"
        open={open}
        onClose={() => setOpen(false)}
        size="auto"
        title={t('search.nav')}
        destroyOnHidden
        styles={{ body: { padding: 12 } }}
        data-testid="header-search-drawer"
      >
        <div role="search">
          <SuggestBox isCompact onDone={() => setOpen(false)} />
        </div>
      </Drawer>
    </>
  )
}
