/**
 * A highlighted piece of text from the server: plain parts and matched parts. Matched parts are
 * drawn in <mark>; everything is text, never HTML (the parts come from documents' contents).
 */
import { Fragment } from 'react'
import type { TSnippet } from '@common/contracts/search'

export function Snippet({ parts, testId }: { parts: TSnippet; testId?: string }) {
  return (
    <span data-testid={testId}>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </span>
  )
}
